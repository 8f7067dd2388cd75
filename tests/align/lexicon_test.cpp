#include "align/lexicon.h"

#include <catch2/catch.hpp>

using namespace sverka::align;

TEST_CASE("Model 1 learns word translations from co-occurrence", "[align][lexicon]") {
  // ru: 0 дом, 1 большой, 2 кот;  en: 10 house, 11 big, 12 cat
  const std::vector<std::vector<uint32_t>> ru = {{0, 1}, {0}, {1, 2}, {2}, {0, 2}};
  const std::vector<std::vector<uint32_t>> en = {{10, 11}, {10}, {11, 12}, {12}, {10, 12}};
  std::vector<WordPair> pairs;
  for (size_t k = 0; k < ru.size(); ++k) pairs.push_back({ru[k], en[k]});
  const TranslationTable table = LearnLexicon(pairs);
  REQUIRE(table.Find(0) != nullptr);
  CHECK(table.targets[0].front() == 10);
  CHECK(std::find(table.targets[2].begin(), table.targets[2].end(), 12) != table.targets[2].end());
  CHECK(std::find(table.targets[0].begin(), table.targets[0].end(), 12) == table.targets[0].end());
}

TEST_CASE("a word seen in one pair only learns nothing", "[align][lexicon]") {
  const std::vector<uint32_t> ru = {0, 1}, en = {5, 6};
  const std::vector<WordPair> pairs = {{ru, en}};
  const TranslationTable table = LearnLexicon(pairs);
  CHECK(table.Find(0) == nullptr);
  CHECK(LearnLexicon({}).targets.empty());
}

TEST_CASE("merged tables hold both tables' targets once", "[align][lexicon]") {
  TranslationTable a, b;
  a.targets = {{1, 3}};
  b.targets = {{3, 4}, {7}};
  const TranslationTable m = MergeTables(a, b);
  CHECK(m.targets[0] == std::vector<uint32_t>{1, 3, 4});
  CHECK(m.targets[1] == std::vector<uint32_t>{7});
}
