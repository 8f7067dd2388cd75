#include "tm/lock_holder.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "fixtures.h"

using sverka::testing::ScratchDir;

namespace {

std::string Comm(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/comm");
  std::string name;
  std::getline(in, name);
  return name;
}

// Holds the write lock of `db` (WAL, BEGIN IMMEDIATE) in a child process
// until killed; returns its pid once the lock is taken.
pid_t HoldWriteLock(const std::string& db) {
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    sqlite3* c = nullptr;
    const bool ok = sqlite3_open(db.c_str(), &c) == SQLITE_OK &&
                    sqlite3_exec(c, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK;
    const char byte = ok ? '1' : '0';
    (void)!::write(ready[1], &byte, 1);
    for (;;) ::pause();
  }
  ::close(ready[1]);
  char byte = 0;
  REQUIRE(::read(ready[0], &byte, 1) == 1);
  ::close(ready[0]);
  CHECK(byte == '1');
  return pid;
}

void MakeWalDatabase(const std::string& db) {
  sqlite3* c = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &c) == SQLITE_OK);
  REQUIRE(sqlite3_exec(c, "PRAGMA journal_mode = WAL; CREATE TABLE t (x);", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(c);
}

}  // namespace

TEST_CASE("the holder of a memory's write lock is named by its pid and name", "[tm][lock]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  MakeWalDatabase(db);
  CHECK(sverka::tm::WriteLockHolder(db).empty());  // nobody writes it
  const pid_t child = HoldWriteLock(db);
  const std::string holder = sverka::tm::WriteLockHolder(db);
  const std::string name = Comm(child);
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  CHECK(holder == "process " + std::to_string(child) + " (" + name + ")");
  CHECK(sverka::tm::WriteLockHolder(db).empty());  // the lock died with it
}

TEST_CASE("this process's own write lock is not named, nor a memory without one", "[tm][lock]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  MakeWalDatabase(db);
  sqlite3* writer = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &writer) == SQLITE_OK);
  REQUIRE(sqlite3_exec(writer, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  CHECK(sverka::tm::WriteLockHolder(db).empty());
  sqlite3_exec(writer, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(writer);
  CHECK(sverka::tm::WriteLockHolder(dir / "missing.db").empty());
}
