#include "cli/report.h"

#include <iostream>
#include <string>

#include "cli/exit_code.h"
#include "text/display_text.h"

namespace sverka::cli {
namespace {

// The process runs one subcommand: main names it before running it.
std::string& RunningCommand() {
  static std::string name;
  return name;
}

}  // namespace

void SetRunningCommand(std::string_view name) { RunningCommand() = name; }

int ReportUsage(std::string_view message) {
  // Messages quote names and text from files and memories: their control
  // characters are shown, never sent to the terminal.
  const std::string& command = RunningCommand();
  std::cerr << "sverka " << command << ": " << text::VisibleControls(message) << "; see 'sverka "
            << command << " --help'\n";
  return kExitUsage;
}

int Report(const Status& status) {
  if (status.kind() == ErrorKind::kUsage) return ReportUsage(status.message());
  if (!status.ok()) std::cerr << "sverka: " << text::VisibleControls(status.message()) << "\n";
  return ExitCode(status);
}

int ReportStdout() {
  std::cout.flush();
  return std::cout ? kExitOk : Report(Status::Internal("cannot write standard output"));
}

}  // namespace sverka::cli
