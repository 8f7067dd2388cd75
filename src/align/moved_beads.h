// Moved beads: pairs whose English lies out of the Russian order (a
// paragraph the translation moved). Which beads are "moved" is derived from
// the sentence ranges alone, so a stored or edited alignment says the same
// as the aligner did (doc/align.md, "Moved paragraphs").
#pragma once

#include <vector>

#include "common/bead.h"

namespace sverka::align {

// For beads in Russian order: true for each pair (both sides non-empty) that
// is not on the heaviest chain of pairs whose English ranges ascend (weight:
// the sentences a pair holds; ties keep the earlier pairs on the chain).
// 1-0 / 0-1 beads are never moved. O(k log k) for k beads; every bead false
// for a monotone alignment.
std::vector<bool> MovedBeads(const std::vector<Bead>& beads);

// Sets Bead::moved from MovedBeads.
void MarkMoved(Alignment& beads);

// True when every pair's English starts at or after the previous pair's end.
bool IsMonotone(const Alignment& beads);

}  // namespace sverka::align
