// Where the alignment path probably runs, before any dynamic programming:
// anchors that occur exactly once on each side (a few times in a very long
// text) are near-certain sentence pairs; the longest monotone chain of them (an increasing subsequence)
// drops the accidental ones. The aligner centres its band on this path.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "align/sentence_features.h"

namespace sverka::align {

// Sentence pairs (i, j) joined by an anchor unique on both sides (in a text
// of more than 10,000 sentences: occurring as often on both sides, at most
// once per 5,000 sentences, its occurrences paired in order), in the longest
// chain increasing in both i and j. O(k log k) for k candidates.
std::vector<std::pair<int32_t, int32_t>> AnchorChain(std::span<const SentenceFeatures> ru,
                                                     std::span<const SentenceFeatures> en);

// The longest chain of `points` (i, j) increasing in both i and j, one
// point per Russian sentence at most. O(k log k).
std::vector<std::pair<int32_t, int32_t>> LongestChain(std::vector<std::pair<int32_t, int32_t>> points);

// For every Russian position 0..n, the English position at the same share
// of the text's characters: translation keeps cumulative length far better
// than sentence counts, so this tracks the true path closely. Monotone.
std::vector<int32_t> LengthDiagonal(std::span<const SentenceFeatures> ru,
                                    std::span<const SentenceFeatures> en);

// The path the aligner's band is centred on: the length diagonal, shifted
// towards the anchor chain's points where they agree with it within
// `tolerance` sentences (a chain point further off is more likely an
// accidental match than a real detour); the shift is interpolated between
// points.
std::vector<int32_t> ExpectedPath(std::span<const SentenceFeatures> ru,
                                  std::span<const SentenceFeatures> en, int32_t tolerance);

}  // namespace sverka::align
