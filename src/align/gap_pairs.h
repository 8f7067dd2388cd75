// Gap pairs: sentences the search left unpaired on both sides between the
// same two pairs of the path, paired by length and position (doc/align.md,
// "Gaps"). Internal to align/: called by Align after the moved-paragraph
// pass. Pure computation.
#pragma once

#include <cstdint>
#include <span>

#include "align/aligner.h"
#include "common/bead.h"

namespace sverka::align {

// The score a gap pair gets: what share of them the evaluation sets' gold
// holds exactly (61 of 127, doc/align.md), below kConfidentPairScore, so
// that check, review and the report put them before the reviewer.
inline constexpr double kGapPairScore = 0.45;

// A gap longer than this on either side is left as it is: a block that
// long was dropped and another added, not translated without evidence.
inline constexpr int32_t kMaxGapSentences = 8;

// For beads in Russian order (moved beads marked): each run of 1-0 / 0-1
// beads that holds every sentence between two consecutive pairs of the
// path (neither moved), sentences on both sides, at most kMaxGapSentences a
// side, crossing no section boundary or waypoint of `options` and holding
// no sentence it marks as continuing an omission or divisible, is aligned
// anew as a small document by shape priors and length alone (the evidence
// was already found neutral there); the pairs found replace it, scored
// kGapPairScore, and sentences that still fit nowhere stay 1-0 / 0-1.
void PairGaps(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
              const AlignModel& model, const AlignOptions& options, Alignment& beads);

}  // namespace sverka::align
