// The one place a failure becomes a process exit code (doc/cli.md, "Exit codes").
#pragma once

#include "common/status.h"

namespace sverka::cli {

// The documented exit codes of the `sverka` binary.
inline constexpr int kExitOk = 0;
inline constexpr int kExitBadInput = 1;     // the user's data: invalid, missing, a name taken
inline constexpr int kExitUsage = 2;        // the command line
inline constexpr int kExitInternal = 3;     // the environment (disk, a busy memory) or a bug
inline constexpr int kExitInterrupted = 130;

// The exit code of `status`: 0 when ok; data problems (invalid, not found,
// already exists) are 1, usage 2, busy, I/O and internal failures 3.
int ExitCode(const Status& status);

}  // namespace sverka::cli
