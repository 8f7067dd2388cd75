// The subcommands of `sverka`. Each takes its arguments (without the
// subcommand name), prints its own output and errors, and returns the exit
// code (doc/cli.md). Exceptions from Boost.Program_options are caught in main.
#pragma once

#include <string>
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

}  // namespace sverka::cli
