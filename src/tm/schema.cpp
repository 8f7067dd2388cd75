#include "tm/schema.h"

#include <set>
#include <utility>

#include "tm/sqlite_util.h"
#include "tm/stem_function.h"

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

// Refuses a memory holding a schema object sverka does not create (a
// trigger, a view, a table: code that would run when it is read or
// written), or a view of sverka's name with other SQL.
Status CheckOwnSchema(Db& db) {
  const OwnSchema& own = OwnObjects();
  Statement q(db.db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY rowid");
  if (q.prepare_rc() != SQLITE_OK) return db.Fail(q.prepare_rc(), "cannot read");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    const std::string type = q.Text(0), name = q.Text(1);
    const bool internal = name.rfind("sqlite_", 0) == 0 && (type == "table" || type == "index");
    const bool known = own.objects.count({type, name}) > 0 &&
                       (type != "view" || own.view_sql.count(CollapseSpace(q.Text(2))) > 0);
    if (!internal && !known) {
      return Status::InvalidData(db.path + ": not a sverka translation memory: it holds the " + type +
                              " '" + name +
                              "', which sverka does not create (refused: a memory from "
                              "elsewhere is not trusted)");
    }
  }
  return rc == SQLITE_DONE ? Status::Ok() : db.Fail(rc, "cannot read");
}

// SQLite's quick_check: a damaged memory is refused before it is read.
Status QuickCheck(Db& db) {
  Statement q(db.db, "PRAGMA quick_check(1)");
  if (q.prepare_rc() != SQLITE_OK) return db.Fail(q.prepare_rc(), "cannot read");
  const int rc = q.Step();
  if (rc != SQLITE_ROW) return db.Fail(rc, "cannot read");
  if (q.Text(0) != "ok") {
    // Its report spans lines ("*** in database main ***\nPage 16: …"): one line here.
    std::string report = q.Text(0);
    if (report.rfind("*** in database main ***", 0) == 0) report.erase(0, 24);
    for (char& c : report) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    return Status::InvalidData(db.path + ": a damaged translation memory (SQLite's quick_check:" +
                            (report.starts_with(' ') ? "" : " ") + report + ")");
  }
  return Status::Ok();
}

Status CreateSchema(Db& db) {
  for (const char* step : {kSchemaV1, kMigrateV1ToV2, kMigrateV2ToV3, kMigrateV3ToV4,
                           kMigrateV4ToV5, kMigrateV5ToV6, kMigrateV6ToV7, kMigrateV7ToV8}) {
    SVERKA_RETURN_IF_ERROR(db.Exec(step, "cannot create the schema"));
  }
  return Status::Ok();
}

Status UpgradeSchema(Db& db, int version) {
  static constexpr const char* kSteps[] = {kMigrateV1ToV2, kMigrateV2ToV3, kMigrateV3ToV4,
                                           kMigrateV4ToV5, kMigrateV5ToV6, kMigrateV6ToV7,
                                           kMigrateV7ToV8};
  for (int from = version; from < kSchemaVersion; ++from) {
    const std::string doing = "cannot upgrade the schema from version " + std::to_string(from);
    SVERKA_RETURN_IF_ERROR(db.Exec(kSteps[from - 1], doing));
  }
  return Status::Ok();
}

}  // namespace sverka::tm
