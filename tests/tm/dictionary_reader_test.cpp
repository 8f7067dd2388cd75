#include "tm/dictionary_reader.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures.h"

using namespace sverka;

namespace {
// dictd's base64 numbers, as its .index files hold offsets and lengths.
std::string Dictd64(size_t v) {
  static const std::string kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  do {
    out.insert(out.begin(), kDigits[v % 64]);
    v /= 64;
  } while (v > 0);
  return out;
}
}  // namespace

TEST_CASE("hunalign and TSV dictionaries read in either column order", "[tm][dict]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "d.txt",
                     "# comment\nhouse @ дом\n\nкот\tcat\r\ndog\tсобака\nbig house @ большой дом\n");
  auto entries = tm::ReadDictionary(dir / "d.txt");
  REQUIRE(entries.ok());
  REQUIRE(entries->size() == 4);
  CHECK((*entries)[0].ru == "дом");
  CHECK((*entries)[0].en == "house");
  CHECK((*entries)[1].ru == "кот");
  CHECK((*entries)[1].en == "cat");
  CHECK((*entries)[2].ru == "собака");
  CHECK((*entries)[2].en == "dog");
  CHECK((*entries)[3].ru == "большой дом");
}

TEST_CASE("a line in no dictionary format is an error with its line", "[tm][dict][errors]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "d.txt", "house @ дом\njust words\n");
  auto entries = tm::ReadDictionary(dir / "d.txt");
  REQUIRE_FALSE(entries.ok());
  CHECK(entries.status().code() == StatusCode::kBadInput);
  CHECK(entries.status().message() ==
        dir / "d.txt" +
            ":2: expected 'english @ russian' or two tab-separated columns, not 'just words'");
  auto missing = tm::ReadDictionary(dir / "none.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == dir / "none.txt" + ": cannot open: No such file or directory");
  testing::WriteFile(dir / "bad.txt", "house @ д\xF0\n");
  auto bad = tm::ReadDictionary(dir / "bad.txt");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == dir / "bad.txt" + ":1: invalid UTF-8");
}

TEST_CASE("a dictd dictionary is read through its index", "[tm][dict]") {
  testing::ScratchDir dir;
  // Entries as FreeDict writes them: headword line, then numbered translations.
  const std::string dict = "house /haus/\nдом\nabout /əbaut/\n1. о\n2. приблизительно, примерно\n";
  testing::WriteFile(dir / "x.dict", dict);
  const size_t second = dict.find("about");
  testing::WriteFile(dir / "x.index", "house\tA\t" + Dictd64(second) + "\nabout\t" + Dictd64(second) +
                                          "\t" + Dictd64(dict.size() - second) + "\n");
  auto entries = tm::ReadDictionary(dir / "x.dict");
  REQUIRE(entries.ok());
  REQUIRE(entries->size() == 4);
  CHECK((*entries)[0].ru == "дом");
  CHECK((*entries)[0].en == "house");
  CHECK((*entries)[1].ru == "о");
  CHECK((*entries)[3].ru == "примерно");
  CHECK((*entries)[3].en == "about");
}

TEST_CASE("Debian's FreeDict eng-rus reads when installed", "[tm][dict]") {
  if (!std::filesystem::exists(tm::kFreeDictPath)) {
    WARN("dict-freedict-eng-rus not installed; skipped");
    return;
  }
  auto entries = tm::ReadDictionary(tm::kFreeDictPath);
  REQUIRE(entries.ok());
  CHECK(entries->size() > 1500);
  bool found = false;
  for (const auto& e : *entries) found = found || (e.en == "abdomen" && e.ru == "брюхо");
  CHECK(found);
}
