#include "pipeline/dictionary_cache.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "fixtures.h"
#include "pipeline/align_pair.h"

using namespace sverka;
namespace fs = std::filesystem;

namespace {

// A TSV dictionary of 3,000 entries: inflected words, repeated pairs,
// phrases and short words (which the aligner drops).
std::string MadeUpDictionary() {
  const char* const ru_roots[] = {"город", "Москва", "дорога", "книга", "вода", "ёлка"};
  const char* const en_roots[] = {"city", "Moscow", "road", "book", "water", "fir"};
  const char* const tails[] = {"а", "ой", "ами", "ах", "у", "е", "ою", "ь"};
  std::string out;
  for (int k = 0; k < 3000; ++k) {
    std::string ru = ru_roots[k % 6], en = en_roots[(k / 7) % 6];
    for (int n = k % 211; n > 0; n /= 8) ru += tails[n % 8];
    for (int n = k % 97; n > 0; n /= 5) en += "sktrl"[n % 5];
    if (k % 50 == 0) ru += " дом";  // a phrase
    if (k % 61 == 0) en = "a";      // a short word
    out += ru + "\t" + en + "\n";
  }
  return out;
}

void RequireSameTable(const pipeline::PreparedDictionary& a, const pipeline::PreparedDictionary& b) {
  REQUIRE(a.ru_words.size() == b.ru_words.size());
  REQUIRE(a.en_words.size() == b.en_words.size());
  for (uint32_t id = 0; id < a.ru_words.size(); ++id) REQUIRE(a.ru_words.Word(id) == b.ru_words.Word(id));
  for (uint32_t id = 0; id < a.en_words.size(); ++id) REQUIRE(a.en_words.Word(id) == b.en_words.Word(id));
  REQUIRE(a.table.targets == b.table.targets);
}

size_t FilesIn(const fs::path& dir) {
  size_t n = 0;
  for (const auto& e : fs::directory_iterator(dir)) n += e.is_regular_file();
  return n;
}

}  // namespace

TEST_CASE("a dictionary read from its cache makes the table the file itself makes", "[pipeline][dict]") {
  testing::ScratchDir dir;
  const std::string dict = dir / "words.tsv", cache = dir / "cache";
  testing::WriteFile(dict, MadeUpDictionary());
  Result<std::vector<formats::DictionaryEntry>> raw = formats::ReadDictionary(dict);
  REQUIRE(raw.ok());
  REQUIRE(!raw->front().stemmed);

  // Cold: read, stemmed, written; warm: read back, the same entries.
  Result<std::vector<formats::DictionaryEntry>> cold = pipeline::ReadDictionaryCached(dict, cache, 0);
  REQUIRE(cold.ok());
  REQUIRE(FilesIn(cache) == 1);
  Result<std::vector<formats::DictionaryEntry>> warm = pipeline::ReadDictionaryCached(dict, cache, 0);
  REQUIRE(warm.ok());
  REQUIRE(warm->size() == cold->size());
  for (size_t k = 0; k < warm->size(); ++k) {
    REQUIRE((*warm)[k].stemmed);
    REQUIRE((*warm)[k].ru == (*cold)[k].ru);
    REQUIRE((*warm)[k].en == (*cold)[k].en);
  }
  // Phrases (60) and short words (50) are gone.
  CHECK(warm->size() <= raw->size() - 100);
  for (const formats::DictionaryEntry& e : *warm) REQUIRE(e.ru.find(' ') == std::string::npos);

  Result<pipeline::PreparedDictionary> from_file = pipeline::PrepareDictionary(*raw);
  Result<pipeline::PreparedDictionary> from_cache = pipeline::PrepareDictionary(*warm);
  REQUIRE(from_file.ok());
  REQUIRE(from_cache.ok());
  REQUIRE(from_file->ru_words.size() > 100);
  RequireSameTable(*from_file, *from_cache);

  // A stemmed dictionary beside one read from its file (two --dict): the
  // union, as of the two files read.
  std::vector<formats::DictionaryEntry> mixed = *warm, mixed_raw = *raw;
  const std::vector<formats::DictionaryEntry> extra = {{"книгами", "books"}, {"книгами", "books"}, {"водой", "water"}};
  mixed.insert(mixed.end(), extra.begin(), extra.end());
  mixed_raw.insert(mixed_raw.end(), extra.begin(), extra.end());
  Result<pipeline::PreparedDictionary> a = pipeline::PrepareDictionary(mixed_raw);
  Result<pipeline::PreparedDictionary> b = pipeline::PrepareDictionary(mixed);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  RequireSameTable(*a, *b);
}

TEST_CASE("a stale or damaged dictionary cache is made again; an unusable one is passed by",
          "[pipeline][dict]") {
  testing::ScratchDir dir;
  const std::string dict = dir / "words.tsv", cache = dir / "cache";
  testing::WriteFile(dict, MadeUpDictionary());
  REQUIRE(pipeline::ReadDictionaryCached(dict, cache, 0).ok());
  const fs::path file = fs::directory_iterator(cache)->path();

  SECTION("the dictionary changed: its new entries are read") {
    testing::WriteFile(dict, MadeUpDictionary() + "самолётами\taeroplanes\n");
    Result<std::vector<formats::DictionaryEntry>> read = pipeline::ReadDictionaryCached(dict, cache, 0);
    REQUIRE(read.ok());
    REQUIRE(read->back().en == "aeroplan");
    CHECK(testing::ReadFile(file).find("aeroplan") != std::string::npos);
  }
  SECTION("the cache was cut short: the file is read again and the cache made whole") {
    const std::string whole = testing::ReadFile(file);
    Result<std::vector<formats::DictionaryEntry>> before = pipeline::ReadDictionaryCached(dict, cache, 0);
    testing::WriteFile(file, whole.substr(0, whole.size() / 2));
    Result<std::vector<formats::DictionaryEntry>> after = pipeline::ReadDictionaryCached(dict, cache, 0);
    REQUIRE(after.ok());
    REQUIRE(after->size() == before->size());
    CHECK(testing::ReadFile(file) == whole);
  }
  SECTION("the cache holds garbage: the same") {
    const std::string whole = testing::ReadFile(file);
    testing::WriteFile(file, "not a cache\n\xff\xfe");
    Result<std::vector<formats::DictionaryEntry>> after = pipeline::ReadDictionaryCached(dict, cache, 0);
    REQUIRE(after.ok());
    CHECK(testing::ReadFile(file) == whole);
  }
  SECTION("the cache directory cannot be made: the dictionary is read, nothing fails") {
    testing::WriteFile(dir / "plain-file", "x");
    Result<std::vector<formats::DictionaryEntry>> read =
        pipeline::ReadDictionaryCached(dict, dir / "plain-file/cache", 0);
    REQUIRE(read.ok());
    CHECK(read->size() == pipeline::ReadDictionaryCached(dict, cache, 0)->size());
  }
  SECTION("a small dictionary, or no cache directory: read from the file, unstemmed") {
    Result<std::vector<formats::DictionaryEntry>> small = pipeline::ReadDictionaryCached(dict, dir / "other");
    REQUIRE(small.ok());
    CHECK_FALSE(small->front().stemmed);
    CHECK_FALSE(fs::exists(dir / "other"));
    Result<std::vector<formats::DictionaryEntry>> none = pipeline::ReadDictionaryCached(dict, "", 0);
    REQUIRE(none.ok());
    CHECK_FALSE(none->front().stemmed);
  }
  SECTION("a missing dictionary fails as reading it does") {
    Result<std::vector<formats::DictionaryEntry>> missing = pipeline::ReadDictionaryCached(dir / "none.tsv", cache, 0);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.status().message() == formats::ReadDictionary(dir / "none.tsv").status().message());
  }
}
