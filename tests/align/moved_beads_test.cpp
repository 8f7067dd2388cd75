#include "align/moved_beads.h"

#include <catch2/catch.hpp>

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

namespace {
Bead Pair(int32_t ru, int32_t en, int32_t ru_count = 1, int32_t en_count = 1) {
  return {ru, ru_count, en, en_count, 0.9};
}
}  // namespace

TEST_CASE("a monotone alignment has no moved bead", "[align][moved]") {
  const Alignment beads = {Pair(0, 0), Pair(1, 1, 1, 2), {2, 1, 3, 0, 0.5}, {3, 0, 3, 1, 0.5}, Pair(3, 4)};
  CHECK(IsMonotone(beads));
  CHECK(MovedBeads(beads) == std::vector<bool>(5, false));
}

TEST_CASE("the smaller crossing block is the moved one", "[align][moved]") {
  // Russian 3-4 paired with English 0-1, crossing Russian 0-2 (English 2-4).
  const Alignment beads = {Pair(0, 2), Pair(1, 3), Pair(2, 4), Pair(3, 0), Pair(4, 1), Pair(5, 5)};
  CHECK_FALSE(IsMonotone(beads));
  CHECK(MovedBeads(beads) == std::vector<bool>{false, false, false, true, true, false});
  // The other way round: the block that jumped holds more sentences.
  const Alignment other = {Pair(0, 3), Pair(1, 0), Pair(2, 1), Pair(3, 2), Pair(4, 4)};
  CHECK(MovedBeads(other) == std::vector<bool>{true, false, false, false, false});
}

TEST_CASE("a moved bead is weighed by its sentences", "[align][moved]") {
  // One 1-3 bead (4 sentences) against two 1-1 pairs (4 sentences): a tie,
  // the earlier chain stays; a 1-3 against one 1-1: the 1-1 moves.
  const Alignment tie = {Pair(0, 2, 1, 3), Pair(1, 0), Pair(2, 1)};
  CHECK(MovedBeads(tie) == std::vector<bool>{false, true, true});
  const Alignment heavier = {Pair(0, 1, 1, 3), Pair(1, 0)};
  CHECK(MovedBeads(heavier) == std::vector<bool>{false, true});
}

TEST_CASE("unpaired sentences are never moved", "[align][moved]") {
  Alignment beads = {Pair(0, 1), {1, 0, 0, 1, 0.4}, {1, 1, 2, 0, 0.4}, Pair(2, 0)};
  MarkMoved(beads);
  CHECK_FALSE(beads[1].moved);
  CHECK_FALSE(beads[2].moved);
  CHECK(beads[0].moved != beads[3].moved);
}
