// The sentence aligner: pure functions from sentence lengths to beads.
// No I/O, no clock, no globals (doc/align.md describes the model).
#pragma once

#include <cstdint>
#include <span>

#include "align/bead.h"
#include "align/length_model.h"

namespace sverka::align {

struct AlignOptions {
  // Half-width, in sentences, of the first band searched around the
  // diagonal. The band doubles while the best path touches its edge.
  int32_t initial_band = 32;
  // Upper bound on DP cells (rows x band width) kept in memory; the band
  // stops widening there (~9 bytes a cell). 2^27 cells is ~1.2 GB.
  int64_t max_cells = int64_t{1} << 27;
};

// Aligns two documents given the length (in code points) of each sentence.
// Returns beads covering every sentence of both sides exactly once, in order;
// shapes 1-1, 1-0, 0-1, 2-1, 1-2, 2-2; each with a score in [0, 1].
// Time and memory are O((n + m) * band); the band grows only where the
// documents disagree (worst case O(n * m), bounded by `max_cells`).
Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const AlignOptions& options = {});

// Same, with the length model given rather than estimated from the pair.
Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const LengthModel& model, const AlignOptions& options = {});

}  // namespace sverka::align
