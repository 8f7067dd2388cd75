// Beads stored without their full-text index entries (OpenOptions::
// defer_index, what batch does): found by search meanwhile, indexed by
// UpdateIndex, and never left half in the index by a replace or an edit.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <functional>

#include "fixtures.h"
#include "sql_fixtures.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/search.h"
#include "tm/tm_store.h"
#include "tm/schema.h"
#include "tm/stem_function.h"
#include "tm/store_impl.h"
#include "common/document.h"

using namespace sverka;
using testing::IndexConsistent;
using testing::SqlCount;

namespace {

// Document `name` with its files and hashes, and no sentence yet.
DocumentRecord Named(const std::string& name) {
  DocumentRecord doc;
  doc.name = name;
  doc.ru_file = name + ".ru.txt";
  doc.en_file = name + ".en.txt";
  doc.ru_hash = tm::ContentHash(name + "ru");
  doc.en_hash = tm::ContentHash(name + "en");
  return doc;
}

DocumentRecord Document(const std::string& name, const std::string& ru_word,
                            const std::string& en_word) {
  DocumentRecord doc = Named(name);
  doc.ru = {{0, "Культурная " + ru_word + ".", 0, 30},
            {0, "Вторая фраза.", 31, 56},
            {1, "Третья фраза.", 57, 80}};
  doc.en = {{0, "Cultural " + en_word + ". Second sentence.", 0, 40},
            {1, "Third sentence.", 41, 56}};
  doc.beads = {{0, 2, 0, 1, 0.9}, {2, 1, 1, 1, 0.8}};
  return doc;
}

std::unique_ptr<tm::TmStore> Open(const std::string& path, bool defer) {
  auto store = tm::TmStore::Open(path, tm::OpenMode::kCreateOrWrite,
                                 {.user = "tester", .defer_index = defer});
  INFO((store.ok() ? "" : store.status().message()));
  REQUIRE(store.ok());
  return std::move(*store);
}

// Every hit of `phrase` as "document#position ru | en".
std::vector<std::string> Hits(tm::TmStore& store, const std::string& phrase) {
  auto hits = tm::Search(store, phrase, "[", "]", 100);
  INFO((hits.ok() ? "" : hits.status().message()));
  REQUIRE(hits.ok());
  std::vector<std::string> out;
  for (const tm::SearchHit& h : *hits) {
    out.push_back(h.document + "#" + std::to_string(h.position) + " " + h.ru + " | " + h.en);
  }
  return out;
}

const std::vector<std::string> kPhrases = {"культурная", "фраза",      "second sentence", "third",
                                           "diplomacy",  "дипломатия", "exchange"};

}  // namespace

TEST_CASE("deferred beads are stored, searched directly, and indexed by UpdateIndex",
          "[tm][store][index]") {
  testing::ScratchDir dir;
  auto now = Open(dir / "now.db", false);
  auto later = Open(dir / "later.db", true);
  for (tm::TmStore* s : {now.get(), later.get()}) {
    const DocumentRecord a = Document("a", "дипломатия", "diplomacy");
    const DocumentRecord b = Document("b", "обмен", "exchange");
    const std::vector<tm::DocumentWrite> writes = {{&a, false}, {&b, false}};
    REQUIRE(tm::AddDocuments(*s, writes).ok());
  }
  CHECK(SqlCount(dir / "later.db", "SELECT count(*) FROM beads") == 4);
  CHECK(SqlCount(dir / "later.db", "SELECT count(*) FROM bead_text_pending") == 4);
  CHECK(*tm::UnindexedBeads(*later) == 4);
  CHECK(*tm::UnindexedBeads(*now) == 0);
  // Nothing of them is in the index itself yet...
  CHECK(SqlCount(dir / "later.db",
                 "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'культурная'") == 0);
  // ...yet search gives what the indexed memory gives, highlights and all.
  for (const std::string& p : kPhrases) {
    INFO(p);
    CHECK(Hits(*later, p) == Hits(*now, p));
  }
  CHECK(Hits(*later, "дипломатия") ==
        std::vector<std::string>{
            "a#0 Культурная [дипломатия]. Вторая фраза. | Cultural diplomacy. Second sentence."});
  // A search reads; it indexes nothing (and FTS5's check sees the index lag).
  int64_t searched_unindexed = -1;
  REQUIRE(tm::Search(*later, "фраза", "", "", 100, &searched_unindexed).ok());
  CHECK(searched_unindexed == 4);
  CHECK(*tm::UnindexedBeads(*later) == 4);
  CHECK_FALSE(IndexConsistent(dir / "later.db"));

  Result<int64_t> indexed = tm::UpdateIndex(*later);
  REQUIRE(indexed.ok());
  CHECK(*indexed == 4);
  CHECK(*tm::UnindexedBeads(*later) == 0);
  CHECK(SqlCount(dir / "later.db",
                 "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'культурная'") == 2);
  CHECK(IndexConsistent(dir / "later.db"));
  REQUIRE(tm::Search(*later, "фраза", "", "", 100, &searched_unindexed).ok());
  CHECK(searched_unindexed == 0);
  for (const std::string& p : kPhrases) {
    INFO(p);
    CHECK(Hits(*later, p) == Hits(*now, p));
  }
  // Up to date: a second run has nothing to do.
  CHECK(*tm::UpdateIndex(*later) == 0);
}

TEST_CASE("a deferred document replaced, or edited, leaves the index consistent",
          "[tm][store][index]") {
  testing::ScratchDir dir;
  auto store = Open(dir / "tm.db", true);
  const DocumentRecord a = Document("a", "дипломатия", "diplomacy");
  const DocumentRecord b = Document("b", "обмен", "exchange");
  REQUIRE(tm::AddDocuments(*store, std::vector<tm::DocumentWrite>{{&a, false}, {&b, false}}).ok());
  // Half indexed: b's beads go into the index, a's stay pending.
  REQUIRE(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 4);
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db,
                         "INSERT INTO bead_text (rowid, ru, en) SELECT id, ru, en FROM bead_pairs "
                         "WHERE document_id = (SELECT id FROM documents WHERE name = 'b');"
                         "DELETE FROM bead_text_pending WHERE bead_id IN (SELECT id FROM beads "
                         "WHERE document_id = (SELECT id FROM documents WHERE name = 'b'))",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  // Replacing the pending one and the indexed one: the index is told only of what it holds.
  const DocumentRecord a2 = Document("a", "политика", "policy");
  const DocumentRecord b2 = Document("b", "торговля", "trade");
  REQUIRE(tm::AddDocuments(*store, std::vector<tm::DocumentWrite>{{&a2, true}, {&b2, true}}).ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 4);
  // An edit of a pending bead: the new beads are indexed at once, the old row goes.
  REQUIRE(tm::MergeBeads(*store, "a", 0, 1).ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 2);
  CHECK(Hits(*store, "policy").size() == 1);
  CHECK(Hits(*store, "diplomacy").empty());
  CHECK(Hits(*store, "exchange").empty());
  CHECK(Hits(*store, "trade").size() == 1);
  REQUIRE(tm::UndoLast(*store, "a").ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 2);
  REQUIRE(tm::UpdateIndex(*store).ok());
  CHECK(IndexConsistent(dir / "tm.db"));
  CHECK(Hits(*store, "policy").size() == 1);
  CHECK(Hits(*store, "third sentence").size() == 2);
  CHECK(Hits(*store, "diplomacy").empty());
}

TEST_CASE("a version 4 memory gains the pending table on open, its index kept",
          "[tm][store][schema][index]") {
  testing::ScratchDir dir;
  {
    auto store = Open(dir / "tm.db", false);
    REQUIRE(tm::AddDocument(*store, Document("a", "дипломатия", "diplomacy"), false).ok());
  }
  {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "DROP TABLE bead_stems; DROP TABLE bead_text_pending; ALTER TABLE sentences DROP COLUMN "
                         "start_ms; ALTER TABLE sentences DROP COLUMN end_ms; PRAGMA user_version = 4", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  CHECK(SqlCount(dir / "tm.db", "PRAGMA user_version") == tm::kSchemaVersion);
  CHECK(*tm::UnindexedBeads(*(*store)) == 0);
  CHECK(Hits(**store, "diplomacy").size() == 1);
  CHECK(IndexConsistent(dir / "tm.db"));
}

TEST_CASE("UpdateIndex on a read-only memory fails and changes nothing", "[tm][store][index]") {
  testing::ScratchDir dir;
  {
    auto store = Open(dir / "tm.db", true);
    REQUIRE(tm::AddDocument(*store, Document("a", "дипломатия", "diplomacy"), false).ok());
  }
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  Result<int64_t> indexed = tm::UpdateIndex(*(*store));
  REQUIRE_FALSE(indexed.ok());
  CHECK(indexed.status().message().starts_with(dir / "tm.db" + ": "));
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 2);
  // Search still finds the pending beads read-only.
  CHECK(Hits(**store, "diplomacy").size() == 1);
}

namespace {

// Rows of `sql` on `db`, one string each, columns joined by '|'.
std::vector<std::string> Rows(sqlite3* db, const char* sql) {
  std::vector<std::string> out;
  tm::Statement q(db, sql);
  REQUIRE(q.prepare_rc() == SQLITE_OK);
  while (q.Step() == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(q.get()); ++c) row += (c ? "|" : "") + q.Text(c);
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

TEST_CASE("indexing on two threads stores what SQL alone stores over several flushes",
          "[tm][store][index]") {
  // UpdateIndex reads and stems the beads on a second connection and writes
  // them 20,000 at a time; a memory without a file (no second connection)
  // is indexed in SQL alone. Both must give the same entries.
  testing::ScratchDir dir;
  constexpr int kBeads = 45000;
  DocumentRecord doc = Named("big");
  const std::vector<std::string> ru_words = {"дипломатия", "культурной", "обмена", "пере\u00ADговоры"};
  const std::vector<std::string> en_words = {"diplomacy", "cultural", "exchanges", "talks"};
  for (int k = 0; k < kBeads; ++k) {
    const std::string n = std::to_string(k);
    doc.ru.push_back({0, "Фраза " + n + " о " + ru_words[k % 4] + ".", 0, 0});
    doc.en.push_back({0, "Sentence " + n + " on " + en_words[k % 4] + ".", 0, 0});
    doc.beads.push_back({k, 1, k, k % 7 == 0 ? 0 : 1, 0.9});  // some 1-0 beads
  }
  {
    auto store = Open(dir / "tm.db", true);
    REQUIRE(tm::AddDocument(*store, doc, false).ok());
  }
  // The same memory, pending beads and all, in memory.
  tm::Db mem;
  mem.path = "in memory";
  REQUIRE(sqlite3_open(":memory:", &mem.db) == SQLITE_OK);
  REQUIRE(tm::RegisterStemFunction(mem.db) == SQLITE_OK);
  {
    sqlite3* file = nullptr;
    REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &file) == SQLITE_OK);
    sqlite3_backup* copy = sqlite3_backup_init(mem.db, "main", file, "main");
    REQUIRE(copy != nullptr);
    CHECK(sqlite3_backup_step(copy, -1) == SQLITE_DONE);
    CHECK(sqlite3_backup_finish(copy) == SQLITE_OK);
    sqlite3_close(file);
  }
  REQUIRE(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == kBeads);

  auto store = Open(dir / "tm.db", true);
  Result<int64_t> indexed = tm::UpdateIndex(*store);
  REQUIRE(indexed.ok());
  CHECK(*indexed == kBeads);
  REQUIRE(mem.Exec("BEGIN", "test").ok());
  const Status in_sql = tm::IndexPendingBeads(mem, "cannot index");
  INFO(in_sql.message());
  REQUIRE(in_sql.ok());
  REQUIRE(mem.Exec("COMMIT", "test").ok());

  CHECK(IndexConsistent(dir / "tm.db"));
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 0);
  CHECK(Rows(mem.db, "SELECT count(*) FROM bead_text_pending") == std::vector<std::string>{"0"});
  sqlite3* file = nullptr;
  REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &file) == SQLITE_OK);
  REQUIRE(tm::RegisterStemFunction(file) == SQLITE_OK);
  // Every bead once in the stem index, with the stems and marks SQL gives.
  constexpr const char* kStems = "SELECT rowid, ru, en, marks FROM bead_stems ORDER BY rowid";
  const std::vector<std::string> stems = Rows(file, kStems);
  CHECK(stems.size() == static_cast<size_t>(kBeads));
  CHECK(stems == Rows(mem.db, kStems));
  CHECK(Rows(file, "SELECT count(*) FROM bead_stems s JOIN bead_pairs p ON p.id = s.rowid "
                   "WHERE s.ru = sverka_stems(p.ru) AND s.en = sverka_stems(p.en) "
                   "AND s.marks = sverka_marks(p.ru, p.en)") ==
        std::vector<std::string>{std::to_string(kBeads)});
  CHECK(Rows(file, "SELECT count(*) FROM bead_stems WHERE marks = 'softhyphen'") ==
        std::vector<std::string>{std::to_string(kBeads / 4)});
  // The same words find the same beads in both.
  for (const char* query : {"SELECT rowid FROM bead_text WHERE bead_text MATCH 'diplomacy' ORDER BY rowid",
                            "SELECT rowid FROM bead_text WHERE bead_text MATCH '\"фраза 44999\"'",
                            "SELECT rowid FROM bead_stems WHERE bead_stems MATCH 'ru:культурн' ORDER BY rowid",
                            "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'en:sentence'"}) {
    INFO(query);
    const std::vector<std::string> hits = Rows(file, query);
    CHECK_FALSE(hits.empty());
    CHECK(hits == Rows(mem.db, query));
  }
  CHECK(Rows(file, "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'en:sentence'") ==
        std::vector<std::string>{std::to_string(kBeads - (kBeads + 6) / 7)});
  sqlite3_close(file);
}
