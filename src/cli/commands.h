// The subcommands of `sverka`. Each takes its arguments (without the
// subcommand name), prints its own output and errors, and returns the exit
// code (doc/cli.md). Exceptions from Boost.Program_options are caught in main.
// The table of them (Commands) is where main dispatches, the usage text
// comes from, and what the --help test walks.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sverka::cli {

using Args = std::vector<std::string>;

int RunSegment(const Args& args);
int RunAlign(const Args& args);
int RunExport(const Args& args);
int RunEval(const Args& args);
int RunImport(const Args& args);
int RunSearch(const Args& args);
int RunEdit(const Args& args);    // issue 6: review
int RunRealign(const Args& args);  // realign around the reviewer's fixes
int RunShow(const Args& args);
int RunStats(const Args& args);
int RunCheck(const Args& args);  // the doubtful beads of a whole memory
int RunReport(const Args& args);
int RunReview(const Args& args);
int RunBatch(const Args& args);
// `align --jsonl` and `import --jsonl` (RunAlign and RunImport hand over to them).
int RunAlignJsonl(const Args& args);
int RunImportJsonl(const Args& args);
int RunMerge(const Args& args);
int RunIndex(const Args& args);  // the full-text index of beads batch left pending

// One subcommand: `sverka NAME ...` runs `run`; `summary` is its line in the usage text.
struct Command {
  std::string_view name;
  std::string_view summary;
  int (*run)(const Args& args);
};

// Every subcommand, in the order the usage text lists them.
std::span<const Command> Commands();

// The subcommand called `name`, or nullptr.
const Command* FindCommand(std::string_view name);

// `sverka --help`: the synopsis, each command of Commands() with its
// summary, and the exit codes.
std::string Usage();

}  // namespace sverka::cli
