#include "tm/tm_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cinttypes>
#include <cstdio>
#include <ctime>

namespace sverka::tm {
namespace {

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

std::string NowUtc() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Maps an SQLite failure to our codes: a file that is not a usable database
// is the user's data (1); a full disk or I/O error is the environment (3).
Status SqliteError(sqlite3* db, const std::string& path, int rc, std::string_view doing) {
  const int primary = rc & 0xFF;
  std::string message = path + ": " + std::string(doing) + ": " +
                        (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  switch (primary) {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return Status::BadInput(path + ": not a sverka translation memory (" +
                              sqlite3_errstr(rc) + ")");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::BadInput(message + " (another process is writing; try again)");
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_CONSTRAINT:
      return Status::BadInput(message);
    case SQLITE_FULL:
      return Status::Internal(message + "; nothing was written");
    default:
      return Status::Internal(message);
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
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
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

}  // namespace

struct TmStore::Impl {
  sqlite3* db = nullptr;
  std::string path;
  ~Impl() { sqlite3_close_v2(db); }

  Status Exec(const char* sql, std::string_view doing) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? Status::Ok() : SqliteError(db, path, rc, doing);
  }
  Status Fail(int rc, std::string_view doing) { return SqliteError(db, path, rc, doing); }
};

TmStore::TmStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TmStore::~TmStore() = default;

Result<std::unique_ptr<TmStore>> TmStore::Open(const std::string& path, OpenMode mode) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    return Status::BadInput(path + ": is a directory, not a translation memory");
  }
  if (!exists && mode == OpenMode::kReadOnly) {
    return Status::BadInput(path + ": no such translation memory");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  const int flags = mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY
                                                : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) return impl->Fail(rc, "cannot open");
  sqlite3_extended_result_codes(impl->db, 1);
  sqlite3_busy_timeout(impl->db, 5000);

  int version = 0;
  {
    Statement q(impl->db, "PRAGMA user_version");
    if (q.prepare_rc() != SQLITE_OK) return impl->Fail(q.prepare_rc(), "cannot read");
    rc = q.Step();
    if (rc != SQLITE_ROW) return impl->Fail(rc, "cannot read");
    version = sqlite3_column_int(q.get(), 0);
  }
  if (version > kSchemaVersion) {
    return Status::BadInput(path + ": translation memory schema version " +
                            std::to_string(version) + " is newer than this sverka's (" +
                            std::to_string(kSchemaVersion) + "); upgrade sverka");
  }
  SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON", "cannot configure"));
  if (version == 0) {
    // A new (or foreign, empty-schema) database: refuse one holding other tables.
    int tables = 0;
    {
      Statement q(impl->db, "SELECT count(*) FROM sqlite_schema");
      if (q.prepare_rc() != SQLITE_OK || q.Step() != SQLITE_ROW) {
        return impl->Fail(sqlite3_errcode(impl->db), "cannot read");
      }
      tables = sqlite3_column_int(q.get(), 0);
    }  // finalized here: WAL cannot be switched on while a read is open
    if (tables != 0) {
      return Status::BadInput(path + ": an SQLite database, but not a sverka translation memory");
    }
    if (mode == OpenMode::kReadOnly) {
      return Status::BadInput(path + ": an empty database, not a sverka translation memory");
    }
    SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA journal_mode = WAL", "cannot configure"));
    SVERKA_RETURN_IF_ERROR(impl->Exec("BEGIN IMMEDIATE", "cannot start a transaction"));
    Status s = impl->Exec(kSchemaV1, "cannot create the schema");
    if (!s.ok()) {
      sqlite3_exec(impl->db, "ROLLBACK", nullptr, nullptr, nullptr);
      return s;
    }
    SVERKA_RETURN_IF_ERROR(impl->Exec("COMMIT", "cannot create the schema"));
  }
  return std::unique_ptr<TmStore>(new TmStore(std::move(impl)));
}

Result<bool> TmStore::HasDocument(std::string_view name) {
  Statement q(impl_->db, "SELECT 1 FROM documents WHERE name = ?1");
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

Status TmStore::AddDocument(const DocumentRecord& doc, bool replace) {
  sqlite3* db = impl_->db;
  SVERKA_RETURN_IF_ERROR(impl_->Exec("BEGIN IMMEDIATE", "cannot start a transaction"));
  auto body = [&]() -> Status {
    {
      Statement q(db, "SELECT 1 FROM documents WHERE name = ?1");
      q.Bind(1, doc.name);
      const int rc = q.Step();
      if (rc == SQLITE_ROW) {
        if (!replace) {
          return Status::BadInput(impl_->path + ": document '" + doc.name +
                                  "' is already stored; give another --name or --replace");
        }
        Statement del(db, "DELETE FROM documents WHERE name = ?1");
        del.Bind(1, doc.name);
        if (const int drc = del.Step(); drc != SQLITE_DONE) return impl_->Fail(drc, "cannot delete");
      } else if (rc != SQLITE_DONE) {
        return impl_->Fail(rc, "cannot read");
      }
    }
    Statement ins(db,
                  "INSERT INTO documents (name, ru_file, en_file, ru_hash, en_hash, created) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    ins.Bind(1, doc.name);
    ins.Bind(2, doc.ru_file);
    ins.Bind(3, doc.en_file);
    ins.Bind(4, doc.ru_hash);
    ins.Bind(5, doc.en_hash);
    ins.Bind(6, NowUtc());
    if (const int rc = ins.Step(); rc != SQLITE_DONE) return impl_->Fail(rc, "cannot write");
    const int64_t id = sqlite3_last_insert_rowid(db);

    Statement sent(db,
                   "INSERT INTO sentences (document_id, side, position, paragraph, text, "
                   "start_offset, end_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    auto add_side = [&](const std::vector<SentenceRecord>& side, std::string_view code) -> Status {
      for (size_t k = 0; k < side.size(); ++k) {
        sent.Reset();
        sent.Bind(1, id);
        sent.Bind(2, code);
        sent.Bind(3, static_cast<int64_t>(k));
        sent.Bind(4, static_cast<int64_t>(side[k].paragraph));
        sent.Bind(5, side[k].text);
        sent.Bind(6, side[k].start_offset);
        sent.Bind(7, side[k].end_offset);
        if (const int rc = sent.Step(); rc != SQLITE_DONE) return impl_->Fail(rc, "cannot write");
      }
      return Status::Ok();
    };
    SVERKA_RETURN_IF_ERROR(add_side(doc.ru, "ru"));
    SVERKA_RETURN_IF_ERROR(add_side(doc.en, "en"));

    Statement bead(db,
                   "INSERT INTO beads (document_id, position, ru_begin, ru_end, en_begin, en_end, "
                   "score) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (size_t k = 0; k < doc.beads.size(); ++k) {
      const align::Bead& b = doc.beads[k];
      bead.Reset();
      bead.Bind(1, id);
      bead.Bind(2, static_cast<int64_t>(k));
      bead.Bind(3, static_cast<int64_t>(b.ru_begin));
      bead.Bind(4, static_cast<int64_t>(b.ru_end()));
      bead.Bind(5, static_cast<int64_t>(b.en_begin));
      bead.Bind(6, static_cast<int64_t>(b.en_end()));
      bead.Bind(7, b.score);
      if (const int rc = bead.Step(); rc != SQLITE_DONE) return impl_->Fail(rc, "cannot write");
    }
    return Status::Ok();
  };
  Status s = body();
  if (!s.ok()) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return s;
  }
  if (const int rc = sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); rc != SQLITE_OK) {
    Status failed = impl_->Fail(rc, "cannot commit");
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    return failed;
  }
  return Status::Ok();
}

Status TmStore::ForEachPair(const std::optional<std::string>& only_document,
                            const std::function<Status(const PairRow&)>& fn) {
  // group_concat over an ordered subquery keeps sentence order (SQLite
  // aggregates rows in the order the subquery yields them).
  static constexpr const char* kSql = R"sql(
SELECT d.name, b.position, b.score, b.status, d.created,
  (SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'ru'
       AND s.position >= b.ru_begin AND s.position < b.ru_end ORDER BY s.position)),
  (SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'en'
       AND s.position >= b.en_begin AND s.position < b.en_end ORDER BY s.position))
FROM beads b JOIN documents d ON d.id = b.document_id
WHERE b.ru_end > b.ru_begin AND b.en_end > b.en_begin AND (?1 IS NULL OR d.name = ?1)
ORDER BY d.name, b.position)sql";
  Statement q(impl_->db, kSql);
  if (q.prepare_rc() != SQLITE_OK) return impl_->Fail(q.prepare_rc(), "cannot read");
  if (only_document) q.Bind(1, *only_document);
  int rc;
  PairRow row;
  while ((rc = q.Step()) == SQLITE_ROW) {
    row.document = q.Text(0);
    row.position = sqlite3_column_int(q.get(), 1);
    row.score = sqlite3_column_double(q.get(), 2);
    row.status = q.Text(3);
    row.created = q.Text(4);
    row.ru = q.Text(5);
    row.en = q.Text(6);
    SVERKA_RETURN_IF_ERROR(fn(row));
  }
  if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot read");
  return Status::Ok();
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

}  // namespace sverka::tm
