#include "align/batch_aligner.h"

#include "align/lexicon.h"

#include <catch2/catch.hpp>
#include <random>

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

namespace {

// Documents with noisy lengths (English 0.75-1.25 times the Russian) where
// Russian word k translates English word 1000 + k, every sentence has its own
// words, and every 10th Russian sentence is not translated.
std::vector<DocumentFeatures> WordDocuments(int docs) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<uint32_t> word(0, 199);
  std::uniform_int_distribution<int32_t> length(50, 250);
  std::uniform_real_distribution<double> noise(0.75, 1.25);
  std::vector<DocumentFeatures> out;
  for (int d = 0; d < docs; ++d) {
    DocumentFeatures doc;
    for (int k = 0; k < 40; ++k) {
      std::vector<uint32_t> ru_words, en_words;
      for (int w = 0; w < 6; ++w) {
        const uint32_t r = word(rng);
        ru_words.push_back(r);
        en_words.push_back(1000 + r);
      }
      std::sort(ru_words.begin(), ru_words.end());
      ru_words.erase(std::unique(ru_words.begin(), ru_words.end()), ru_words.end());
      std::sort(en_words.begin(), en_words.end());
      en_words.erase(std::unique(en_words.begin(), en_words.end()), en_words.end());
      const int32_t l = length(rng);
      doc.ru.push_back({l, {}, ru_words});
      if (k % 10 != 5) doc.en.push_back({static_cast<int32_t>(l * noise(rng)), {}, en_words});
    }
    out.push_back(std::move(doc));
  }
  return out;
}

// Beads that are exactly right: 1-0 at the omissions, 1-1 elsewhere.
int Correct(const Alignment& beads) {
  int n = 0;
  for (const Bead& b : beads) {
    const int32_t i = b.ru_begin;
    if (i % 10 == 5) {
      n += b.ru_count == 1 && b.en_count == 0;
    } else {
      n += b.ru_count == 1 && b.en_count == 1 && b.en_begin == i - (i + 4) / 10;
    }
  }
  return n;
}

}  // namespace

TEST_CASE("the learned lexicon corrects what length gets wrong", "[align][batch]") {
  const auto docs = WordDocuments(6);
  BatchOptions with, without;
  without.learn_lexicon = false;
  const auto learned = AlignBatch(docs, TranslationTable{}, with);
  const auto blind = AlignBatch(docs, TranslationTable{}, without);
  int right_learned = 0, right_blind = 0;
  for (size_t d = 0; d < docs.size(); ++d) {
    right_learned += Correct(learned[d]);
    right_blind += Correct(blind[d]);
  }
  INFO("correct beads of 240: learned " << right_learned << ", length only " << right_blind);
  CHECK(right_learned >= 228);  // 95 %
  CHECK(right_learned > right_blind);
}

TEST_CASE("a dictionary works like a learned lexicon", "[align][batch]") {
  const auto docs = WordDocuments(1);
  TranslationTable dictionary;
  dictionary.targets.resize(200);
  for (uint32_t r = 0; r < 200; ++r) dictionary.targets[r] = {1000 + r};
  BatchOptions options;
  options.learn_lexicon = false;
  CHECK(Correct(AlignBatch(docs, dictionary, options)[0]) == 40);
}

TEST_CASE("a table over a base aligns as the two tables merged", "[align][batch]") {
  const auto docs = WordDocuments(2);
  // A partial, half-wrong dictionary and a lexicon that overlaps it: rows
  // both have, rows only one has, and a target twice.
  TranslationTable dictionary, lexicon;
  dictionary.targets.resize(150);
  for (uint32_t r = 0; r < 150; r += 2) dictionary.targets[r] = {1000 + r, 1000 + (r * 7) % 200};
  lexicon.targets.resize(200);
  for (uint32_t r = 0; r < 200; r += 3) lexicon.targets[r] = {1000 + r};
  TranslationTable layered = lexicon;
  layered.base = &dictionary;
  const TranslationTable merged = MergeTables(dictionary, lexicon);
  std::vector<uint32_t> a, b;
  for (uint32_t r = 0; r < 210; ++r) {
    a.clear();
    const bool has = layered.AppendTargets(r, a);
    std::sort(a.begin(), a.end());
    a.erase(std::unique(a.begin(), a.end()), a.end());
    const std::vector<uint32_t>* row = merged.Find(r);
    REQUIRE(has == (row != nullptr));
    if (row) CHECK(a == *row);
  }
  for (const DocumentFeatures& doc : docs) {
    const Alignment x = Align(doc.ru, doc.en, layered, DefaultModel(), {});
    const Alignment y = Align(doc.ru, doc.en, merged, DefaultModel(), {});
    REQUIRE(x.size() == y.size());
    for (size_t k = 0; k < x.size(); ++k) {
      CHECK(x[k].ru_begin == y[k].ru_begin);
      CHECK(x[k].en_begin == y[k].en_begin);
      CHECK(x[k].score == y[k].score);
    }
  }
}

TEST_CASE("expected shape counts add up to the beads of a clean document", "[align][batch]") {
  std::vector<SentenceFeatures> ru, en;
  for (uint32_t k = 0; k < 30; ++k) {
    ru.push_back({80 + static_cast<int32_t>(k) * 7, {k}, {}});
    en.push_back({80 + static_cast<int32_t>(k) * 7, {k}, {}});
  }
  AlignStats stats;
  const Alignment beads = Align(ru, en, TranslationTable{}, DefaultModel(), {}, &stats);
  CHECK(beads.size() == 30);
  CHECK(stats.expected_shapes[0] == Approx(30).margin(1.0));  // 1-1 (omissions keep a little mass)
  for (const Bead& b : beads) CHECK(b.score > 0.9);
}

TEST_CASE("aligning a batch on several threads gives the beads and scores of one", "[align][batch]") {
  const auto docs = WordDocuments(6);
  BatchOptions one, three;
  three.jobs = 3;
  const auto a = AlignBatch(docs, TranslationTable{}, one);
  const auto b = AlignBatch(docs, TranslationTable{}, three);
  REQUIRE(a.size() == b.size());
  for (size_t d = 0; d < a.size(); ++d) {
    REQUIRE(a[d].size() == b[d].size());
    for (size_t k = 0; k < a[d].size(); ++k) {
      CHECK(a[d][k] == b[d][k]);
      CHECK(a[d][k].score == b[d][k].score);
    }
  }
}
