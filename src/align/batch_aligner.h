// Aligning one document or a batch in two passes (Moore 2002): length and
// anchors first; then bead priors re-estimated from the first pass, IBM
// Model 1 trained on its confident 1-1 beads over the whole batch, and all
// documents aligned again with the dictionary and the learned lexicon.
#pragma once

#include <span>
#include <vector>

#include "align/aligner.h"
#include "align/fixed_beads.h"
#include "align/heading_pairs.h"
#include "align/lexicon.h"
#include "align/piece_cuts.h"

namespace sverka::align {

struct DocumentFeatures {
  std::vector<SentenceFeatures> ru, en;
  // The sentences the segmenter could have cut, ascending (none when the
  // text came segmented): see piece_cuts.h.
  std::vector<SentencePieces> ru_pieces, en_pieces;
  // The headings of each side, ascending by sentence (heading_pairs.h).
  std::vector<HeadingMark> ru_headings, en_headings;
  // Beads kept as they are (a reviewer's, `sverka realign`): both passes
  // align only the other sentences, around them (fixed_beads.h), and the
  // lexicon learns from them as from confident beads. Bead::moved as in
  // the stored alignment.
  Alignment fixed;
};

// Where a document's sentences were cut at their pieces (piece_cuts.h).
struct DocumentCuts {
  PieceCuts ru, en;
};

struct BatchOptions {
  AlignOptions align;
  bool learn_lexicon = true;
  // 1-1 beads of the first pass at or above this posterior train the lexicon.
  double confident_score = 0.9;
  // At most this many of them, spread evenly over the batch: Model 1 has
  // converged on a few thousand pairs, and more only cost time.
  size_t max_lexicon_pairs = 4000;
  LexiconOptions lexicon;
  // Re-estimate the bead priors for the second pass from the first pass's
  // expected shape counts, smoothed towards Gale and Church's priors with
  // this many pseudo-beads.
  bool estimate_priors = true;
  double prior_pseudo_beads = 100.0;
  // Threads aligning documents in each pass (documents are independent
  // within a pass). The result does not depend on it.
  int jobs = 1;
  // Headings both sides share bound the alignment: no bead crosses them
  // (PairHeadings; doc/align.md, "Structure"). False: headings are text.
  bool use_structure = true;
};

// Aligns every document; `dictionary` maps Russian to English word ids in the
// same vocabularies as the features (empty when there is none). The result
// has one alignment per document, in order. With `cuts`, sentences with
// pieces are cut where the translation confirms it (CutAtPieces, after the
// second pass): the alignments are numbered as the sentences are after the
// cuts, listed in (*cuts)[d].
std::vector<Alignment> AlignBatch(std::span<const DocumentFeatures> documents,
                                  const TranslationTable& dictionary, const BatchOptions& options = {},
                                  std::vector<DocumentCuts>* cuts = nullptr);

}  // namespace sverka::align
