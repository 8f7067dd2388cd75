#include "tm/tm_store.h"

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "sql_fixtures.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/history.h"
#include "tm/queries.h"
#include "tm/search.h"
#include "common/document.h"

using namespace sverka;
using testing::SqlCount;

namespace {

DocumentRecord SampleDocument(const std::string& name) {
  DocumentRecord doc;
  doc.name = name;
  doc.ru_file = "a.ru.txt";
  doc.en_file = "a.en.txt";
  doc.ru_hash = tm::ContentHash("ru");
  doc.en_hash = tm::ContentHash("en");
  doc.ru = {{0, "Первое.", 0, 14}, {0, "Второе.", 15, 29}, {1, "Лишнее.", 31, 45}};
  doc.en = {{0, "First.", 0, 6}, {0, "Second.", 7, 14}};
  doc.beads = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 1, 0.8}, {2, 1, 2, 0, 0.05}};
  return doc;
}

std::vector<tm::PairRow> Pairs(tm::TmStore& store, std::optional<std::string> doc = {}) {
  std::vector<tm::PairRow> rows;
  tm::PairFilter filter;
  if (doc) filter.documents = {*doc};
  REQUIRE(tm::ForEachPair(store, filter, [&](const tm::PairRow& r) {
    rows.push_back(r);
    return Status::Ok();
  }).ok());
  return rows;
}

}  // namespace

TEST_CASE("a stored document comes back as pairs with both sides", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("news"), false).ok());
  const auto rows = Pairs(**store);
  REQUIRE(rows.size() == 2);  // the 1-0 bead has no English side
  CHECK(rows[0].ru == "Первое.");
  CHECK(rows[1].en == "Second.");
  CHECK(rows[1].score == Approx(0.8));
  CHECK(rows[0].status == "auto");
  CHECK(rows[0].document == "news");
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM sentences") == 5);
  CHECK(SqlCount(dir / "tm.db", "SELECT max(paragraph) FROM sentences WHERE side = 'ru'") == 1);
  CHECK(SqlCount(dir / "tm.db", "PRAGMA user_version") == tm::kSchemaVersion);
}

TEST_CASE("multi-sentence beads join their sentences with a space, in order", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  auto doc = SampleDocument("news");
  doc.beads = {{0, 2, 0, 1, 0.5}, {2, 1, 1, 1, 0.5}};
  REQUIRE(tm::AddDocument(*(*store), doc, false).ok());
  const auto rows = Pairs(**store);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].ru == "Первое. Второе.");
  // The index was given the same joined text, so replacing drops it entirely.
  doc.ru[1].text = "Иное.";
  REQUIRE(tm::AddDocument(*(*store), doc, true).ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'второе'") == 0);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'первое'") == 1);
}

TEST_CASE("storing a name twice fails and keeps the first, unless replacing", "[tm][store][errors]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("news"), false).ok());
  auto second = SampleDocument("news");
  second.en[0].text = "Changed.";
  const Status again = tm::AddDocument(*(*store), second, false);
  REQUIRE_FALSE(again.ok());
  CHECK(again.kind() == ErrorKind::kAlreadyExists);
  CHECK(again.message() ==
        dir / "tm.db" + ": document 'news' is already stored; give another --name or --replace");
  CHECK(Pairs(**store)[0].en == "First.");
  REQUIRE(tm::AddDocument(*(*store), second, true).ok());
  CHECK(Pairs(**store)[0].en == "Changed.");
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents") == 1);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM beads") == 3);
}

TEST_CASE("statements the store keeps between documents hold no read open", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("news"), false).ok());
  REQUIRE_FALSE(tm::AddDocument(*(*store), SampleDocument("news"), false).ok());  // found: a read
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("news"), true).ok());       // replaced
  // A statement left unreset would go on from its last row instead of
  // running afresh: the second lookup would find nothing.
  for (const char* name : {"news", "news", "none", "news"}) {
    Result<bool> has = (*store)->HasDocument(name);
    REQUIRE(has.ok());
    CHECK(*has == (std::string(name) == "news"));
  }
  // Another connection can write, and truncate the log: no reader of the
  // store's is left behind (a checkpoint that cannot finish reports busy).
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &other) == SQLITE_OK);
  CHECK(sqlite3_exec(other, "BEGIN IMMEDIATE; DELETE FROM history WHERE 0; COMMIT", nullptr,
                     nullptr, nullptr) == SQLITE_OK);
  int log = -1, done = -1;
  CHECK(sqlite3_wal_checkpoint_v2(other, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done) ==
        SQLITE_OK);
  CHECK(log == 0);
  sqlite3_close(other);
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("second"), false).ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents") == 2);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM history") == 3);
}

TEST_CASE("a failed insert rolls back the whole document", "[tm][store][errors]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  auto doc = SampleDocument("news");
  doc.beads[2].score = 1.5;  // violates the score CHECK constraint after two beads went in
  REQUIRE_FALSE(tm::AddDocument(*(*store), doc, false).ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents") == 0);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM sentences") == 0);
}

TEST_CASE("only one document is listed when asked", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("b"), false).ok());
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("a"), false).ok());
  CHECK((*store)->DocumentNames().value() == std::vector<std::string>{"a", "b"});
  CHECK(Pairs(**store, "b").size() == 2);
  CHECK(Pairs(**store).size() == 4);
  CHECK(Pairs(**store)[0].document == "a");
}

TEST_CASE("opening refuses files that are not translation memories", "[tm][store][errors]") {
  testing::ScratchDir dir;
  auto missing = tm::TmStore::Open(dir / "none.db", tm::OpenMode::kReadOnly);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == dir / "none.db" + ": no such translation memory");

  testing::WriteFile(dir / "text.db", std::string(4096, 'x'));
  auto text = tm::TmStore::Open(dir / "text.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().kind() == ErrorKind::kInvalidData);
  CHECK(text.status().message() ==
        dir / "text.db" + ": not a sverka translation memory (file is not a database)");

  auto directory = tm::TmStore::Open(dir.path().string(), tm::OpenMode::kCreateOrWrite);
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().message() ==
        dir.path().string() + ": is a directory, not a translation memory");
}

TEST_CASE("opening refuses another application's database and a newer schema", "[tm][store][errors]") {
  testing::ScratchDir dir;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir / "other.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto other = tm::TmStore::Open(dir / "other.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE_FALSE(other.ok());
  CHECK(other.status().message() ==
        dir / "other.db" + ": an SQLite database, but not a sverka translation memory");

  REQUIRE(sqlite3_open((dir / "new.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto newer = tm::TmStore::Open(dir / "new.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE_FALSE(newer.ok());
  CHECK(newer.status().message() == dir / "new.db" +
                                        ": translation memory schema version 99 is newer than "
                                        "this sverka's (8); upgrade sverka");
}

TEST_CASE("content hashes tell changed files apart", "[tm]") {
  CHECK(tm::ContentHash("abc") == tm::ContentHash("abc"));
  CHECK(tm::ContentHash("abc") != tm::ContentHash("abd"));
  CHECK(tm::ContentHash("").rfind("fnv1a64:", 0) == 0);
  CHECK(tm::ContentHash("").size() == 8 + 16);
}

namespace {

// The schema sverka 0.1 wrote (version 1), frozen here to test the upgrade.
constexpr const char* kV1Schema = R"sql(
CREATE TABLE documents (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, ru_file TEXT NOT NULL, en_file TEXT NOT NULL,
  ru_hash TEXT NOT NULL, en_hash TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  side TEXT NOT NULL CHECK (side IN ('ru', 'en')), position INTEGER NOT NULL CHECK (position >= 0),
  paragraph INTEGER NOT NULL CHECK (paragraph >= 0), text TEXT NOT NULL,
  start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, UNIQUE (document_id, side, position));
CREATE TABLE beads (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  ru_begin INTEGER NOT NULL, ru_end INTEGER NOT NULL CHECK (ru_end >= ru_begin),
  en_begin INTEGER NOT NULL, en_end INTEGER NOT NULL CHECK (en_end >= en_begin),
  score REAL NOT NULL CHECK (score >= 0 AND score <= 1),
  status TEXT NOT NULL DEFAULT 'auto' CHECK (status IN ('auto', 'approved', 'rejected', 'edited')),
  UNIQUE (document_id, position));
PRAGMA user_version = 1;
INSERT INTO documents VALUES (1, 'old', 'o.ru.txt', 'o.en.txt', 'fnv1a64:1', 'fnv1a64:2', '2025-01-02T03:04:05Z');
INSERT INTO sentences VALUES (1, 1, 'ru', 0, 0, 'Культурная дипломатия.', 0, 40);
INSERT INTO sentences VALUES (2, 1, 'ru', 1, 0, 'Вторая фраза.', 41, 66);
INSERT INTO sentences VALUES (3, 1, 'en', 0, 0, 'Cultural diplomacy. Second sentence.', 0, 36);
INSERT INTO beads VALUES (1, 1, 0, 0, 2, 0, 1, 0.75, 'approved');
)sql";

void Exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  INFO(sqlite3_errmsg(db));
  CHECK(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

std::unique_ptr<tm::TmStore> OpenStore(const std::string& path, const std::string& user = "tester") {
  auto store = tm::TmStore::Open(path, tm::OpenMode::kCreateOrWrite, {.user = user});
  INFO((store.ok() ? "" : store.status().message()));
  REQUIRE(store.ok());
  return std::move(*store);
}

}  // namespace

TEST_CASE("a version 1 memory is upgraded to the current version on open, even read-only", "[tm][store][schema]") {
  testing::ScratchDir dir;
  Exec(dir / "v1.db", kV1Schema);
  auto store = tm::TmStore::Open(dir / "v1.db", tm::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  CHECK(SqlCount(dir / "v1.db", "PRAGMA user_version") == tm::kSchemaVersion);
  const auto rows = Pairs(**store);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].ru == "Культурная дипломатия. Вторая фраза.");
  CHECK(rows[0].status == "approved");
  CHECK(rows[0].created == "2025-01-02T03:04:05Z");
  CHECK(rows[0].changed == "2025-01-02T03:04:05Z");
  CHECK(SqlCount(dir / "v1.db", "SELECT count(*) FROM documents WHERE ru_lang = 'ru' AND en_lang = 'en'") == 1);
  CHECK(SqlCount(dir / "v1.db", "SELECT count(*) FROM history") == 0);
  // The full-text index was built from the old beads.
  auto hits = tm::Search(*(*store), "культурная дипломатия", "[", "]", 10);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].ru == "[Культурная дипломатия]. Вторая фраза.");
  // Opening again changes nothing.
  REQUIRE(tm::TmStore::Open(dir / "v1.db", tm::OpenMode::kCreateOrWrite).ok());
  CHECK(SqlCount(dir / "v1.db", "SELECT count(*) FROM beads") == 1);
}

TEST_CASE("a new memory is the current version with WAL and the history table", "[tm][store][schema]") {
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db");
  CHECK(SqlCount(dir / "tm.db", "PRAGMA user_version") == tm::kSchemaVersion);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM sqlite_schema WHERE name IN ('history', 'bead_text')") == 2);
}

TEST_CASE("processes opening one new memory at the same moment all succeed", "[tm][store][concurrency]") {
  // Switching a new file to WAL upgrades a read lock to a write lock, for
  // which SQLite does not wait (busy handler): one of several processes
  // creating a memory at once failed with "database is locked" at once.
  // The children start together, released by the closing of one pipe.
  constexpr int kRounds = 100;
  constexpr int kProcesses = 6;
  int failed_rounds = 0;
  std::string first_error;
  for (int round = 0; round < kRounds; ++round) {
    testing::ScratchDir dir;
    const std::string db = dir / "new.db";
    int go[2], report[2];
    REQUIRE(::pipe(go) == 0);
    REQUIRE(::pipe(report) == 0);
    std::vector<pid_t> children;
    for (int k = 0; k < kProcesses; ++k) {
      const pid_t pid = ::fork();
      REQUIRE(pid >= 0);
      if (pid == 0) {
        ::close(go[1]);
        ::close(report[0]);
        char byte;
        (void)!::read(go[0], &byte, 1);  // returns when the parent closes its end
        auto store = tm::TmStore::Open(db, tm::OpenMode::kCreateOrWrite);
        const std::string line = (store.ok() ? std::string("ok") : store.status().message()) + "\n";
        (void)!::write(report[1], line.data(), line.size());
        ::_exit(store.ok() ? 0 : 1);
      }
      children.push_back(pid);
    }
    ::close(go[0]);
    ::close(report[1]);
    ::close(go[1]);  // all start
    std::string lines;
    char buf[4096];
    for (ssize_t n; (n = ::read(report[0], buf, sizeof buf)) > 0;) lines.append(buf, n);
    ::close(report[0]);
    int ok = 0;
    for (const pid_t pid : children) {
      int status = 0;
      ::waitpid(pid, &status, 0);
      ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    }
    if (ok != kProcesses) {
      ++failed_rounds;
      if (first_error.empty()) first_error = lines;
    }
    CHECK(SqlCount(db, "PRAGMA user_version") == tm::kSchemaVersion);
  }
  INFO(first_error);
  CHECK(failed_rounds == 0);
}

TEST_CASE("adding and replacing documents is recorded in the history with the user", "[tm][store][history]") {
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db", "olga");
  REQUIRE(tm::AddDocument(*store, SampleDocument("news"), false).ok());
  REQUIRE(tm::AddDocument(*store, SampleDocument("news"), true).ok());
  auto history = tm::History(*store);
  REQUIRE(history.ok());
  REQUIRE(history->size() == 2);
  CHECK((*history)[0].action == "add-document");
  CHECK((*history)[0].user == "olga");
  CHECK((*history)[0].document == "news");
  CHECK((*history)[0].after == R"({"beads":3,"ru_file":"a.ru.txt","en_file":"a.en.txt"})");
  CHECK((*history)[1].action == "replace-document");
  CHECK((*history)[1].before == R"({"beads":3})");
  CHECK((*history)[1].at.size() == 20);
}

TEST_CASE("a status change is recorded and can be undone once", "[tm][store][history]") {
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db");
  REQUIRE(tm::AddDocument(*store, SampleDocument("news"), false).ok());
  auto change = tm::ChangeStatus(*store, "news", 1, "approved");
  REQUIRE(change.ok());
  const int64_t id = change->history_id;
  CHECK(Pairs(*store)[1].status == "approved");
  auto history = tm::History(*store, "news");
  REQUIRE(history->size() == 2);
  CHECK(history->back().id == id);
  CHECK(history->back().action == "set-status");
  CHECK(history->back().bead == 1);
  CHECK(history->back().before == "auto");
  CHECK(history->back().after == "approved");
  CHECK(history->back().user == "tester");

  REQUIRE(tm::UndoLast(*store, "news").ok());
  CHECK(Pairs(*store)[1].status == "auto");
  history = tm::History(*store, "news");
  REQUIRE(history->size() == 3);
  CHECK(history->back().action == "undo");
  CHECK(history->back().undoes == id);
  CHECK(history->back().after == "auto");

  // Once: the document's own entry (add-document) is not undone.
  const Status again = tm::UndoLast(*store, "news").status();
  CHECK(again.message() == dir / "tm.db" + ": nothing to undo in 'news'");
  CHECK(Pairs(*store)[1].status == "auto");
}

TEST_CASE("undo refuses unknown documents and beads changed since; a status change unknown beads and statuses", "[tm][store][history][errors]") {
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db");
  REQUIRE(tm::AddDocument(*store, SampleDocument("news"), false).ok());
  const std::string db = dir / "tm.db";
  const Status unknown = tm::UndoLast(*store, "nope").status();
  CHECK(unknown.kind() == ErrorKind::kNotFound);
  CHECK(unknown.message() == db + ": no document 'nope'");
  auto first = tm::ChangeStatus(*store, "news", 0, "rejected");
  REQUIRE(first.ok());
  // Changed behind the history's back (another program writing the memory).
  Exec(db, "UPDATE beads SET status = 'approved' WHERE position = 0");
  const Status later = tm::UndoLast(*store, "news").status();
  CHECK(later.kind() == ErrorKind::kInvalidData);
  CHECK(later.message() == db + ": bead 0 of 'news' changed after history entry " +
                               std::to_string(first->history_id) + "; undo the later change first");
  CHECK(Pairs(*store)[0].status == "approved");

  const Status no_bead = tm::ChangeStatus(*store, "news", 7, "approved").status();
  CHECK(no_bead.kind() == ErrorKind::kNotFound);
  CHECK(no_bead.message() == db + ": no bead 7 in document 'news'");
  CHECK(tm::ChangeStatus(*store, "nope", 0, "approved").status().message() ==
        db + ": no document 'nope'");
  CHECK(tm::ChangeStatus(*store, "news", 0, "great").status().message() ==
        "unknown status 'great'; one of auto, approved, rejected, edited");
}

TEST_CASE("pairs can be filtered by documents, status and score", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db");
  REQUIRE(tm::AddDocument(*store, SampleDocument("a"), false).ok());
  REQUIRE(tm::AddDocument(*store, SampleDocument("b"), false).ok());
  REQUIRE(tm::AddDocument(*store, SampleDocument("c"), false).ok());
  REQUIRE(tm::ChangeStatus(*store, "b", 1, "approved").ok());
  auto run = [&](const tm::PairFilter& f) {
    std::vector<std::string> out;
    REQUIRE(tm::ForEachPair(*store, f, [&](const tm::PairRow& r) {
      out.push_back(r.document + std::to_string(r.position));
      return Status::Ok();
    }).ok());
    return out;
  };
  CHECK(run({}) == std::vector<std::string>{"a0", "a1", "b0", "b1", "c0", "c1"});
  CHECK(run({.documents = {"c", "a"}}) == std::vector<std::string>{"a0", "a1", "c0", "c1"});
  CHECK(run({.statuses = {"approved"}}) == std::vector<std::string>{"b1"});
  CHECK(run({.statuses = {"approved", "auto"}}).size() == 6);
  CHECK(run({.min_score = 0.85}) == std::vector<std::string>{"a0", "b0", "c0"});
  CHECK(run({.documents = {"b"}, .min_score = 0.85}) == std::vector<std::string>{"b0"});
}

TEST_CASE("imported units are stored as 1-1 beads in one transaction", "[tm][store][import]") {
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db");
  tm::ImportSpec spec{.source_file = "x.tmx", .source_hash = "fnv1a64:0"};
  auto counts = tm::ImportUnits(*store, spec, [](const tm::UnitSink& add) {
    SVERKA_RETURN_IF_ERROR(add({.document = "x", .ru = "Один\tтаб.", .en = "One\ttab."}));
    SVERKA_RETURN_IF_ERROR(add({.document = "y", .ru = "Два.", .en = "Two.", .score = 0.5,
                                .status = "auto", .created = "2020-01-01T00:00:00Z"}));
    return add({.document = "x", .position = 5, .ru = "Три.", .en = "Three."});
  });
  REQUIRE(counts.ok());
  CHECK(counts->units == 3);
  CHECK(counts->documents == std::vector<std::string>{"x", "y"});
  const auto rows = Pairs(*store);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].ru == "Один\tтаб.");  // text kept exactly
  CHECK(rows[0].status == "approved");
  CHECK(rows[0].score == 1.0);
  CHECK(rows[1].position == 5);
  CHECK(rows[2].created == "2020-01-01T00:00:00Z");
  CHECK(rows[2].changed == "2020-01-01T00:00:00Z");
  auto history = tm::History(*store);
  REQUIRE(history->size() == 2);
  CHECK(history->at(0).action == "import");
  CHECK(history->at(0).after == R"({"beads":2,"file":"x.tmx"})");  // two units, positions 0 and 5

  // A failure part-way stores nothing, and a stored name needs replace.
  auto failed = tm::ImportUnits(*store, spec, [](const tm::UnitSink& add) {
    SVERKA_RETURN_IF_ERROR(add({.document = "z", .ru = "a", .en = "b"}));
    return Status::InvalidData("x.tmx:9: broken");
  });
  CHECK(failed.status().message() == "x.tmx:9: broken");
  CHECK_FALSE(store->HasDocument("z").value());
  auto clash = tm::ImportUnits(*store, spec, [](const tm::UnitSink& add) {
    return add({.document = "y", .ru = "a", .en = "b"});
  });
  CHECK(clash.status().message() ==
        dir / "tm.db" + ": document 'y' is already stored; give another --name or --replace");
  spec.replace = true;
  REQUIRE(tm::ImportUnits(*store, spec, [](const tm::UnitSink& add) {
    return add({.document = "y", .ru = "Новое.", .en = "New."});
  }).ok());
  CHECK(Pairs(*store, "y").at(0).en == "New.");
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM beads") == 3);
  CHECK(tm::Search(*store, "New", "<", ">", 10)->at(0).en == "<New>.");
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'Two'") == 0);
}

TEST_CASE("search finds a phrase in either language, any case, and marks it", "[tm][store][search]") {
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db");
  auto doc = SampleDocument("news");
  doc.ru[1].text = "Это КУЛЬТУРНАЯ дипломатия, а не культурная политика.";
  doc.en[1].text = "This is cultural diplomacy.";
  REQUIRE(tm::AddDocument(*store, doc, false).ok());
  auto ru = tm::Search(*store, "культурная дипломатия", "<", ">", 10);
  REQUIRE(ru.ok());
  REQUIRE(ru->size() == 1);
  CHECK((*ru)[0].document == "news");
  CHECK((*ru)[0].position == 1);
  CHECK((*ru)[0].ru == "Это <КУЛЬТУРНАЯ дипломатия>, а не культурная политика.");
  CHECK((*ru)[0].en == "This is cultural diplomacy.");
  auto en = tm::Search(*store, "Cultural Diplomacy", "<", ">", 10);
  REQUIRE(en->size() == 1);
  CHECK((*en)[0].en == "This is <cultural diplomacy>.");
  CHECK(tm::Search(*store, "дипломатия культурная", "<", ">", 10)->empty());  // a phrase: order counts
  CHECK(tm::Search(*store, "\"quoted\" AND NOT", "<", ">", 10).ok());  // no FTS5 syntax error
  CHECK(tm::Search(*store, " ?! ", "<", ">", 10).status().message() ==
        "search: ' ?! ' holds no word to look for");
  // Replacing the document drops its old text from the index.
  doc.ru[1].text = "Другое.";
  REQUIRE(tm::AddDocument(*store, doc, true).ok());
  CHECK(tm::Search(*store, "культурная дипломатия", "<", ">", 10)->empty());
  CHECK(tm::Search(*store, "другое", "<", ">", 10)->size() == 1);
  // No stale entry is left in the index itself (a plain DELETE of the
  // document would leave one: the index has external content).
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'культурная'") == 0);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'другое'") == 1);
}

TEST_CASE("document states give each document's hashes and its reviewed bead count", "[tm][store]") {
  testing::ScratchDir dir;
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("b"), false).ok());
  REQUIRE(tm::AddDocument(*(*store), SampleDocument("a"), false).ok());
  REQUIRE(tm::ChangeStatus(*(*store), "b", 1, "approved").ok());
  Result<std::vector<tm::StoredDocumentState>> states = tm::DocumentStates(*(*store));
  REQUIRE(states.ok());
  REQUIRE(states->size() == 2);
  CHECK((*states)[0].name == "a");
  CHECK((*states)[0].reviewed_beads == 0);
  CHECK((*states)[0].ru_hash == tm::ContentHash("ru"));
  CHECK((*states)[0].en_hash == tm::ContentHash("en"));
  CHECK((*states)[1].name == "b");
  CHECK((*states)[1].reviewed_beads == 1);
}

TEST_CASE("AddDocuments stores a group in one transaction and leaves out a name already stored", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db");
  REQUIRE(tm::AddDocument(*store, SampleDocument("old"), false).ok());
  const DocumentRecord a = SampleDocument("a"), old = SampleDocument("old"),
                           b = SampleDocument("b"), again = SampleDocument("old");
  const std::vector<tm::DocumentWrite> writes = {
      {&a, false}, {&old, false}, {&b, false}, {&again, true}};
  auto each = tm::AddDocuments(*store, writes);
  REQUIRE(each.ok());
  REQUIRE(each->size() == 4);
  CHECK((*each)[0].ok());
  REQUIRE_FALSE((*each)[1].ok());
  CHECK((*each)[1].kind() == ErrorKind::kAlreadyExists);
  CHECK((*each)[1].message() ==
        dir / "tm.db" + ": document 'old' is already stored; give another --name or --replace");
  CHECK((*each)[2].ok());
  CHECK((*each)[3].ok());  // with replace
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents") == 3);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM beads") == 9);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM history WHERE action = 'replace-document'") == 1);
  // The full-text index holds every stored bead once: the replaced ones left it.
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'second'") == 3);
  CHECK(SqlCount(dir / "tm.db",
              "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'") == 1);
  // FTS5's own check, against the content too (rank 1).
  CHECK(testing::IndexConsistent(dir / "tm.db"));
}

TEST_CASE("schema version 4 writes no CHECK as an IN list of more than two values", "[tm][store][schema]") {
  // SQLite builds a temporary b-tree for such a list at every single-row
  // insert (doc/decisions.md); the values are spelt out as comparisons.
  testing::ScratchDir dir;
  auto store = OpenStore(dir / "tm.db");
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (%' "
                             "OR sql LIKE '%action IN (%'") == 0);
  // The constraints still refuse what they refused before.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(tm::AddDocument(*store, SampleDocument("news"), false).ok());
  CHECK(sqlite3_exec(db, "UPDATE beads SET status = 'maybe'", nullptr, nullptr, nullptr) ==
        SQLITE_CONSTRAINT);
  CHECK(sqlite3_exec(db, "UPDATE history SET action = 'guess'", nullptr, nullptr, nullptr) ==
        SQLITE_CONSTRAINT);
  CHECK(sqlite3_exec(db, "UPDATE beads SET status = 'edited' WHERE position = 0", nullptr, nullptr,
                     nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

TEST_CASE("a version 3 memory is upgraded to the current version with its rows, ids, history and index", "[tm][store][schema]") {
  testing::ScratchDir dir;
  {
    auto store = OpenStore(dir / "tm.db");
    REQUIRE(tm::AddDocument(*store, SampleDocument("news"), false).ok());
    REQUIRE(tm::ChangeStatus(*store, "news", 1, "approved").ok());
  }
  const int64_t ids = SqlCount(dir / "tm.db", "SELECT sum(id * (position + 1)) FROM beads");
  // Turn it back into version 3 as version 3 wrote it: the IN-list CHECKs.
  Exec(dir / "tm.db", R"sql(
PRAGMA foreign_keys = OFF;
PRAGMA writable_schema = ON;
UPDATE sqlite_schema SET sql = replace(sql,
  'status = ''auto'' OR status = ''approved'' OR status = ''rejected'' OR status = ''edited''',
  'status IN (''auto'', ''approved'', ''rejected'', ''edited'')') WHERE name = 'beads';
PRAGMA writable_schema = OFF;
DROP TABLE bead_stems;
DROP TABLE bead_text_pending;
ALTER TABLE sentences DROP COLUMN start_ms;
ALTER TABLE sentences DROP COLUMN end_ms;
PRAGMA user_version = 3;
)sql");
  REQUIRE(SqlCount(dir / "tm.db", "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (%'") == 1);
  auto store = OpenStore(dir / "tm.db");
  CHECK(SqlCount(dir / "tm.db", "PRAGMA user_version") == tm::kSchemaVersion);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (%'") == 0);
  CHECK(SqlCount(dir / "tm.db", "SELECT sum(id * (position + 1)) FROM beads") == ids);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM beads WHERE status = 'approved'") == 1);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM history") == 2);
  auto hits = tm::Search(*store, "second", "[", "]", 10);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 1);
  CHECK((*hits)[0].en == "[Second].");
  // Undo still finds the status change it reverts.
  auto history = tm::History(*store);
  REQUIRE(history.ok());
  REQUIRE(tm::UndoLast(*store, "news").ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM beads WHERE status = 'approved'") == 0);
}
