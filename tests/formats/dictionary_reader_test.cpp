#include "formats/dictionary_reader.h"

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
  auto entries = formats::ReadDictionary(dir / "d.txt");
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
  auto entries = formats::ReadDictionary(dir / "d.txt");
  REQUIRE_FALSE(entries.ok());
  CHECK(entries.status().kind() == ErrorKind::kInvalidData);
  CHECK(entries.status().message() ==
        dir / "d.txt" +
            ":2: expected 'english @ russian' or two tab-separated columns, not 'just words'");
  auto missing = formats::ReadDictionary(dir / "none.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == dir / "none.txt" + ": cannot open: No such file or directory");
  testing::WriteFile(dir / "bad.txt", "house @ д\xF0\n");
  auto bad = formats::ReadDictionary(dir / "bad.txt");
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
  auto entries = formats::ReadDictionary(dir / "x.dict");
  REQUIRE(entries.ok());
  REQUIRE(entries->size() == 4);
  CHECK((*entries)[0].ru == "дом");
  CHECK((*entries)[0].en == "house");
  CHECK((*entries)[1].ru == "о");
  CHECK((*entries)[3].ru == "примерно");
  CHECK((*entries)[3].en == "about");
}

namespace {
// A dictd pair FILE.dict + FILE.index holding `entries` (headword, text
// with its headword line) in that order.
void WriteDictd(const std::string& dict_path,
                const std::vector<std::pair<std::string, std::string>>& entries) {
  std::string dict, index;
  for (const auto& [headword, text] : entries) {
    index += headword + "\t" + Dictd64(dict.size()) + "\t" + Dictd64(text.size()) + "\n";
    dict += text;
  }
  testing::WriteFile(dict_path, dict);
  testing::WriteFile(dict_path.substr(0, dict_path.rfind(".dict")) + ".index", index);
}

// Made-up entries in the layout of Debian's mueller7-dict.
const std::vector<std::pair<std::string, std::string>> kMuellerLike = {
    {"00-database-short", "00-database-short\n     Mueller English-Russian Dictionary\n"},
    {"_n.", "_n.\n   noun существительное\n"},
    {"преим.", "преим.\n   mainly преимущественно\n"},
    {"brant", "brant\n   [↗brænt] _n. _зоол. казарка\n"},
    {"brass", "brass\n   [brɑ:s]\n   1. _n.\n      1) латунь, жёлтая медь; red brass томпак\n"},
};
}  // namespace

TEST_CASE("a dictd dictionary that names itself Mueller's is read in Mueller's layout",
          "[tm][dict][mueller]") {
  testing::ScratchDir dir;
  WriteDictd(dir / "m.dict", kMuellerLike);
  auto entries = formats::ReadDictionary(dir / "m.dict");
  REQUIRE(entries.ok());
  std::vector<std::string> got;
  for (const auto& e : *entries) got.push_back(e.en + "=" + e.ru);
  CHECK(got == std::vector<std::string>{"brant=казарка", "brass=латунь", "brass=жёлтая медь"});

  // The same entries without the header are read as FreeDict's: labels and
  // examples stay, the abbreviation entries count.
  const std::vector<std::pair<std::string, std::string>> no_header(kMuellerLike.begin() + 1,
                                                                   kMuellerLike.end());
  WriteDictd(dir / "f.dict", no_header);
  auto freedict = formats::ReadDictionary(dir / "f.dict");
  REQUIRE(freedict.ok());
  CHECK(freedict->size() == 6);
  CHECK((*freedict)[0].en == "_n.");
  CHECK((*freedict)[2].ru == "[↗brænt] _n. _зоол. казарка");
}

TEST_CASE("a dictd index line pointing outside its dictionary is an error", "[tm][dict][errors]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "x.dict", "house\nдом\n");
  // An offset of 2^64 - 1 (its sum with the length wraps around), one of 66
  // bits, and a length past the end.
  for (const std::string line : {"house\tP//////////\tC", "house\tA\t///////////", "house\tB\tN"}) {
    testing::WriteFile(dir / "x.index", line + "\n");
    auto entries = formats::ReadDictionary(dir / "x.dict");
    REQUIRE_FALSE(entries.ok());
    CHECK(entries.status().message() ==
          dir / "x.index" + ":1: not a dictd index line: '" + line + "'");
  }
}

TEST_CASE("Debian's mueller7-dict reads when installed", "[tm][dict][mueller]") {
  if (!std::filesystem::exists(formats::kMuellerPath)) {
    WARN("mueller7-dict not installed; skipped");
    return;
  }
  auto entries = formats::ReadDictionary(formats::kMuellerPath);
  REQUIRE(entries.ok());
  CHECK(entries->size() > 100000);
  bool brant = false, label = false, latin = false;
  for (const auto& e : *entries) {
    brant = brant || (e.en == "brant" && e.ru == "казарка");
    label = label || e.en.starts_with('_') || e.ru.find('_') != std::string::npos;
    latin = latin || e.ru.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos;
  }
  CHECK(brant);
  CHECK_FALSE(label);
  CHECK_FALSE(latin);
}

TEST_CASE("Debian's FreeDict eng-rus reads when installed", "[tm][dict]") {
  if (!std::filesystem::exists(formats::kFreeDictPath)) {
    WARN("dict-freedict-eng-rus not installed; skipped");
    return;
  }
  auto entries = formats::ReadDictionary(formats::kFreeDictPath);
  REQUIRE(entries.ok());
  CHECK(entries->size() > 1500);
  bool found = false;
  for (const auto& e : *entries) found = found || (e.en == "abdomen" && e.ru == "брюхо");
  CHECK(found);
}
