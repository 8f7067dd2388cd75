#include "align/alignment_score.h"

#include <catch2/catch.hpp>

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

TEST_CASE("strict scoring counts identical beads, lax scoring counts links", "[align][eval]") {
  // gold: [0]:[0] [1,2]:[1] [3]:[]   predicted: [0]:[0] [1]:[1] [2]:[] [3]:[]
  const Alignment gold = {{0, 1, 0, 1, 0}, {1, 2, 1, 1, 0}, {3, 1, 2, 0, 0}};
  const Alignment pred = {{0, 1, 0, 1, 0}, {1, 1, 1, 1, 0}, {2, 1, 2, 0, 0}, {3, 1, 2, 0, 0}};
  ScoreTally tally;
  tally.Add(gold, pred);
  const PrecisionRecall strict = Strict(tally);
  CHECK(strict.precision == Approx(2.0 / 4));
  CHECK(strict.recall == Approx(2.0 / 3));
  CHECK(strict.f1 == Approx(2 * 0.5 * (2.0 / 3) / (0.5 + 2.0 / 3)));
  const PrecisionRecall lax = Lax(tally);  // gold links (0,0) (1,1) (2,1); predicted (0,0) (1,1)
  CHECK(lax.precision == Approx(1.0));
  CHECK(lax.recall == Approx(2.0 / 3));
}

TEST_CASE("an empty prediction scores zero without dividing by zero", "[align][eval]") {
  ScoreTally tally;
  tally.Add({{0, 1, 0, 1, 0}}, {});
  CHECK(Strict(tally).f1 == 0.0);
  CHECK(Lax(tally).precision == 0.0);
}
