// The translation memory: an SQLite database of documents, their sentences
// and the beads that pair them (schema: doc/schema.md). Every write is one
// transaction: a failure leaves the database as it was.
//
// A TmStore is the handle to one open memory; what is done with it lives
// in one header per concept, as functions taking the TmStore:
//   tm/documents.h   storing documents (AddDocuments, ImportUnits)
//   tm/queries.h     reading them (ForEachPair, Stats, DocumentStates)
//   tm/search.h      the full-text index and Search
//   tm/history.h     the history
//   tm/bead_editor.h review edits with undo and redo (pure: tm/bead_edits.h)
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "tm/schema.h"

namespace sverka::tm {

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
  // damaged memory is refused as invalid data, one line naming it. The rule
  // (doc/decisions.md): merge's inputs and every command that adds
  // documents (align --db, batch, import) ask for it; a memory of an older
  // schema is checked before it is upgraded whatever this says. It costs
  // 0.1-0.4 s per 100,000 beads (doc/schema.md), so read-only commands and
  // `edit` skip it: SQLite reports a damaged page they reach (exit 1).
  bool quick_check = false;
};

enum class OpenMode { kReadOnly, kCreateOrWrite };

// Not thread-safe: one thread at a time uses a TmStore (its connection is
// opened without a mutex of its own); other threads and processes open their own.
class TmStore {
 public:
  struct Impl;  // tm/store_impl.h: for the tm module's own files

  // Opens (kCreateOrWrite: creating when missing) the database at `path`,
  // with foreign keys on, WAL journal and a 5 s busy timeout.
  // Fails with invalid data when the file is missing (kReadOnly), not an SQLite
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

  // SQLite's PRAGMA data_version on this connection: it changes when another
  // connection (another process) commits, never for this one's own commits.
  Result<int64_t> DataVersion();

  // With a version, every review edit (tm/bead_editor.h) checks inside
  // its transaction that DataVersion() still returns it, and else fails with
  // invalid data ("another process changed the memory since it was read"),
  // changing nothing: a caller that checked what the memory holds at that
  // version acts on exactly that. nullopt (the default) checks nothing.
  void ExpectDataVersion(std::optional<int64_t> version);

  // The connection, for the tm module's files (tm/store_impl.h).
  Impl& impl() { return *impl_; }

 private:
  explicit TmStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "fnv1a64:<16 hex digits>" of `bytes`: detects a changed source file.
std::string ContentHash(std::string_view bytes);

}  // namespace sverka::tm
