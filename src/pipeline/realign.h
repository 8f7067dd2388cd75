// Realigning a stored document around the beads a reviewer fixed
// (`sverka realign`, the review's R key; doc/align.md, "Realign").
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "align/batch_aligner.h"
#include "common/status.h"
#include "formats/dictionary_reader.h"
#include "tm/bead_editor.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

// The beads of a stored document (all of them, by position, with their
// sentence texts, as tm::Beads gives them) aligned again around the
// fixed ones (tm::IsFixed: approved, edited, pinned): those stay as they
// are; the sentences of the others are aligned as `align` aligns a pair,
// both passes, with the dictionary and the lexicon learned from the whole
// document (the fixed beads among its training pairs). The result is in
// document numbering, Russian order, the fixed beads included.
Result<Alignment> RealignBeads(const std::vector<tm::BeadView>& stored,
                                      std::span<const formats::DictionaryEntry> dictionary,
                                      const align::BatchOptions& options = {});

// RealignBeads on `seen` (the document `document` as the caller read it
// from `store`), written around the fixes (tm::Realigned) as one `realign`
// edit (tm::ReplaceBeads: refused when the document changed since;
// history_id 0 when nothing changed). What `sverka realign` and review's R do.
Result<tm::BeadChange> RealignStored(tm::TmStore& store, std::string_view document,
                                     const std::vector<tm::BeadView>& seen,
                                     std::span<const formats::DictionaryEntry> dictionary);

}  // namespace sverka::pipeline
