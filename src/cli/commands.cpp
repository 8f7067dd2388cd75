#include "cli/commands.h"

#include <algorithm>
#include <array>

namespace sverka::cli {
namespace {

constexpr std::array kCommands = {
    Command{"segment", "split a text into sentences, one per line", RunSegment},
    Command{"align", "pair the sentences of a Russian text and its English translation", RunAlign},
    Command{"export", "write a translation memory (or some of it) as TMX, TSV or parallel text",
            RunExport},
    Command{"import", "add the translation units of a TMX file to a translation memory", RunImport},
    Command{"search", "show the stored pairs that contain a phrase", RunSearch},
    Command{"eval", "align a directory of gold sentence pairs and score the result", RunEval},
    Command{"show", "print a document's pairs side by side, sized to the terminal", RunShow},
    Command{"edit", "approve, reject, merge, split, move, retype, pair, undo or redo", RunEdit},
    Command{"realign", "align a document again around the beads a reviewer fixed", RunRealign},
    Command{"stats", "count each document's beads by type and status", RunStats},
    Command{"check", "list the doubtful beads of a whole memory, worst first", RunCheck},
    Command{"report", "write a document's review as one self-contained HTML page", RunReport},
    Command{"review", "review a document full-screen: approve, fix, undo, lose nothing", RunReview},
    Command{"batch", "align and store every pair of a directory or manifest, in parallel", RunBatch},
    Command{"merge", "write one translation memory from two or more", RunMerge},
    Command{"index", "index for search the beads batch and import --jsonl stored unindexed",
            RunIndex},
};

// Command names are padded to this many columns in the usage text.
constexpr size_t kNameColumn = 10;

}  // namespace

std::span<const Command> Commands() { return kCommands; }

const Command* FindCommand(std::string_view name) {
  for (const Command& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string Usage() {
  std::string out = "usage: sverka COMMAND [OPTIONS] [ARGS]\n\nCommands:\n";
  for (const Command& c : kCommands) {
    std::string name(c.name);
    name.resize(std::max(kNameColumn, name.size() + 1), ' ');
    out += "  " + name + std::string(c.summary) + "\n";
  }
  out +=
      "\n'sverka COMMAND --help' describes a command. Exit codes: 0 success,\n"
      "1 bad input data, 2 usage error, 3 internal error.\n";
  return out;
}

}  // namespace sverka::cli
