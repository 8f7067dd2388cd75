#include "pipeline/align_pair.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "align/alignment_score.h"
#include "fixtures.h"
#include "formats/links_format.h"
#include "tm/queries.h"

using namespace sverka;

namespace {

// The documents of corpora/ntrex with gold beads: each one's path without
// its extensions (STEM.ru.sent, STEM.en.sent, STEM.links).
std::vector<std::string> NtrexStems() {
  const std::filesystem::path dir = testing::Corpus("ntrex");
  std::vector<std::string> stems;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".links") stems.push_back((dir / entry.path().stem()).string());
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

}  // namespace

TEST_CASE("aligning the NTREX news articles one by one beats hunalign", "[pipeline][eval]") {
  // corpora/ntrex: 25 real articles with gold beads (CC BY-SA 4.0). NLTK's
  // Gale-Church scores strict F1 0.750 here, hunalign with FreeDict 0.871;
  // sverka, one article at a time and without a dictionary, 0.941.
  align::ScoreTally tally;
  for (const std::string& stem : NtrexStems()) {
    auto pair = pipeline::AlignFiles(stem + ".ru.sent", stem + ".en.sent", {.presegmented = true});
    REQUIRE(pair.ok());
    auto gold = formats::ParseLinks(stem + ".links", testing::ReadFile(stem + ".links"));
    REQUIRE(gold.ok());
    tally.Add(*gold, pair->beads);
  }
  CHECK(tally.documents == 25);
  const auto strict = align::Strict(tally);
  INFO("strict P " << strict.precision << " R " << strict.recall << " F1 " << strict.f1);
  CHECK(strict.f1 >= 0.93);
}

TEST_CASE("a stored pair keeps its sentences, paragraphs and beads", "[pipeline]") {
  testing::ScratchDir dir;
  const std::string stem = testing::Corpus("ntrex/bbc.381694");
  auto pair = pipeline::AlignFiles(stem + ".ru.txt", stem + ".en.txt", {});
  REQUIRE(pair.ok());
  CHECK(pair->ru.sentences.size() > 3);
  REQUIRE(pipeline::StorePair(dir / "tm.db", "bbc", *pair, false).ok());
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  CHECK((*store)->HasDocument("bbc").value());
  int pairs = 0;
  REQUIRE(tm::ForEachPair(*(*store), {}, [&](const tm::PairRow& row) {
    CHECK_FALSE(row.ru.empty());
    CHECK_FALSE(row.en.empty());
    ++pairs;
    return Status::Ok();
  }).ok());
  CHECK(pairs > 3);
}

TEST_CASE("document names come from the Russian file name", "[pipeline]") {
  CHECK(pipeline::DocumentNameFromPath("corpora/ntrex/bbc.381694.ru.txt") == "bbc.381694");
  CHECK(pipeline::DocumentNameFromPath("a/b/news.ru.sent") == "news");
  CHECK(pipeline::DocumentNameFromPath("статья.html") == "статья");
  CHECK(pipeline::DocumentNameFromPath(".txt") == ".txt");
  CHECK(pipeline::DocumentNameFromPath("dir/") == "document");
}

TEST_CASE("the UDHR's thirty articles pair 'Статья N' with 'Article N'", "[pipeline][eval]") {
  // Real HTML on both sides; the article headings are short, so only the
  // number anchors and the structure place them.
  auto pair = pipeline::AlignFiles(testing::Corpus("udhr/rus.html"), testing::Corpus("udhr/eng.html"), {});
  REQUIRE(pair.ok());
  int headings = 0;
  for (const Bead& b : pair->beads) {
    if (b.ru_count != 1 || b.en_count != 1) continue;
    const std::string& ru = pair->ru.sentences[b.ru_begin].text;
    const std::string& en = pair->en.sentences[b.en_begin].text;
    if (ru.rfind("Статья ", 0) == 0) {
      INFO(ru << " | " << en);
      CHECK(en == "Article " + ru.substr(std::string("Статья ").size()));
      ++headings;
    }
  }
  CHECK(headings == 30);
}

TEST_CASE("a dictionary prepared on several threads is the one prepared on one", "[pipeline]") {
  // 16,000 entries (three threads' worth), many words in several entries,
  // some phrases and short words (skipped), in an order no thread sees whole.
  const char* const ru_roots[] = {"город", "Москва", "дорога", "книга", "вода", "ёлка"};
  const char* const en_roots[] = {"city", "Moscow", "road", "book", "water", "fir"};
  const char* const tails[] = {"а", "ой", "ами", "ах", "у", "е", "ою", "ь"};
  std::vector<formats::DictionaryEntry> entries;
  for (int k = 0; k < 16000; ++k) {
    std::string ru = ru_roots[k % 6], en = en_roots[(k / 7) % 6];
    for (int n = k; n > 0; n /= 8) ru += tails[n % 8];
    for (int n = k % 997; n > 0; n /= 5) en += "sktrl"[n % 5];
    if (k % 50 == 0) ru += " дом";  // a phrase
    if (k % 61 == 0) en = "a";      // a short word
    entries.push_back({ru, en});
  }
  Result<pipeline::PreparedDictionary> one = pipeline::PrepareDictionary(entries, 1);
  Result<pipeline::PreparedDictionary> three = pipeline::PrepareDictionary(entries, 3);
  REQUIRE(one.ok());
  REQUIRE(three.ok());
  REQUIRE(one->ru_words.size() > 1000);
  REQUIRE(one->ru_words.size() == three->ru_words.size());
  REQUIRE(one->en_words.size() == three->en_words.size());
  for (uint32_t id = 0; id < one->ru_words.size(); ++id) {
    REQUIRE(one->ru_words.Word(id) == three->ru_words.Word(id));
  }
  for (uint32_t id = 0; id < one->en_words.size(); ++id) {
    REQUIRE(one->en_words.Word(id) == three->en_words.Word(id));
  }
  CHECK(one->table.targets == three->table.targets);
}

TEST_CASE("the default dictionary is Mueller's where installed, else FreeDict, else none",
          "[pipeline][dict]") {
  // Depends on what this machine has installed; each branch checks its own.
  const std::string path = pipeline::DefaultDictionaryPath();
  if (std::filesystem::exists(formats::kMuellerPath)) {
    CHECK(path == formats::kMuellerPath);
  } else if (std::filesystem::exists(formats::kFreeDictPath)) {
    CHECK(path == formats::kFreeDictPath);
  } else {
    CHECK(path.empty());
  }
}

TEST_CASE("a dictionary prepared for the documents gives the beads of the whole one",
          "[pipeline][dict]") {
  // The whole default dictionary (Mueller's or FreeDict, where installed)
  // against the entries PrepareDictionaryFor keeps, on a real article.
  Result<std::vector<formats::DictionaryEntry>> dictionary = pipeline::DefaultDictionary();
  REQUIRE(dictionary.ok());
  if (dictionary->empty()) {
    WARN("no dictionary installed: nothing to compare");
    return;
  }
  const std::string stem = (std::filesystem::path(testing::Corpus("ntrex")) / "bbc.381647").string();
  std::vector<pipeline::AlignedPair> whole(1), filtered(1);
  for (auto* pairs : {&whole, &filtered}) {
    auto ru = pipeline::ReadSide(stem + ".ru.txt", Language::kRussian, {});
    auto en = pipeline::ReadSide(stem + ".en.txt", Language::kEnglish, {});
    REQUIRE(ru.ok());
    REQUIRE(en.ok());
    (*pairs)[0].ru = std::move(ru).value();
    (*pairs)[0].en = std::move(en).value();
  }
  Result<pipeline::PreparedDictionary> prepared = pipeline::PrepareDictionary(*dictionary);
  REQUIRE(prepared.ok());
  REQUIRE(pipeline::AlignSideBatch(whole, {}, *prepared).ok());
  REQUIRE(pipeline::AlignSideBatch(filtered, {}, *dictionary).ok());
  REQUIRE(whole[0].beads.size() > 10);
  REQUIRE(whole[0].beads.size() == filtered[0].beads.size());
  for (size_t k = 0; k < whole[0].beads.size(); ++k) {
    const Bead& a = whole[0].beads[k];
    const Bead& b = filtered[0].beads[k];
    CHECK(a.ru_begin == b.ru_begin);
    CHECK(a.ru_count == b.ru_count);
    CHECK(a.en_begin == b.en_begin);
    CHECK(a.en_count == b.en_count);
    CHECK(a.score == b.score);
  }
}

TEST_CASE("a long pair's sides tokenized on two threads give the features of one thread", "[pipeline]") {
  // Every NTREX article, each side read as one presegmented text: the
  // English side's anchors are interned apart on its thread and renumbered
  // after; ids, lengths and words must be those of interning in order.
  pipeline::AlignedPair pair;
  for (const std::string& stem : NtrexStems()) {
    auto ru = pipeline::ReadSide(stem + ".ru.sent", Language::kRussian, {.presegmented = true});
    auto en = pipeline::ReadSide(stem + ".en.sent", Language::kEnglish, {.presegmented = true});
    REQUIRE(ru.ok());
    REQUIRE(en.ok());
    pair.ru.sentences.insert(pair.ru.sentences.end(), ru->sentences.begin(), ru->sentences.end());
    pair.en.sentences.insert(pair.en.sentences.end(), en->sentences.begin(), en->sentences.end());
  }
  REQUIRE(pair.ru.sentences.size() > 300);
  auto features = [&](size_t sides_apart) {
    auto tokenizers = pipeline::WordTokenizers::Create();
    REQUIRE(tokenizers.ok());
    align::Vocabulary anchors, ru_words, en_words;
    align::DocumentFeatures d =
        pipeline::PairFeatures(pair, *tokenizers, anchors, ru_words, en_words, sides_apart);
    return std::make_pair(d, anchors.size());
  };
  const auto [one, one_anchors] = features(SIZE_MAX);
  const auto [two, two_anchors] = features(0);
  CHECK(one_anchors == two_anchors);
  REQUIRE(one.ru.size() == two.ru.size());
  REQUIRE(one.en.size() == two.en.size());
  size_t english_anchors = 0;
  for (size_t k = 0; k < one.ru.size(); ++k) {
    CHECK(one.ru[k].length == two.ru[k].length);
    CHECK(one.ru[k].anchors == two.ru[k].anchors);
    CHECK(one.ru[k].words == two.ru[k].words);
  }
  for (size_t k = 0; k < one.en.size(); ++k) {
    english_anchors += one.en[k].anchors.size();
    CHECK(one.en[k].length == two.en[k].length);
    CHECK(one.en[k].anchors == two.en[k].anchors);
    CHECK(one.en[k].words == two.en[k].words);
  }
  CHECK(english_anchors > 100);  // names, numbers, months: the renumbering is exercised
}
