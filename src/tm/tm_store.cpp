#include "tm/tm_store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <map>
#include <set>
#include <memory>
#include <unordered_map>

#include "common/json.h"
#include "common/utc_time.h"
#include "common/utf8.h"
#include "tm/lock_holder.h"
#include "tm/search_query.h"
#include "tm/stem_function.h"
#include "tm/whole_edits.h"
#include "stem/search_words.h"

namespace sverka::tm {
namespace {

// The version 1 schema, kept to create test databases and to document what
// MigrateV1ToV2 starts from.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  ru_file TEXT NOT NULL,
  en_file TEXT NOT NULL,
  ru_hash TEXT NOT NULL,
  en_hash TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  side TEXT NOT NULL CHECK (side IN ('ru', 'en')),
  position INTEGER NOT NULL CHECK (position >= 0),
  paragraph INTEGER NOT NULL CHECK (paragraph >= 0),
  text TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  UNIQUE (document_id, side, position)
);
CREATE TABLE beads (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  ru_begin INTEGER NOT NULL,
  ru_end INTEGER NOT NULL CHECK (ru_end >= ru_begin),
  en_begin INTEGER NOT NULL,
  en_end INTEGER NOT NULL CHECK (en_end >= en_begin),
  score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
  status TEXT NOT NULL DEFAULT 'auto'
    CHECK (status IN ('auto', 'approved', 'rejected', 'edited')),
  UNIQUE (document_id, position)
);
PRAGMA user_version = 1;
)sql";

// Version 1 → 2 (doc/schema.md): languages, bead dates, history, full-text index.
constexpr const char* kMigrateV1ToV2 = R"sql(
ALTER TABLE documents ADD COLUMN ru_lang TEXT NOT NULL DEFAULT 'ru';
ALTER TABLE documents ADD COLUMN en_lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE beads ADD COLUMN created TEXT NOT NULL DEFAULT '';
ALTER TABLE beads ADD COLUMN changed TEXT NOT NULL DEFAULT '';
UPDATE beads SET created = (SELECT d.created FROM documents d WHERE d.id = beads.document_id);
UPDATE beads SET changed = created;
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL
    CHECK (action IN ('add-document', 'replace-document', 'import', 'set-status', 'undo')),
  document TEXT NOT NULL,
  bead INTEGER,
  before TEXT,
  after TEXT,
  undoes INTEGER REFERENCES history(id)
);
CREATE INDEX history_document ON history (document, bead);
-- Each bead's two sides as text; the full-text index reads it (external content).
CREATE VIEW bead_pairs AS
SELECT b.id AS id, b.document_id AS document_id,
  coalesce((SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'ru'
       AND s.position >= b.ru_begin AND s.position < b.ru_end ORDER BY s.position)), '') AS ru,
  coalesce((SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'en'
       AND s.position >= b.en_begin AND s.position < b.en_end ORDER BY s.position)), '') AS en
FROM beads b;
CREATE VIRTUAL TABLE bead_text USING fts5 (ru, en, content = 'bead_pairs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO bead_text (bead_text) VALUES ('rebuild');
PRAGMA user_version = 2;
)sql";

// Version 2 → 3 (doc/schema.md): the history's action list gains the review
// edits. SQLite cannot change a CHECK constraint, so the table is rebuilt:
// the old one is renamed first (its self-reference follows it), the new one
// takes the rows with their ids, then the old one goes.
constexpr const char* kMigrateV2ToV3 = R"sql(
ALTER TABLE history RENAME TO history_v2;
DROP INDEX history_document;
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL
    CHECK (action IN ('add-document', 'replace-document', 'import', 'set-status', 'undo',
                      'merge', 'split', 'move', 'edit-text', 'redo')),
  document TEXT NOT NULL,
  bead INTEGER,
  before TEXT,
  after TEXT,
  undoes INTEGER REFERENCES history(id)
);
INSERT INTO history SELECT id, at, user, action, document, bead, before, after, undoes
  FROM history_v2;
DROP TABLE history_v2;
CREATE INDEX history_document ON history (document, bead);
PRAGMA user_version = 3;
)sql";

// Version 3 → 4 (doc/schema.md): the same tables and rows; the CHECKs that
// listed more than two values with IN are written as comparisons. SQLite
// builds a temporary b-tree for such an IN list at every single-row INSERT:
// it made a bead insert 3.5 times dearer than the insert itself (measured;
// doc/decisions.md). The view over beads is dropped while the table is
// rebuilt (a rename refuses to leave a view naming a missing table); ids
// are kept, so the full-text index, keyed by bead id, stays valid. The
// index merges its segments 8 at a time instead of 4: 6 % less work per
// batch, for a search that reads a few more segments.
constexpr const char* kMigrateV3ToV4 = R"sql(
DROP VIEW bead_pairs;
CREATE TABLE beads_v4 (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  ru_begin INTEGER NOT NULL,
  ru_end INTEGER NOT NULL CHECK (ru_end >= ru_begin),
  en_begin INTEGER NOT NULL,
  en_end INTEGER NOT NULL CHECK (en_end >= en_begin),
  score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
  status TEXT NOT NULL DEFAULT 'auto'
    CHECK (status = 'auto' OR status = 'approved' OR status = 'rejected' OR status = 'edited'),
  created TEXT NOT NULL DEFAULT '',
  changed TEXT NOT NULL DEFAULT '',
  UNIQUE (document_id, position)
);
INSERT INTO beads_v4 (id, document_id, position, ru_begin, ru_end, en_begin, en_end, score,
                      status, created, changed)
  SELECT id, document_id, position, ru_begin, ru_end, en_begin, en_end, score, status, created,
         changed FROM beads;
DROP TABLE beads;
ALTER TABLE beads_v4 RENAME TO beads;
CREATE VIEW bead_pairs AS
SELECT b.id AS id, b.document_id AS document_id,
  coalesce((SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'ru'
       AND s.position >= b.ru_begin AND s.position < b.ru_end ORDER BY s.position)), '') AS ru,
  coalesce((SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'en'
       AND s.position >= b.en_begin AND s.position < b.en_end ORDER BY s.position)), '') AS en
FROM beads b;
ALTER TABLE history RENAME TO history_v3;
DROP INDEX history_document;
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL
    CHECK (action = 'add-document' OR action = 'replace-document' OR action = 'import' OR
           action = 'set-status' OR action = 'undo' OR action = 'merge' OR action = 'split' OR
           action = 'move' OR action = 'edit-text' OR action = 'redo'),
  document TEXT NOT NULL,
  bead INTEGER,
  before TEXT,
  after TEXT,
  undoes INTEGER REFERENCES history(id)
);
INSERT INTO history SELECT id, at, user, action, document, bead, before, after, undoes
  FROM history_v3;
DROP TABLE history_v3;
CREATE INDEX history_document ON history (document, bead);
INSERT INTO bead_text (bead_text, rank) VALUES ('automerge', 8);
PRAGMA user_version = 4;
)sql";

// Version 4 → 5 (doc/schema.md): beads whose full-text index entries are
// still to be made. `batch` stores its beads here instead of indexing them
// (the index was half of its writer's work: doc/decisions.md); `sverka
// index` and `batch --index` move them into bead_text (UpdateIndex), and
// `search` reads them directly meanwhile. A bead is either in bead_text or
// here, never both; deleting the bead deletes its row here.
constexpr const char* kMigrateV4ToV5 = R"sql(
CREATE TABLE bead_text_pending (
  bead_id INTEGER PRIMARY KEY REFERENCES beads(id) ON DELETE CASCADE
);
PRAGMA user_version = 5;
)sql";

// Version 5 → 6 (doc/schema.md, "Stem index"): `bead_stems` holds each
// indexed bead's search stems (stem/search_words.h: lower-cased, ё as е,
// Snowball-stemmed), rowid = bead id, so that search finds other
// inflections. It keeps its own content (the stems), so a bead leaves it by
// rowid alone, whatever stemmer made the entry. Built here from every bead
// in bead_text (pending beads get theirs when indexed); needs sverka_stems
// (tm/stem_function.h) on the connection.
constexpr const char* kMigrateV5ToV6 = R"sql(
CREATE VIRTUAL TABLE bead_stems USING fts5 (ru, en, marks, columnsize = 0,
  tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO bead_stems (bead_stems, rank) VALUES ('automerge', 8);
INSERT INTO bead_stems (rowid, ru, en, marks)
  SELECT id, sverka_stems(ru), sverka_stems(en), sverka_marks(ru, en) FROM bead_pairs
  WHERE id NOT IN (SELECT bead_id FROM bead_text_pending) ORDER BY id;
PRAGMA user_version = 6;
)sql";

// Version 6 → 7 (issue 15): a sentence read from subtitles keeps the time
// span of the cues it came from, in ms; NULL for every other sentence.
// ADD COLUMN with NULL defaults rewrites no row, so the upgrade is instant.
constexpr const char* kMigrateV6ToV7 = R"sql(
ALTER TABLE sentences ADD COLUMN start_ms INTEGER;
ALTER TABLE sentences ADD COLUMN end_ms INTEGER;
PRAGMA user_version = 7;
)sql";

// Version 7 → 8 (issue 16): two more review edits in the history, both
// whole-document replacements undone as one: 'realign' (the beads around
// the reviewer's fixed ones aligned again) and 'pair' (a reviewer's pin).
// SQLite cannot change a CHECK in place: the table is copied, ids kept.
constexpr const char* kMigrateV7ToV8 = R"sql(
ALTER TABLE history RENAME TO history_v7;
DROP INDEX history_document;
CREATE TABLE history (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL
    CHECK (action = 'add-document' OR action = 'replace-document' OR action = 'import' OR
           action = 'set-status' OR action = 'undo' OR action = 'merge' OR action = 'split' OR
           action = 'move' OR action = 'edit-text' OR action = 'redo' OR action = 'realign' OR
           action = 'pair'),
  document TEXT NOT NULL,
  bead INTEGER,
  before TEXT,
  after TEXT,
  undoes INTEGER REFERENCES history(id)
);
INSERT INTO history SELECT id, at, user, action, document, bead, before, after, undoes
  FROM history_v7;
DROP TABLE history_v7;
CREATE INDEX history_document ON history (document, bead);
PRAGMA user_version = 8;
)sql";

// The tokenizer of bead_text (kMigrateV1ToV2, frozen there): the temporary
// index `search` makes of pending beads must split text the same way.
constexpr const char* kIndexTokenizer = "unicode61 remove_diacritics 2";

std::string NowUtc() { return UtcNow("%Y-%m-%dT%H:%M:%SZ"); }

// Maps an SQLite failure to our codes: a file that is not a usable database
// is the user's data (1); a full disk or I/O error is the environment (3).
Status SqliteError(sqlite3* db, const std::string& path, int rc, std::string_view doing) {
  const int primary = rc & 0xFF;
  std::string message = path + ": " + std::string(doing) + ": " +
                        (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  // What the operating system said, when SQLite's own words hide it
  // ("disk I/O error" for a file-size limit, say).
  const int os_errno = db ? sqlite3_system_errno(db) : 0;
  const std::string os = os_errno != 0 ? std::string(" (") + std::strerror(os_errno) + ")" : "";
  switch (primary) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::InvalidData(path + ": not a sverka translation memory (" +
                              sqlite3_errstr(rc) + ")");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    {
      // Not the user's data: the environment (another writer's lock), so
      // the command stops here instead of going on to wait again.
      const std::string holder = WriteLockHolder(path);
      return Status::Internal(path + ": " + std::string(doing) + ": locked by another writer" +
                              (holder.empty() ? "" : ", " + holder + ", which holds its write lock") +
                              " (waited 5 s); try again when it finishes");
    }
    case SQLITE_READONLY:
      return Status::InvalidData(path +
                              ": cannot write the translation memory: no permission to write it "
                              "or the directory it is in (SQLite: " +
                              (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) +
                              "); nothing was stored");
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_CONSTRAINT:
      return Status::InvalidData(message);
    case SQLITE_FULL:
    case SQLITE_IOERR:
      // Inside a transaction SQLite rolls it back on these (InTransaction
      // makes sure): what the command was storing is not half there.
      if (doing.find("read") != std::string_view::npos) return Status::Internal(message + os);
      return Status::Internal(message + os +
                              "; the transaction was rolled back, nothing of it was stored");
    default:
      return Status::Internal(message + os);
  }
}

class Statement {
 public:
  Statement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  int prepare_rc() const { return rc_; }
  sqlite3_stmt* get() { return stmt_; }
  void Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  // Binds without a copy: `s` must stay valid until StepOnce() returns.
  void BindUncopied(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  }
  // Steps once, then resets and clears the bindings, so that no binding
  // outlives the call (the contract of BindUncopied).
  int StepOnce() {
    const int rc = sqlite3_step(stmt_);
    Reset();
    return rc;
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  // A time in ms, or NULL for none (-1).
  void BindTime(int i, int64_t ms) {
    if (ms >= 0) sqlite3_bind_int64(stmt_, i, ms);
    else sqlite3_bind_null(stmt_, i);
  }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string Text(int col) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

// The schema objects sverka creates, at every schema version (a memory is
// checked before it is upgraded): type and name, and for views their SQL
// with white space collapsed (a view is code that reads run). Made once per
// process by creating each version in memory.
struct OwnSchema {
  std::set<std::pair<std::string, std::string>> objects;
  std::set<std::string> view_sql;
};

std::string CollapseSpace(std::string_view sql) {
  std::string out;
  for (char c : sql) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

const OwnSchema& OwnObjects() {
  static const OwnSchema kOwn = [] {
    OwnSchema own;
    sqlite3* db = nullptr;
    sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    RegisterStemFunction(db);
    for (const char* step : {kSchemaV1, kMigrateV1ToV2, kMigrateV2ToV3, kMigrateV3ToV4,
                             kMigrateV4ToV5, kMigrateV5ToV6, kMigrateV6ToV7, kMigrateV7ToV8}) {
      sqlite3_exec(db, step, nullptr, nullptr, nullptr);
      Statement q(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema");
      while (q.Step() == SQLITE_ROW) {
        own.objects.emplace(q.Text(0), q.Text(1));
        if (q.Text(0) == "view") own.view_sql.insert(CollapseSpace(q.Text(2)));
      }
    }
    sqlite3_close_v2(db);
    return own;
  }();
  return kOwn;
}

}  // namespace

// Resets a reused statement when it goes out of scope: no cached statement
// keeps a read open or a binding alive between uses.
struct ResetOnExit {
  Statement& q;
  ~ResetOnExit() { q.Reset(); }
};

struct TmStore::Impl {
  sqlite3* db = nullptr;
  std::string path;
  std::string user;
  bool defer_index = false;  // OpenOptions::defer_index
  bool read_only = false;    // the connection was opened SQLITE_OPEN_READONLY
  std::optional<int64_t> expect_data_version;  // TmStore::ExpectDataVersion
  std::unique_ptr<stem::SearchStemmer> stemmer;  // Search's, made at its first stemmed search
  // Statements run once per document, prepared once per connection: a
  // prepare costs more than the lookup or insert it runs (doc/decisions.md).
  // Keyed by the address of the SQL text, so only literals may be given.
  std::unordered_map<const char*, std::unique_ptr<Statement>> cache;
  ~Impl() {
    cache.clear();  // finalized before the connection closes
    sqlite3_close_v2(db);
    if (read_only) RemoveLeftWal();
  }

  // A read-only connection cannot checkpoint, so the memory's -wal and -shm
  // stayed beside it after every export, stats or search. When no one else
  // has it open and it may be written, a read-write connection opened and
  // closed here checkpoints it and removes both, as every writer does.
  void RemoveLeftWal() const {
    const std::string wal = path + "-wal";
    std::string dir = path.substr(0, path.find_last_of('/') + 1);
    if (dir.empty()) dir = ".";
    if (::access(wal.c_str(), F_OK) != 0 || ::access(path.c_str(), W_OK) != 0 ||
        ::access(dir.c_str(), W_OK) != 0) {
      return;
    }
    sqlite3* rw = nullptr;
    if (sqlite3_open_v2(path.c_str(), &rw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) ==
        SQLITE_OK) {
      sqlite3_db_config(rw, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
      sqlite3_db_config(rw, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
      // A read opens the log; the close then checkpoints and removes it.
      sqlite3_exec(rw, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    }
    sqlite3_close_v2(rw);
  }

  // The statement for `sql` (a string literal), prepared at its first use;
  // one that failed to prepare is prepared again the next time.
  Statement& Cached(const char* sql) {
    std::unique_ptr<Statement>& slot = cache[sql];
    if (!slot || slot->prepare_rc() != SQLITE_OK) slot = std::make_unique<Statement>(db, sql);
    return *slot;
  }

  Status Exec(const char* sql, std::string_view doing) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? Status::Ok() : SqliteError(db, path, rc, doing);
  }
  Status Fail(int rc, std::string_view doing) { return SqliteError(db, path, rc, doing); }

  // The refusal to overwrite a stored document without --replace.
  Status AlreadyStored(std::string_view name) const {
    return Status::InvalidData(path + ": document '" + std::string(name) +
                            "' is already stored; give another --name or --replace");
  }

  // Refuses a memory holding a schema object sverka does not create (a
  // trigger, a view, a table: code that would run when it is read or
  // written), or a view of sverka's name with other SQL.
  Status CheckOwnSchema() {
    const OwnSchema& own = OwnObjects();
    Statement q(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY rowid");
    if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot read");
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      const std::string type = q.Text(0), name = q.Text(1);
      const bool internal = name.rfind("sqlite_", 0) == 0 && (type == "table" || type == "index");
      const bool known = own.objects.count({type, name}) > 0 &&
                         (type != "view" || own.view_sql.count(CollapseSpace(q.Text(2))) > 0);
      if (!internal && !known) {
        return Status::InvalidData(path + ": not a sverka translation memory: it holds the " + type +
                                " '" + name +
                                "', which sverka does not create (refused: a memory from "
                                "elsewhere is not trusted)");
      }
    }
    return rc == SQLITE_DONE ? Status::Ok() : Fail(rc, "cannot read");
  }

  // SQLite's quick_check: a damaged memory is refused before it is read.
  Status QuickCheck() {
    Statement q(db, "PRAGMA quick_check(1)");
    if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot read");
    const int rc = q.Step();
    if (rc != SQLITE_ROW) return Fail(rc, "cannot read");
    if (q.Text(0) != "ok") {
      // Its report spans lines ("*** in database main ***\nPage 16: …"): one line here.
      std::string report = q.Text(0);
      if (report.rfind("*** in database main ***", 0) == 0) report.erase(0, 24);
      for (char& c : report) {
        if (c == '\n' || c == '\r') c = ' ';
      }
      return Status::InvalidData(path + ": a damaged translation memory (SQLite's quick_check:" +
                              (report.starts_with(' ') ? "" : " ") + report + ")");
    }
    return Status::Ok();
  }

  // The id of the history entry that stored the document ?1 as it is now:
  // review edits are the entries after it (entries outlive a replaced document).
#define kLastStored                                                                  \
  "(SELECT coalesce(max(id), 0) FROM history WHERE document = ?1 AND (action = " \
  "'add-document' OR action = 'replace-document' OR action = 'import'))"
  // The refusal to replace a reviewed document without --discard-review;
  // Ok when `name` holds no review work (no bead approved, edited or
  // rejected, no review edit in its history).
  Status RefuseReviewed(std::string_view name) {
    Statement q(db,
                "SELECT (SELECT count(*) FROM beads b JOIN documents d ON d.id = b.document_id "
                "WHERE d.name = ?1 AND b.status <> 'auto'), "
                "(SELECT count(*) FROM history WHERE document = ?1 AND id > " kLastStored ")");
    if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot read");
    q.Bind(1, name);
    if (const int rc = q.Step(); rc != SQLITE_ROW) return Fail(rc, "cannot read");
    const int64_t beads = sqlite3_column_int64(q.get(), 0);
    const int64_t edits = sqlite3_column_int64(q.get(), 1);
    if (beads == 0 && edits == 0) return Status::Ok();
    return Status::InvalidData(path + ": document '" + std::string(name) + "' has been reviewed (" +
                            std::to_string(beads) + " beads approved, edited or rejected; " +
                            std::to_string(edits) +
                            " review edits in its history); replacing it would discard that "
                            "work: give --discard-review to replace it anyway");
  }

  // Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back when it fails.
  Status InTransaction(const std::function<Status()>& body) {
    SVERKA_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE", "cannot start a transaction"));
    Status s = body();
    if (!s.ok()) {
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return s;
    }
    if (const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); rc != SQLITE_OK) {
      Status failed = Fail(rc, "cannot commit");
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      return failed;
    }
    return Status::Ok();
  }

  // PRAGMA data_version: changes when another connection commits.
  Result<int64_t> DataVersion() {
    Statement q(db, "PRAGMA data_version");
    if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot read");
    const int rc = q.Step();
    if (rc != SQLITE_ROW) return Fail(rc, "cannot read");
    return static_cast<int64_t>(sqlite3_column_int64(q.get(), 0));
  }

  Result<int> UserVersion() {
    Statement q(db, "PRAGMA user_version");
    if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot read");
    const int rc = q.Step();
    if (rc != SQLITE_ROW) return Fail(rc, "cannot read");
    return sqlite3_column_int(q.get(), 0);
  }

  // Appends a history entry; returns its id.
  Result<int64_t> Record(std::string_view action, std::string_view document,
                         std::optional<int32_t> bead, std::string_view before,
                         std::string_view after, std::optional<int64_t> undoes = {}) {
    Statement& q = Cached(
        "INSERT INTO history (at, user, action, document, bead, before, after, undoes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    ResetOnExit reset{q};
    if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot write the history");
    q.Bind(1, NowUtc());
    q.Bind(2, user);
    q.Bind(3, action);
    q.Bind(4, document);
    if (bead) q.Bind(5, static_cast<int64_t>(*bead));
    q.Bind(6, before);
    q.Bind(7, after);
    if (undoes) q.Bind(8, *undoes);
    if (const int rc = q.Step(); rc != SQLITE_DONE) return Fail(rc, "cannot write the history");
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db));
  }

  // Deletes document `name` when stored; returns its bead count (or nullopt).
  Result<std::optional<int64_t>> DeleteDocument(std::string_view name) {
    Statement& q = Cached(
        "SELECT d.id, (SELECT count(*) FROM beads b WHERE b.document_id = d.id) "
        "FROM documents d WHERE d.name = ?1");
    ResetOnExit reset{q};
    if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot read");
    q.Bind(1, name);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<int64_t>();
    if (rc != SQLITE_ROW) return Fail(rc, "cannot read");
    const int64_t id = sqlite3_column_int64(q.get(), 0);
    const int64_t beads = sqlite3_column_int64(q.get(), 1);
    q.Reset();  // done reading before the writes below
    // The index has external content: it is told the text it drops, while
    // the sentences still exist (doc/schema.md); pending beads are not in it.
    Statement fts(db,
                  "INSERT INTO bead_text (bead_text, rowid, ru, en) "
                  "SELECT 'delete', id, ru, en FROM bead_pairs WHERE document_id = ?1 "
                  "AND id NOT IN (SELECT bead_id FROM bead_text_pending)");
    fts.Bind(1, id);
    if (const int frc = fts.Step(); frc != SQLITE_DONE) return Fail(frc, "cannot delete");
    // The stem index keeps its own content: by rowid (a pending bead has no entry).
    Statement stems(db,
                    "DELETE FROM bead_stems WHERE rowid IN "
                    "(SELECT id FROM beads WHERE document_id = ?1)");
    stems.Bind(1, id);
    if (const int src = stems.Step(); src != SQLITE_DONE) return Fail(src, "cannot delete");
    Statement del(db, "DELETE FROM documents WHERE name = ?1");
    del.Bind(1, name);
    if (const int drc = del.Step(); drc != SQLITE_DONE) return Fail(drc, "cannot delete");
    return std::optional<int64_t>(beads);
  }

  Result<int64_t> InsertDocument(std::string_view name, std::string_view ru_lang,
                                 std::string_view en_lang, std::string_view ru_file,
                                 std::string_view en_file, std::string_view ru_hash,
                                 std::string_view en_hash, std::string_view created) {
    Statement& ins = Cached(
        "INSERT INTO documents (name, ru_lang, en_lang, ru_file, en_file, ru_hash, "
        "en_hash, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    ResetOnExit reset{ins};
    if (ins.prepare_rc() != SQLITE_OK) return Fail(ins.prepare_rc(), "cannot write");
    ins.Bind(1, name);
    ins.Bind(2, ru_lang);
    ins.Bind(3, en_lang);
    ins.Bind(4, ru_file);
    ins.Bind(5, en_file);
    ins.Bind(6, ru_hash);
    ins.Bind(7, en_hash);
    ins.Bind(8, created);
    if (const int rc = ins.Step(); rc != SQLITE_DONE) return Fail(rc, "cannot write");
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db));
  }
};

// Prepared statements for adding sentences and beads to documents; one
// inserter serves every document of a transaction. With `defer_index` the
// beads are left to be indexed later (bead_text_pending) instead of indexed.
class BeadInserter {
 public:
  BeadInserter(sqlite3* db, bool defer_index)
      : sentence_(db,
                  "INSERT INTO sentences (document_id, side, position, paragraph, text, "
                  "start_offset, end_offset, start_ms, end_ms) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        bead_(db,
              "INSERT INTO beads (document_id, position, ru_begin, ru_end, en_begin, en_end, "
              "score, status, created, changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        text_(db, defer_index ? "INSERT INTO bead_text_pending (bead_id) VALUES (?1)"
                              : "INSERT INTO bead_text (rowid, ru, en) VALUES (?1, ?2, ?3)"),
        stems_(db,
               "INSERT INTO bead_stems (rowid, ru, en, marks) VALUES (?1, sverka_stems(?2), "
               "sverka_stems(?3), sverka_marks(?2, ?3))"),
        defer_index_(defer_index),
        db_(db) {}

  int Sentence(int64_t doc, std::string_view side, int64_t position, const SentenceRecord& s) {
    sentence_.Bind(1, doc);
    sentence_.BindUncopied(2, side);
    sentence_.Bind(3, position);
    sentence_.Bind(4, static_cast<int64_t>(s.paragraph));
    sentence_.BindUncopied(5, s.text);
    sentence_.Bind(6, s.start_offset);
    sentence_.Bind(7, s.end_offset);
    sentence_.BindTime(8, s.start_ms);
    sentence_.BindTime(9, s.end_ms);
    return sentence_.StepOnce();
  }

  // Inserts the bead and indexes its text (or marks it pending). `ru` and
  // `en` must be what the view bead_pairs gives for it (its sentences joined
  // as by JoinTexts): the index is told the same text when the bead goes
  // (doc/schema.md). Binding the text is twice as fast as reading it back
  // from the view.
  int Bead(int64_t doc, int64_t position, const Bead& b, std::string_view status,
           std::string_view created, std::string_view changed, std::string_view ru,
           std::string_view en) {
    bead_.Bind(1, doc);
    bead_.Bind(2, position);
    bead_.Bind(3, static_cast<int64_t>(b.ru_begin));
    bead_.Bind(4, static_cast<int64_t>(b.ru_end()));
    bead_.Bind(5, static_cast<int64_t>(b.en_begin));
    bead_.Bind(6, static_cast<int64_t>(b.en_end()));
    bead_.Bind(7, b.score);
    bead_.BindUncopied(8, status);
    bead_.BindUncopied(9, created);
    bead_.BindUncopied(10, changed);
    if (const int rc = bead_.StepOnce(); rc != SQLITE_DONE) return rc;
    const auto id = static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
    text_.Bind(1, id);
    if (defer_index_) return text_.StepOnce();  // stems too are made when it is indexed
    text_.BindUncopied(2, ru);
    text_.BindUncopied(3, en);
    if (const int rc = text_.StepOnce(); rc != SQLITE_DONE) return rc;
    stems_.Bind(1, id);
    stems_.BindUncopied(2, ru);
    stems_.BindUncopied(3, en);
    return stems_.StepOnce();
  }

 private:
  Statement sentence_, bead_, text_, stems_;
  bool defer_index_;
  sqlite3* db_;
};

namespace {

// Sentences [begin, begin + count) of `side` joined as the view bead_pairs
// joins them (group_concat with ' ': a separator between any two, empty texts too).
std::string JoinTexts(const std::vector<SentenceRecord>& side, int32_t begin, int32_t count) {
  std::string out;
  for (int32_t k = begin; k < begin + count && k < static_cast<int32_t>(side.size()); ++k) {
    if (k > begin) out += ' ';
    out += side[k].text;
  }
  return out;
}

bool IsStatus(std::string_view s) {
  return s == "auto" || s == "approved" || s == "rejected" || s == "edited";
}

std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t k = 0; k < items.size(); ++k) out += (k ? "," : "") + JsonQuote(items[k]);
  return out + "]";
}

}  // namespace

TmStore::TmStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TmStore::~TmStore() = default;

Result<std::unique_ptr<TmStore>> TmStore::Open(const std::string& path, OpenMode mode,
                                               const OpenOptions& options) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    return Status::InvalidData(path + ": is a directory, not a translation memory");
  }
  if (exists && !S_ISREG(st.st_mode)) {
    // SQLite would block on a FIFO for ever and leave NAME-journal beside a device.
    const char* kind = S_ISFIFO(st.st_mode)   ? "a FIFO (named pipe)"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "not a regular file";
    return Status::InvalidData(path + ": is " + kind + ", not a translation memory");
  }
  if (!exists && mode == OpenMode::kReadOnly) {
    return Status::InvalidData(path + ": no such translation memory");
  }
  if (mode == OpenMode::kCreateOrWrite) {
    // Said before SQLite is asked: it would open the file read-only and
    // fail at the first write with a less helpful message.
    std::string dir = path.substr(0, path.find_last_of('/') + 1);
    if (dir.empty()) dir = ".";
    struct stat dir_st {};
    if (::stat(dir.c_str(), &dir_st) != 0 || !S_ISDIR(dir_st.st_mode)) {
      return Status::InvalidData(path + ": cannot create the translation memory: no directory " + dir);
    }
    const bool file_ok = !exists || ::access(path.c_str(), W_OK) == 0;
    if (!file_ok || ::access(dir.c_str(), W_OK) != 0) {
      // The directory too: SQLite keeps its journal (NAME-wal) beside the memory.
      return Status::InvalidData(path + ": cannot write the translation memory: no permission to " +
                              (file_ok ? "create files in " + dir : "write it") +
                              "; nothing was stored");
    }
  }
  // sverka reads no SQLite memory statistics; keeping them costs a global
  // mutex per allocation. Only possible before SQLite is first used in the
  // process; later calls are refused by SQLite, which is harmless.
  static const bool kNoMemoryStatistics = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)kNoMemoryStatistics;
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->user = options.user;
  impl->defer_index = options.defer_index;
  if (impl->user.empty()) {
    const char* env = std::getenv("USER");
    impl->user = env && *env ? env : "unknown";
  }
  auto open = [&](int flags) -> Status {
    sqlite3_close_v2(impl->db);
    impl->db = nullptr;
    // A TmStore is used by one thread at a time (tm_store.h): the
    // connection needs no mutex of its own.
    const int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return impl->Fail(rc, "cannot open");
    sqlite3_extended_result_codes(impl->db, 1);
    sqlite3_busy_timeout(impl->db, 5000);
    // A memory is a file people send each other: nothing in it is trusted
    // (no schema corruption through SQL, no functions with side effects
    // from its views or CHECKs, pages checked as they are read).
    sqlite3_db_config(impl->db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(impl->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    // The stem index's entries are made by SQL (tm/stem_function.h).
    if (const int frc = RegisterStemFunction(impl->db); frc != SQLITE_OK) {
      return impl->Fail(frc, "cannot open");
    }
    return impl->Exec("PRAGMA cell_size_check = ON", "cannot read");
  };
  SVERKA_RETURN_IF_ERROR(open(mode == OpenMode::kReadOnly
                                  ? SQLITE_OPEN_READONLY
                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  bool reopened_to_write = false;
  Result<int> version = impl->UserVersion();
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return Status::InvalidData(path + ": translation memory schema version " +
                            std::to_string(*version) + " is newer than this sverka's (" +
                            std::to_string(kSchemaVersion) + "); upgrade sverka");
  }
  if (*version > 0) SVERKA_RETURN_IF_ERROR(impl->CheckOwnSchema());
  // Before an upgrade too: it rewrites the memory in place.
  const bool upgrade = *version > 0 && *version < kSchemaVersion;
  if (options.quick_check || upgrade) SVERKA_RETURN_IF_ERROR(impl->QuickCheck());
  SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON", "cannot configure"));
  int tables = 0;
  if (*version == 0) {
    // A new (or foreign, empty-schema) database: refuse one holding other
    // tables. One read for both: another process may create the memory
    // between two.
    Statement q(impl->db,
                "SELECT count(*), (SELECT user_version FROM pragma_user_version) "
                "FROM sqlite_schema");
    if (q.prepare_rc() != SQLITE_OK || q.Step() != SQLITE_ROW) {
      return impl->Fail(sqlite3_errcode(impl->db), "cannot read");
    }
    tables = sqlite3_column_int(q.get(), 0);
    *version = sqlite3_column_int(q.get(), 1);
  }  // finalized here: WAL cannot be switched on while a read is open
  if (*version == 0) {
    if (tables != 0) {
      return Status::InvalidData(path + ": an SQLite database, but not a sverka translation memory");
    }
    if (mode == OpenMode::kReadOnly) {
      return Status::InvalidData(path + ": an empty database, not a sverka translation memory");
    }
    SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA journal_mode = WAL", "cannot configure"));
    // A new memory is made the way an old one is upgraded: one path, always tested.
    // Checked again inside the write transaction: of several processes
    // creating one memory at once, the first creates it, the others wait
    // for its transaction (busy timeout) and find it made.
    SVERKA_RETURN_IF_ERROR(impl->InTransaction([&]() -> Status {
      Result<int> now = impl->UserVersion();
      if (!now.ok()) return now.status();
      if (*now != 0) return Status::Ok();
      SVERKA_RETURN_IF_ERROR(impl->Exec(kSchemaV1, "cannot create the schema"));
      SVERKA_RETURN_IF_ERROR(impl->Exec(kMigrateV1ToV2, "cannot create the schema"));
      SVERKA_RETURN_IF_ERROR(impl->Exec(kMigrateV2ToV3, "cannot create the schema"));
      SVERKA_RETURN_IF_ERROR(impl->Exec(kMigrateV3ToV4, "cannot create the schema"));
      SVERKA_RETURN_IF_ERROR(impl->Exec(kMigrateV4ToV5, "cannot create the schema"));
      SVERKA_RETURN_IF_ERROR(impl->Exec(kMigrateV5ToV6, "cannot create the schema"));
      SVERKA_RETURN_IF_ERROR(impl->Exec(kMigrateV6ToV7, "cannot create the schema"));
      return impl->Exec(kMigrateV7ToV8, "cannot create the schema");
    }));
  } else if (*version < kSchemaVersion) {
    if (mode == OpenMode::kReadOnly) {
      SVERKA_RETURN_IF_ERROR(open(SQLITE_OPEN_READWRITE));
      reopened_to_write = true;
      SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON", "cannot configure"));
    }
    SVERKA_RETURN_IF_ERROR(impl->InTransaction([&]() -> Status {
      Result<int> now = impl->UserVersion();  // another process may have upgraded it meanwhile
      if (!now.ok()) return now.status();
      if (*now == 1) {
        SVERKA_RETURN_IF_ERROR(
            impl->Exec(kMigrateV1ToV2, "cannot upgrade the schema from version 1"));
      }
      if (*now <= 2) {
        SVERKA_RETURN_IF_ERROR(
            impl->Exec(kMigrateV2ToV3, "cannot upgrade the schema from version 2"));
      }
      if (*now <= 3) {
        SVERKA_RETURN_IF_ERROR(
            impl->Exec(kMigrateV3ToV4, "cannot upgrade the schema from version 3"));
      }
      if (*now <= 4) {
        SVERKA_RETURN_IF_ERROR(
            impl->Exec(kMigrateV4ToV5, "cannot upgrade the schema from version 4"));
      }
      if (*now <= 5) {
        SVERKA_RETURN_IF_ERROR(
            impl->Exec(kMigrateV5ToV6, "cannot upgrade the schema from version 5"));
      }
      if (*now <= 6) {
        SVERKA_RETURN_IF_ERROR(
            impl->Exec(kMigrateV6ToV7, "cannot upgrade the schema from version 6"));
      }
      if (*now <= 7) return impl->Exec(kMigrateV7ToV8, "cannot upgrade the schema from version 7");
      return Status::Ok();
    }));
  }
  if (!options.sync_each_commit && mode != OpenMode::kReadOnly) {
    SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous = NORMAL", "cannot configure"));
  }
  // Only a memory that passed every check above is tidied on close.
  impl->read_only = mode == OpenMode::kReadOnly && !reopened_to_write;
  return std::unique_ptr<TmStore>(new TmStore(std::move(impl)));
}

Result<bool> TmStore::HasDocument(std::string_view name) {
  Statement& q = impl_->Cached("SELECT 1 FROM documents WHERE name = ?1");
  ResetOnExit reset{q};
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot read");
  q.Bind(1, name);
  const int rc = q.Step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return impl_->Fail(rc, "cannot read");
}

Result<std::vector<std::string>> TmStore::DocumentNames() {
  Statement q(impl_->db, "SELECT name FROM documents ORDER BY name");
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot read");
  std::vector<std::string> names;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) names.push_back(q.Text(0));
  if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot read");
  return names;
}

Status TmStore::AddDocument(const DocumentRecord& doc, bool replace, bool discard_review) {
  const DocumentWrite one{&doc, replace, discard_review};
  Result<std::vector<Status>> each = AddDocuments({&one, 1});
  if (!each.ok()) return each.status();
  return each->front();
}

Result<std::vector<Status>> TmStore::AddDocuments(std::span<const DocumentWrite> docs) {
  std::vector<Status> each;
  each.reserve(docs.size());
  const Status whole = impl_->InTransaction([&]() -> Status {
    BeadInserter insert(impl_->db, impl_->defer_index);  // prepared once for the whole group
    for (const DocumentWrite& w : docs) {
      // Refused before anything of it is written, so no savepoint is needed:
      // a savepoint would make the full-text index flush a segment per
      // document, which is most of the cost of a batch (doc/decisions.md).
      Result<bool> has = HasDocument(w.doc->name);
      if (!has.ok()) return has.status();
      if (*has && !w.replace) {
        each.push_back(impl_->AlreadyStored(w.doc->name));
        continue;
      }
      if (*has && !w.discard_review) {
        if (Status reviewed = impl_->RefuseReviewed(w.doc->name); !reviewed.ok()) {
          if (reviewed.kind() != ErrorKind::kInvalidData) return reviewed;
          each.push_back(reviewed);
          continue;
        }
      }
      // Any failure from here on (a write the database refuses) ends the
      // whole transaction: nothing of the group is kept.
      SVERKA_RETURN_IF_ERROR(WriteDocument(*w.doc, insert));
      each.push_back(Status::Ok());
    }
    return Status::Ok();
  });
  if (!whole.ok()) return whole;
  return each;
}

Status TmStore::WriteDocument(const DocumentRecord& doc, BeadInserter& insert) {
  Result<std::optional<int64_t>> old = impl_->DeleteDocument(doc.name);
  if (!old.ok()) return old.status();
  const std::string now = NowUtc();
  Result<int64_t> id = impl_->InsertDocument(doc.name, doc.ru_lang, doc.en_lang, doc.ru_file,
                                             doc.en_file, doc.ru_hash, doc.en_hash, now);
  if (!id.ok()) return id.status();
  for (size_t k = 0; k < doc.ru.size(); ++k) {
    if (const int rc = insert.Sentence(*id, "ru", static_cast<int64_t>(k), doc.ru[k]);
        rc != SQLITE_DONE) {
      return impl_->Fail(rc, "cannot write");
    }
  }
  for (size_t k = 0; k < doc.en.size(); ++k) {
    if (const int rc = insert.Sentence(*id, "en", static_cast<int64_t>(k), doc.en[k]);
        rc != SQLITE_DONE) {
      return impl_->Fail(rc, "cannot write");
    }
  }
  for (size_t k = 0; k < doc.beads.size(); ++k) {
    const Bead& b = doc.beads[k];
    const int rc = insert.Bead(*id, static_cast<int64_t>(k), b, "auto", now, now,
                               JoinTexts(doc.ru, b.ru_begin, b.ru_count),
                               JoinTexts(doc.en, b.en_begin, b.en_count));
    if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot write");
  }
  const std::string after = "{\"beads\":" + std::to_string(doc.beads.size()) +
                            ",\"ru_file\":" + JsonQuote(doc.ru_file) +
                            ",\"en_file\":" + JsonQuote(doc.en_file) + "}";
  const std::string before =
      old->has_value() ? "{\"beads\":" + std::to_string(**old) + "}" : std::string();
  Result<int64_t> h = impl_->Record(old->has_value() ? "replace-document" : "add-document",
                                    doc.name, std::nullopt, before, after);
  return h.ok() ? Status::Ok() : h.status();
}

Result<ImportCounts> TmStore::ImportUnits(const ImportSpec& spec,
                                          const std::function<Status(const UnitSink& add)>& produce) {
  struct DocState {
    int64_t id = 0;
    int64_t next = 0;   // position of the next bead
    int64_t beads = 0;  // beads written
    std::optional<int64_t> replaced_beads;
  };
  std::map<std::string, DocState, std::less<>> docs;
  ImportCounts counts;
  BeadInserter* inserter = nullptr;
  const std::string now = NowUtc();

  UnitSink add = [&](const ImportedUnit& u) -> Status {
    auto it = docs.find(u.document);
    if (it == docs.end()) {
      Result<bool> has = HasDocument(u.document);
      if (!has.ok()) return has.status();
      if (*has && !spec.replace) {
        return impl_->AlreadyStored(u.document);
      }
      if (*has && !spec.discard_review) SVERKA_RETURN_IF_ERROR(impl_->RefuseReviewed(u.document));
      Result<std::optional<int64_t>> old = impl_->DeleteDocument(u.document);
      if (!old.ok()) return old.status();
      Result<int64_t> id =
          impl_->InsertDocument(u.document, spec.ru_lang, spec.en_lang, spec.source_file,
                                spec.source_file, spec.source_hash, spec.source_hash, now);
      if (!id.ok()) return id.status();
      it = docs.emplace(u.document, DocState{*id, 0, 0, *old}).first;
      counts.documents.push_back(u.document);
    }
    DocState& d = it->second;
    const SentenceRecord ru{0, u.ru, 0, 0}, en{0, u.en, 0, 0};
    if (u.position && *u.position > d.next) d.next = *u.position;
    const int32_t pos = static_cast<int32_t>(d.next);
    int rc = inserter->Sentence(d.id, "ru", pos, ru);
    if (rc == SQLITE_DONE) rc = inserter->Sentence(d.id, "en", pos, en);
    if (rc == SQLITE_DONE) {
      const std::string& created = u.created.empty() ? now : u.created;
      const std::string& changed = u.changed.empty() ? created : u.changed;
      rc = inserter->Bead(d.id, pos, Bead{pos, 1, pos, 1, u.score}, u.status, created,
                          changed, u.ru, u.en);
    }
    if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot write");
    ++d.next;
    ++d.beads;
    ++counts.units;
    return Status::Ok();
  };

  Status s = impl_->InTransaction([&]() -> Status {
    BeadInserter insert(impl_->db, /*defer_index=*/false);
    inserter = &insert;
    SVERKA_RETURN_IF_ERROR(produce(add));
    for (const std::string& name : counts.documents) {
      const DocState& d = docs.find(name)->second;
      const std::string after = "{\"beads\":" + std::to_string(d.beads) +
                                ",\"file\":" + JsonQuote(spec.source_file) + "}";
      const std::string before = d.replaced_beads
                                     ? "{\"beads\":" + std::to_string(*d.replaced_beads) + "}"
                                     : std::string();
      Result<int64_t> h = impl_->Record("import", name, std::nullopt, before, after);
      if (!h.ok()) return h.status();
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return counts;
}

Result<int64_t> TmStore::SetBeadStatus(std::string_view document, int32_t position,
                                       std::string_view status) {
  if (!IsStatus(status)) {
    return Status::InvalidData("unknown status '" + std::string(status) +
                            "'; one of auto, approved, rejected, edited");
  }
  int64_t id = 0;
  Status s = impl_->InTransaction([&]() -> Status {
    Statement q(impl_->db,
                "SELECT b.id, b.status FROM beads b JOIN documents d ON d.id = b.document_id "
                "WHERE d.name = ?1 AND b.position = ?2");
    q.Bind(1, document);
    q.Bind(2, static_cast<int64_t>(position));
    const int rc = q.Step();
    if (rc == SQLITE_DONE) {
      return Status::InvalidData(impl_->path + ": no bead " + std::to_string(position) +
                              " in document '" + std::string(document) + "'");
    }
    if (rc != SQLITE_ROW) return impl_->Fail(rc, "cannot read");
    const int64_t bead_id = sqlite3_column_int64(q.get(), 0);
    const std::string before = q.Text(1);
    Statement up(impl_->db, "UPDATE beads SET status = ?1, changed = ?2 WHERE id = ?3");
    up.Bind(1, status);
    up.Bind(2, NowUtc());
    up.Bind(3, bead_id);
    if (const int urc = up.Step(); urc != SQLITE_DONE) return impl_->Fail(urc, "cannot write");
    Result<int64_t> h = impl_->Record("set-status", document, position, before, status);
    if (!h.ok()) return h.status();
    id = *h;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return id;
}

Status TmStore::Undo(int64_t id) {
  return impl_->InTransaction([&]() -> Status {
    const std::string what = "history entry " + std::to_string(id);
    Statement q(impl_->db,
                "SELECT action, document, bead, before, after, "
                "(SELECT count(*) FROM history u WHERE u.undoes = h.id) FROM history h WHERE id = ?1");
    q.Bind(1, id);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return Status::InvalidData(impl_->path + ": no " + what);
    if (rc != SQLITE_ROW) return impl_->Fail(rc, "cannot read");
    const std::string action = q.Text(0), document = q.Text(1), before = q.Text(3),
                      after = q.Text(4);
    const auto position = static_cast<int32_t>(sqlite3_column_int(q.get(), 2));
    if (action != "set-status") {
      return Status::InvalidData(impl_->path + ": " + what + " (" + action + ") cannot be undone");
    }
    if (!before.empty() && before.front() == '{') {
      return Status::InvalidData(impl_->path + ": " + what +
                              " (set-status of several beads) cannot be undone here; 'sverka edit "
                              "--db TM --doc NAME undo' reverts it");
    }
    if (sqlite3_column_int(q.get(), 5) > 0) {
      return Status::InvalidData(impl_->path + ": " + what + " is already undone");
    }
    Statement up(impl_->db,
                 "UPDATE beads SET status = ?1, changed = ?2 WHERE status = ?3 AND position = ?4 "
                 "AND document_id = (SELECT id FROM documents WHERE name = ?5)");
    up.Bind(1, before);
    up.Bind(2, NowUtc());
    up.Bind(3, after);
    up.Bind(4, static_cast<int64_t>(position));
    up.Bind(5, document);
    if (const int urc = up.Step(); urc != SQLITE_DONE) return impl_->Fail(urc, "cannot write");
    if (sqlite3_changes(impl_->db) != 1) {
      return Status::InvalidData(impl_->path + ": bead " + std::to_string(position) + " of '" +
                              document + "' changed after " + what +
                              " (or is gone); undo the later change first");
    }
    Result<int64_t> h = impl_->Record("undo", document, position, after, before, id);
    return h.ok() ? Status::Ok() : h.status();
  });
}

Result<std::vector<HistoryEntry>> TmStore::History(const std::optional<std::string>& document) {
  Statement q(impl_->db,
              "SELECT id, at, user, action, document, bead, coalesce(before, ''), "
              "coalesce(after, ''), undoes FROM history WHERE ?1 IS NULL OR document = ?1 "
              "ORDER BY id");
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot read");
  if (document) q.Bind(1, *document);
  std::vector<HistoryEntry> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    HistoryEntry e;
    e.id = sqlite3_column_int64(q.get(), 0);
    e.at = q.Text(1);
    e.user = q.Text(2);
    e.action = q.Text(3);
    e.document = q.Text(4);
    if (sqlite3_column_type(q.get(), 5) != SQLITE_NULL) e.bead = sqlite3_column_int(q.get(), 5);
    e.before = q.Text(6);
    e.after = q.Text(7);
    if (sqlite3_column_type(q.get(), 8) != SQLITE_NULL) e.undoes = sqlite3_column_int64(q.get(), 8);
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot read");
  return out;
}

namespace {
// "[1000,4200]" (json_array of a bead side's times) into its two numbers;
// "[null,null]" (no sentence with a time) into -1, -1.
void ReadSpan(const std::string& json, int64_t& start, int64_t& end) {
  start = end = -1;
  long long a = 0, b = 0;
  if (std::sscanf(json.c_str(), "[%lld,%lld]", &a, &b) == 2) start = a, end = b;
}
}  // namespace

Status TmStore::ForEachPair(const PairFilter& filter,
                            const std::function<Status(const PairRow&)>& fn) {
  // group_concat over an ordered subquery keeps sentence order (SQLite
  // aggregates rows in the order the subquery yields them).
  static constexpr const char* kSql = R"sql(
SELECT d.name, b.position, b.score, b.status, b.created, b.changed,
  (SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'ru'
       AND s.position >= b.ru_begin AND s.position < b.ru_end ORDER BY s.position)),
  (SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'en'
       AND s.position >= b.en_begin AND s.position < b.en_end ORDER BY s.position)),
  (SELECT json_array(min(start_ms), max(end_ms)) FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'ru'
       AND s.position >= b.ru_begin AND s.position < b.ru_end AND s.start_ms IS NOT NULL),
  (SELECT json_array(min(start_ms), max(end_ms)) FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'en'
       AND s.position >= b.en_begin AND s.position < b.en_end AND s.start_ms IS NOT NULL)
FROM beads b JOIN documents d ON d.id = b.document_id
WHERE b.ru_end > b.ru_begin AND b.en_end > b.en_begin
  AND (?1 IS NULL OR d.name IN (SELECT value FROM json_each(?1)))
  AND (?2 IS NULL OR b.status IN (SELECT value FROM json_each(?2)))
  AND (?3 IS NULL OR b.score >= ?3)
ORDER BY d.name, b.position)sql";
  Statement q(impl_->db, kSql);
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot read");
  if (!filter.documents.empty()) q.Bind(1, JsonArray(filter.documents));
  if (!filter.statuses.empty()) q.Bind(2, JsonArray(filter.statuses));
  if (filter.min_score) q.Bind(3, *filter.min_score);
  int rc;
  PairRow row;
  while ((rc = q.Step()) == SQLITE_ROW) {
    row.document = q.Text(0);
    row.position = sqlite3_column_int(q.get(), 1);
    row.score = sqlite3_column_double(q.get(), 2);
    row.status = q.Text(3);
    row.created = q.Text(4);
    row.changed = q.Text(5);
    row.ru = q.Text(6);
    row.en = q.Text(7);
    ReadSpan(q.Text(8), row.ru_start_ms, row.ru_end_ms);
    ReadSpan(q.Text(9), row.en_start_ms, row.en_end_ms);
    SVERKA_RETURN_IF_ERROR(fn(row));
  }
  if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot read");
  return Status::Ok();
}

Result<std::vector<SearchHit>> TmStore::Search(std::string_view phrase, std::string_view open,
                                               std::string_view close, size_t limit,
                                               int64_t* unindexed, SearchMatch match) {
  // A word: a run of letters or digits (stem/search_words.h, as the
  // index's tokenizer splits text); punctuation alone ("«—»") has none.
  Result<std::vector<std::string>> stems = PhraseStems(phrase);
  if (!stems.ok()) return stems.status();
  if (stems->empty()) {
    return Status::InvalidData("search: '" + std::string(phrase) + "' holds no word to look for");
  }
  // Its words in this order, е and ё alike, soft hyphens ignored (search_query.h).
  const std::string query = FtsPhraseQuery(phrase);
  static constexpr const char* kSql = R"sql(
SELECT d.name, b.position, highlight(bead_text, 0, ?2, ?3), highlight(bead_text, 1, ?2, ?3),
  b.status, b.score
FROM bead_text JOIN beads b ON b.id = bead_text.rowid JOIN documents d ON d.id = b.document_id
WHERE bead_text MATCH ?1
ORDER BY d.name, b.position
LIMIT ?4)sql";
  // With pending beads or beads with a soft hyphen: the index (without the
  // latter) and a temporary index of those beads.
  static constexpr const char* kWithPendingSql = R"sql(
SELECT d.name, b.position, h.ru, h.en, b.status, b.score
FROM (SELECT rowid AS id, highlight(bead_text, 0, ?2, ?3) AS ru,
        highlight(bead_text, 1, ?2, ?3) AS en
      FROM main.bead_text WHERE bead_text MATCH ?1
        AND rowid NOT IN (SELECT id FROM temp.bead_soft_hyphen)
      UNION ALL
      SELECT rowid, highlight(bead_text_unindexed, 0, ?2, ?3),
        highlight(bead_text_unindexed, 1, ?2, ?3)
      FROM temp.bead_text_unindexed WHERE bead_text_unindexed MATCH ?1) h
JOIN beads b ON b.id = h.id JOIN documents d ON d.id = b.document_id
ORDER BY d.name, b.position
LIMIT ?4)sql";
  // One read transaction: the pending beads and the index as of one moment,
  // whatever a batch or `sverka index` commits meanwhile (no bead missed or
  // found twice). Ended after the statements below are done (declared first).
  SVERKA_RETURN_IF_ERROR(impl_->Exec("BEGIN", "cannot search"));
  struct EndRead {
    sqlite3* db;
    ~EndRead() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
  } end_read{impl_->db};
  Result<int64_t> pending = UnindexedBeads();
  if (!pending.ok()) return pending.status();
  if (unindexed) *unindexed = *pending;
  // Beads with a soft hyphen (U+00AD): the index splits a word there, so
  // they are searched, as pending ones, in the temporary index without it.
  // Only those that can hold the phrase: the stem index (which drops soft
  // hyphens) has the phrase's stems and the soft-hyphen mark for them
  // (version 6; reading every sentence took 1-2.5 s per 1,000,000 beads).
  SVERKA_RETURN_IF_ERROR(impl_->Exec(
      "DROP TABLE IF EXISTS temp.bead_soft_hyphen;"
      "CREATE TABLE temp.bead_soft_hyphen (id INTEGER PRIMARY KEY);",
      "cannot search"));
  {
    Statement fill(impl_->db,
                   "INSERT OR IGNORE INTO temp.bead_soft_hyphen SELECT rowid FROM main.bead_stems "
                   "WHERE bead_stems MATCH ?1");
    if (fill.prepare_rc() != SQLITE_OK) return impl_->Fail(fill.prepare_rc(), "cannot search");
    fill.Bind(1, "{ru en} : " + FtsStemQuery(*stems) + " AND marks : " + kSoftHyphenMark);
    if (const int frc = fill.Step(); frc != SQLITE_DONE) return impl_->Fail(frc, "cannot search");
  }
  bool soft = false;
  {
    Statement any(impl_->db, "SELECT EXISTS (SELECT 1 FROM temp.bead_soft_hyphen)");
    if (any.prepare_rc() != SQLITE_OK || any.Step() != SQLITE_ROW) {
      return impl_->Fail(sqlite3_errcode(impl_->db), "cannot search");
    }
    soft = sqlite3_column_int(any.get(), 0) != 0;
  }
  const bool temporary = *pending > 0 || soft;
  if (temporary) {
    // Made anew for each search: the pending beads may have changed since.
    const std::string make =
        std::string(
            "DROP TABLE IF EXISTS temp.bead_text_unindexed;"
            "CREATE VIRTUAL TABLE temp.bead_text_unindexed USING fts5 (ru, en, tokenize = '") +
        kIndexTokenizer +
        "');"
        "INSERT INTO temp.bead_text_unindexed (rowid, ru, en) "
        "SELECT id, replace(ru, char(173), ''), replace(en, char(173), '') "
        "FROM main.bead_pairs WHERE id IN (SELECT bead_id FROM main.bead_text_pending) "
        "OR id IN (SELECT id FROM temp.bead_soft_hyphen) ORDER BY id;";
    SVERKA_RETURN_IF_ERROR(impl_->Exec(make.c_str(), "cannot search"));
  }
  Statement q(impl_->db, temporary ? kWithPendingSql : kSql);
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot search");
  q.Bind(1, query);
  q.Bind(2, open);
  q.Bind(3, close);
  q.Bind(4, static_cast<int64_t>(limit));
  std::vector<SearchHit> hits;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    SearchHit h;
    h.document = q.Text(0);
    h.position = sqlite3_column_int(q.get(), 1);
    h.ru = q.Text(2);
    h.en = q.Text(3);
    h.status = q.Text(4);
    h.score = sqlite3_column_double(q.get(), 5);
    hits.push_back(std::move(h));
  }
  if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot search");
  // Over the limit already, or exact matches only: the stem index is not asked.
  if (match == SearchMatch::kExact || hits.size() >= limit) return hits;
  return StemmedHits(*stems, open, close, limit, *pending > 0, std::move(hits));
}

Result<std::vector<std::string>> TmStore::PhraseStems(std::string_view phrase) {
  if (!impl_->stemmer) {
    Result<std::unique_ptr<stem::SearchStemmer>> made = stem::SearchStemmer::Create();
    if (!made.ok()) return made.status();
    impl_->stemmer = std::move(*made);
  }
  std::vector<std::string> stems;
  for (stem::SearchWord& w : impl_->stemmer->Words(phrase)) stems.push_back(std::move(w.stem));
  return stems;
}

Result<std::vector<SearchHit>> TmStore::StemmedHits(const std::vector<std::string>& stems,
                                                    std::string_view open, std::string_view close,
                                                    size_t limit, bool pending,
                                                    std::vector<SearchHit> hits) {
  if (stems.empty()) return hits;  // no letter or digit: nothing to stem
  static constexpr const char* kSql = R"sql(
SELECT b.id, d.name, b.position, b.status, b.score
FROM bead_stems JOIN beads b ON b.id = bead_stems.rowid JOIN documents d ON d.id = b.document_id
WHERE bead_stems MATCH ?1
ORDER BY d.name, b.position
LIMIT ?2)sql";
  static constexpr const char* kWithPendingSql = R"sql(
SELECT b.id, d.name, b.position, b.status, b.score
FROM (SELECT rowid AS id FROM main.bead_stems WHERE bead_stems MATCH ?1
      UNION ALL
      SELECT rowid FROM temp.bead_stems_unindexed WHERE bead_stems_unindexed MATCH ?1) h
JOIN beads b ON b.id = h.id JOIN documents d ON d.id = b.document_id
ORDER BY d.name, b.position
LIMIT ?2)sql";
  if (pending) {
    // Pending beads have no stems stored yet: made here, as their text is above.
    SVERKA_RETURN_IF_ERROR(impl_->Exec(
        "DROP TABLE IF EXISTS temp.bead_stems_unindexed;"
        "CREATE VIRTUAL TABLE temp.bead_stems_unindexed USING fts5 (ru, en, marks, "
        "tokenize = 'unicode61 remove_diacritics 2');"
        "INSERT INTO temp.bead_stems_unindexed (rowid, ru, en, marks) "
        "SELECT id, sverka_stems(ru), sverka_stems(en), sverka_marks(ru, en) FROM main.bead_pairs "
        "WHERE id IN (SELECT bead_id FROM main.bead_text_pending) ORDER BY id;",
        "cannot search"));
  }
  // The exact hits are stem hits too: asked for as many more, and skipped.
  // (`limit` > hits.size() here.)
  std::set<std::pair<std::string, int32_t>> exact;
  for (const SearchHit& h : hits) exact.emplace(h.document, h.position);
  const size_t wanted = limit - hits.size();
  Statement q(impl_->db, pending ? kWithPendingSql : kSql);
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot search");
  q.Bind(1, "{ru en} : " + FtsStemQuery(stems));
  q.Bind(2, static_cast<int64_t>(wanted + exact.size()));
  Statement text(impl_->db, "SELECT ru, en FROM bead_pairs WHERE id = ?1");
  if (text.prepare_rc() != SQLITE_OK) return impl_->Fail(text.prepare_rc(), "cannot search");
  int rc = SQLITE_DONE;
  size_t added = 0;
  while (added < wanted && (rc = q.Step()) == SQLITE_ROW) {
    SearchHit h;
    h.document = q.Text(1);
    h.position = sqlite3_column_int(q.get(), 2);
    if (exact.count({h.document, h.position}) > 0) continue;
    h.status = q.Text(3);
    h.score = sqlite3_column_double(q.get(), 4);
    h.exact = false;
    text.Bind(1, static_cast<int64_t>(sqlite3_column_int64(q.get(), 0)));
    if (const int trc = text.Step(); trc != SQLITE_ROW) return impl_->Fail(trc, "cannot search");
    h.ru = MarkStemmedPhrase(text.Text(0), stems, *impl_->stemmer, open, close);
    h.en = MarkStemmedPhrase(text.Text(1), stems, *impl_->stemmer, open, close);
    text.Reset();
    hits.push_back(std::move(h));
    ++added;
  }
  if (added < wanted && rc != SQLITE_DONE) return impl_->Fail(rc, "cannot search");
  return hits;
}

Result<int64_t> TmStore::UnindexedBeads() {
  Statement& q = impl_->Cached("SELECT count(*) FROM bead_text_pending");
  ResetOnExit reset{q};
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot read");
  if (const int rc = q.Step(); rc != SQLITE_ROW) return impl_->Fail(rc, "cannot read");
  return static_cast<int64_t>(sqlite3_column_int64(q.get(), 0));
}

Result<int64_t> TmStore::UpdateIndex() {
  int64_t indexed = 0;
  const Status s = impl_->InTransaction([&]() -> Status {
    Result<int64_t> pending = UnindexedBeads();
    if (!pending.ok()) return pending.status();
    indexed = *pending;
    if (indexed == 0) return Status::Ok();
    // In id order: the index appends rowids, and flushes early when one goes back.
    return impl_->Exec(
        "INSERT INTO bead_text (rowid, ru, en) SELECT id, ru, en FROM bead_pairs "
        "WHERE id IN (SELECT bead_id FROM bead_text_pending) ORDER BY id;"
        "INSERT INTO bead_stems (rowid, ru, en, marks) SELECT id, sverka_stems(ru), sverka_stems(en), sverka_marks(ru, en) "
        "FROM bead_pairs WHERE id IN (SELECT bead_id FROM bead_text_pending) ORDER BY id;"
        "DELETE FROM bead_text_pending;",
        "cannot index");
  });
  if (!s.ok()) return s;
  return indexed;
}

std::string ContentHash(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (const char ch : bytes) {
    h ^= static_cast<unsigned char>(ch);
    h *= 0x100000001b3ULL;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016" PRIx64, h);
  return buf;
}

Result<std::vector<StoredDocumentState>> TmStore::DocumentStates() {
  Statement q(impl_->db,
              "SELECT d.name, d.ru_hash, d.en_hash, (SELECT count(*) FROM beads b "
              "WHERE b.document_id = d.id AND b.status <> 'auto') FROM documents d ORDER BY d.name");
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot read");
  std::vector<StoredDocumentState> states;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    states.push_back({q.Text(0), q.Text(1), q.Text(2), sqlite3_column_int64(q.get(), 3)});
  }
  if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot read");
  return states;
}

}  // namespace sverka::tm

// ---------------------------------------------------------------------------
// Review edits (doc/schema.md, "Review edits").
//
// A structural edit replaces a region of consecutive beads by other beads
// and may change sentence texts. Its history entry keeps both states as JSON
// ({"beads":[…],"sentences":[…]}), so undo is "apply after → before" and redo
// "apply before → after" with the same code, checked against the database.

namespace sverka::tm {
namespace {

struct SentenceText {
  std::string side;
  int32_t position = 0;
  std::string text;
};

struct Snapshot {
  std::vector<BeadView> beads;  // by position; texts not used
  std::vector<SentenceText> sentences;
};

std::string Number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

std::string SnapshotJson(const Snapshot& s) {
  std::string out = "{\"beads\":[";
  for (size_t k = 0; k < s.beads.size(); ++k) {
    const BeadView& b = s.beads[k];
    out += (k ? "," : "") + std::string("{\"position\":") + std::to_string(b.position) +
           ",\"ru\":[" + std::to_string(b.ru_begin) + "," + std::to_string(b.ru_end) +
           "],\"en\":[" + std::to_string(b.en_begin) + "," + std::to_string(b.en_end) +
           "],\"score\":" + Number(b.score) + ",\"status\":" + JsonQuote(b.status) +
           ",\"created\":" + JsonQuote(b.created) + "}";
  }
  out += "]";
  if (!s.sentences.empty()) {
    out += ",\"sentences\":[";
    for (size_t k = 0; k < s.sentences.size(); ++k) {
      const SentenceText& t = s.sentences[k];
      out += (k ? "," : "") + std::string("{\"side\":") + JsonQuote(t.side) +
             ",\"position\":" + std::to_string(t.position) + ",\"text\":" + JsonQuote(t.text) + "}";
    }
    out += "]";
  }
  return out + "}";
}

bool SameBead(const BeadView& a, const BeadView& b) {
  return a.position == b.position && a.ru_begin == b.ru_begin && a.ru_end == b.ru_end &&
         a.en_begin == b.en_begin && a.en_end == b.en_end && a.status == b.status &&
         std::abs(a.score - b.score) < 1e-9;
}

std::string Shape(const BeadView& b) {
  return std::to_string(b.ru_end - b.ru_begin) + "-" + std::to_string(b.en_end - b.en_begin);
}

bool HasLineBreak(std::string_view s) {
  return s.find('\n') != std::string_view::npos || s.find('\r') != std::string_view::npos;
}

}  // namespace

// The edit machinery, kept apart from the rest of Impl: reads and writes one
// document's beads by position inside a transaction the caller opened.
class BeadEditor {
 public:
  BeadEditor(TmStore::Impl& impl, std::string_view document) : impl_(impl), document_(document) {}

  // Runs `body` on an editor for `document` inside one transaction.
  static Result<BeadChange> Run(TmStore::Impl& impl, std::string_view document,
                                const std::function<Result<BeadChange>(BeadEditor&)>& body) {
    std::optional<BeadChange> out;
    Status s = impl.InTransaction([&]() -> Status {
      if (impl.expect_data_version) {
        // Inside BEGIN IMMEDIATE: the write lock is held and the snapshot
        // is the newest, so no other commit can come between this and ours.
        Result<int64_t> v = impl.DataVersion();
        if (!v.ok()) return v.status();
        if (*v != *impl.expect_data_version) {
          return Status::InvalidData(impl.path + ": another process changed the memory since it was read");
        }
      }
      BeadEditor editor(impl, document);
      SVERKA_RETURN_IF_ERROR(editor.Resolve());
      Result<BeadChange> r = body(editor);
      if (!r.ok()) return r.status();
      out = std::move(*r);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return std::move(*out);
  }

  const std::string& path() const { return impl_.path; }
  std::string Where() const { return impl_.path + ": "; }
  std::string DocName() const { return "'" + document_ + "'"; }

  Status Resolve() {
    Statement q(impl_.db, "SELECT id FROM documents WHERE name = ?1");
    q.Bind(1, document_);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return Status::InvalidData(Where() + "no document " + DocName());
    if (rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read");
    doc_id_ = sqlite3_column_int64(q.get(), 0);
    return Status::Ok();
  }

  // The bead at `position`, with texts; nullopt when there is none.
  Result<std::optional<BeadView>> Load(int32_t position) {
    Statement q(impl_.db,
                "SELECT position, ru_begin, ru_end, en_begin, en_end, score, status, created, "
                "changed FROM beads WHERE document_id = ?1 AND position = ?2");
    q.Bind(1, doc_id_);
    q.Bind(2, static_cast<int64_t>(position));
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<BeadView>();
    if (rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read");
    BeadView b = Row(q);
    SVERKA_RETURN_IF_ERROR(Texts(b));
    return std::optional<BeadView>(std::move(b));
  }

  Result<BeadView> Need(int32_t position) {
    Result<std::optional<BeadView>> b = Load(position);
    if (!b.ok()) return b.status();
    if (!b->has_value()) {
      return Status::InvalidData(Where() + "no bead " + std::to_string(position) + " in document " +
                              DocName());
    }
    return std::move(**b);
  }

  // The position of the bead after (`after` true) or before `position`.
  Result<std::optional<int32_t>> Neighbour(int32_t position, bool after) {
    Statement q(impl_.db,
                after ? "SELECT min(position) FROM beads WHERE document_id = ?1 AND position > ?2"
                      : "SELECT max(position) FROM beads WHERE document_id = ?1 AND position < ?2");
    q.Bind(1, doc_id_);
    q.Bind(2, static_cast<int64_t>(position));
    if (const int rc = q.Step(); rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read");
    if (sqlite3_column_type(q.get(), 0) == SQLITE_NULL) return std::optional<int32_t>();
    return std::optional<int32_t>(sqlite3_column_int(q.get(), 0));
  }

  Result<std::string> SentenceTextAt(std::string_view side, int32_t position) {
    Statement q(
        impl_.db,
        "SELECT text FROM sentences WHERE document_id = ?1 AND side = ?2 AND position = ?3");
    q.Bind(1, doc_id_);
    q.Bind(2, side);
    q.Bind(3, static_cast<int64_t>(position));
    const int rc = q.Step();
    if (rc == SQLITE_DONE) {
      return Status::InvalidData(Where() + "no " + std::string(side) + " sentence " +
                              std::to_string(position) + " in document " + DocName());
    }
    if (rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read");
    return q.Text(0);
  }

  // Replaces the beads of `from` (which must be what is stored) by those of
  // `to`, renumbering the beads after the region; sets the sentence texts of
  // `to`. Keeps the full-text index in step (doc/schema.md). `history_id`
  // names the entry being reverted, for the message when the state differs.
  Status Apply(const Snapshot& from, const Snapshot& to, std::optional<int64_t> history_id) {
    const std::string changed_after = history_id ? " changed after history entry " +
                                                       std::to_string(*history_id) +
                                                       "; undo the later change first"
                                                 : " changed meanwhile";
    std::vector<int64_t> ids;
    for (const BeadView& want : from.beads) {
      Statement q(impl_.db,
                  "SELECT position, ru_begin, ru_end, en_begin, en_end, score, status, created, "
                  "changed, id FROM beads WHERE document_id = ?1 AND position = ?2");
      q.Bind(1, doc_id_);
      q.Bind(2, static_cast<int64_t>(want.position));
      const int rc = q.Step();
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read");
      if (rc == SQLITE_DONE || !SameBead(Row(q), want)) {
        return Status::InvalidData(Where() + "bead " + std::to_string(want.position) + " of " +
                                DocName() + changed_after);
      }
      ids.push_back(sqlite3_column_int64(q.get(), 9));
    }
    for (const SentenceText& t : from.sentences) {
      Result<std::string> now = SentenceTextAt(t.side, t.position);
      if (!now.ok()) return now.status();
      if (*now != t.text) {
        return Status::InvalidData(Where() + t.side + " sentence " + std::to_string(t.position) +
                                " of " + DocName() + changed_after);
      }
    }
    for (const int64_t id : ids) {
      Statement fts(impl_.db,
                    "INSERT INTO bead_text (bead_text, rowid, ru, en) "
                    "SELECT 'delete', id, ru, en FROM bead_pairs WHERE id = ?1 "
                    "AND id NOT IN (SELECT bead_id FROM bead_text_pending)");
      fts.Bind(1, id);
      if (const int rc = fts.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
      Statement stems(impl_.db, "DELETE FROM bead_stems WHERE rowid = ?1");
      stems.Bind(1, id);
      if (const int rc = stems.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
      Statement del(impl_.db, "DELETE FROM beads WHERE id = ?1");
      del.Bind(1, id);
      if (const int rc = del.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    }
    for (const SentenceText& t : to.sentences) {
      Statement up(impl_.db,
                   "UPDATE sentences SET text = ?1 WHERE document_id = ?2 AND side = ?3 AND "
                   "position = ?4");
      up.Bind(1, t.text);
      up.Bind(2, doc_id_);
      up.Bind(3, t.side);
      up.Bind(4, static_cast<int64_t>(t.position));
      if (const int rc = up.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    }
    // Renumber the beads after the region: moved out of the way first, as
    // UNIQUE (document_id, position) is checked row by row.
    const int64_t last_from = from.beads.back().position;
    const int64_t delta = to.beads.back().position - last_from;
    if (delta != 0) {
      constexpr int64_t kAside = 1'000'000'000;
      Statement aside(
          impl_.db,
          "UPDATE beads SET position = position + ?3 WHERE document_id = ?1 AND position > ?2");
      aside.Bind(1, doc_id_);
      aside.Bind(2, last_from);
      aside.Bind(3, kAside);
      if (const int rc = aside.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
      Statement back(
          impl_.db,
          "UPDATE beads SET position = position - ?2 WHERE document_id = ?1 AND position >= ?3");
      back.Bind(1, doc_id_);
      back.Bind(2, kAside - delta);
      back.Bind(3, kAside);
      if (const int rc = back.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    }
    const std::string now = NowUtc();
    for (const BeadView& b : to.beads) {
      Statement ins(
          impl_.db,
          "INSERT INTO beads (document_id, position, ru_begin, ru_end, en_begin, en_end, "
          "score, status, created, changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
      ins.Bind(1, doc_id_);
      ins.Bind(2, static_cast<int64_t>(b.position));
      ins.Bind(3, static_cast<int64_t>(b.ru_begin));
      ins.Bind(4, static_cast<int64_t>(b.ru_end));
      ins.Bind(5, static_cast<int64_t>(b.en_begin));
      ins.Bind(6, static_cast<int64_t>(b.en_end));
      ins.Bind(7, b.score);
      ins.Bind(8, b.status);
      ins.Bind(9, b.created.empty() ? now : b.created);
      ins.Bind(10, now);
      if (const int rc = ins.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
      Statement fts(impl_.db,
                    "INSERT INTO bead_text (rowid, ru, en) SELECT id, ru, en FROM bead_pairs "
                    "WHERE id = ?1");
      const auto id = static_cast<int64_t>(sqlite3_last_insert_rowid(impl_.db));
      fts.Bind(1, id);
      if (const int rc = fts.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
      Statement stems(impl_.db,
                      "INSERT INTO bead_stems (rowid, ru, en, marks) SELECT id, sverka_stems(ru), "
                      "sverka_stems(en), sverka_marks(ru, en) FROM bead_pairs WHERE id = ?1");
      stems.Bind(1, id);
      if (const int rc = stems.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    }
    return Status::Ok();
  }

  // Applies `from` → `to`, records `action`, and returns the change with texts.
  Result<BeadChange> Commit(std::string_view action, const Snapshot& from, const Snapshot& to,
                            std::optional<int64_t> undoes = {}, std::string undone_action = {}) {
    BeadChange change;
    change.action = std::string(action);
    change.undone_action = std::move(undone_action);
    for (const BeadView& b : from.beads) {
      Result<BeadView> v = Need(b.position);
      if (!v.ok()) return v.status();
      change.before.push_back(std::move(*v));
    }
    SVERKA_RETURN_IF_ERROR(Apply(from, to, undoes));
    for (const BeadView& b : to.beads) {
      Result<BeadView> v = Need(b.position);
      if (!v.ok()) return v.status();
      change.after.push_back(std::move(*v));
    }
    Result<int64_t> h = impl_.Record(action, document_, from.beads.front().position,
                                     SnapshotJson(from), SnapshotJson(to), undoes);
    if (!h.ok()) return h.status();
    change.history_id = *h;
    return change;
  }

  Result<Snapshot> Parse(const std::string& json) {
    Snapshot s;
    Statement b(impl_.db,
                "SELECT json_extract(value, '$.position'), json_extract(value, '$.ru[0]'), "
                "json_extract(value, '$.ru[1]'), json_extract(value, '$.en[0]'), "
                "json_extract(value, '$.en[1]'), json_extract(value, '$.score'), "
                "json_extract(value, '$.status'), coalesce(json_extract(value, '$.created'), '') "
                "FROM json_each(?1, '$.beads') ORDER BY key");
    b.Bind(1, json);
    int rc;
    while ((rc = b.Step()) == SQLITE_ROW) {
      BeadView v;
      v.position = sqlite3_column_int(b.get(), 0);
      v.ru_begin = sqlite3_column_int(b.get(), 1);
      v.ru_end = sqlite3_column_int(b.get(), 2);
      v.en_begin = sqlite3_column_int(b.get(), 3);
      v.en_end = sqlite3_column_int(b.get(), 4);
      v.score = sqlite3_column_double(b.get(), 5);
      v.status = b.Text(6);
      v.created = b.Text(7);
      s.beads.push_back(std::move(v));
    }
    if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read the history");
    Statement t(impl_.db,
                "SELECT json_extract(value, '$.side'), json_extract(value, '$.position'), "
                "json_extract(value, '$.text') FROM json_each(?1, '$.sentences') ORDER BY key");
    t.Bind(1, json);
    while ((rc = t.Step()) == SQLITE_ROW) {
      s.sentences.push_back({t.Text(0), sqlite3_column_int(t.get(), 1), t.Text(2)});
    }
    if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read the history");
    if (s.beads.empty()) return Status::Internal(Where() + "history entry without beads");
    return s;
  }

  // Reverts history entry `id` (its after → its before) as `action` ("undo"
  // or "redo"). Status changes keep their plain before/after.
  Result<BeadChange> Revert(int64_t id, std::string_view action) {
    Statement q(impl_.db, "SELECT action, bead, before, after, undoes FROM history WHERE id = ?1");
    q.Bind(1, id);
    if (const int rc = q.Step(); rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read the history");
    std::string kind = q.Text(0);
    const int32_t bead = sqlite3_column_int(q.get(), 1);
    const std::string before = q.Text(2), after = q.Text(3);
    // An undo or redo names what it reverts: the original action, found down the chain.
    std::optional<int64_t> next;
    if (sqlite3_column_type(q.get(), 4) != SQLITE_NULL) next = sqlite3_column_int64(q.get(), 4);
    while ((kind == "undo" || kind == "redo") && next) {
      Statement o(impl_.db, "SELECT action, undoes FROM history WHERE id = ?1");
      o.Bind(1, *next);
      if (const int rc = o.Step(); rc != SQLITE_ROW)
        return impl_.Fail(rc, "cannot read the history");
      kind = o.Text(0);
      next.reset();
      if (sqlite3_column_type(o.get(), 1) != SQLITE_NULL) next = sqlite3_column_int64(o.get(), 1);
    }
    if (!before.empty() && before.front() == '{') {
      Result<Snapshot> from = Parse(after), to = Parse(before);
      if (!from.ok()) return from.status();
      if (!to.ok()) return to.status();
      return Commit(action, *from, *to, id, kind);
    }
    // A status change: the bead's status goes from `after` back to `before`.
    Result<BeadView> now = Need(bead);
    if (!now.ok()) return now.status();
    if (now->status != after) {
      return Status::InvalidData(Where() + "bead " + std::to_string(bead) + " of " + DocName() +
                              " changed after history entry " + std::to_string(id) +
                              "; undo the later change first");
    }
    Snapshot from{{*now}, {}}, to{{*now}, {}};
    to.beads[0].status = before;
    BeadChange change;
    change.action = std::string(action);
    change.undone_action = kind;
    change.before = from.beads;
    SVERKA_RETURN_IF_ERROR(SetStatus(bead, before));
    Result<BeadView> then = Need(bead);
    if (!then.ok()) return then.status();
    change.after = {*then};
    Result<int64_t> h = impl_.Record(action, document_, bead, after, before, id);
    if (!h.ok()) return h.status();
    change.history_id = *h;
    return change;
  }

  Status SetStatus(int32_t position, std::string_view status) {
    Statement up(
        impl_.db,
        "UPDATE beads SET status = ?1, changed = ?2 WHERE document_id = ?3 AND position = ?4");
    up.Bind(1, status);
    up.Bind(2, NowUtc());
    up.Bind(3, doc_id_);
    up.Bind(4, static_cast<int64_t>(position));
    if (const int rc = up.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    return Status::Ok();
  }

  // The undo and redo stacks, rebuilt from the document's history: an edit
  // pushes on the undo stack and empties the redo stack; an undo moves its
  // entry to the redo stack, a redo moves it back. Storing a document anew
  // forgets both (the beads they name are gone).
  Status Stacks(std::vector<int64_t>& undo, std::vector<int64_t>& redo) {
    Statement q(impl_.db, "SELECT id, action, undoes FROM history WHERE document = ?1 ORDER BY id");
    q.Bind(1, document_);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      const int64_t id = sqlite3_column_int64(q.get(), 0);
      const std::string action = q.Text(1);
      const int64_t target = sqlite3_column_int64(q.get(), 2);
      auto drop = [](std::vector<int64_t>& v, int64_t x) {
        v.erase(std::remove(v.begin(), v.end(), x), v.end());
      };
      if (action == "add-document" || action == "replace-document" || action == "import") {
        undo.clear();
        redo.clear();
      } else if (action == "undo") {
        drop(undo, target);
        redo.push_back(id);
      } else if (action == "redo") {
        drop(redo, target);
        undo.push_back(id);
      } else {
        undo.push_back(id);
        redo.clear();
      }
    }
    if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read the history");
    return Status::Ok();
  }

  Result<std::vector<BeadView>> All() {
    std::vector<BeadView> beads;
    {
      Statement q(impl_.db,
                  "SELECT position, ru_begin, ru_end, en_begin, en_end, score, status, created, "
                  "changed FROM beads WHERE document_id = ?1 ORDER BY position");
      q.Bind(1, doc_id_);
      int rc;
      while ((rc = q.Step()) == SQLITE_ROW) beads.push_back(Row(q));
      if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read");
    }
    std::map<int32_t, std::string> ru, en;
    Statement s(impl_.db, "SELECT side, position, text FROM sentences WHERE document_id = ?1");
    s.Bind(1, doc_id_);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      (s.Text(0) == "ru" ? ru : en)[sqlite3_column_int(s.get(), 1)] = s.Text(2);
    }
    if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read");
    for (BeadView& b : beads) {
      for (auto it = ru.lower_bound(b.ru_begin); it != ru.end() && it->first < b.ru_end; ++it) {
        b.ru.push_back(it->second);
      }
      for (auto it = en.lower_bound(b.en_begin); it != en.end() && it->first < b.en_end; ++it) {
        b.en.push_back(it->second);
      }
    }
    return beads;
  }

 private:
  static BeadView Row(Statement& q) {
    BeadView b;
    b.position = sqlite3_column_int(q.get(), 0);
    b.ru_begin = sqlite3_column_int(q.get(), 1);
    b.ru_end = sqlite3_column_int(q.get(), 2);
    b.en_begin = sqlite3_column_int(q.get(), 3);
    b.en_end = sqlite3_column_int(q.get(), 4);
    b.score = sqlite3_column_double(q.get(), 5);
    b.status = q.Text(6);
    b.created = q.Text(7);
    b.changed = q.Text(8);
    return b;
  }

  Status Texts(BeadView& b) {
    Statement q(impl_.db,
                "SELECT side, text FROM sentences WHERE document_id = ?1 AND ((side = 'ru' AND "
                "position >= ?2 AND position < ?3) OR (side = 'en' AND position >= ?4 AND "
                "position < ?5)) ORDER BY side DESC, position");
    q.Bind(1, doc_id_);
    q.Bind(2, static_cast<int64_t>(b.ru_begin));
    q.Bind(3, static_cast<int64_t>(b.ru_end));
    q.Bind(4, static_cast<int64_t>(b.en_begin));
    q.Bind(5, static_cast<int64_t>(b.en_end));
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) (q.Text(0) == "ru" ? b.ru : b.en).push_back(q.Text(1));
    if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read");
    return Status::Ok();
  }

  TmStore::Impl& impl_;
  std::string document_;
  int64_t doc_id_ = 0;
};

namespace {

bool IsSide(std::string_view side) { return side == "ru" || side == "en"; }

}  // namespace

Result<std::vector<BeadView>> TmStore::Beads(std::string_view document) {
  // One read transaction: the beads and the sentences come from the same state
  // even while `sverka review` in another process commits an edit.
  SVERKA_RETURN_IF_ERROR(impl_->Exec("BEGIN", "cannot read"));
  BeadEditor editor(*impl_, document);
  Status resolved = editor.Resolve();
  Result<std::vector<BeadView>> beads =
      resolved.ok() ? editor.All() : Result<std::vector<BeadView>>(resolved);
  sqlite3_exec(impl_->db, "COMMIT", nullptr, nullptr, nullptr);
  return beads;
}

Result<BeadChange> TmStore::MergeBeads(std::string_view document, int32_t first, int32_t second) {
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    Result<BeadView> a = e.Need(first);
    if (!a.ok()) return a.status();
    Result<BeadView> b = e.Need(second);
    if (!b.ok()) return b.status();
    Result<std::optional<int32_t>> next = e.Neighbour(first, true);
    if (!next.ok()) return next.status();
    if (*next != second) {
      return Status::InvalidData(e.Where() + "beads " + std::to_string(first) + " and " +
                              std::to_string(second) + " of " + e.DocName() +
                              " are not neighbours; merge joins a bead with the next one");
    }
    // A moved bead's English is not next to its neighbours': joining them
    // would pair sentences that stand apart in the translation.
    const bool en_apart = a->en_end > a->en_begin && b->en_end > b->en_begin && a->en_end != b->en_begin;
    const bool ru_apart = a->ru_end > a->ru_begin && b->ru_end > b->ru_begin && a->ru_end != b->ru_begin;
    if (en_apart || ru_apart) {
      return Status::InvalidData(e.Where() + "beads " + std::to_string(first) + " and " +
                              std::to_string(second) + " of " + e.DocName() + " cannot be merged: their " +
                              (en_apart ? "English" : "Russian") +
                              " sentences are not consecutive (one of them is a moved bead)");
    }
    BeadView merged = *a;
    merged.ru_end = std::max(a->ru_end, b->ru_end);
    merged.en_end = std::max(a->en_end, b->en_end);
    // An empty side sits where it would be; the joined range starts at the first real one.
    merged.ru_begin = a->ru_end > a->ru_begin ? a->ru_begin : b->ru_begin;
    merged.en_begin = a->en_end > a->en_begin ? a->en_begin : b->en_begin;
    if (a->ru_end == a->ru_begin && b->ru_end == b->ru_begin)
      merged.ru_begin = merged.ru_end = a->ru_begin;
    if (a->en_end == a->en_begin && b->en_end == b->en_begin)
      merged.en_begin = merged.en_end = a->en_begin;
    merged.score = std::min(a->score, b->score);
    merged.status = "edited";
    merged.created = std::min(a->created, b->created);
    return e.Commit("merge", Snapshot{{*a, *b}, {}}, Snapshot{{merged}, {}});
  });
}

Result<BeadChange> TmStore::SplitBead(std::string_view document, int32_t position, int32_t ru_keep,
                                      int32_t en_keep) {
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    Result<BeadView> b = e.Need(position);
    if (!b.ok()) return b.status();
    const int32_t ru_n = b->ru_end - b->ru_begin, en_n = b->en_end - b->en_begin;
    const std::string at = std::to_string(ru_keep) + ":" + std::to_string(en_keep);
    const std::string what =
        "bead " + std::to_string(position) + " of " + e.DocName() + " (" + Shape(*b) + ")";
    if (ru_keep < 0 || en_keep < 0 || ru_keep > ru_n || en_keep > en_n) {
      return Status::InvalidData(e.Where() + what + " has " + std::to_string(ru_n) + " Russian and " +
                              std::to_string(en_n) + " English sentences; cannot split at " + at);
    }
    if (ru_keep + en_keep == 0 || ru_keep + en_keep == ru_n + en_n) {
      return Status::InvalidData(e.Where() + what + " cannot be split at " + at +
                              ": each part needs a sentence (give --at RU:EN)");
    }
    BeadView first = *b, second = *b;
    first.ru_end = second.ru_begin = b->ru_begin + ru_keep;
    first.en_end = second.en_begin = b->en_begin + en_keep;
    first.status = second.status = "edited";
    second.position = position + 1;
    return e.Commit("split", Snapshot{{*b}, {}}, Snapshot{{first, second}, {}});
  });
}

Result<BeadChange> TmStore::MoveSentence(std::string_view document, int32_t position,
                                         std::string_view side, MoveDirection direction) {
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    if (!IsSide(side))
      return Status::InvalidData("unknown side '" + std::string(side) + "'; ru or en");
    Result<BeadView> b = e.Need(position);
    if (!b.ok()) return b.status();
    const bool down = direction == MoveDirection::kToNext;
    Result<std::optional<int32_t>> other_pos = e.Neighbour(position, down);
    if (!other_pos.ok()) return other_pos.status();
    const std::string name = "bead " + std::to_string(position) + " of " + e.DocName();
    if (!other_pos->has_value()) {
      return Status::InvalidData(e.Where() + name + " has no " + (down ? "next" : "previous") +
                              " bead to move a sentence to");
    }
    Result<BeadView> o = e.Need(**other_pos);
    if (!o.ok()) return o.status();
    const bool ru = side == "ru";
    const int32_t count = ru ? b->ru_end - b->ru_begin : b->en_end - b->en_begin;
    const std::string lang = ru ? "Russian" : "English";
    if (count == 0)
      return Status::InvalidData(e.Where() + name + " has no " + lang + " sentence to move");
    if ((b->ru_end - b->ru_begin) + (b->en_end - b->en_begin) == 1) {
      return Status::InvalidData(e.Where() + "moving the only sentence of " + name +
                              " would leave it empty; merge instead");
    }
    const int32_t o_count = ru ? o->ru_end - o->ru_begin : o->en_end - o->en_begin;
    const int32_t b_first = ru ? b->ru_begin : b->en_begin, b_last = ru ? b->ru_end : b->en_end;
    const int32_t o_first = ru ? o->ru_begin : o->en_begin, o_last = ru ? o->ru_end : o->en_end;
    if (o_count > 0 && (down ? b_last != o_first : o_last != b_first)) {
      return Status::InvalidData(e.Where() + "the " + lang + " sentences of " + name + " and bead " +
                              std::to_string(**other_pos) +
                              " are not consecutive (one of them is a moved bead); cannot move a "
                              "sentence between them");
    }
    BeadView from = *b, to = *o;
    int32_t& b_begin = ru ? from.ru_begin : from.en_begin;
    int32_t& b_end = ru ? from.ru_end : from.en_end;
    int32_t& o_begin = ru ? to.ru_begin : to.en_begin;
    int32_t& o_end = ru ? to.ru_end : to.en_end;
    if (down) {
      --b_end;
      if (o_end == o_begin) o_end = b_end + 1;  // an empty side takes the sentence as its range
      o_begin = b_end;
    } else {
      if (o_end == o_begin) o_begin = b_begin;
      o_end = b_begin + 1;
      ++b_begin;
    }
    from.status = to.status = "edited";
    Snapshot before, after;
    if (down) {
      before.beads = {*b, *o};
      after.beads = {from, to};
    } else {
      before.beads = {*o, *b};
      after.beads = {to, from};
    }
    return e.Commit("move", before, after);
  });
}

Result<BeadChange> TmStore::EditSentence(std::string_view document, int32_t position,
                                         std::string_view side, int32_t index,
                                         std::string_view text) {
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    if (!IsSide(side))
      return Status::InvalidData("unknown side '" + std::string(side) + "'; ru or en");
    if (FindInvalidUtf8(text)) return Status::InvalidData("the new text is not valid UTF-8");
    if (HasLineBreak(text))
      return Status::InvalidData("the new text holds a line break; one sentence is one line");
    if (CollapseWhitespace(text).empty()) return Status::InvalidData("the new text is empty");
    // As the readers refuse them in files (a terminal would obey an ESC or BEL).
    for (size_t k = 0; k < text.size(); ++k) {
      const auto c = static_cast<unsigned char>(text[k]);
      if ((c < 0x20 && c != '\t') || c == 0x7F) {
        return Status::InvalidData("the new text holds control byte " + HexByte(c) +
                                " at byte offset " + std::to_string(k) +
                                "; a sentence holds no control characters");
      }
    }
    Result<BeadView> b = e.Need(position);
    if (!b.ok()) return b.status();
    const std::vector<std::string>& texts = side == "ru" ? b->ru : b->en;
    if (index < 0 || index >= static_cast<int32_t>(texts.size())) {
      return Status::InvalidData(e.Where() + "bead " + std::to_string(position) + " of " +
                              e.DocName() + " has no " + std::string(side) + " sentence " +
                              std::to_string(index) + " (it has " + std::to_string(texts.size()) +
                              ")");
    }
    if (texts[index] == text) {
      return Status::InvalidData(e.Where() + "the text of " + std::string(side) + " sentence " +
                              std::to_string(index) + " of bead " + std::to_string(position) +
                              " is unchanged");
    }
    const int32_t sentence = (side == "ru" ? b->ru_begin : b->en_begin) + index;
    BeadView after = *b;
    after.status = "edited";
    return e.Commit("edit-text", Snapshot{{*b}, {{std::string(side), sentence, texts[index]}}},
                    Snapshot{{after}, {{std::string(side), sentence, std::string(text)}}});
  });
}

Result<BeadChange> TmStore::ChangeStatuses(std::string_view document, std::string_view status,
                                           std::optional<double> min_score, std::optional<int32_t> before) {
  if (!IsStatus(status) || status == "auto") {
    return Status::InvalidData("cannot set status '" + std::string(status) +
                            "' in bulk; approved, rejected or edited");
  }
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    Result<std::vector<BeadView>> all = e.All();
    if (!all.ok()) return all.status();
    Snapshot from, to;
    for (const BeadView& b : *all) {
      if (b.status != "auto" || (min_score && !(b.score >= *min_score)) || (before && b.position >= *before)) continue;
      from.beads.push_back(b);
      to.beads.push_back(b);
      to.beads.back().status = std::string(status);
    }
    if (from.beads.empty()) {
      char floor[32];
      std::snprintf(floor, sizeof floor, "%g", min_score.value_or(0));
      return Status::InvalidData(e.Where() + "no unreviewed bead of " + e.DocName() +
                              (min_score ? std::string(" scores at least ") + floor : std::string()) +
                              (before ? " before bead " + std::to_string(*before) : std::string()) +
                              "; nothing changed");
    }
    return e.Commit("set-status", from, to);
  });
}

namespace {

bool SameReviewState(const BeadView& a, const BeadView& b) {
  return a.ru_begin == b.ru_begin && a.ru_end == b.ru_end && a.en_begin == b.en_begin && a.en_end == b.en_end &&
         a.status == b.status && a.score == b.score;
}

}  // namespace

Result<BeadChange> TmStore::ReplaceBeads(std::string_view document, std::string_view action,
                                         const std::vector<BeadView>& seen, const std::vector<BeadView>& beads) {
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    Result<std::vector<BeadView>> all = e.All();
    if (!all.ok()) return all.status();
    const std::vector<BeadView>& now = *all;
    if (now.size() != seen.size() || !std::equal(now.begin(), now.end(), seen.begin(), SameReviewState)) {
      return Status::InvalidData(e.Where() + e.DocName() + " changed meanwhile; nothing changed");
    }
    if (!HoldEachSentenceOnce(now, beads)) {
      return Status::InvalidData(e.Where() + "the new beads of " + e.DocName() +
                              " do not hold every sentence once; nothing changed");
    }
    size_t first = 0;
    const size_t common = std::min(now.size(), beads.size());
    while (first < common && SameReviewState(now[first], beads[first])) ++first;
    size_t tail = 0;
    while (tail < common - first &&
           SameReviewState(now[now.size() - 1 - tail], beads[beads.size() - 1 - tail])) {
      ++tail;
    }
    BeadChange change;
    change.action = std::string(action);
    if (first == now.size() && now.size() == beads.size()) return change;
    Snapshot from, to;
    from.beads.assign(now.begin() + static_cast<std::ptrdiff_t>(first), now.end() - static_cast<std::ptrdiff_t>(tail));
    to.beads.assign(beads.begin() + static_cast<std::ptrdiff_t>(first), beads.end() - static_cast<std::ptrdiff_t>(tail));
    if (from.beads.empty() || to.beads.empty()) return Status::Internal(e.Where() + "an empty region to replace");
    for (size_t k = 0; k < to.beads.size(); ++k) to.beads[k].position = static_cast<int32_t>(first + k);
    return e.Commit(action, from, to);
  });
}

Result<BeadChange> TmStore::ChangeStatus(std::string_view document, int32_t position,
                                         std::string_view status) {
  if (!IsStatus(status)) {
    return Status::InvalidData("unknown status '" + std::string(status) +
                            "'; one of auto, approved, rejected, edited");
  }
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    Result<BeadView> before = e.Need(position);
    if (!before.ok()) return before.status();
    SVERKA_RETURN_IF_ERROR(e.SetStatus(position, status));
    Result<BeadView> after = e.Need(position);
    if (!after.ok()) return after.status();
    Result<int64_t> h = impl_->Record("set-status", document, position, before->status, status);
    if (!h.ok()) return h.status();
    BeadChange change;
    change.history_id = *h;
    change.action = "set-status";
    change.before = {*before};
    change.after = {*after};
    return change;
  });
}

Result<BeadChange> TmStore::UndoLast(std::string_view document) {
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    std::vector<int64_t> undo, redo;
    SVERKA_RETURN_IF_ERROR(e.Stacks(undo, redo));
    if (undo.empty()) return Status::InvalidData(e.Where() + "nothing to undo in " + e.DocName());
    return e.Revert(undo.back(), "undo");
  });
}

Result<int64_t> TmStore::DataVersion() { return impl_->DataVersion(); }

void TmStore::ExpectDataVersion(std::optional<int64_t> version) {
  impl_->expect_data_version = version;
}

Result<EditStacks> TmStore::Stacks(std::string_view document) {
  EditStacks out;
  BeadEditor e(*impl_, document);
  SVERKA_RETURN_IF_ERROR(e.Stacks(out.undo, out.redo));
  return out;
}

Result<BeadChange> TmStore::RedoLast(std::string_view document) {
  return BeadEditor::Run(*impl_, document, [&](BeadEditor& e) -> Result<BeadChange> {
    std::vector<int64_t> undo, redo;
    SVERKA_RETURN_IF_ERROR(e.Stacks(undo, redo));
    if (redo.empty()) return Status::InvalidData(e.Where() + "nothing to redo in " + e.DocName());
    return e.Revert(redo.back(), "redo");
  });
}

Result<std::vector<DocumentStats>> TmStore::Stats() {
  Statement q(impl_->db,
              "SELECT d.name, b.ru_end - b.ru_begin, b.en_end - b.en_begin, b.status, b.score "
              "FROM documents d LEFT JOIN beads b ON b.document_id = d.id ORDER BY d.name");
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot read");
  std::vector<DocumentStats> out;
  std::vector<double> sums;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    const std::string name = q.Text(0);
    if (out.empty() || out.back().name != name) {
      out.push_back({});
      out.back().name = name;
      sums.push_back(0);
    }
    if (sqlite3_column_type(q.get(), 3) == SQLITE_NULL) continue;  // a document without beads
    DocumentStats& d = out.back();
    ++d.beads;
    ++d.by_type[std::to_string(sqlite3_column_int(q.get(), 1)) + "-" +
                std::to_string(sqlite3_column_int(q.get(), 2))];
    ++d.by_status[q.Text(3)];
    const double score = sqlite3_column_double(q.get(), 4);
    sums.back() += score;
    if (score < kSuspiciousScore) ++d.suspicious;
  }
  if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot read");
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].beads > 0) out[k].mean_score = sums[k] / static_cast<double>(out[k].beads);
  }
  return out;
}

}  // namespace sverka::tm
