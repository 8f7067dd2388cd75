#include "pipeline/document_reader.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "common/document.h"

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

TEST_CASE("StreamSide gives the sentences ReadSide gives, for streamed and whole-read files",
          "[pipeline]") {
  testing::ScratchDir dir;
  // The double space stays in both (text::SentenceText): streaming once collapsed it.
  testing::WriteFile(dir / "a.txt", "\xEF\xBB\xBFЗаголовок\n\nОдин. Два т. е. три.\nЧетыре  слова.\n\nПять.");
  testing::WriteFile(dir / "w.txt", "\xC4\xE0. \xCD\xE5\xF2.\n");  // Windows-1251: read whole
  testing::WriteFile(dir / "a.html", "<p>Один. Два.</p><p>Три.</p>");
  for (const std::string name : {"a.txt", "w.txt", "a.html"}) {
    auto side = pipeline::ReadSide(dir / name, Language::kRussian, {});
    REQUIRE(side.ok());
    std::vector<SentenceRecord> streamed;
    const Status status = pipeline::StreamSide(dir / name, Language::kRussian, {},
                                               [&](const SentenceRecord& s) { streamed.push_back(s); });
    REQUIRE(status.ok());
    INFO(name);
    REQUIRE(streamed.size() == side->sentences.size());
    for (size_t i = 0; i < streamed.size(); ++i) {
      CHECK(streamed[i].text == side->sentences[i].text);
      CHECK(streamed[i].paragraph == side->sentences[i].paragraph);
      CHECK(streamed[i].start_offset == side->sentences[i].start_offset);
      CHECK(streamed[i].end_offset == side->sentences[i].end_offset);
    }
    if (name == "a.txt") {
      CHECK(std::any_of(streamed.begin(), streamed.end(),
                        [](const SentenceRecord& s) { return s.text.find("Четыре  слова.") != std::string::npos; }));
    }
  }
}

TEST_CASE("a CR-only file (classic Mac OS) reads as its LF copy: paragraphs, sentences, offsets",
          "[pipeline]") {
  testing::ScratchDir dir;
  const std::string lf = "Заголовок\n\nПервое предложение. Второе\nпредложение.\n\nТретье.\n";
  std::string cr = lf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  testing::WriteFile(dir / "lf.txt", lf);
  testing::WriteFile(dir / "cr.txt", cr);
  auto a = pipeline::ReadSide(dir / "lf.txt", Language::kRussian, {});
  auto b = pipeline::ReadSide(dir / "cr.txt", Language::kRussian, {});
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(a->sentences.size() == 4);
  REQUIRE(b->sentences.size() == 4);
  for (size_t i = 0; i < 4; ++i) {
    CHECK(b->sentences[i].text == a->sentences[i].text);
    CHECK(b->sentences[i].paragraph == a->sentences[i].paragraph);
    CHECK(b->sentences[i].start_offset == a->sentences[i].start_offset);
    CHECK(b->sentences[i].end_offset == a->sentences[i].end_offset);
  }
  CHECK(b->sentences[2].text == "Второе предложение.");
  CHECK(b->sentences[3].paragraph == 2);
}

TEST_CASE("a Windows-1251 side keeps offsets into the file as stored", "[pipeline]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "w.txt", "\xC4\xE0. \xCD\xE5\xF2.\n");
  auto side = pipeline::ReadSide(dir / "w.txt", Language::kRussian, {});
  REQUIRE(side.ok());
  REQUIRE(side->sentences.size() == 2);
  CHECK(side->sentences[1].text == "Нет.");
  CHECK(side->sentences[1].start_offset == 4);
  CHECK(side->sentences[1].end_offset == 8);
}

TEST_CASE("CRLF files: paragraphs and hard wraps read as with LF, offsets into the file", "[pipeline]") {
  testing::ScratchDir dir;
  const std::string text = "Один\r\nпример. Два.\r\n\r\nТри.\r\n";
  testing::WriteFile(dir / "a.txt", text);
  auto side = pipeline::ReadSide(dir / "a.txt", Language::kRussian, {});
  REQUIRE(side.ok());
  REQUIRE(side->sentences.size() == 3);
  CHECK(side->sentences[0].text == "Один пример.");
  CHECK(side->sentences[2].paragraph == 1);
  CHECK(text.substr(side->sentences[2].start_offset, 7) == "Три.");
}

TEST_CASE("one paragraph per line is detected from long lines, or chosen", "[pipeline]") {
  testing::ScratchDir dir;
  const std::string para(250, 'a');
  testing::WriteFile(dir / "a.txt", "Один " + para + ".\nДва " + para + ".\n");
  auto side = pipeline::ReadSide(dir / "a.txt", Language::kRussian, {});
  REQUIRE(side.ok());
  REQUIRE(side->sentences.size() == 2);
  CHECK(side->sentences[1].paragraph == 1);
  testing::WriteFile(dir / "b.txt", "Один\nДва\n");
  auto lines = pipeline::ReadSide(dir / "b.txt", Language::kRussian,
                                  {.paragraphs = text::ParagraphMode::kLines});
  REQUIRE(lines.ok());
  CHECK(lines->sentences.size() == 2);
}

TEST_CASE("text in memory reads like the same file, and a file read once hashes and reads like ReadSide",
          "[pipeline][reader]") {
  const std::string path = testing::Corpus("ntrex/bbc.381694.ru.txt");
  Result<pipeline::SideText> file = pipeline::ReadSide(path, Language::kRussian, {});
  Result<pipeline::SideText> text =
      pipeline::ReadSideText("x", testing::ReadFile(path), Language::kRussian, {});
  Result<sverka::text::TextFile> once = pipeline::ReadSideFile(path, {});
  REQUIRE(file.ok());
  REQUIRE(text.ok());
  REQUIRE(once.ok());
  CHECK(pipeline::SideHash(*once) == file->hash);
  Result<pipeline::SideText> from_once = pipeline::ReadSide(path, std::move(once).value(), Language::kRussian, {});
  REQUIRE(from_once.ok());
  CHECK(from_once->hash == file->hash);
  CHECK(from_once->sentences.size() == file->sentences.size());
  CHECK(from_once->sentences.back().end_offset == file->sentences.back().end_offset);
  CHECK(text->hash == file->hash);
  CHECK(text->file == "x");
  REQUIRE(text->sentences.size() == file->sentences.size());
  CHECK(text->sentences.back().text == file->sentences.back().text);
  CHECK(text->sentences.back().end_offset == file->sentences.back().end_offset);
  Result<pipeline::SideText> empty = pipeline::ReadSideText("x", "", Language::kRussian, {});
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message().starts_with("x: empty file"));
  Result<sverka::text::TextFile> missing = pipeline::ReadSideFile(path + ".missing", {});
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().kind() == ErrorKind::kNotFound);
}

TEST_CASE("readers mark the sentences that begin a headed section", "[pipeline][structure]") {
  // Plain text: numbered headings only; "Введение" alone is a line like any other.
  Result<pipeline::SideText> text = pipeline::ReadSideText(
      "x.txt", "Введение\n\nГлава 1\n\nПервая фраза. Вторая фраза.\n\nГЛАВА II. Дорога\n\nТретья фраза.\n",
      Language::kRussian, {});
  REQUIRE(text.ok());
  REQUIRE(text->headings.size() == 2);
  CHECK(text->sentences[text->headings[0].sentence].text == "Глава 1");
  CHECK(text->headings[0].kind == 1);  // text::HeadingKind::kChapter
  CHECK(text->headings[0].number == 1);
  CHECK(text->sentences[text->headings[1].sentence].text.starts_with("ГЛАВА II."));
  CHECK(text->headings[1].number == 2);

  // HTML: every <h1>-<h6>, numbered or not.
  Result<pipeline::SideText> html = pipeline::ReadSideText(
      "x.html", "<html><body><h1>Введение</h1><p>Фраза один.</p><h2>Глава 3</h2><p>Фраза два.</p></body></html>",
      Language::kRussian, {});
  REQUIRE(html.ok());
  REQUIRE(html->headings.size() == 2);
  CHECK(html->sentences[html->headings[0].sentence].text == "Введение");
  CHECK(html->headings[0].kind == -1);
  CHECK(html->sentences[html->headings[1].sentence].text == "Глава 3");
  CHECK(html->headings[1].number == 3);

  // Presegmented: a line that numbers a part.
  pipeline::ReadOptions presegmented;
  presegmented.presegmented = true;
  Result<pipeline::SideText> lines = pipeline::ReadSideText(
      "x.sent", "Chapter 4\nThe first sentence.\n12\n", Language::kEnglish, presegmented);
  REQUIRE(lines.ok());
  REQUIRE(lines->headings.size() == 1);
  CHECK(lines->headings[0].sentence == 0);
}
