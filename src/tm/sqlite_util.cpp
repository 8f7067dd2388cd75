#include "tm/sqlite_util.h"

#include <cstring>
#include <string>

#include "tm/lock_holder.h"

namespace sverka::tm {

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
      return Status::Busy(path + ": " + std::string(doing) + ": locked by another writer" +
                              (holder.empty() ? "" : ", " + holder + ", which holds its write lock") +
                              " (waited " + std::to_string(kBusyTimeoutMs / 1000) + " s); try again when it finishes");
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
      if (doing.find("read") != std::string_view::npos) return Status::Io(message + os);
      return Status::Io(message + os +
                              "; the transaction was rolled back, nothing of it was stored");
    default:
      return Status::Internal(message + os);
  }
}

void Defend(sqlite3* db) {
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
}

Db::~Db() {
  cache.clear();  // finalized before the connection closes
  sqlite3_close_v2(db);
}

Statement& Db::Cached(const char* sql) {
  std::unique_ptr<Statement>& slot = cache[sql];
  if (!slot || slot->prepare_rc() != SQLITE_OK) slot = std::make_unique<Statement>(db, sql);
  return *slot;
}

Status Db::Exec(const char* sql, std::string_view doing) {
  const int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::Ok() : SqliteError(db, path, rc, doing);
}

Status Db::InTransaction(const std::function<Status()>& body) {
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

Result<int64_t> Db::DataVersion() {
  Statement q(db, "PRAGMA data_version");
  if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot read");
  const int rc = q.Step();
  if (rc != SQLITE_ROW) return Fail(rc, "cannot read");
  return q.Int(0);
}

Result<int> Db::UserVersion() {
  Statement q(db, "PRAGMA user_version");
  if (q.prepare_rc() != SQLITE_OK) return Fail(q.prepare_rc(), "cannot read");
  const int rc = q.Step();
  if (rc != SQLITE_ROW) return Fail(rc, "cannot read");
  return sqlite3_column_int(q.get(), 0);
}

}  // namespace sverka::tm
