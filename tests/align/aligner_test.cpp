#include "align/aligner.h"

#include <catch2/catch.hpp>
#include <algorithm>
#include <cmath>
#include <ostream>
#include <random>
#include <vector>

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

namespace Catch {
template <>
struct StringMaker<Bead> {
  static std::string convert(const Bead& b) {
    return "[" + std::to_string(b.ru_begin) + "+" + std::to_string(b.ru_count) + "]:[" +
           std::to_string(b.en_begin) + "+" + std::to_string(b.en_count) + "]";
  }
};
}  // namespace Catch

namespace {

// Every sentence of both sides in exactly one bead, beads in Russian order,
// the English in order except for beads marked moved, scores in [0, 1].
void CheckInvariants(const Alignment& beads, size_t n, size_t m) {
  int32_t i = 0, j = 0;
  std::vector<int> en_seen(m, 0);
  for (const Bead& b : beads) {
    INFO("bead at ru " << b.ru_begin << " en " << b.en_begin);
    CHECK(b.ru_count + b.en_count > 0);
    CHECK(std::any_of(kBeadShapes.begin(), kBeadShapes.end(), [&](BeadShape s) {
      return s.ru == b.ru_count && s.en == b.en_count;
    }));
    if (b.ru_count) CHECK(b.ru_begin == i);
    i += b.ru_count;
    if (!b.moved && b.en_count) {
      CHECK(b.en_begin >= j);
      j = b.en_end();
    }
    if (b.moved) CHECK((b.ru_count > 0 && b.en_count > 0));
    for (int32_t k = b.en_begin; k < b.en_end() && k < static_cast<int32_t>(m); ++k) ++en_seen[k];
    CHECK(b.score >= 0.0);
    CHECK(b.score <= 1.0);
  }
  CHECK(i == static_cast<int32_t>(n));
  CHECK(std::all_of(en_seen.begin(), en_seen.end(), [](int c) { return c == 1; }));
}

}  // namespace

TEST_CASE("aligner pairs equal-length sentences one to one", "[align]") {
  const std::vector<int32_t> ru = {50, 120, 80, 30, 200};
  const std::vector<int32_t> en = {48, 115, 85, 28, 190};
  const Alignment beads = Align(ru, en);
  CheckInvariants(beads, ru.size(), en.size());
  REQUIRE(beads.size() == 5);
  for (int32_t k = 0; k < 5; ++k) CHECK(beads[k] == Bead{k, 1, k, 1, 0});
}

TEST_CASE("aligner finds a merge", "[align]") {
  // en[1] + en[2] translate ru[1].
  const std::vector<int32_t> ru = {60, 200, 90, 140};
  const std::vector<int32_t> en = {58, 95, 100, 88, 138};
  const Alignment beads = Align(ru, en, LengthModel{});
  CheckInvariants(beads, ru.size(), en.size());
  CHECK(beads == Alignment{{0, 1, 0, 1, 0}, {1, 1, 1, 2, 0}, {2, 1, 3, 1, 0}, {3, 1, 4, 1, 0}});
}

TEST_CASE("aligner handles empty sides", "[align]") {
  const std::vector<int32_t> some = {10, 20};
  const std::vector<int32_t> none;
  CheckInvariants(Align(some, none), 2, 0);
  CheckInvariants(Align(none, some), 0, 2);
  CHECK(Align(none, none).empty());
}

TEST_CASE("aligner follows a path far from the expected one", "[align]") {
  // 100 untranslated Russian sentences up front: the length diagonal (where
  // the band starts) is ~80 sentences off the true path at first, far
  // outside a first band of 8; the search must re-centre or widen to find it.
  // Each translated pair shares an anchor (a number, say), so the true path
  // is unambiguous and only the search can miss it.
  std::mt19937 rng(7);
  std::uniform_int_distribution<int32_t> len(40, 300);
  std::vector<SentenceFeatures> ru, en;
  for (int k = 0; k < 100; ++k) ru.push_back({len(rng), {}, {}});
  for (uint32_t k = 0; k < 300; ++k) {
    const int32_t l = len(rng);
    ru.push_back({l, {k}, {}});
    en.push_back({l, {k}, {}});
  }
  AlignModel model = DefaultModel();
  const Alignment beads = Align(ru, en, TranslationTable{}, model, {.initial_band = 8, .fine_band = 4});
  CheckInvariants(beads, ru.size(), en.size());
  int correct = 0;
  for (const Bead& b : beads) {
    if (b.ru_count == 1 && b.en_count == 1 && b.ru_begin == b.en_begin + 100) ++correct;
  }
  CHECK(correct == 300);
}

TEST_CASE("aligner handles a path that splits every sentence in two for a while", "[align]") {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int32_t> len(40, 300);
  std::vector<int32_t> ru, en;
  for (int k = 0; k < 400; ++k) {
    const int32_t l = len(rng);
    ru.push_back(l);
    if (k < 150) {
      en.push_back(l / 2);
      en.push_back(l - l / 2);
    } else {
      en.push_back(l);
    }
  }
  const Alignment beads = Align(ru, en, LengthModel{}, {.initial_band = 8});
  CheckInvariants(beads, ru.size(), en.size());
  int correct = 0;
  for (const Bead& b : beads) {
    const int32_t expected_en = b.ru_begin < 150 ? 2 * b.ru_begin : b.ru_begin + 150;
    const int32_t expected_count = b.ru_begin < 150 ? 2 : 1;
    if (b.ru_count == 1 && b.en_begin == expected_en && b.en_count == expected_count) ++correct;
  }
  CHECK(correct >= 390);
}

TEST_CASE("aligner keeps its invariants on random documents", "[align]") {
  std::mt19937 rng(42);
  for (int round = 0; round < 50; ++round) {
    std::uniform_int_distribution<int> size(0, 60);
    std::uniform_int_distribution<int32_t> len(0, 400);
    std::vector<int32_t> ru(size(rng)), en(size(rng));
    for (int32_t& l : ru) l = len(rng);
    for (int32_t& l : en) l = len(rng);
    CheckInvariants(Align(ru, en, {.initial_band = 2}), ru.size(), en.size());
  }
}

TEST_CASE("aligner scores a clean pair above a mismatched one", "[align]") {
  const std::vector<int32_t> ru = {100, 100};
  const std::vector<int32_t> en_good = {100, 100};
  const std::vector<int32_t> en_bad = {100, 170};
  const double good = Align(ru, en_good)[1].score;
  const Alignment bad = Align(ru, en_bad);
  CHECK(bad.back().score < good);
}

namespace {

// Sentences of 6 words each, word w of Russian sentence k translating word
// w of English sentence k (the table maps id to id); `ru_only` Russian
// sentences have words of their own, translatable but with no English.
struct WordDoc {
  std::vector<SentenceFeatures> ru, en;
  TranslationTable table;
};

WordDoc DocWithDroppedParagraph(int32_t before, int32_t dropped, int32_t after) {
  WordDoc d;
  uint32_t next = 0;
  auto sentence = [&]() {
    SentenceFeatures s;
    s.length = 100;
    for (int w = 0; w < 6; ++w) s.words.push_back(next++);
    return s;
  };
  for (int32_t k = 0; k < before + dropped + after; ++k) {
    SentenceFeatures s = sentence();
    d.ru.push_back(s);
    if (k < before || k >= before + dropped) d.en.push_back(s);
  }
  d.table.targets.resize(next);
  for (uint32_t w = 0; w < next; ++w) d.table.targets[w] = {w};
  return d;
}

}  // namespace

TEST_CASE("aligner leaves a dropped paragraph unpaired, one 1-0 bead a sentence", "[align][adapted]") {
  const WordDoc d = DocWithDroppedParagraph(5, 4, 5);
  const Alignment beads = Align(d.ru, d.en, d.table, DefaultModel());
  CheckInvariants(beads, d.ru.size(), d.en.size());
  REQUIRE(beads.size() == 14);
  for (int32_t k = 0; k < 14; ++k) {
    INFO("bead " << k);
    if (k >= 5 && k < 9) {
      CHECK(beads[k] == Bead{k, 1, 5, 0, 0});
      // An omission is never shown as sure as a pair: the reviewer looks.
      CHECK(beads[k].score <= DefaultModel().omission_score);
      CHECK(beads[k].score > 0.3);
    } else {
      CHECK(beads[k] == Bead{k, 1, k < 5 ? k : k - 4, 1, 0});
      CHECK(beads[k].score > 0.9);
    }
  }
}

TEST_CASE("a pair whose words do not match scores low even where the path is sure", "[align][adapted]") {
  WordDoc d = DocWithDroppedParagraph(6, 0, 0);
  // English sentence 3 is replaced by one of unrelated words of the same
  // length, words the dictionary knows (from Russian words not in the text).
  for (uint32_t& w : d.en[3].words) w += 1000;
  d.table.targets.resize(2006);
  for (uint32_t w = 0; w < 6; ++w) d.table.targets[2000 + w] = {1000 + w + 6 * 3};
  const Alignment beads = Align(d.ru, d.en, d.table, DefaultModel());
  CheckInvariants(beads, d.ru.size(), d.en.size());
  for (const Bead& b : beads) {
    INFO("bead at ru " << b.ru_begin);
    const bool touches_3 = (b.ru_count && b.ru_begin <= 3 && 3 < b.ru_end()) ||
                           (b.en_count && b.en_begin <= 3 && 3 < b.en_end());
    if (touches_3) {
      CHECK(b.score < 0.5);
    } else {
      CHECK(b.score > 0.9);
    }
  }
}

TEST_CASE("omission runs cost one opening and cheaper continuations", "[align][adapted]") {
  const AlignModel model = DefaultModel();
  for (int s = kBaseShapes; s < static_cast<int>(kBeadShapes.size()); ++s) {
    const BeadShape shape = kBeadShapes[s];
    INFO(shape.ru << "-" << shape.en);
    CHECK((shape.ru == 0) != (shape.en == 0));
    const int k = shape.ru + shape.en;
    CHECK(model.priors[s] == Approx(model.priors[shape.ru ? 1 : 2] * std::pow(kOmissionContinuation, k - 1)));
    // A run is likelier than the same sentences omitted one by one.
    CHECK(model.priors[s] > std::pow(model.priors[shape.ru ? 1 : 2], k));
  }
}

namespace {

// A document whose English paragraph [from, from + size) was moved to
// sentence `to` (earlier), every sentence translated.
WordDoc DocWithMovedParagraph(int32_t total, int32_t from, int32_t size, int32_t to) {
  WordDoc d = DocWithDroppedParagraph(total, 0, 0);
  std::vector<SentenceFeatures> en = d.en;
  std::rotate(en.begin() + to, en.begin() + from, en.begin() + from + size);
  d.en = en;
  return d;
}

}  // namespace

TEST_CASE("aligner pairs a paragraph the translation moved as moved beads", "[align][adapted]") {
  // English sentences 9-11 stand at 3-5: Russian 9-11 are paired with them,
  // crossing Russian 3-8 (English 6-11).
  const WordDoc d = DocWithMovedParagraph(16, 9, 3, 3);
  const Alignment beads = Align(d.ru, d.en, d.table, DefaultModel());
  CheckInvariants(beads, d.ru.size(), d.en.size());
  REQUIRE(beads.size() == 16);
  for (int32_t k = 0; k < 16; ++k) {
    INFO("bead " << k);
    const int32_t en = k < 3 ? k : k < 9 ? k + 3 : k < 12 ? k - 6 : k;
    CHECK(beads[k] == Bead{k, 1, en, 1, 0});
    CHECK(beads[k].moved == (k >= 9 && k < 12));
    CHECK(beads[k].score > 0.5);
  }
}

TEST_CASE("without pair_moved a moved paragraph stays unpaired", "[align][adapted]") {
  const WordDoc d = DocWithMovedParagraph(16, 9, 3, 3);
  const Alignment beads = Align(d.ru, d.en, d.table, DefaultModel(), {.pair_moved = false});
  CheckInvariants(beads, d.ru.size(), d.en.size());
  CHECK(std::none_of(beads.begin(), beads.end(), [](const Bead& b) { return b.moved; }));
  CHECK(std::count_if(beads.begin(), beads.end(), [](const Bead& b) { return b.en_count == 0; }) == 3);
}

TEST_CASE("an omission and an unrelated insertion elsewhere are not paired as moved", "[align][adapted]") {
  // Russian 4-6 dropped; three English sentences of words of their own
  // (translatable, but no Russian has them) inserted after English 8.
  WordDoc d = DocWithDroppedParagraph(4, 3, 8);
  for (uint32_t k = 0; k < 3; ++k) {
    SentenceFeatures s;
    s.length = 100;
    for (uint32_t w = 0; w < 6; ++w) s.words.push_back(5000 + 6 * k + w);
    d.en.insert(d.en.begin() + 9 + k, s);
  }
  d.table.targets.resize(6000);
  for (uint32_t w = 0; w < 18; ++w) d.table.targets[5500 + w] = {5000 + w};
  const Alignment beads = Align(d.ru, d.en, d.table, DefaultModel());
  CheckInvariants(beads, d.ru.size(), d.en.size());
  CHECK(std::none_of(beads.begin(), beads.end(), [](const Bead& b) { return b.moved; }));
  CHECK(std::count_if(beads.begin(), beads.end(), [](const Bead& b) { return b.en_count == 0; }) == 3);
  CHECK(std::count_if(beads.begin(), beads.end(), [](const Bead& b) { return b.ru_count == 0; }) == 3);
}
