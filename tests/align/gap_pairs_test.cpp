#include "align/gap_pairs.h"

#include <catch2/catch.hpp>

#include <algorithm>


using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

namespace {

std::vector<SentenceFeatures> Lengths(std::initializer_list<int32_t> lengths) {
  std::vector<SentenceFeatures> out;
  for (int32_t l : lengths) out.push_back({.length = l});
  return out;
}

Alignment Gapped(const Alignment& beads, std::initializer_list<int32_t> ru, std::initializer_list<int32_t> en,
                 const AlignOptions& options = {}) {
  Alignment out = beads;
  PairGaps(Lengths(ru), Lengths(en), DefaultModel(), options, out);
  return out;
}

}  // namespace

TEST_CASE("a sentence each side between two pairs is paired, scored as a gap pair", "[align][gaps]") {
  const Alignment beads = {{0, 1, 0, 1, 0.99}, {1, 1, 1, 0, 0.6}, {1, 0, 1, 1, 0.6}, {2, 1, 2, 1, 0.98}};
  const Alignment out = Gapped(beads, {80, 90, 70}, {82, 95, 72});
  REQUIRE(out.size() == 3);
  CHECK(out[1] == Bead{1, 1, 1, 1});
  CHECK(out[1].score == kGapPairScore);
  CHECK(out[0].score == 0.99);
  CHECK(out[2].score == 0.98);
}

TEST_CASE("a gap is paired by length: two short English sentences go with one long Russian one",
          "[align][gaps]") {
  const Alignment beads = {{0, 1, 0, 1, 0.99}, {1, 1, 1, 0, 0.6}, {1, 0, 1, 1, 0.6}, {1, 0, 2, 1, 0.6},
                           {2, 1, 3, 1, 0.98}};
  const Alignment out = Gapped(beads, {80, 200, 70}, {82, 95, 100, 72});
  REQUIRE(out.size() == 3);
  CHECK(out[1] == Bead{1, 1, 1, 2});
  CHECK(out[1].score == kGapPairScore);
}

TEST_CASE("what a gap pair cannot fit stays unpaired with its own score", "[align][gaps]") {
  // 20 code points against 400: no pairing is likelier than two omissions.
  const Alignment beads = {{0, 1, 0, 1, 0.99}, {1, 1, 1, 0, 0.61}, {1, 0, 1, 1, 0.62}, {2, 1, 2, 1, 0.98}};
  const Alignment out = Gapped(beads, {80, 20, 70}, {82, 400, 72});
  REQUIRE(out == beads);
  CHECK(out[1].score == 0.61);
  CHECK(out[2].score == 0.62);
}

TEST_CASE("gaps that are not between two pairs, one-sided or too long are left alone", "[align][gaps]") {
  SECTION("one side only (a dropped sentence)") {
    const Alignment beads = {{0, 1, 0, 1, 0.99}, {1, 1, 1, 0, 0.6}, {2, 1, 1, 1, 0.98}};
    CHECK(Gapped(beads, {80, 90, 70}, {82, 72}) == beads);
  }
  SECTION("at the start of the document") {
    const Alignment beads = {{0, 1, 0, 0, 0.6}, {1, 0, 0, 1, 0.6}, {1, 1, 1, 1, 0.98}};
    CHECK(Gapped(beads, {80, 70}, {82, 72}) == beads);
  }
  SECTION("at the end of the document") {
    const Alignment beads = {{0, 1, 0, 1, 0.98}, {1, 1, 1, 0, 0.6}, {2, 0, 1, 1, 0.6}};
    CHECK(Gapped(beads, {80, 70}, {82, 72}) == beads);
  }
  SECTION("more than kMaxGapSentences on a side") {
    Alignment beads = {{0, 1, 0, 1, 0.99}};
    std::vector<int32_t> ru = {80}, en = {80};
    for (int32_t k = 0; k <= kMaxGapSentences; ++k) {
      beads.push_back({1 + k, 1, 1, 0, 0.6});
      ru.push_back(50);
    }
    const int32_t after = kMaxGapSentences + 2;
    beads.push_back({after, 0, 1, 1, 0.6});
    en.push_back(50);
    beads.push_back({after, 1, 2, 1, 0.98});
    ru.push_back(70);
    en.push_back(72);
    Alignment out = beads;
    std::vector<SentenceFeatures> fr, fe;
    for (int32_t l : ru) fr.push_back({.length = l});
    for (int32_t l : en) fe.push_back({.length = l});
    PairGaps(fr, fe, DefaultModel(), {}, out);
    CHECK(out == beads);
  }
}

TEST_CASE("a gap next to a moved bead, across a boundary or holding a divisible sentence is left alone",
          "[align][gaps]") {
  const Alignment beads = {{0, 1, 0, 1, 0.99}, {1, 1, 1, 0, 0.6}, {1, 0, 1, 1, 0.6}, {2, 1, 2, 1, 0.98}};
  SECTION("the pair after it is moved") {
    Alignment moved = beads;
    moved[3].moved = true;
    CHECK(Gapped(moved, {80, 90, 70}, {82, 95, 72}) == moved);
  }
  SECTION("a section boundary inside it") {
    // Two sentences a side so that a boundary can fall strictly inside.
    const Alignment wide = {{0, 1, 0, 1, 0.99}, {1, 1, 1, 0, 0.6}, {2, 1, 1, 0, 0.6}, {3, 0, 1, 1, 0.6},
                            {3, 0, 2, 1, 0.6},  {3, 1, 3, 1, 0.98}};
    AlignOptions options;
    options.boundaries = {{2, 2}};
    CHECK(Gapped(wide, {80, 90, 90, 70}, {82, 95, 95, 72}, options) == wide);
    CHECK(Gapped(wide, {80, 90, 90, 70}, {82, 95, 95, 72}) != wide);
  }
  SECTION("a waypoint at a corner the path does not enter by (a reviewer's fixed bead)") {
    AlignOptions options;
    options.waypoints = {{1, 2}};  // all English of the gap, then its Russian
    CHECK(Gapped(beads, {80, 90, 70}, {82, 95, 72}, options) == beads);
    options.waypoints = {{1, 1}, {2, 2}};  // where it enters and leaves: no constraint
    CHECK(Gapped(beads, {80, 90, 70}, {82, 95, 72}, options) != beads);
  }
  SECTION("a sentence the piece cuts may divide") {
    AlignOptions options;
    options.en_divisible = {false, true, false};
    CHECK(Gapped(beads, {80, 90, 70}, {82, 95, 72}, options) == beads);
  }
  SECTION("a sentence that continues a reviewer's omission") {
    AlignOptions options;
    options.ru_continues = {false, true, false};
    CHECK(Gapped(beads, {80, 90, 70}, {82, 95, 72}, options) == beads);
  }
}

TEST_CASE("Align pairs what the search left unpaired for want of evidence between two pairs",
          "[align][gaps]") {
  // Russian word w translates to English word w + 100. Sentences 0, 1, 3, 4
  // share their words; sentence 2 of each side has words the table knows
  // but no match: the evidence is against pairing them, yet they sit alone
  // between two sure pairs with lengths that agree.
  TranslationTable table;
  table.targets.resize(100);
  for (uint32_t w = 0; w < 100; ++w) table.targets[w] = {w + 100};
  auto words = [](uint32_t from, uint32_t count, uint32_t shift) {
    std::vector<uint32_t> out;
    for (uint32_t w = from; w < from + count; ++w) out.push_back(w + shift);
    return out;
  };
  std::vector<SentenceFeatures> ru, en;
  for (uint32_t k = 0; k < 5; ++k) {
    if (k == 2) {
      // Russian words 50..69; English: the translations of Russian words
      // 70..89, which no Russian sentence holds.
      ru.push_back({.length = 180, .words = words(50, 20, 0)});
      en.push_back({.length = 184, .words = words(70, 20, 100)});
      continue;
    }
    ru.push_back({.length = 90, .words = words(10 * k, 8, 0)});
    en.push_back({.length = 92, .words = words(10 * k, 8, 100)});
  }
  AlignOptions options;
  options.pair_gaps = false;
  const Alignment without = Align(ru, en, table, DefaultModel(), options);
  REQUIRE(std::count(without.begin(), without.end(), Bead{2, 0, 2, 1}) == 1);
  REQUIRE(std::count(without.begin(), without.end(), Bead{2, 1, 3, 0}) == 1);
  options.pair_gaps = true;
  const Alignment with = Align(ru, en, table, DefaultModel(), options);
  REQUIRE(with.size() == 5);
  CHECK(with[2] == Bead{2, 1, 2, 1});
  CHECK(with[2].score == kGapPairScore);
  for (size_t k : {0, 1, 3, 4}) CHECK(with[k].score > 0.5);
}
