// How a subcommand ends: its one line on stderr for a failure, its exit code.
// The one route for usage errors: every one, whether a program_options
// error, a UsageError or a Status of kind Usage, is printed by ReportUsage.
#pragma once

#include <string_view>

#include "common/status.h"

namespace sverka::cli {

// Names the subcommand running in this process (main sets it once, before
// running it); ReportUsage names it in its message. Empty until set.
void SetRunningCommand(std::string_view name);

// Reports a usage error of the running command on stderr as one line
// "sverka CMD: MESSAGE; see 'sverka CMD --help'" and returns 2 (doc/cli.md).
int ReportUsage(std::string_view message);

// Reports `status` on stderr and returns its exit code: a usage error
// through ReportUsage, any other failure as one line "sverka: MESSAGE";
// nothing for ok (0). Control characters in messages are shown, not sent.
int Report(const Status& status);

// The exit of a command whose output went to standard output: 0 when all of
// it got there, else "sverka: cannot write standard output" (exit 3).
int ReportStdout();

}  // namespace sverka::cli
