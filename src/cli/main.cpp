// sverka: align a Russian text with its English translation into a
// translation memory. A thin CLI over the library modules; the only place
// exceptions from libraries we do not own are caught.
#include <boost/program_options/errors.hpp>
#include <exception>
#include <csignal>
#include <iostream>
#include <string>
#include <string_view>

#include "cli/cli_util.h"
#include "cli/commands.h"
#include "sverka_config.h"

namespace {

constexpr std::string_view kUsage = R"(usage: sverka COMMAND [OPTIONS] [ARGS]

Commands:
  segment   split a text into sentences, one per line
  align     pair the sentences of a Russian text and its English translation
  export    write a translation memory (or some of it) as TMX, TSV or parallel text
  import    add the translation units of a TMX file to a translation memory
  search    show the stored pairs that contain a phrase
  eval      align a directory of gold sentence pairs and score the result
  show      print a document's pairs side by side, sized to the terminal
  edit      approve, reject, merge, split, move, retype, pair, undo or redo
  realign   align a document again around the beads a reviewer fixed
  stats     count each document's beads by type and status
  check     list the doubtful beads of a whole memory, worst first
  report    write a document's review as one self-contained HTML page
  review    review a document full-screen: approve, fix, undo, lose nothing
  batch     align and store every pair of a directory or manifest, in parallel
  merge     write one translation memory from two
  index     index for search the beads batch and import --jsonl stored unindexed

'sverka COMMAND --help' describes a command. Exit codes: 0 success,
1 bad input data, 2 usage error, 3 internal error.
)";

}  // namespace

int main(int argc, char** argv) {
  using namespace sverka::cli;
  std::ios::sync_with_stdio(false);
  // Past a file-size limit (ulimit -f) a write then fails with EFBIG and is
  // reported, the transaction rolled back, instead of the process dying.
  std::signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string command = argv[1];
  const Args args(argv + 2, argv + argc);
  try {
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << kUsage;
      return 0;
    }
    if (command == "--version") {
      std::cout << "sverka " << SVERKA_VERSION << "\n";
      return 0;
    }
    if (command == "segment") return RunSegment(args);
    if (command == "align") return RunAlign(args);
    if (command == "export") return RunExport(args);
    if (command == "eval") return RunEval(args);
    if (command == "import") return RunImport(args);
    if (command == "search") return RunSearch(args);
    if (command == "edit") return RunEdit(args);
    if (command == "realign") return RunRealign(args);
    if (command == "show") return RunShow(args);
    if (command == "stats") return RunStats(args);
    if (command == "check") return RunCheck(args);
    if (command == "report") return RunReport(args);
    if (command == "review") return RunReview(args);
    if (command == "batch") return RunBatch(args);
    if (command == "merge") return RunMerge(args);
    if (command == "index") return RunIndex(args);
    std::cerr << "sverka: unknown command '" << command << "'; see 'sverka --help'\n";
    return 2;
  } catch (const boost::program_options::error& e) {
    std::cerr << "sverka " << command << ": " << e.what() << "; see 'sverka " << command
              << " --help'\n";
    return 2;
  } catch (const UsageError& e) {
    std::cerr << "sverka " << command << ": " << e.what() << "; see 'sverka " << command
              << " --help'\n";
    return 2;
  } catch (const std::bad_alloc&) {
    std::cerr << "sverka: out of memory\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "sverka: internal error: " << e.what() << "\n";
    return 3;
  }
}
