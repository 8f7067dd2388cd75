#include "pipeline/document_reader.h"

#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace sverka;

TEST_CASE("a raw article is split into paragraphs and sentences with offsets", "[pipeline]") {
  testing::ScratchDir dir;
  const std::string text = "Заголовок\n\nПервое предложение. Второе\nпредложение.\n\nТретье.";
  testing::WriteFile(dir / "a.ru.txt", text);
  auto side = pipeline::ReadSide(dir / "a.ru.txt", Language::kRussian, {});
  REQUIRE(side.ok());
  REQUIRE(side->sentences.size() == 4);
  CHECK(side->sentences[0].text == "Заголовок");
  CHECK(side->sentences[0].paragraph == 0);
  CHECK(side->sentences[2].text == "Второе предложение.");  // line break collapsed
  CHECK(side->sentences[2].paragraph == 1);
  CHECK(side->sentences[3].paragraph == 2);
  const auto& s = side->sentences[1];
  CHECK(text.substr(s.start_offset, s.end_offset - s.start_offset) == "Первое предложение.");
}

TEST_CASE("offsets count the BOM: they point into the file as stored", "[pipeline]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "a.txt", "\xEF\xBB\xBFOne. Two.");
  auto side = pipeline::ReadSide(dir / "a.txt", Language::kEnglish, {});
  REQUIRE(side.ok());
  REQUIRE(side->sentences.size() == 2);
  CHECK(side->sentences[0].start_offset == 3);
  CHECK(side->sentences[1].start_offset == 8);
}

TEST_CASE("presegmented input takes one sentence per line; blank lines start paragraphs", "[pipeline]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "a.sent", "One. Still one.\r\nTwo.\n\n\nThree.\n");
  auto side = pipeline::ReadSide(dir / "a.sent", Language::kEnglish, {.presegmented = true});
  REQUIRE(side.ok());
  REQUIRE(side->sentences.size() == 3);
  CHECK(side->sentences[0].text == "One. Still one.");
  CHECK(side->sentences[1].paragraph == 0);
  CHECK(side->sentences[2].paragraph == 1);
}

TEST_CASE("the side's hash is of the file's bytes", "[pipeline]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "a.txt", "Same.");
  testing::WriteFile(dir / "b.txt", "Same.");
  auto a = pipeline::ReadSide(dir / "a.txt", Language::kEnglish, {});
  auto b = pipeline::ReadSide(dir / "b.txt", Language::kEnglish, {});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->hash == b->hash);
  CHECK(a->hash == tm::ContentHash("Same."));
}
