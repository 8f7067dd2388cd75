#include "formats/pair_text_writer.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures.h"

using namespace sverka;
namespace fs = std::filesystem;

TEST_CASE("tsv holds one pair a line, tabs and line breaks made spaces", "[tm][export]") {
  testing::ScratchDir dir;
  auto w = formats::PairTextWriter::Create(formats::PairTextFormat::kTsv, dir / "out.tsv", "ru", "en");
  REQUIRE(w.ok());
  REQUIRE((*w)->Add("Один.", "One.").ok());
  REQUIRE((*w)->Add("Два\tтаба\r\nи строка.", "Two\ttabs\nand a line.").ok());
  CHECK_FALSE(fs::exists(dir / "out.tsv"));
  REQUIRE((*w)->Commit().ok());
  CHECK(testing::ReadFile(dir / "out.tsv") ==
        "Один.\tOne.\nДва таба  и строка.\tTwo tabs and a line.\n");
  CHECK((*w)->units() == 2);
  CHECK((*w)->flattened() == 1);
  CHECK_FALSE(fs::exists(dir / "out.tsv.tmp"));
}

TEST_CASE("parallel writes two line-aligned files named by the language codes", "[tm][export]") {
  testing::ScratchDir dir;
  auto w = formats::PairTextWriter::Create(formats::PairTextFormat::kParallel, dir / "corpus", "ru", "en-US");
  REQUIRE(w.ok());
  REQUIRE((*w)->Add("Один.", "One.").ok());
  REQUIRE((*w)->Add("Два\nдва.", "Two.").ok());
  REQUIRE((*w)->Commit().ok());
  CHECK((*w)->paths() == std::vector<std::string>{dir / "corpus.ru", dir / "corpus.en-US"});
  CHECK(testing::ReadFile(dir / "corpus.ru") == "Один.\nДва два.\n");
  CHECK(testing::ReadFile(dir / "corpus.en-US") == "One.\nTwo.\n");
}

TEST_CASE("an uncommitted or impossible text export leaves no file", "[tm][export][errors]") {
  testing::ScratchDir dir;
  {
    auto w = formats::PairTextWriter::Create(formats::PairTextFormat::kParallel, dir / "p", "ru", "en");
    REQUIRE(w.ok());
    REQUIRE((*w)->Add("a", "b").ok());
  }
  CHECK(fs::is_empty(dir.path()));
  auto bad =
      formats::PairTextWriter::Create(formats::PairTextFormat::kTsv, dir / "no/dir/out.tsv", "ru", "en");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() ==
        dir / "no/dir/out.tsv" + ": cannot write: No such file or directory");
  CHECK(formats::FlattenLine("a\tb", nullptr) == "a b");
}
