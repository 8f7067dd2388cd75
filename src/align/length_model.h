// The Gale–Church (1993) length model: how likely a group of Russian
// sentences of total length l1 is to be translated by English sentences of
// total length l2, and how likely each bead shape is a priori.
#pragma once

#include <cstdint>
#include <span>

namespace sverka::align {

struct LengthModel {
  // Expected English characters per Russian character. Estimated per pair by
  // EstimateLengthModel(); 1.0 is Gale and Church's value for related languages.
  double ratio = 1.0;
  // Variance of the length difference per character (Gale–Church: 6.8).
  double variance = 6.8;
};

// Fits `ratio` to the pair: total English length over total Russian length
// (code points), which on real Russian–English text is ~0.9–1.1. Keeps the
// default when either side is empty.
LengthModel EstimateLengthModel(std::span<const int32_t> ru_lengths,
                                std::span<const int32_t> en_lengths);

// Two-sided tail probability of the observed length difference:
// 2 * (1 - Phi(|delta|)), delta = (l2 - l1*ratio) / sqrt(mean * variance),
// mean = (l1 + l2/ratio) / 2. 1.0 when both lengths are zero.
double LengthMatchProbability(const LengthModel& model, int32_t l1, int32_t l2);

// Prior probability of a bead of `ru_count` x `en_count` sentences (Gale and
// Church's estimates, 1993, table 5); 0 for shapes the aligner does not use.
double BeadPrior(int ru_count, int en_count);

}  // namespace sverka::align
