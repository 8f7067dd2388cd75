// The review editor (doc/schema.md, "Review edits"): applies the pure
// edits of tm/bead_edits.h to a stored document, each in one transaction
// writing one history entry with the region's beads before and after, and
// reverts and repeats them (undo and redo) from that history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "tm/bead_edits.h"
#include "tm/tm_store.h"

namespace sverka::tm {

// What a review edit did: the history entry written and the beads of the
// region before and after (positions as they were / are). A status change
// has one bead on each side.
struct BeadChange {
  int64_t history_id = 0;
  std::string action;         // set-status, merge, split, move, edit-text, undo, redo
  std::string undone_action;  // for undo/redo: the action reverted or done again
  std::vector<BeadView> before, after;
};

// --- Review edits (doc/schema.md, "Review edits"). Each is one transaction
// writing one history entry with the region's beads before and after, so
// UndoLast/RedoLast can revert and repeat it. Beads after the region are
// renumbered when the region's bead count changes. Every failure is
// invalid data (not found for an unknown document or bead) with a message starting with the memory's path; nothing changes.

// All beads of `document` by position, with their sentence texts.
Result<std::vector<BeadView>> Beads(TmStore& store, std::string_view document);

// Joins bead `first` with the next bead `second` (= the next position).
// The result is status "edited", score the lower of the two.
Result<BeadChange> MergeBeads(TmStore& store, std::string_view document, int32_t first, int32_t second);

// Splits bead `position` into a first part keeping its first `ru_keep`
// Russian and `en_keep` English sentences, and a second part with the
// rest; each part needs a sentence. Both parts: "edited", the old score.
Result<BeadChange> SplitBead(TmStore& store, std::string_view document, int32_t position, int32_t ru_keep,
                             int32_t en_keep);

// Moves one sentence of `side` ("ru" or "en") across a bead boundary: the
// last one of bead `position` to the start of the next bead, or the first
// one to the end of the previous bead. Refuses to leave a bead empty.
Result<BeadChange> MoveSentence(TmStore& store, std::string_view document, int32_t position,
                                std::string_view side, MoveDirection direction);

// Replaces the text of sentence `index` (0-based within the bead's side) of
// bead `position`; the bead becomes "edited". Refuses empty text, text
// with line breaks or invalid UTF-8, and an unchanged text.
Result<BeadChange> EditSentence(TmStore& store, std::string_view document, int32_t position,
                                std::string_view side, int32_t index, std::string_view text);

// Sets `status` on every bead of `document` still "auto" whose score is at
// least `min_score` (every auto bead without one), as one review edit: one
// history entry, which `UndoLast` reverts as a whole. Invalid data when no
// bead qualifies (nothing written).
// With `before`, only the beads at positions before it (what a
// reviewer reading in order has read).
Result<BeadChange> ChangeStatuses(TmStore& store, std::string_view document, std::string_view status,
                                  std::optional<double> min_score,
                                  std::optional<int32_t> before = std::nullopt);

// Replaces every bead of `document` by `beads` (positions 0, 1, …, every
// sentence of both sides in one bead; whole_edits.h makes them) as one
// review edit named `action` ("realign", "pair"): the history entry holds
// the region from the first bead that differs to the last, which UndoLast
// reverts as a whole. `seen` is the document as the caller read it: when
// the stored beads differ from it (another process edited meanwhile) it
// is refused and nothing changes. Nothing differing: history_id 0,
// nothing written.
Result<BeadChange> ReplaceBeads(TmStore& store, std::string_view document, std::string_view action,
                                const std::vector<BeadView>& seen, const std::vector<BeadView>& beads);

// Sets the review status of bead `position` and records the change (one
// history entry with the plain statuses), which UndoLast reverts.
Result<BeadChange> ChangeStatus(TmStore& store, std::string_view document, int32_t position,
                                std::string_view status);

// Reverts the latest edit of `document` not yet undone (status changes,
// merges, splits, moves, text edits, redos); RedoLast does the latest undone
// one again, until a new edit is made. "nothing to undo/redo" otherwise.
Result<BeadChange> UndoLast(TmStore& store, std::string_view document);
Result<BeadChange> RedoLast(TmStore& store, std::string_view document);

// The undo and redo stacks UndoLast and RedoLast take from (history ids,
// the next one last), derived from `document`'s history; empty for an
// unknown document.
Result<EditStacks> Stacks(TmStore& store, std::string_view document);

}  // namespace sverka::tm
