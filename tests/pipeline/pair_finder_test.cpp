#include "pipeline/pair_finder.h"

#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace sverka;
using testing::ScratchDir;
using testing::WriteFile;

TEST_CASE("pairs are found by name, .txt and .html mixed, sorted; strays are reported",
          "[pipeline][batch]") {
  ScratchDir dir;
  for (const char* f :
       {"b.ru.txt", "b.en.html", "a.ru.htm", "a.en.txt", "solo.ru.txt", "only.en.txt",
        "twice.ru.txt", "twice.ru.html", "twice.en.txt", "notes.md", "c.de.txt", "d.ru.docx",
        "d.en.epub"}) {
    WriteFile(dir / f, "x");
  }
  Result<std::vector<pipeline::BatchItem>> items = pipeline::FindPairs(dir.path().string());
  REQUIRE(items.ok());
  REQUIRE(items->size() == 6);
  CHECK((*items)[0].name == "a");
  CHECK((*items)[0].ru == dir / "a.ru.htm");
  CHECK((*items)[0].en == dir / "a.en.txt");
  CHECK((*items)[0].problem.empty());
  CHECK((*items)[1].name == "b");
  CHECK((*items)[1].en == dir / "b.en.html");
  CHECK((*items)[2].ru == dir / "d.ru.docx");
  CHECK((*items)[2].en == dir / "d.en.epub");
  CHECK((*items)[3].problem == "only.en.txt: no Russian partner (only.ru.txt, .html, .htm, .xhtml, .docx, .odt, .epub, .srt or .vtt)");
  CHECK((*items)[4].problem == "solo.ru.txt: no English partner (solo.en.txt, .html, .htm, .xhtml, .docx, .odt, .epub, .srt or .vtt)");
  CHECK((*items)[5].problem == "two Russian files: twice.ru.html and twice.ru.txt");
}

TEST_CASE("a missing directory cannot be listed: not found", "[pipeline][batch][errors]") {
  ScratchDir dir;
  Result<std::vector<pipeline::BatchItem>> items = pipeline::FindPairs(dir / "missing");
  REQUIRE_FALSE(items.ok());
  CHECK(items.status().kind() == ErrorKind::kNotFound);
  CHECK(items.status().message().starts_with(dir / "missing" + ": cannot list the directory ("));
}

TEST_CASE("a manifest lists name, Russian and English paths, relative to itself",
          "[pipeline][batch]") {
  ScratchDir dir;
  WriteFile(dir / "m.tsv",
            "# name\tru\ten\n\nx\tx.ru.txt\t/abs/x.en.txt\r\ny\tsub/y.ru\tsub/y.en\n");
  Result<std::vector<pipeline::BatchItem>> items = pipeline::ReadManifest(dir / "m.tsv");
  REQUIRE(items.ok());
  REQUIRE(items->size() == 2);
  CHECK((*items)[0].name == "x");
  CHECK((*items)[0].ru == dir / "x.ru.txt");
  CHECK((*items)[0].en == "/abs/x.en.txt");
  CHECK((*items)[1].ru == dir / "sub/y.ru");
}

TEST_CASE("manifest errors name the line", "[pipeline][batch][errors]") {
  ScratchDir dir;
  const std::string m = dir / "m.tsv";
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {"a\tb\n",
       m + ":1: expected 3 tab-separated fields (name, Russian path, English path), found 2"},
      {"# c\na\t\tc\n", m + ":2: empty field (name, Russian path, English path)"},
      {"a\tb\tc\nd\te\tf\na\tg\th\n", m + ":3: name 'a' listed twice (first on line 1)"},
  };
  for (const Case& c : cases) {
    WriteFile(m, c.text);
    Result<std::vector<pipeline::BatchItem>> items = pipeline::ReadManifest(m);
    REQUIRE_FALSE(items.ok());
    CHECK(items.status().kind() == ErrorKind::kInvalidData);
    CHECK(items.status().message() == c.message);
  }
}

TEST_CASE("a missing manifest is bad input naming it", "[pipeline][batch][errors]") {
  ScratchDir dir;
  Result<std::vector<pipeline::BatchItem>> items = pipeline::ReadManifest(dir / "none.tsv");
  REQUIRE_FALSE(items.ok());
  CHECK(items.status().message().starts_with(dir / "none.tsv"));
}

TEST_CASE("an English side given twice is reported", "[pipeline][batch][errors]") {
  ScratchDir dir;
  for (const char* f : {"d.ru.txt", "d.en.htm", "d.en.txt"}) WriteFile(dir / f, "x");
  Result<std::vector<pipeline::BatchItem>> items = pipeline::FindPairs(dir.path().string());
  REQUIRE(items.ok());
  REQUIRE(items->size() == 1);
  CHECK((*items)[0].problem == "two English files: d.en.htm and d.en.txt");
}
