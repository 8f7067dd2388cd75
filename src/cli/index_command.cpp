// sverka index --db TM: brings the full-text index up to date: indexes the
// beads `batch` and `import --jsonl` stored without their index entries (doc/decisions.md).
#include <iostream>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "tm/search.h"
#include "tm/tm_store.h"

namespace sverka::cli {

int RunIndex(const Args& args) {
  po::options_description options("Options");
  std::string db;
  options.add_options()("db", po::value(&db)->required(), "translation memory")("quiet,q",
                                                                                "no summary line");
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka index --db TM [--quiet]\n\n"
                "Indexes for search the beads that 'sverka batch' and 'import --jsonl' stored\n"
                "unindexed (they leave the index to this command or their --index, and\n"
                "meanwhile 'search' reads them directly). One transaction: interrupted, nothing changes.")) {
    return 0;
  }
  Result<std::unique_ptr<tm::TmStore>> store = OpenExisting(db);  // a missing file is an error
  if (!store.ok()) return Report(store.status());
  Result<int64_t> indexed = tm::UpdateIndex(*(*store));
  if (!indexed.ok()) return Report(indexed.status());
  if (!vm.count("quiet")) {
    std::cerr << db << ": " << *indexed << " beads indexed; the full-text index is up to date\n";
  }
  return 0;
}

}  // namespace sverka::cli
