// What makes a bead a pair, shown to its reviewer: the anchors (numbers,
// months, names) and the dictionary translations found on both of its
// sides, as byte spans of each sentence (the HTML report marks them). A
// capitalised word or a number with no counterpart on the other side is not
// marked: a mark says "the aligner could pair this", not "this looks like a
// name". The lexicon the aligner learns from the document itself is not
// recomputed: words paired only by it are not marked (doc/decisions.md).
#pragma once

#include <memory>
#include <span>
#include <utility>
#include <vector>

#include "common/status.h"
#include "pipeline/align_pair.h"
#include "formats/dictionary_reader.h"
#include "tm/bead_edits.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

// Byte spans [begin, end) of one sentence to mark, ascending, not overlapping.
using MarkSpans = std::vector<std::pair<size_t, size_t>>;
// What to mark in a bead: one MarkSpans per sentence of each side.
struct BeadMarks {
  std::vector<MarkSpans> ru, en;
};

class BeadMatcher {
 public:
  // Prepares `dictionary` (may be empty) for the words of `beads`.
  static Result<std::unique_ptr<BeadMatcher>> Create(std::span<const tm::BeadView> beads,
                                                     std::span<const formats::DictionaryEntry> dictionary);
  // The spans to mark in each sentence of `bead`. Not thread-safe.
  BeadMarks Match(const tm::BeadView& bead);

 private:
  BeadMatcher() = default;
  WordTokenizers tokenizers_;
  PreparedDictionary dictionary_;
};

}  // namespace sverka::pipeline
