#include "tm/tm_store.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>

#include "common/json.h"

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
  std::string user;
  ~Impl() { sqlite3_close_v2(db); }

  Status Exec(const char* sql, std::string_view doing) {
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? Status::Ok() : SqliteError(db, path, rc, doing);
  }
  Status Fail(int rc, std::string_view doing) { return SqliteError(db, path, rc, doing); }

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
    Statement q(db,
                "INSERT INTO history (at, user, action, document, bead, before, after, undoes) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
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
    Statement q(db,
                "SELECT d.id, (SELECT count(*) FROM beads b WHERE b.document_id = d.id) "
                "FROM documents d WHERE d.name = ?1");
    q.Bind(1, name);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<int64_t>();
    if (rc != SQLITE_ROW) return Fail(rc, "cannot read");
    const int64_t id = sqlite3_column_int64(q.get(), 0);
    const int64_t beads = sqlite3_column_int64(q.get(), 1);
    // The index has external content: it is told the text it drops, while
    // the sentences still exist (doc/schema.md).
    Statement fts(db,
                  "INSERT INTO bead_text (bead_text, rowid, ru, en) "
                  "SELECT 'delete', id, ru, en FROM bead_pairs WHERE document_id = ?1");
    fts.Bind(1, id);
    if (const int frc = fts.Step(); frc != SQLITE_DONE) return Fail(frc, "cannot delete");
    Statement del(db, "DELETE FROM documents WHERE name = ?1");
    del.Bind(1, name);
    if (const int drc = del.Step(); drc != SQLITE_DONE) return Fail(drc, "cannot delete");
    return std::optional<int64_t>(beads);
  }

  Result<int64_t> InsertDocument(std::string_view name, std::string_view ru_lang,
                                 std::string_view en_lang, std::string_view ru_file,
                                 std::string_view en_file, std::string_view ru_hash,
                                 std::string_view en_hash, std::string_view created) {
    Statement ins(db,
                  "INSERT INTO documents (name, ru_lang, en_lang, ru_file, en_file, ru_hash, "
                  "en_hash, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
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

namespace {

// Prepared statements for adding sentences and beads to one document.
class BeadInserter {
 public:
  explicit BeadInserter(sqlite3* db)
      : sentence_(db,
                  "INSERT INTO sentences (document_id, side, position, paragraph, text, "
                  "start_offset, end_offset) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        bead_(db,
              "INSERT INTO beads (document_id, position, ru_begin, ru_end, en_begin, en_end, "
              "score, status, created, changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        text_(db, "INSERT INTO bead_text (rowid, ru, en) VALUES (?1, ?2, ?3)"),
        db_(db) {}

  int Sentence(int64_t doc, std::string_view side, int64_t position, const SentenceRecord& s) {
    sentence_.Reset();
    sentence_.Bind(1, doc);
    sentence_.Bind(2, side);
    sentence_.Bind(3, position);
    sentence_.Bind(4, static_cast<int64_t>(s.paragraph));
    sentence_.Bind(5, s.text);
    sentence_.Bind(6, s.start_offset);
    sentence_.Bind(7, s.end_offset);
    return sentence_.Step();
  }

  // Inserts the bead and indexes its text. `ru` and `en` must be what the
  // view bead_pairs gives for it (its sentences joined as by JoinTexts): the
  // index is told the same text when the bead goes (doc/schema.md). Binding
  // the text is twice as fast as reading it back from the view.
  int Bead(int64_t doc, int64_t position, const align::Bead& b, std::string_view status,
           std::string_view created, std::string_view changed, std::string_view ru,
           std::string_view en) {
    bead_.Reset();
    bead_.Bind(1, doc);
    bead_.Bind(2, position);
    bead_.Bind(3, static_cast<int64_t>(b.ru_begin));
    bead_.Bind(4, static_cast<int64_t>(b.ru_end()));
    bead_.Bind(5, static_cast<int64_t>(b.en_begin));
    bead_.Bind(6, static_cast<int64_t>(b.en_end()));
    bead_.Bind(7, b.score);
    bead_.Bind(8, status);
    bead_.Bind(9, created);
    bead_.Bind(10, changed);
    if (const int rc = bead_.Step(); rc != SQLITE_DONE) return rc;
    text_.Reset();
    text_.Bind(1, static_cast<int64_t>(sqlite3_last_insert_rowid(db_)));
    text_.Bind(2, ru);
    text_.Bind(3, en);
    return text_.Step();
  }

 private:
  Statement sentence_, bead_, text_;
  sqlite3* db_;
};

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
    return Status::BadInput(path + ": is a directory, not a translation memory");
  }
  if (!exists && mode == OpenMode::kReadOnly) {
    return Status::BadInput(path + ": no such translation memory");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->user = options.user;
  if (impl->user.empty()) {
    const char* env = std::getenv("USER");
    impl->user = env && *env ? env : "unknown";
  }
  auto open = [&](int flags) -> Status {
    sqlite3_close_v2(impl->db);
    impl->db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
    if (rc != SQLITE_OK) return impl->Fail(rc, "cannot open");
    sqlite3_extended_result_codes(impl->db, 1);
    sqlite3_busy_timeout(impl->db, 5000);
    return Status::Ok();
  };
  SVERKA_RETURN_IF_ERROR(open(mode == OpenMode::kReadOnly
                                  ? SQLITE_OPEN_READONLY
                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  Result<int> version = impl->UserVersion();
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return Status::BadInput(path + ": translation memory schema version " +
                            std::to_string(*version) + " is newer than this sverka's (" +
                            std::to_string(kSchemaVersion) + "); upgrade sverka");
  }
  SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON", "cannot configure"));
  if (*version == 0) {
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
    // A new memory is made the way an old one is upgraded: one path, always tested.
    SVERKA_RETURN_IF_ERROR(impl->InTransaction([&] {
      SVERKA_RETURN_IF_ERROR(impl->Exec(kSchemaV1, "cannot create the schema"));
      return impl->Exec(kMigrateV1ToV2, "cannot create the schema");
    }));
  } else if (*version < kSchemaVersion) {
    if (mode == OpenMode::kReadOnly) {
      SVERKA_RETURN_IF_ERROR(open(SQLITE_OPEN_READWRITE));
      SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON", "cannot configure"));
    }
    SVERKA_RETURN_IF_ERROR(impl->InTransaction([&]() -> Status {
      Result<int> now = impl->UserVersion();  // another process may have upgraded it meanwhile
      if (!now.ok()) return now.status();
      if (*now == 1) return impl->Exec(kMigrateV1ToV2, "cannot upgrade the schema from version 1");
      return Status::Ok();
    }));
  }
  if (!options.sync_each_commit && mode != OpenMode::kReadOnly) {
    SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous = NORMAL", "cannot configure"));
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
  return impl_->InTransaction([&]() -> Status {
    Result<bool> has = HasDocument(doc.name);
    if (!has.ok()) return has.status();
    if (*has && !replace) {
      return Status::BadInput(impl_->path + ": document '" + doc.name +
                              "' is already stored; give another --name or --replace");
    }
    Result<std::optional<int64_t>> old = impl_->DeleteDocument(doc.name);
    if (!old.ok()) return old.status();
    const std::string now = NowUtc();
    Result<int64_t> id = impl_->InsertDocument(doc.name, doc.ru_lang, doc.en_lang, doc.ru_file,
                                               doc.en_file, doc.ru_hash, doc.en_hash, now);
    if (!id.ok()) return id.status();
    BeadInserter insert(db);
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
      const align::Bead& b = doc.beads[k];
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
  });
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
        return Status::BadInput(impl_->path + ": document '" + u.document +
                                "' is already stored; give another --name or --replace");
      }
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
      rc = inserter->Bead(d.id, pos, align::Bead{pos, 1, pos, 1, u.score}, u.status, created,
                          changed, u.ru, u.en);
    }
    if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot write");
    ++d.next;
    ++d.beads;
    ++counts.units;
    return Status::Ok();
  };

  Status s = impl_->InTransaction([&]() -> Status {
    BeadInserter insert(impl_->db);
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
    return Status::BadInput("unknown status '" + std::string(status) +
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
      return Status::BadInput(impl_->path + ": no bead " + std::to_string(position) +
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
    if (rc == SQLITE_DONE) return Status::BadInput(impl_->path + ": no " + what);
    if (rc != SQLITE_ROW) return impl_->Fail(rc, "cannot read");
    const std::string action = q.Text(0), document = q.Text(1), before = q.Text(3),
                      after = q.Text(4);
    const auto position = static_cast<int32_t>(sqlite3_column_int(q.get(), 2));
    if (action != "set-status") {
      return Status::BadInput(impl_->path + ": " + what + " (" + action + ") cannot be undone");
    }
    if (sqlite3_column_int(q.get(), 5) > 0) {
      return Status::BadInput(impl_->path + ": " + what + " is already undone");
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
      return Status::BadInput(impl_->path + ": bead " + std::to_string(position) + " of '" +
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
       AND s.position >= b.en_begin AND s.position < b.en_end ORDER BY s.position))
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
    SVERKA_RETURN_IF_ERROR(fn(row));
  }
  if (rc != SQLITE_DONE) return impl_->Fail(rc, "cannot read");
  return Status::Ok();
}

Result<std::vector<SearchHit>> TmStore::Search(std::string_view phrase, std::string_view open,
                                               std::string_view close, size_t limit) {
  // Any letter or digit (every non-ASCII byte counts: Cyrillic) makes a word.
  const bool has_word = std::any_of(phrase.begin(), phrase.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || std::isalnum(u);
  });
  if (!has_word) {
    return Status::BadInput("search: '" + std::string(phrase) + "' holds no word to look for");
  }
  // One FTS5 phrase: its words in this order; quotes inside are doubled.
  std::string query = "\"";
  for (const char c : phrase) query += c == '"' ? std::string("\"\"") : std::string(1, c);
  query += "\"";
  static constexpr const char* kSql = R"sql(
SELECT d.name, b.position, highlight(bead_text, 0, ?2, ?3), highlight(bead_text, 1, ?2, ?3),
  b.status, b.score
FROM bead_text JOIN beads b ON b.id = bead_text.rowid JOIN documents d ON d.id = b.document_id
WHERE bead_text MATCH ?1
ORDER BY d.name, b.position
LIMIT ?4)sql";
  Statement q(impl_->db, kSql);
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
  return hits;
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
