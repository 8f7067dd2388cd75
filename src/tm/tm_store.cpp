#include "tm/tm_store.h"

#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "tm/schema.h"
#include "tm/stem_function.h"
#include "tm/store_impl.h"

namespace sverka::tm {

TmStore::Impl::~Impl() {
  cache.clear();  // finalized before the connection closes
  sqlite3_close_v2(db);
  db = nullptr;
  if (read_only) RemoveLeftWal();
}

void TmStore::Impl::RemoveLeftWal() const {
  const std::string wal = path + "-wal";
  std::string dir = path.substr(0, path.find_last_of('/') + 1);
  if (dir.empty()) dir = ".";
  if (::access(wal.c_str(), F_OK) != 0 || ::access(path.c_str(), W_OK) != 0 ||
      ::access(dir.c_str(), W_OK) != 0) {
    return;
  }
  sqlite3* rw = nullptr;
  if (sqlite3_open_v2(path.c_str(), &rw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) ==
      SQLITE_OK) {
    Defend(rw);
    // A read opens the log; the close then checkpoints and removes it.
    sqlite3_exec(rw, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
  }
  sqlite3_close_v2(rw);
}

namespace {

// Switching a new file to WAL takes a read lock and then upgrades it to a
// write lock, and SQLite does not wait (busy handler) for such an upgrade:
// of several processes creating one memory at once, one failed at once with
// "database is locked". So the switch is retried here, for as long as the
// busy timeout; once the first process has switched, the others find the
// file in WAL already and write nothing.
Status SwitchToWal(TmStore::Impl& impl) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  for (;;) {
    const int rc = sqlite3_exec(impl.db, "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    if ((rc & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() >= until) {
      return rc == SQLITE_OK ? Status::Ok() : impl.Fail(rc, "cannot configure");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

TmStore::TmStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TmStore::~TmStore() = default;

Result<std::unique_ptr<TmStore>> TmStore::Open(const std::string& path, OpenMode mode,
                                               const OpenOptions& options) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) {
    return Status::InvalidData(path + ": is a directory, not a translation memory");
  }
  if (exists && !S_ISREG(st.st_mode)) {
    // SQLite would block on a FIFO for ever and leave NAME-journal beside a device.
    const char* kind = S_ISFIFO(st.st_mode)   ? "a FIFO (named pipe)"
                       : S_ISCHR(st.st_mode)  ? "a character device"
                       : S_ISBLK(st.st_mode)  ? "a block device"
                       : S_ISSOCK(st.st_mode) ? "a socket"
                                              : "not a regular file";
    return Status::InvalidData(path + ": is " + kind + ", not a translation memory");
  }
  if (!exists && mode == OpenMode::kReadOnly) {
    return Status::InvalidData(path + ": no such translation memory");
  }
  if (mode == OpenMode::kCreateOrWrite) {
    // Said before SQLite is asked: it would open the file read-only and
    // fail at the first write with a less helpful message.
    std::string dir = path.substr(0, path.find_last_of('/') + 1);
    if (dir.empty()) dir = ".";
    struct stat dir_st {};
    if (::stat(dir.c_str(), &dir_st) != 0 || !S_ISDIR(dir_st.st_mode)) {
      return Status::InvalidData(path + ": cannot create the translation memory: no directory " + dir);
    }
    const bool file_ok = !exists || ::access(path.c_str(), W_OK) == 0;
    if (!file_ok || ::access(dir.c_str(), W_OK) != 0) {
      // The directory too: SQLite keeps its journal (NAME-wal) beside the memory.
      return Status::InvalidData(path + ": cannot write the translation memory: no permission to " +
                              (file_ok ? "create files in " + dir : "write it") +
                              "; nothing was stored");
    }
  }
  // sverka reads no SQLite memory statistics; keeping them costs a global
  // mutex per allocation. Only possible before SQLite is first used in the
  // process; later calls are refused by SQLite, which is harmless.
  static const bool kNoMemoryStatistics = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)kNoMemoryStatistics;
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->user = options.user;
  impl->defer_index = options.defer_index;
  if (impl->user.empty()) {
    const char* env = std::getenv("USER");
    impl->user = env && *env ? env : "unknown";
  }
  auto open = [&](int flags) -> Status {
    sqlite3_close_v2(impl->db);
    impl->db = nullptr;
    // A TmStore is used by one thread at a time (tm_store.h): the
    // connection needs no mutex of its own.
    const int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) return impl->Fail(rc, "cannot open");
    sqlite3_extended_result_codes(impl->db, 1);
    sqlite3_busy_timeout(impl->db, kBusyTimeoutMs);
    // A memory is a file people send each other: nothing in it is trusted
    // (no schema corruption through SQL, no functions with side effects
    // from its views or CHECKs, pages checked as they are read).
    Defend(impl->db);
    // The stem index's entries are made by SQL (tm/stem_function.h).
    if (const int frc = RegisterStemFunction(impl->db); frc != SQLITE_OK) {
      return impl->Fail(frc, "cannot open");
    }
    return impl->Exec("PRAGMA cell_size_check = ON", "cannot read");
  };
  SVERKA_RETURN_IF_ERROR(open(mode == OpenMode::kReadOnly
                                  ? SQLITE_OPEN_READONLY
                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  bool reopened_to_write = false;
  SVERKA_ASSIGN_OR_RETURN(int version, impl->UserVersion());
  if (version > kSchemaVersion) {
    return Status::InvalidData(path + ": translation memory schema version " +
                            std::to_string(version) + " is newer than this sverka's (" +
                            std::to_string(kSchemaVersion) + "); upgrade sverka");
  }
  if (version > 0) SVERKA_RETURN_IF_ERROR(CheckOwnSchema(*impl));
  // Before an upgrade too: it rewrites the memory in place.
  const bool upgrade = version > 0 && version < kSchemaVersion;
  if (options.quick_check || upgrade) SVERKA_RETURN_IF_ERROR(QuickCheck(*impl));
  SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON", "cannot configure"));
  int tables = 0;
  if (version == 0) {
    // A new (or foreign, empty-schema) database: refuse one holding other
    // tables. One read for both: another process may create the memory
    // between two.
    Statement q(impl->db,
                "SELECT count(*), (SELECT user_version FROM pragma_user_version) "
                "FROM sqlite_schema");
    if (q.prepare_rc() != SQLITE_OK || q.Step() != SQLITE_ROW) {
      return impl->Fail(sqlite3_errcode(impl->db), "cannot read");
    }
    tables = sqlite3_column_int(q.get(), 0);
    version = sqlite3_column_int(q.get(), 1);
  }  // finalized here: WAL cannot be switched on while a read is open
  if (version == 0) {
    if (tables != 0) {
      return Status::InvalidData(path + ": an SQLite database, but not a sverka translation memory");
    }
    if (mode == OpenMode::kReadOnly) {
      return Status::InvalidData(path + ": an empty database, not a sverka translation memory");
    }
    SVERKA_RETURN_IF_ERROR(SwitchToWal(*impl));
    // A new memory is made the way an old one is upgraded: one path, always tested.
    // Checked again inside the write transaction: of several processes
    // creating one memory at once, the first creates it, the others wait
    // for its transaction (busy timeout) and find it made.
    SVERKA_RETURN_IF_ERROR(impl->InTransaction([&]() -> Status {
      SVERKA_ASSIGN_OR_RETURN(const int now, impl->UserVersion());
      if (now != 0) return Status::Ok();
      return CreateSchema(*impl);
    }));
  } else if (version < kSchemaVersion) {
    if (mode == OpenMode::kReadOnly) {
      SVERKA_RETURN_IF_ERROR(open(SQLITE_OPEN_READWRITE));
      reopened_to_write = true;
      SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON", "cannot configure"));
    }
    SVERKA_RETURN_IF_ERROR(impl->InTransaction([&]() -> Status {
      // Another process may have upgraded it meanwhile.
      SVERKA_ASSIGN_OR_RETURN(const int now, impl->UserVersion());
      return now < kSchemaVersion ? UpgradeSchema(*impl, now) : Status::Ok();
    }));
  }
  if (!options.sync_each_commit && mode != OpenMode::kReadOnly) {
    SVERKA_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous = NORMAL", "cannot configure"));
  }
  // Only a memory that passed every check above is tidied on close.
  impl->read_only = mode == OpenMode::kReadOnly && !reopened_to_write;
  return std::unique_ptr<TmStore>(new TmStore(std::move(impl)));
}

Result<bool> TmStore::HasDocument(std::string_view name) {
  Statement& q = impl_->Cached("SELECT 1 FROM documents WHERE name = ?1");
  ResetOnExit reset{q};
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

Result<int64_t> TmStore::DataVersion() { return impl_->DataVersion(); }

void TmStore::ExpectDataVersion(std::optional<int64_t> version) {
  impl_->expect_data_version = version;
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
