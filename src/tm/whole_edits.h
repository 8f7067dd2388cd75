// Edits of a whole document's beads as pure functions: the beads realign
// stores, and a reviewer's pin ("these Russian sentences go with these
// English ones"). tm::ReplaceBeads (bead_editor.h) writes their result as one edit.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "common/bead.h"
#include "common/status.h"
#include "tm/bead_edits.h"

namespace sverka::tm {

// Whether a stored bead is fixed for realign: a reviewer approved or
// edited it (a pin is an edited bead).
bool IsFixed(const BeadView& bead);

// How many Russian and English sentences a document has: the ends of its beads.
std::pair<int32_t, int32_t> SentenceCounts(const std::vector<BeadView>& beads);

// Whether `beads` hold every sentence of `stored`'s document exactly once,
// each bead at least one.
bool HoldEachSentenceOnce(const std::vector<BeadView>& stored, const std::vector<BeadView>& beads);

// The stored beads as the aligner's beads, Bead::moved set.
Alignment AsAlignment(const std::vector<BeadView>& stored);

// The beads to store after realign, at positions 0, 1, …: the aligner's
// `beads` (document numbering, Russian order) only around the fixes. Both
// lists are walked in order; a bead with the same sentences in both stays
// as stored (status, score, creation time). A region where they differ (up
// to where both have covered the same sentences) is taken from the aligner
// only when a fixed bead bounds it or it holds a pin's unscored fragment:
// elsewhere the difference is not the fix's doing, and the reviewer's
// memory does not change under them. A bead taken with the sentences of a
// reviewed stored bead keeps its status and score (a rejected pairing stays
// rejected); the others are "auto" with the aligner's score.
std::vector<BeadView> Realigned(const std::vector<BeadView>& stored, const Alignment& beads);

// The stored beads with Russian sentences [ru_begin, ru_end) and English
// [en_begin, en_end) made one "edited" bead (score 1: the reviewer says
// so), placed in Russian order. A bead that held some of them keeps the
// rest, as one bead before and one after the pinned sentences (a side
// left without sentences: a 1-0 / 0-1 bead), "auto" with score 0, not
// scored: realign or review them. kBadInput when a range is empty on
// both sides or reaches past the document.
Result<std::vector<BeadView>> Pinned(const std::vector<BeadView>& stored, int32_t ru_begin, int32_t ru_end,
                                     int32_t en_begin, int32_t en_end);

}  // namespace sverka::tm
