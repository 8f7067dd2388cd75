// The translation memory: an SQLite database of documents, their sentences
// and the beads that pair them (schema: doc/schema.md). Every write is one
// transaction: a failure leaves the database as it was.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/bead.h"
#include "common/document.h"
#include "common/score_band.h"
#include "common/status.h"

namespace sverka::tm {

// Version stored in PRAGMA user_version; bumped by every schema change.
// Version 1: documents, sentences, beads. Version 2 (doc/schema.md) adds the
// documents' language codes, bead creation/change dates, the history table and
// the full-text index `bead_text`; Open() migrates a version 1 file in place.
// Version 3 widens the history's actions to the review edits (merge, split,
// move, edit-text, redo). Version 4 keeps every table and row and rewrites
// the CHECKs of beads and history as comparisons (a much cheaper insert).
// Version 5 adds bead_text_pending: beads stored (by batch, import --jsonl) but not yet in
// the full-text index. Version 6 adds bead_stems, the stem index that lets
// search find other inflections of a phrase (issue 16).
// Version 8 lets the history hold 'realign' and 'pair' edits.
inline constexpr int kSchemaVersion = 8;

// One exportable bead: both sides' sentence texts joined with a space.
struct PairRow {
  std::string document;
  int32_t position = 0;  // bead number within the document, 0-based
  std::string ru, en;
  double score = 0;
  std::string status;   // auto | approved | rejected | edited
  std::string created;  // bead creation time, UTC, ISO 8601 (2026-11-28T11:30:00Z)
  std::string changed;  // last change of the bead (equal to `created` until reviewed)
  // Subtitles: each side's time span (its sentences' earliest start, latest
  // end), in ms; -1 where the side's sentences have no times.
  int64_t ru_start_ms = -1, ru_end_ms = -1, en_start_ms = -1, en_end_ms = -1;
};

// Which beads ForEachPair yields. Empty lists mean "all".
struct PairFilter {
  std::vector<std::string> documents;
  std::vector<std::string> statuses;
  std::optional<double> min_score;
};

// One translation unit taken from outside (a TMX file) by ImportUnits.
struct ImportedUnit {
  std::string document;             // name of the document it goes to
  std::optional<int32_t> position;  // bead number wanted; used when above the last one
  std::string ru, en;               // stored exactly as given, one sentence per side
  double score = 1;
  std::string status = "approved";
  std::string created, changed;  // ISO 8601; empty: now
};

struct ImportSpec {
  std::string source_file;  // the TMX, as given (documents.ru_file / en_file)
  std::string source_hash;  // ContentHash-style hash of it
  std::string ru_lang = "ru", en_lang = "en";
  bool replace = false;  // replace documents of the same name already stored
  bool discard_review = false;  // … even reviewed ones (else the import is refused)
};

struct ImportCounts {
  size_t units = 0;
  std::vector<std::string> documents;  // names written, in order of first appearance
};

// One row of the history table (doc/schema.md).
struct HistoryEntry {
  int64_t id = 0;
  std::string at, user, action, document;
  std::optional<int32_t> bead;  // bead position; none for document-level actions
  std::string before, after;
  std::optional<int64_t> undoes;  // for action "undo": the entry it reverted
};

// One hit of Search(): a bead whose Russian or English side matches.
struct SearchHit {
  std::string document;
  int32_t position = 0;
  std::string ru, en;  // the bead's text with every match between the markers
  std::string status;
  double score = 0;
  // true: the phrase itself; false: the phrase's words in other forms
  // (the same stems: stem/search_words.h), marked as such.
  bool exact = true;
};

// What Search() matches: the phrase as typed (any case, е/ё alike), or that
// and then the same words inflected otherwise (the stem index).
enum class SearchMatch { kExactThenStemmed, kExact };

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

// What a review edit did: the history entry written and the beads of the
// region before and after (positions as they were / are). A status change
// has one bead on each side.
struct BeadChange {
  int64_t history_id = 0;
  std::string action;         // set-status, merge, split, move, edit-text, undo, redo
  std::string undone_action;  // for undo/redo: the action reverted or done again
  std::vector<BeadView> before, after;
};

// Per-document counts for `sverka stats`.
struct DocumentStats {
  std::string name;
  int64_t beads = 0;
  std::map<std::string, int64_t> by_type;    // "1-1", "2-1", "1-0"…
  std::map<std::string, int64_t> by_status;  // auto, approved, rejected, edited
  double mean_score = 0;
  int64_t suspicious = 0;  // score < kSuspiciousScore
};


enum class MoveDirection { kToNext, kToPrevious };

// A document's undo and redo stacks (TmStore::Stacks): history ids, the
// entry UndoLast / RedoLast would take last.
struct EditStacks {
  std::vector<int64_t> undo, redo;
};

// One stored document as TmStore::DocumentStates() gives it.
struct StoredDocumentState {
  std::string name, ru_hash, en_hash;
  int64_t reviewed_beads = 0;
};

struct OpenOptions {
  std::string user;  // recorded in the history; empty: $USER, else "unknown"
  // false: commits are not synced to disk one by one (PRAGMA synchronous =
  // NORMAL in WAL mode). A killed process still leaves whole transactions
  // only; a power cut may lose the last commits (batch reruns redo them).
  bool sync_each_commit = true;
  // true: AddDocuments leaves its beads out of the full-text index, marked
  // pending (bead_text_pending), for UpdateIndex to index later in one go;
  // Search finds them meanwhile. What batch and import --jsonl use: the
  // index was half of batch's writer's work (doc/decisions.md). Other
  // writes always index.
  bool defer_index = false;
  // true: SQLite's quick_check runs before anything is read or written; a
  // damaged memory is refused with kBadInput, one line naming it. The rule
  // (doc/decisions.md): merge's inputs and every command that adds
  // documents (align --db, batch, import) ask for it; a memory of an older
  // schema is checked before it is upgraded whatever this says. It costs
  // 0.1-0.4 s per 100,000 beads (doc/schema.md), so read-only commands and
  // `edit` skip it: SQLite reports a damaged page they reach (exit 1).
  bool quick_check = false;
};

enum class OpenMode { kReadOnly, kCreateOrWrite };

class BeadEditor;    // tm_store.cpp
class BeadInserter;  // tm_store.cpp

// The groups `batch` and `import --jsonl` commit documents in
// (TmStore::AddDocuments): once a group holds this many documents or
// sentences, or its first document has waited this long. One commit (and
// one flush of the full-text index) per group instead of per document is
// what lets `batch -j 2` scale (doc/decisions.md); a kill loses at most the
// group in hand, which a rerun redoes.
inline constexpr size_t kCommitGroupDocuments = 64;
inline constexpr size_t kCommitGroupSentences = 20000;
inline constexpr std::chrono::milliseconds kCommitGroupDelay{500};

// One document for TmStore::AddDocuments; `doc` must outlive the call.
struct DocumentWrite {
  const DocumentRecord* doc = nullptr;
  bool replace = false;  // an existing document of that name is deleted first
  // With `replace`: a reviewed one too (else refused, kBadInput, naming the review work).
  bool discard_review = false;
};

// Not thread-safe: one thread at a time uses a TmStore (its connection is
// opened without a mutex of its own); other threads and processes open their own.
class TmStore {
 public:
  // Opens (kCreateOrWrite: creating when missing) the database at `path`,
  // with foreign keys on, WAL journal and a 5 s busy timeout.
  // Fails with kBadInput when the file is missing (kReadOnly), not an SQLite
  // database, or from a newer sverka; messages start with `path`.
  // An older schema is migrated in place, in one transaction (this needs
  // write access even in kReadOnly mode; doc/schema.md).
  static Result<std::unique_ptr<TmStore>> Open(const std::string& path, OpenMode mode,
                                               const OpenOptions& options = {});
  ~TmStore();
  TmStore(const TmStore&) = delete;
  TmStore& operator=(const TmStore&) = delete;

  Result<bool> HasDocument(std::string_view name);
  Result<std::vector<std::string>> DocumentNames();

  // Stores `doc` in one transaction. When a document of that name exists,
  // fails with kBadInput unless `replace`, which deletes it first; a stored
  // document with review work (beads approved, edited or rejected, review
  // edits in its history) is replaced only with `discard_review` too.
  Status AddDocument(const DocumentRecord& doc, bool replace, bool discard_review = false);

  // Stores many documents in one transaction (batch runs: one commit, and
  // one flush of the full-text index, for a group of pairs). Each document
  // is written under its own savepoint: one refused with kBadInput (already
  // stored without `replace`) is rolled back alone and its Status is given
  // at its index, the others are stored. Any other failure (a write the
  // database refuses) stores none of them and is returned as the whole
  // result. Killed at any moment, the memory holds all of them or none.
  Result<std::vector<Status>> AddDocuments(std::span<const DocumentWrite> docs);

  // Calls `fn` for every bead with both sides that passes `filter`, by
  // document name then bead position. Streams from the database: memory does
  // not grow with the memory's size. Stops at the first non-ok Status `fn`
  // returns and returns it.
  Status ForEachPair(const PairFilter& filter, const std::function<Status(const PairRow&)>& fn);

  // Stores the units `produce` passes to its `add` callback, in one
  // transaction: when `produce` or a write fails nothing is stored. Each new
  // document name becomes a document (kind "import"); a name already stored
  // before the call fails with kBadInput unless `spec.replace`. Each unit
  // becomes a 1-1 bead of two new sentences. Records one history entry per document.
  using UnitSink = std::function<Status(const ImportedUnit&)>;
  Result<ImportCounts> ImportUnits(const ImportSpec& spec,
                                   const std::function<Status(const UnitSink& add)>& produce);

  // Sets the review status of bead `position` of `document` and records the
  // change in the history; returns the history entry's id. Fails with
  // kBadInput for an unknown document, bead or status.
  Result<int64_t> SetBeadStatus(std::string_view document, int32_t position,
                                std::string_view status);

  // Reverts history entry `id` (a status change) and records an "undo" entry.
  // Fails with kBadInput when the entry is unknown, not undoable, already
  // undone, or the bead changed since (undo the later change first).
  Status Undo(int64_t id);

  // The history, oldest first; only `document`'s when given.
  Result<std::vector<HistoryEntry>> History(const std::optional<std::string>& document = {});

  // Beads whose Russian or English text contains `phrase` (FTS5, words in
  // that order, case-insensitive): first those holding the phrase as typed
  // (exact), by document then position; then, unless `match` is kExact,
  // those holding its words only in other forms (the stem index
  // bead_stems: "культурной дипломатии" for "культурная дипломатия"), by
  // document then position, SearchHit::exact false; at most `limit` in all.
  // Matches are wrapped in `open`/`close`. Fails with kBadInput
  // when `phrase` holds no word. Pending beads (not yet indexed) are found
  // too, through a temporary index of them on this connection: the same
  // hits as after UpdateIndex, read-only, at the cost of indexing them anew.
  // `unindexed`, when given, is set to how many pending beads were searched so.
  Result<std::vector<SearchHit>> Search(std::string_view phrase, std::string_view open,
                                        std::string_view close, size_t limit,
                                        int64_t* unindexed = nullptr,
                                        SearchMatch match = SearchMatch::kExactThenStemmed);

  // How many beads are not yet in the full-text index (OpenOptions::defer_index).
  Result<int64_t> UnindexedBeads();

  // Indexes every pending bead in one transaction; returns how many it indexed.
  Result<int64_t> UpdateIndex();

  // --- Review edits (doc/schema.md, "Review edits"). Each is one transaction
  // writing one history entry with the region's beads before and after, so
  // UndoLast/RedoLast can revert and repeat it. Beads after the region are
  // renumbered when the region's bead count changes. Every failure is
  // kBadInput with a message starting with the memory's path; nothing changes.

  // All beads of `document` by position, with their sentence texts.
  Result<std::vector<BeadView>> Beads(std::string_view document);

  // Joins bead `first` with the next bead `second` (= the next position).
  // The result is status "edited", score the lower of the two.
  Result<BeadChange> MergeBeads(std::string_view document, int32_t first, int32_t second);

  // Splits bead `position` into a first part keeping its first `ru_keep`
  // Russian and `en_keep` English sentences, and a second part with the
  // rest; each part needs a sentence. Both parts: "edited", the old score.
  Result<BeadChange> SplitBead(std::string_view document, int32_t position, int32_t ru_keep,
                               int32_t en_keep);

  // Moves one sentence of `side` ("ru" or "en") across a bead boundary: the
  // last one of bead `position` to the start of the next bead, or the first
  // one to the end of the previous bead. Refuses to leave a bead empty.
  Result<BeadChange> MoveSentence(std::string_view document, int32_t position,
                                  std::string_view side, MoveDirection direction);

  // Replaces the text of sentence `index` (0-based within the bead's side) of
  // bead `position`; the bead becomes "edited". Refuses empty text, text
  // with line breaks or invalid UTF-8, and an unchanged text.
  Result<BeadChange> EditSentence(std::string_view document, int32_t position,
                                  std::string_view side, int32_t index, std::string_view text);

  // Sets `status` on every bead of `document` still "auto" whose score is at
  // least `min_score` (every auto bead without one), as one review edit: one
  // history entry, which `UndoLast` reverts as a whole. kBadInput when no
  // bead qualifies (nothing written).
  // With `before`, only the beads at positions before it (what a
  // reviewer reading in order has read).
  Result<BeadChange> ChangeStatuses(std::string_view document, std::string_view status,
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
  Result<BeadChange> ReplaceBeads(std::string_view document, std::string_view action,
                                  const std::vector<BeadView>& seen, const std::vector<BeadView>& beads);

  // Status change as a BeadChange (SetBeadStatus with before/after beads).
  Result<BeadChange> ChangeStatus(std::string_view document, int32_t position,
                                  std::string_view status);

  // Reverts the latest edit of `document` not yet undone (status changes,
  // merges, splits, moves, text edits, redos); RedoLast does the latest undone
  // one again, until a new edit is made. "nothing to undo/redo" otherwise.
  Result<BeadChange> UndoLast(std::string_view document);
  Result<BeadChange> RedoLast(std::string_view document);

  // The undo and redo stacks UndoLast and RedoLast take from (history ids,
  // the next one last), derived from `document`'s history; empty for an
  // unknown document.
  Result<EditStacks> Stacks(std::string_view document);

  // SQLite's PRAGMA data_version on this connection: it changes when another
  // connection (another process) commits, never for this one's own commits.
  Result<int64_t> DataVersion();

  // With a version, every review edit (MergeBeads … RedoLast) checks inside
  // its transaction that DataVersion() still returns it, and else fails with
  // kBadInput ("another process changed the memory since it was read"),
  // changing nothing: a caller that checked what the memory holds at that
  // version acts on exactly that. nullopt (the default) checks nothing.
  void ExpectDataVersion(std::optional<int64_t> version);

  // Counts per document, by name.
  Result<std::vector<DocumentStats>> Stats();
  // What `batch` needs to decide whether a pair is new, unchanged or changed:
  // every stored document's source hashes and how many of its beads were
  // reviewed (status other than 'auto'), by name.
  Result<std::vector<StoredDocumentState>> DocumentStates();

 private:
  friend class BeadEditor;
  struct Impl;
  // Search's second part: the stem index's hits after the exact `hits`
  // (within one read transaction; `pending`: pending beads exist).
  Result<std::vector<SearchHit>> StemmedHits(const std::vector<std::string>& stems,
                                             std::string_view open, std::string_view close,
                                             size_t limit, bool pending,
                                             std::vector<SearchHit> hits);
  // The stems of `phrase`'s words (stem/search_words.h), in order.
  Result<std::vector<std::string>> PhraseStems(std::string_view phrase);
  // Writes one document of AddDocuments (replacing one of that name).
  Status WriteDocument(const DocumentRecord& doc, BeadInserter& insert);
  explicit TmStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "fnv1a64:<16 hex digits>" of `bytes`: detects a changed source file.
std::string ContentHash(std::string_view bytes);

}  // namespace sverka::tm
