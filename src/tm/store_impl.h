// What the tm module's files share about an open memory (never included
// outside src/tm): the connection behind a TmStore and the history writer
// every write uses.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/utc_time.h"
#include "stem/search_words.h"
#include "tm/sqlite_util.h"
#include "tm/tm_store.h"

namespace sverka::tm {

// The connection and what the options chose for it.
struct TmStore::Impl : Db {
  std::string user;
  bool defer_index = false;  // OpenOptions::defer_index
  bool read_only = false;    // the connection was opened SQLITE_OPEN_READONLY
  std::optional<int64_t> expect_data_version;  // TmStore::ExpectDataVersion
  std::unique_ptr<stem::SearchStemmer> stemmer;  // Search's, made at its first stemmed search
  ~Impl();
  // A read-only connection cannot checkpoint, so the memory's -wal and -shm
  // stayed beside it after every export, stats or search. When no one else
  // has it open and it may be written, a read-write connection opened and
  // closed here checkpoints it and removes both, as every writer does.
  void RemoveLeftWal() const;
};

// The time now, UTC, as the memory stores it (2026-11-28T11:30:00Z).
inline std::string NowUtc() { return UtcNow("%Y-%m-%dT%H:%M:%SZ"); }

// Appends a history entry (doc/schema.md) by `impl.user`, now; returns its
// id. `before`/`after` are what tm/history_json.h writes. (history.cpp)
Result<int64_t> RecordHistory(TmStore::Impl& impl, std::string_view action,
                              std::string_view document, std::optional<int32_t> bead,
                              std::string_view before, std::string_view after,
                              std::optional<int64_t> undoes = {});

// Which beads UnindexBeads takes out: a whole document's, or one bead.
enum class BeadsOf { kDocument, kBead };

// Takes the beads of document `id` (or bead `id`) out of both full-text
// indexes, before they are deleted: bead_text has external content and is
// told the text it drops while the sentences still exist (doc/schema.md);
// bead_stems keeps its own and drops by rowid. Pending beads are in
// neither. `doing` names the step in an error. (search.cpp)
Status UnindexBeads(Db& db, BeadsOf which, int64_t id, std::string_view doing);

// Indexes every pending bead (bead_text_pending) into both full-text
// indexes, inside the caller's write transaction, which must hold the write
// lock (BEGIN IMMEDIATE) and have written nothing yet: a second connection
// reads the pending beads as last committed (WAL). Needs sverka_stems
// (tm/stem_function.h) on the connection for a memory without a file.
// UpdateIndex and `merge --index`. (pending_index.cpp)
Status IndexPendingBeads(Db& db, std::string_view doing);

}  // namespace sverka::tm
