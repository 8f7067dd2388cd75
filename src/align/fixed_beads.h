// Aligning around beads fixed in advance: a reviewer's approved, edited
// and pinned beads stay as they are, and only the sentences between them
// are aligned again (`sverka realign`, doc/align.md, "Realign").
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "common/bead.h"

namespace sverka::align {

// The sentences no fixed bead holds, and where the fixed beads lie among
// them: the alignment of the free sentences passes through each waypoint.
struct FreeSentences {
  std::vector<int32_t> ru, en;  // the document index of each free sentence, ascending
  // For each fixed bead not moved, in Russian order: the free sentences of
  // each side before it (a waypoint, AlignOptions::waypoints).
  std::vector<std::pair<int32_t, int32_t>> waypoints;
  std::vector<size_t> bounding;  // the index in `fixed` of each waypoint's bead
};

// `fixed`: disjoint beads of a document of n Russian and m English
// sentences, with Bead::moved set as in the whole alignment (a moved fixed
// bead bounds nothing: its sentences are only taken out; so does one whose
// waypoint would go back on a side).
FreeSentences FreeOf(int32_t n, int32_t m, const Alignment& fixed);

// The beads of `reduced` (an alignment of `free`, made by FreeOf from
// `fixed`) in document
// numbering, with the fixed beads among them, in Russian order: a fixed
// bead goes where the path passes its waypoint (a moved one by its Russian
// sentences). A bead whose sentences a moved fixed bead interrupts keeps
// its first run of each side; the other runs become 1-0 / 0-1 beads of
// score 0. 1-0 / 0-1 beads are placed after the bead before them.
Alignment Expand(const Alignment& reduced, const FreeSentences& free, const Alignment& fixed);

// Sets the position of each 1-0 / 0-1 bead of `beads` (in Russian order)
// after the bead before it, and Bead::moved (MarkMoved).
void PlaceUnpaired(Alignment& beads);

// Aligns the sentences of `ru` and `en` that no bead of `fixed` holds,
// passing through the fixed beads, and returns the whole alignment: the
// fixed beads with score 1 (they are certain), the others as Align scores
// them. `options.boundaries` and `options.expected_path` are in document
// numbering; a boundary on a fixed sentence is dropped. Without fixed beads
// it is Align.
Alignment AlignAround(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                      const Alignment& fixed, const TranslationTable& table, const AlignModel& model,
                      const AlignOptions& options = {}, AlignStats* stats = nullptr,
                      EvidenceRates* rates = nullptr);

}  // namespace sverka::align
