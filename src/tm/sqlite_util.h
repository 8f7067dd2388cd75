// SQLite utilities for the tm module's own files (never included outside
// src/tm: sqlite3 types stay inside the module): the one mapping of SQLite
// failures to our errors, a statement wrapper, and a connection with
// cached statements and transactions.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

namespace sverka::tm {

// How long a command waits for another process's write lock on a memory
// before it stops with kBusy ("waited 5 s" in the message).
inline constexpr int kBusyTimeoutMs = 5000;

// The one mapping of an SQLite failure of the memory at `path` while
// `doing` ("cannot read") to an error: a file that is not a usable
// database is invalid data; busy or locked (another writer's lock, named
// when known) is kBusy; a full disk or an I/O error is kIo; misuse and the
// rest are internal. `db` may be null (the failure came before a connection).
Status SqliteError(sqlite3* db, const std::string& path, int rc, std::string_view doing);

// Configures a connection to a memory, an untrusted file people send each
// other: no schema corruption through SQL, no functions with side effects
// from its views or CHECKs.
void Defend(sqlite3* db);

// A prepared statement, finalized when it goes out of scope.
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
  int64_t Int(int col) { return sqlite3_column_int64(stmt_, col); }
  bool IsNull(int col) { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

// Resets a reused statement when it goes out of scope: no cached statement
// keeps a read open or a binding alive between uses.
struct ResetOnExit {
  Statement& q;
  ~ResetOnExit() { q.Reset(); }
};

// One connection to the memory at `path`, closed with it. Not thread-safe.
struct Db {
  sqlite3* db = nullptr;
  std::string path;
  // Statements run once per document, prepared once per connection: a
  // prepare costs more than the lookup or insert it runs (doc/decisions.md).
  // Keyed by the address of the SQL text, so only literals may be given.
  std::unordered_map<const char*, std::unique_ptr<Statement>> cache;

  Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // The statement for `sql` (a string literal), prepared at its first use;
  // one that failed to prepare is prepared again the next time.
  Statement& Cached(const char* sql);
  Status Exec(const char* sql, std::string_view doing);
  Status Fail(int rc, std::string_view doing) const { return SqliteError(db, path, rc, doing); }
  // Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back when it fails.
  Status InTransaction(const std::function<Status()>& body);
  // Runs `body` inside one read transaction (BEGIN … COMMIT): what it reads
  // comes from one state of the memory, whatever other processes commit.
  template <typename T>
  Result<T> InRead(std::string_view doing, const std::function<Result<T>()>& body) {
    SVERKA_RETURN_IF_ERROR(Exec("BEGIN", doing));
    Result<T> out = body();
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    return out;
  }
  // PRAGMA data_version: changes when another connection commits.
  Result<int64_t> DataVersion();
  Result<int> UserVersion();
};

}  // namespace sverka::tm
