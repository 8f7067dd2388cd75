// Are two texts a translation of each other at all? Read off an alignment:
// a translation pairs most of its sentences with evidence; two unrelated
// texts pair almost none (doc/align.md, "Not a translation").
#pragma once

#include "common/bead.h"

namespace sverka::align {

// The share of all sentences (both sides) that lie in beads pairing both
// sides with a score of at least kConfidentPairScore; 0 for no sentences.
double ConfidentlyPairedShare(const Alignment& beads);

inline constexpr double kConfidentPairScore = 0.5;
// Below this share a pair is not a translation: on the evaluation data the
// 25 mismatched ntrex article pairs reach at most 0.14, every real pair
// (clean, abridged by 40 %, reordered, added) at least 0.46.
inline constexpr double kMinParallelShare = 0.25;

// True when the alignment shows the texts are not a translation of each
// other: at least kMinSentences sentences on each side (shorter texts give
// too little evidence either way) and a paired share below kMinParallelShare.
bool LooksNotParallel(const Alignment& beads);
inline constexpr int kMinSentencesToJudge = 3;

}  // namespace sverka::align
