// Beads stored without their full-text index entries (OpenOptions::
// defer_index, what batch does): found by search meanwhile, indexed by
// UpdateIndex, and never left half in the index by a replace or an edit.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "sql_fixtures.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/search.h"
#include "tm/tm_store.h"
#include "common/document.h"

using namespace sverka;
using testing::IndexConsistent;
using testing::SqlCount;

namespace {

DocumentRecord Document(const std::string& name, const std::string& ru_word,
                            const std::string& en_word) {
  DocumentRecord doc;
  doc.name = name;
  doc.ru_file = name + ".ru.txt";
  doc.en_file = name + ".en.txt";
  doc.ru_hash = tm::ContentHash(name + "ru");
  doc.en_hash = tm::ContentHash(name + "en");
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
