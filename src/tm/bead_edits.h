// Review edits as pure functions (doc/schema.md, "Review edits"): each
// computes, from the beads a reviewer sees, the region of beads it replaces
// and what replaces it, or refuses with the message the reviewer reads. No
// database: tm/bead_editor.h reads the beads, applies the edit in one
// transaction and records it for undo and redo.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sverka::tm {

// One bead of a document as the review commands see it: its sentence ranges
// [begin, end) and the texts of its sentences, one string per sentence.
struct BeadView {
  int32_t position = 0;
  int32_t ru_begin = 0, ru_end = 0, en_begin = 0, en_end = 0;
  double score = 0;
  std::string status;
  std::string created, changed;
  std::vector<std::string> ru, en;
  // Its English lies out of the Russian order (a paragraph the translation
  // moved): derived from the ranges of all the document's beads by
  // align::MovedBeads (the CLI's MarkMoved); never stored.
  bool moved = false;
};

enum class MoveDirection { kToNext, kToPrevious };

// A sentence's text as an edit sets it (or finds it).
struct SentenceText {
  std::string side;  // "ru" or "en"
  int32_t position = 0;
  std::string text;
};

// A state of a region of consecutive beads: the beads by position (their
// texts not used) and the sentence texts the edit sets. An edit replaces
// `from` (which must be what is stored) by `to`.
struct Snapshot {
  std::vector<BeadView> beads;
  std::vector<SentenceText> sentences;
};
struct Edit {
  Snapshot from, to;
};

// Where an edit is made, for its messages: "PATH: … of 'DOCUMENT'".
struct EditPlace {
  std::string path, document;
  std::string Where() const { return path + ": "; }
  std::string DocName() const { return "'" + document + "'"; }
};

// Ok for auto, approved, rejected and edited; else names them.
Status CheckStatus(std::string_view status);
// Ok for "ru" and "en".
Status CheckSide(std::string_view side);

// Joins bead `a` with the next bead `b`: "edited", the lower score.
// Refuses beads whose sentences are not consecutive (a moved bead).
Result<Edit> MergeEdit(const EditPlace& at, const BeadView& a, const BeadView& b);

// Splits `b` after its first `ru_keep` Russian and `en_keep` English
// sentences; each part needs a sentence. Both parts "edited", the old score.
Result<Edit> SplitEdit(const EditPlace& at, const BeadView& b, int32_t ru_keep, int32_t en_keep);

// Moves one sentence of `side` from `b` to its neighbour `other` (the next
// bead for kToNext, the previous for kToPrevious; nullopt: there is none).
// Refuses to leave `b` empty.
Result<Edit> MoveEdit(const EditPlace& at, const BeadView& b, const std::optional<BeadView>& other,
                      std::string_view side, MoveDirection direction);

// Refuses a sentence text that is empty, not UTF-8, or holds a line break
// or a control byte (as the readers refuse them in files).
Status CheckNewText(std::string_view text);

// Sets sentence `index` of `side` of `b` to `text` (checked by CheckNewText);
// the bead becomes "edited". Refuses an unchanged text.
Result<Edit> EditTextEdit(const EditPlace& at, const BeadView& b, std::string_view side,
                          int32_t index, std::string_view text);

// Sets `status` (not auto) on every bead of `all` still "auto" scoring at
// least `min_score` and, with `before`, at a position before it. Refuses
// when no bead qualifies.
Result<Edit> StatusesEdit(const EditPlace& at, const std::vector<BeadView>& all,
                          std::string_view status, std::optional<double> min_score,
                          std::optional<int32_t> before);

// Replaces the document's beads `now` by `beads` (every sentence once): the
// region from the first bead that differs to the last. Refuses when `now`
// is not what the caller `seen`; nullopt when nothing differs.
Result<std::optional<Edit>> ReplaceEdit(const EditPlace& at, const std::vector<BeadView>& now,
                                        const std::vector<BeadView>& seen,
                                        const std::vector<BeadView>& beads);

// The same bead: position, ranges, status and score.
bool SameBeadState(const BeadView& a, const BeadView& b);

// A document's undo and redo stacks: history ids, the entry UndoLast /
// RedoLast would take last.
struct EditStacks {
  std::vector<int64_t> undo, redo;
};

// One history entry as the stacks see it.
struct HistoryStep {
  int64_t id = 0;
  std::string action;
  int64_t undoes = 0;  // for undo and redo: the entry reverted; else 0
};

// The stacks made by `steps` (a document's history, oldest first): an edit
// pushes on the undo stack and empties the redo stack; an undo moves its
// entry to the redo stack, a redo moves it back. Storing a document anew
// forgets both (the beads they name are gone).
EditStacks StacksOf(const std::vector<HistoryStep>& steps);

}  // namespace sverka::tm
