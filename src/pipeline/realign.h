// Realigning a stored document around the beads a reviewer fixed
// (`sverka realign`, the review's R key; doc/align.md, "Realign").
#pragma once

#include <span>
#include <vector>

#include "align/batch_aligner.h"
#include "common/status.h"
#include "tm/dictionary_reader.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

// The beads of a stored document (all of them, by position, with their
// sentence texts, as TmStore::Beads gives them) aligned again around the
// fixed ones (tm::IsFixed: approved, edited, pinned): those stay as they
// are; the sentences of the others are aligned as `align` aligns a pair,
// both passes, with the dictionary and the lexicon learned from the whole
// document (the fixed beads among its training pairs). The result is in
// document numbering, Russian order, the fixed beads included.
Result<align::Alignment> RealignBeads(const std::vector<tm::BeadView>& stored,
                                      std::span<const tm::DictionaryEntry> dictionary,
                                      const align::BatchOptions& options = {});

}  // namespace sverka::pipeline
