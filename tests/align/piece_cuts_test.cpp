#include "align/piece_cuts.h"

#include <catch2/catch.hpp>

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

namespace {

// A sentence (or piece) of `length` code points whose words are `words`:
// the table below translates Russian word w to English word w.
SentenceFeatures Text(int32_t length, std::vector<uint32_t> words) {
  SentenceFeatures f;
  f.length = length;
  f.words = std::move(words);
  return f;
}

TranslationTable Identity(uint32_t n) {
  TranslationTable t;
  t.targets.resize(n);
  for (uint32_t w = 0; w < n; ++w) t.targets[w] = {w};
  return t;
}

struct Fixture {
  TranslationTable table = Identity(100);
  AlignModel model = DefaultModel();
  AlignOptions options;
  EvidenceRates rates{0.01, 0.5};
  BeadCoster coster{table, model, options, rates};
};

}  // namespace

TEST_CASE("a sentence is cut at a piece where the other side has a sentence break and both halves match",
          "[align][pieces]") {
  Fixture fx;
  // Russian: one sentence, pieces {1..5} and {6..10} (a quotation the
  // segmenter kept whole); English: two sentences with those words.
  const std::vector<SentenceFeatures> ru = {Text(60, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
  const std::vector<SentenceFeatures> en = {Text(30, {1, 2, 3, 4, 5}), Text(30, {6, 7, 8, 9, 10})};
  const std::vector<SentencePieces> ru_pieces = {{0, {Text(30, {1, 2, 3, 4, 5}), Text(29, {6, 7, 8, 9, 10})}, {0.4}}};
  const Alignment beads = {{0, 1, 0, 2, 0.8}};
  PieceCuts ru_cuts, en_cuts;
  const Alignment out = CutAtPieces(beads, ru, en, ru_pieces, {}, fx.coster, ru_cuts, en_cuts);
  REQUIRE(out.size() == 2);
  CHECK(out[0] == Bead{0, 1, 0, 1});
  CHECK(out[1] == Bead{1, 1, 1, 1});
  CHECK(out[0].score <= 0.8);
  CHECK(ru_cuts == PieceCuts{{0, 0}});
  CHECK(en_cuts.empty());
}

TEST_CASE("a piece is not cut where the other side has no break, or where a half has no evidence",
          "[align][pieces]") {
  Fixture fx;
  const std::vector<SentencePieces> ru_pieces = {{0, {Text(30, {1, 2, 3, 4, 5}), Text(29, {6, 7, 8, 9, 10})}, {0.4}}};
  const std::vector<SentenceFeatures> ru = {Text(60, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
  PieceCuts ru_cuts, en_cuts;
  SECTION("one English sentence: nothing to match the cut") {
    const std::vector<SentenceFeatures> en = {Text(60, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
    const Alignment beads = {{0, 1, 0, 1, 0.9}};
    const Alignment out = CutAtPieces(beads, ru, en, ru_pieces, {}, fx.coster, ru_cuts, en_cuts);
    CHECK(out == beads);
    CHECK(ru_cuts.empty());
  }
  SECTION("two English sentences, but the second shares no word with the second piece: length alone never cuts") {
    const std::vector<SentenceFeatures> en = {Text(30, {1, 2, 3, 4, 5}), Text(30, {50, 51, 52, 53, 54})};
    const Alignment beads = {{0, 1, 0, 2, 0.5}};
    const Alignment out = CutAtPieces(beads, ru, en, ru_pieces, {}, fx.coster, ru_cuts, en_cuts);
    CHECK(out == beads);
    CHECK(ru_cuts.empty());
  }
}

TEST_CASE("cuts renumber the sentences after them, on both sides", "[align][pieces]") {
  Fixture fx;
  // Russian 0 (whole), 1 (two pieces), 2; English 0, 1 (two pieces), 2, 3.
  const std::vector<SentenceFeatures> ru = {Text(30, {20, 21, 22, 23}), Text(60, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}),
                                            Text(30, {30, 31, 32, 33})};
  const std::vector<SentenceFeatures> en = {Text(30, {20, 21, 22, 23}), Text(60, {1, 2, 3, 4, 5, 40, 41}),
                                            Text(30, {6, 7, 8, 9, 10}), Text(30, {30, 31, 32, 33})};
  const std::vector<SentencePieces> ru_pieces = {{1, {Text(30, {1, 2, 3, 4, 5}), Text(29, {6, 7, 8, 9, 10})}, {0.4}}};
  // English 1 is "A. B." where the second piece has no Russian: kept whole.
  const std::vector<SentencePieces> en_pieces = {{1, {Text(30, {1, 2, 3, 4, 5}), Text(29, {40, 41})}, {0.3}}};
  const Alignment beads = {{0, 1, 0, 1, 0.95}, {1, 1, 1, 2, 0.7}, {2, 1, 3, 1, 0.95}};
  PieceCuts ru_cuts, en_cuts;
  const Alignment out = CutAtPieces(beads, ru, en, ru_pieces, en_pieces, fx.coster, ru_cuts, en_cuts);
  REQUIRE(out.size() == 4);
  CHECK(out[0] == Bead{0, 1, 0, 1});
  CHECK(out[1] == Bead{1, 1, 1, 1});
  CHECK(out[2] == Bead{2, 1, 2, 1});
  CHECK(out[3] == Bead{3, 1, 3, 1});
  CHECK(ru_cuts == PieceCuts{{1, 0}});
  CHECK(en_cuts.empty());
}

TEST_CASE("a piece is paired with a sentence the search left unpaired next to it", "[align][pieces]") {
  Fixture fx;
  // The search paired the whole Russian sentence with the first English one
  // and left the second unpaired; its second piece translates that one.
  const std::vector<SentenceFeatures> ru = {Text(60, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
  const std::vector<SentenceFeatures> en = {Text(30, {1, 2, 3, 4, 5}), Text(30, {6, 7, 8, 9, 10})};
  const std::vector<SentencePieces> ru_pieces = {{0, {Text(30, {1, 2, 3, 4, 5}), Text(29, {6, 7, 8, 9, 10})}, {0.5}}};
  const Alignment beads = {{0, 1, 0, 1, 0.7}, {1, 0, 1, 1, 0.4}};
  PieceCuts ru_cuts, en_cuts;
  const Alignment out = CutAtPieces(beads, ru, en, ru_pieces, {}, fx.coster, ru_cuts, en_cuts);
  REQUIRE(out.size() == 2);
  CHECK(out[0] == Bead{0, 1, 0, 1});
  CHECK(out[1] == Bead{1, 1, 1, 1});
  CHECK(out[1].score <= 0.85);  // no posterior for it: below what a reviewer trusts
  CHECK(ru_cuts == PieceCuts{{0, 0}});
}

TEST_CASE("a neighbour pair of whole sentences stays as the search made it, however weak its words",
          "[align][pieces]") {
  Fixture fx;
  // Russian 0 and English 0 share no word (a loose translation the search
  // paired by length and place); Russian 1 has two pieces for English 1-2.
  const std::vector<SentenceFeatures> ru = {Text(40, {60, 61, 62, 63}), Text(60, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
  const std::vector<SentenceFeatures> en = {Text(40, {70, 71, 72, 73}), Text(30, {1, 2, 3, 4, 5}),
                                            Text(30, {6, 7, 8, 9, 10})};
  const std::vector<SentencePieces> ru_pieces = {{1, {Text(30, {1, 2, 3, 4, 5}), Text(29, {6, 7, 8, 9, 10})}, {0.5}}};
  const Alignment beads = {{0, 1, 0, 1, 0.6}, {1, 1, 1, 2, 0.7}};
  PieceCuts ru_cuts, en_cuts;
  const Alignment out = CutAtPieces(beads, ru, en, ru_pieces, {}, fx.coster, ru_cuts, en_cuts);
  REQUIRE(out.size() == 3);
  CHECK(out[0] == Bead{0, 1, 0, 1});
  CHECK(out[0].score == 0.6);
  CHECK(out[1] == Bead{1, 1, 1, 1});
  CHECK(out[2] == Bead{2, 1, 2, 1});
}

TEST_CASE("a window whose English holds a moved bead's sentence is left as it is", "[align][pieces]") {
  Fixture fx;
  // English 1 belongs to a moved bead (Russian 2, standing after the
  // window); the window of Russian 0-1 spans English 0-2 around it.
  // English 1 would also do for the Russian's second piece: the search
  // must not see it.
  const std::vector<SentenceFeatures> ru = {Text(60, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), Text(30, {20, 21, 22, 23}),
                                            Text(30, {6, 7, 8, 9, 10})};
  const std::vector<SentenceFeatures> en = {Text(30, {1, 2, 3, 4, 5}), Text(30, {6, 7, 8, 9, 10}),
                                            Text(30, {20, 21, 22, 23})};
  const std::vector<SentencePieces> ru_pieces = {{0, {Text(30, {1, 2, 3, 4, 5}), Text(29, {6, 7, 8, 9, 10})}, {0.5}}};
  Alignment beads = {{0, 1, 0, 1, 0.7}, {1, 1, 2, 1, 0.9}, {2, 1, 1, 1, 0.8}};
  beads[2].moved = true;
  PieceCuts ru_cuts, en_cuts;
  const Alignment out = CutAtPieces(beads, ru, en, ru_pieces, {}, fx.coster, ru_cuts, en_cuts);
  CHECK(out == beads);
  CHECK(ru_cuts.empty());
}

TEST_CASE("a short pair at a piece break needs no words of its own when the pieces around it match",
          "[align][pieces]") {
  Fixture fx;
  // Dialogue: Russian "Так, стоп." (no word the table knows) was left
  // unpaired; English "Well, wait one minute. Did we leak…" is one sentence
  // of two pieces, the second translating Russian 1.
  const std::vector<SentenceFeatures> ru = {Text(10, {60}), Text(30, {6, 7, 8, 9, 10})};
  const std::vector<SentenceFeatures> en = {Text(53, {70, 6, 7, 8, 9, 10})};
  const std::vector<SentencePieces> en_pieces = {{0, {Text(22, {70}), Text(30, {6, 7, 8, 9, 10})}, {0.7}}};
  const Alignment beads = {{0, 1, 0, 0, 0.3}, {1, 1, 0, 1, 0.7}};
  PieceCuts ru_cuts, en_cuts;
  const Alignment out = CutAtPieces(beads, ru, en, {}, en_pieces, fx.coster, ru_cuts, en_cuts);
  REQUIRE(out.size() == 2);
  CHECK(out[0] == Bead{0, 1, 0, 1});
  CHECK(out[1] == Bead{1, 1, 1, 1});
  CHECK(en_cuts == PieceCuts{{0, 0}});
}

TEST_CASE("the window reaches past its neighbour to a sentence the search left unpaired", "[align][pieces]") {
  Fixture fx;
  // The search left Russian 0 unpaired and paired Russian 1 with English 0,
  // which translates Russian 0; English 1's first piece translates Russian 1.
  const std::vector<SentenceFeatures> ru = {Text(20, {1, 2, 3}), Text(20, {4, 5, 6}), Text(30, {7, 8, 9, 10, 11})};
  const std::vector<SentenceFeatures> en = {Text(20, {1, 2, 3}), Text(51, {4, 5, 6, 7, 8, 9, 10, 11})};
  const std::vector<SentencePieces> en_pieces = {{1, {Text(20, {4, 5, 6}), Text(30, {7, 8, 9, 10, 11})}, {0.7}}};
  const Alignment beads = {{0, 1, 0, 0, 0.3}, {1, 1, 0, 1, 0.4}, {2, 1, 1, 1, 0.6}};
  PieceCuts ru_cuts, en_cuts;
  const Alignment out = CutAtPieces(beads, ru, en, {}, en_pieces, fx.coster, ru_cuts, en_cuts);
  REQUIRE(out.size() == 3);
  CHECK(out[0] == Bead{0, 1, 0, 1});
  CHECK(out[1] == Bead{1, 1, 1, 1});
  CHECK(out[2] == Bead{2, 1, 2, 1});
  CHECK(en_cuts == PieceCuts{{1, 0}});
}

TEST_CASE("a sentence left unpaired in a window keeps its piece breaks whole", "[align][pieces]") {
  Fixture fx;
  // Russian 0 is cut for English 0 and 1; English 2 (two pieces, no
  // Russian) stays unpaired: one sentence, not two.
  const std::vector<SentenceFeatures> ru = {Text(60, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})};
  const std::vector<SentenceFeatures> en = {Text(30, {1, 2, 3, 4, 5}), Text(30, {6, 7, 8, 9, 10}),
                                            Text(41, {50, 51, 52, 53})};
  const std::vector<SentencePieces> ru_pieces = {{0, {Text(30, {1, 2, 3, 4, 5}), Text(29, {6, 7, 8, 9, 10})}, {0.5}}};
  const std::vector<SentencePieces> en_pieces = {{2, {Text(20, {50, 51}), Text(20, {52, 53})}, {0.4}}};
  const Alignment beads = {{0, 1, 0, 2, 0.6}, {1, 0, 2, 1, 0.5}};
  PieceCuts ru_cuts, en_cuts;
  const Alignment out = CutAtPieces(beads, ru, en, ru_pieces, en_pieces, fx.coster, ru_cuts, en_cuts);
  REQUIRE(out.size() == 3);
  CHECK(out[0] == Bead{0, 1, 0, 1});
  CHECK(out[1] == Bead{1, 1, 1, 1});
  CHECK(out[2] == Bead{2, 0, 2, 1});
  CHECK(ru_cuts == PieceCuts{{0, 0}});
  CHECK(en_cuts.empty());
}
