// The command table (cli/commands.h) against the real binary: every command
// main can run answers --help, and `sverka --help` lists every one of them.
#include <catch2/catch.hpp>
#include <string>

#include "cli/cli_run.h"
#include "cli/commands.h"

using sverka::cli::Command;
using sverka::cli::Commands;
using sverka::testing::Run;
using sverka::testing::Sverka;

TEST_CASE("every command of the table answers --help with its usage line", "[cli][help]") {
  REQUIRE(Commands().size() >= 16);
  for (const Command& c : Commands()) {
    const std::string name(c.name);
    INFO(name);
    const Run r = Sverka({name, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.starts_with("usage: sverka " + name + " "));
    CHECK(r.err.empty());
  }
}

TEST_CASE("sverka --help lists every command of the table with its summary", "[cli][help]") {
  const Run help = Sverka({"--help"});
  REQUIRE(help.exit_code == 0);
  CHECK(help.out == sverka::cli::Usage());
  for (const Command& c : Commands()) {
    const std::string name(c.name);
    INFO(name);
    const size_t at = help.out.find("\n  " + name + " ");
    REQUIRE(at != std::string::npos);
    const std::string line = help.out.substr(at + 1, help.out.find('\n', at + 1) - at - 1);
    CHECK(line.ends_with(" " + std::string(c.summary)));
  }
  // Without a command, the same text goes to stderr and the exit is a usage error.
  const Run bare = Sverka({});
  CHECK(bare.exit_code == 2);
  CHECK(bare.err == help.out);
}

TEST_CASE("the usage text is the one sverka has always printed", "[cli][help]") {
  // Generated from the table since issue 18; byte for byte the hand-written text it replaced.
  CHECK(sverka::cli::Usage() == R"(usage: sverka COMMAND [OPTIONS] [ARGS]

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
  merge     write one translation memory from two or more
  index     index for search the beads batch and import --jsonl stored unindexed

'sverka COMMAND --help' describes a command. Exit codes: 0 success,
1 bad input data, 2 usage error, 3 internal error.
)");
}
