// Units as fine as the translation allows (issue 20): the segmenter keeps
// some sentence ends it is unsure of (inside a quotation, after an
// abbreviation-like word, a line break without punctuation) and gives the
// pieces between them; after the alignment, a bead's sentences are cut
// there where the other side has a break to match and each finer bead
// carries its own evidence. Pure computation.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "align/aligner.h"

namespace sverka::align {

// A sentence the segmenter could have cut: the features of its pieces, in
// order, and for each piece but the last the probability that a sentence
// ends after it.
struct SentencePieces {
  int32_t sentence = 0;
  std::vector<SentenceFeatures> pieces;
  std::vector<double> priors;  // pieces.size() - 1 of them, in (0, 1)
};

// Where sentences were cut: {s, k} cuts sentence s after its piece k
// (0-based). Ascending.
using PieceCuts = std::vector<std::pair<int32_t, int32_t>>;

// Cuts the sentences of `beads` (an alignment of `ru` and `en`) at their
// pieces' breaks where it makes the alignment more likely under the
// aligner's own costs (`coster`). A window of beads is searched again over
// its pieces: the bead holding a sentence with pieces (or the run of 1-0 /
// 0-1 beads holding it), the beads on either side and, beyond a
// neighbour, a run of 1-0 / 0-1 beads (when at most 12 pieces a side).
// Its Russian and English are divided into beads, recursively: pairs and
// sentences left unpaired (a piece break inside an unpaired run is left
// whole), scored by their shape's prior, length and evidence, plus -log p
// of each piece break cut and -log(1 - p) of each left whole. The result
// replaces the window only when it is cheaper than the window's beads and cuts at
// least one piece break: without a cut the aligner's own search stands.
// Moved beads are left as they are. Returns the beads numbered as the
// sentences are after the cuts, which go to `ru_cuts` and `en_cuts`.
// `ru_pieces` and `en_pieces` ascend by sentence.
Alignment CutAtPieces(const Alignment& beads, std::span<const SentenceFeatures> ru,
                      std::span<const SentenceFeatures> en, std::span<const SentencePieces> ru_pieces,
                      std::span<const SentencePieces> en_pieces, const BeadCoster& coster,
                      PieceCuts& ru_cuts, PieceCuts& en_cuts);

}  // namespace sverka::align
