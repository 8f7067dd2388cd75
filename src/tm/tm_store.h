// The translation memory: an SQLite database of documents, their sentences
// and the beads that pair them (schema: doc/schema.md). Every write is one
// transaction: a failure leaves the database as it was.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/bead.h"
#include "common/status.h"

namespace sverka::tm {

// Version stored in PRAGMA user_version; bumped by every schema change.
inline constexpr int kSchemaVersion = 1;

struct SentenceRecord {
  int32_t paragraph = 0;     // 0-based paragraph number within the side
  std::string text;          // white space collapsed
  int64_t start_offset = 0;  // byte offsets into the source file, [start, end)
  int64_t end_offset = 0;
};

struct DocumentRecord {
  std::string name;
  std::string ru_file, en_file;  // source file names as given
  std::string ru_hash, en_hash;  // "fnv1a64:<hex>" of the source files' bytes
  std::vector<SentenceRecord> ru, en;
  align::Alignment beads;
};

// One exportable bead: both sides' sentence texts joined with a space.
struct PairRow {
  std::string document;
  int32_t position = 0;  // bead number within the document, 0-based
  std::string ru, en;
  double score = 0;
  std::string status;   // auto | approved | rejected | edited
  std::string created;  // document creation time, UTC, ISO 8601
};

enum class OpenMode { kReadOnly, kCreateOrWrite };

class TmStore {
 public:
  // Opens (kCreateOrWrite: creating when missing) the database at `path`,
  // with foreign keys on, WAL journal and a 5 s busy timeout.
  // Fails with kBadInput when the file is missing (kReadOnly), not an SQLite
  // database, or from a newer sverka; messages start with `path`.
  static Result<std::unique_ptr<TmStore>> Open(const std::string& path, OpenMode mode);
  ~TmStore();
  TmStore(const TmStore&) = delete;
  TmStore& operator=(const TmStore&) = delete;

  Result<bool> HasDocument(std::string_view name);
  Result<std::vector<std::string>> DocumentNames();

  // Stores `doc` in one transaction. When a document of that name exists,
  // fails with kBadInput unless `replace`, which deletes it first.
  Status AddDocument(const DocumentRecord& doc, bool replace);

  // Calls `fn` for every bead with both sides, by document name then bead
  // position; only document `only_document` when given. Streams from the
  // database: memory does not grow with the memory's size. Stops at the first
  // non-ok Status `fn` returns and returns it.
  Status ForEachPair(const std::optional<std::string>& only_document,
                     const std::function<Status(const PairRow&)>& fn);

 private:
  struct Impl;
  explicit TmStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// "fnv1a64:<16 hex digits>" of `bytes`: detects a changed source file.
std::string ContentHash(std::string_view bytes);

}  // namespace sverka::tm
