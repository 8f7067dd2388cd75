// Who holds a memory's write lock, for the message of a command that waited
// for it in vain (issue 17: "one line naming the other writer's lock").
#pragma once

#include <string>

namespace sverka::tm {

// The process holding the write lock of the SQLite database at `path`, as
// "process PID (NAME)", read from /proc/locks (a POSIX lock on byte 120 of
// PATH-shm in WAL mode, the reserved byte of PATH in rollback mode) and
// /proc/PID/comm; NAME shortened by the kernel to 15 bytes. Locks of this
// process are ignored. Empty when it cannot be told: not Linux, no
// /proc, or a holder in another PID namespace (shown as pid 0 or a pid
// without /proc entry). Opens no descriptor on the database or its -shm:
// closing one would drop this process's own POSIX locks on it.
std::string WriteLockHolder(const std::string& path);

}  // namespace sverka::tm
