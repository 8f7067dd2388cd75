#include "tm/lock_holder.h"

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace sverka::tm {
namespace {

// SQLite's lock bytes (sqlite3.c): WAL_WRITE_LOCK is the first of the
// WAL-index locks at offset 120 of the -shm file; in rollback mode a writer
// holds RESERVED_BYTE, PENDING_BYTE (0x40000000) + 1, of the database.
constexpr int64_t kShmWriteLock = 120;
constexpr int64_t kReservedByte = 0x40000001;

struct FileId {
  bool found = false;
  unsigned major = 0, minor = 0;
  uint64_t inode = 0;
};

FileId IdOf(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  return {true, major(st.st_dev), minor(st.st_dev), static_cast<uint64_t>(st.st_ino)};
}

// "MAJ:MIN:INODE" of /proc/locks (major and minor in hex) names `id`.
bool Names(const std::string& field, const FileId& id) {
  if (!id.found) return false;
  unsigned maj = 0, min = 0;
  unsigned long long inode = 0;
  if (std::sscanf(field.c_str(), "%x:%x:%llu", &maj, &min, &inode) != 3) return false;
  return maj == id.major && min == id.minor && inode == id.inode;
}

bool Covers(const std::string& start, const std::string& end, int64_t byte) {
  try {
    const int64_t from = std::stoll(start);
    return from <= byte && (end == "EOF" || byte <= std::stoll(end));
  } catch (...) {  // a line of a format this code does not know
    return false;
  }
}

}  // namespace

std::string WriteLockHolder(const std::string& path) {
  const FileId db = IdOf(path), shm = IdOf(path + "-shm");
  std::ifstream locks("/proc/locks");
  std::string line;
  while (std::getline(locks, line)) {
    // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234 120 120"; a blocked
    // request has "->" after the number.
    std::istringstream in(line);
    std::string number, kind, mode, access, pid, file, start, end;
    in >> number >> kind;
    if (kind == "->") in >> kind;
    in >> mode >> access >> pid >> file >> start >> end;
    if (kind != "POSIX" || access != "WRITE") continue;
    const bool writer = (Names(file, shm) && Covers(start, end, kShmWriteLock)) ||
                        (Names(file, db) && Covers(start, end, kReservedByte));
    if (!writer || pid == std::to_string(::getpid())) continue;
    std::ifstream comm("/proc/" + pid + "/comm");
    std::string name;
    if (pid == "0" || !std::getline(comm, name)) return "";
    return "process " + pid + " (" + name + ")";
  }
  return "";
}

}  // namespace sverka::tm
