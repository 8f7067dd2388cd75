#include "align/parallel_check.h"

#include <catch2/catch.hpp>

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

TEST_CASE("the confidently paired share counts the sentences of pairs scored 0.5 or more", "[align][parallel]") {
  struct Case {
    Alignment beads;
    double share;
    bool not_parallel;
  };
  const Case cases[] = {
      // Every sentence in a confident pair: a translation.
      {{{0, 1, 0, 1, 0.9}, {1, 1, 1, 1, 0.8}, {2, 2, 2, 1, 0.6}}, 1.0, false},
      // Pairs the evidence contradicts (scores below 0.5) count as unpaired.
      {{{0, 1, 0, 1, 0.2}, {1, 1, 1, 1, 0.1}, {2, 1, 2, 1, 0.4}, {3, 1, 3, 1, 0.9}}, 0.25, false},
      {{{0, 1, 0, 1, 0.2}, {1, 1, 1, 1, 0.1}, {2, 1, 2, 1, 0.4}, {3, 1, 3, 1, 0.49}}, 0.0, true},
      // Omissions count in the whole, never as paired, whatever their score.
      {{{0, 1, 0, 0, 0.6}, {1, 1, 0, 0, 0.6}, {2, 1, 0, 0, 0.6}, {3, 0, 0, 1, 0.6},
        {3, 0, 1, 1, 0.6}, {3, 0, 2, 1, 0.6}, {3, 1, 3, 1, 0.95}}, 2.0 / 8, false},
      {{{0, 1, 0, 0, 0.6}, {1, 1, 0, 0, 0.6}, {2, 1, 0, 0, 0.6}, {3, 1, 0, 0, 0.6},
        {4, 0, 0, 1, 0.6}, {4, 0, 1, 1, 0.6}, {4, 0, 2, 1, 0.6}, {4, 1, 3, 1, 0.95}}, 2.0 / 9, true},
      // Too short to judge: never called not parallel.
      {{{0, 1, 0, 0, 0.6}, {1, 1, 0, 0, 0.6}, {2, 0, 0, 1, 0.6}, {2, 0, 1, 1, 0.6}}, 0.0, false},
      {{}, 0.0, false},
  };
  for (const Case& c : cases) {
    INFO("beads " << c.beads.size() << ", share " << c.share);
    CHECK(ConfidentlyPairedShare(c.beads) == Approx(c.share));
    CHECK(LooksNotParallel(c.beads) == c.not_parallel);
  }
}
