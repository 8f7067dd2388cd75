// sverka: align a Russian text with its English translation into a
// translation memory. A thin CLI over the library modules; the only place
// exceptions from libraries we do not own are caught.
#include <boost/program_options/errors.hpp>
#include <exception>
#include <csignal>
#include <iostream>
#include <string>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "cli/exit_code.h"
#include "sverka_config.h"

int main(int argc, char** argv) {
  using namespace sverka::cli;
  std::ios::sync_with_stdio(false);
  // Past a file-size limit (ulimit -f) a write then fails with EFBIG and is
  // reported, the transaction rolled back, instead of the process dying.
  std::signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    std::cerr << Usage();
    return kExitUsage;
  }
  const std::string command = argv[1];
  const Args args(argv + 2, argv + argc);
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << Usage();
      return kExitOk;
    }
    if (command == "--version") {
      std::cout << "sverka " << SVERKA_VERSION << "\n";
      return 0;
    }
    const Command* run = FindCommand(command);
    if (run != nullptr) {
      SetRunningCommand(run->name);
      return run->run(args);
    }
    std::cerr << "sverka: unknown command '" << command << "'; see 'sverka --help'\n";
    return kExitUsage;
  } catch (const boost::program_options::error& e) {
    return ReportUsage(e.what());
  } catch (const UsageError& e) {
    return ReportUsage(e.what());
  } catch (const std::bad_alloc&) {
    std::cerr << "sverka: out of memory\n";
    return kExitInternal;
  } catch (const std::exception& e) {
    std::cerr << "sverka: internal error: " << e.what() << "\n";
    return kExitInternal;
  }
}
