#include "tm/tm_store.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace sverka;

namespace {

tm::DocumentRecord SampleDocument(const std::string& name) {
  tm::DocumentRecord doc;
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
  REQUIRE(store.ForEachPair(doc, [&](const tm::PairRow& r) {
    rows.push_back(r);
    return Status::Ok();
  }).ok());
  return rows;
}

int64_t Count(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  const int64_t n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

}  // namespace

TEST_CASE("a stored document comes back as pairs with both sides", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  REQUIRE((*store)->AddDocument(SampleDocument("news"), false).ok());
  const auto rows = Pairs(**store);
  REQUIRE(rows.size() == 2);  // the 1-0 bead has no English side
  CHECK(rows[0].ru == "Первое.");
  CHECK(rows[1].en == "Second.");
  CHECK(rows[1].score == Approx(0.8));
  CHECK(rows[0].status == "auto");
  CHECK(rows[0].document == "news");
  CHECK(Count(dir / "tm.db", "SELECT count(*) FROM sentences") == 5);
  CHECK(Count(dir / "tm.db", "SELECT max(paragraph) FROM sentences WHERE side = 'ru'") == 1);
  CHECK(Count(dir / "tm.db", "PRAGMA user_version") == tm::kSchemaVersion);
}

TEST_CASE("multi-sentence beads join their sentences with a space, in order", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  auto doc = SampleDocument("news");
  doc.beads = {{0, 2, 0, 1, 0.5}, {2, 1, 1, 1, 0.5}};
  REQUIRE((*store)->AddDocument(doc, false).ok());
  const auto rows = Pairs(**store);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].ru == "Первое. Второе.");
}

TEST_CASE("storing a name twice fails and keeps the first, unless replacing", "[tm][store][errors]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  REQUIRE((*store)->AddDocument(SampleDocument("news"), false).ok());
  auto second = SampleDocument("news");
  second.en[0].text = "Changed.";
  const Status again = (*store)->AddDocument(second, false);
  REQUIRE_FALSE(again.ok());
  CHECK(again.code() == StatusCode::kBadInput);
  CHECK(again.message() ==
        dir / "tm.db" + ": document 'news' is already stored; give another --name or --replace");
  CHECK(Pairs(**store)[0].en == "First.");
  REQUIRE((*store)->AddDocument(second, true).ok());
  CHECK(Pairs(**store)[0].en == "Changed.");
  CHECK(Count(dir / "tm.db", "SELECT count(*) FROM documents") == 1);
  CHECK(Count(dir / "tm.db", "SELECT count(*) FROM beads") == 3);
}

TEST_CASE("a failed insert rolls back the whole document", "[tm][store][errors]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  auto doc = SampleDocument("news");
  doc.beads[2].score = 1.5;  // violates the score CHECK constraint after two beads went in
  REQUIRE_FALSE((*store)->AddDocument(doc, false).ok());
  CHECK(Count(dir / "tm.db", "SELECT count(*) FROM documents") == 0);
  CHECK(Count(dir / "tm.db", "SELECT count(*) FROM sentences") == 0);
}

TEST_CASE("only one document is listed when asked", "[tm][store]") {
  testing::ScratchDir dir;
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  REQUIRE((*store)->AddDocument(SampleDocument("b"), false).ok());
  REQUIRE((*store)->AddDocument(SampleDocument("a"), false).ok());
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
  CHECK(text.status().code() == StatusCode::kBadInput);
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
                                        "this sverka's (1); upgrade sverka");
}

TEST_CASE("content hashes tell changed files apart", "[tm]") {
  CHECK(tm::ContentHash("abc") == tm::ContentHash("abc"));
  CHECK(tm::ContentHash("abc") != tm::ContentHash("abd"));
  CHECK(tm::ContentHash("").rfind("fnv1a64:", 0) == 0);
  CHECK(tm::ContentHash("").size() == 8 + 16);
}
