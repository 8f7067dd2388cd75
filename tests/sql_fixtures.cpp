#include "sql_fixtures.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>

namespace sverka::testing {

int64_t SqlCount(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  REQUIRE(sqlite3_step(stmt) == SQLITE_ROW);
  const int64_t n = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return n;
}

std::string SqlRows(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  std::string out;
  const int rc = sqlite3_exec(
      db, sql.c_str(),
      [](void* p, int n, char** v, char**) {
        auto& rows = *static_cast<std::string*>(p);
        for (int k = 0; k < n; ++k) rows += std::string(v[k] ? v[k] : "NULL") + "\x1f";
        rows += "\n";
        return 0;
      },
      &out, nullptr);
  sqlite3_close(db);
  REQUIRE(rc == SQLITE_OK);
  return out;
}

bool IndexConsistent(const std::string& db_path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  const int rc =
      sqlite3_exec(db, "INSERT INTO bead_text (bead_text, rank) VALUES ('integrity-check', 1)",
                   nullptr, nullptr, nullptr);
  sqlite3_close(db);
  return rc == SQLITE_OK;
}

}  // namespace sverka::testing
