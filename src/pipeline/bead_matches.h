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

#include "common/status.h"
#include "pipeline/align_pair.h"
#include "tm/dictionary_reader.h"
#include "tm/html_report.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

class BeadMatcher {
 public:
  // Prepares `dictionary` (may be empty) for the words of `beads`.
  static Result<std::unique_ptr<BeadMatcher>> Create(std::span<const tm::BeadView> beads,
                                                     std::span<const tm::DictionaryEntry> dictionary);
  // The spans to mark in each sentence of `bead`. Not thread-safe.
  tm::BeadMarks Match(const tm::BeadView& bead);

 private:
  BeadMatcher() = default;
  WordTokenizers tokenizers_;
  PreparedDictionary dictionary_;
};

}  // namespace sverka::pipeline
