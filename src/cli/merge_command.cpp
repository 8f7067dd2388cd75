// sverka merge A.db B.db -o C.db: one memory from two (doc/cluster.md).
#include <iostream>

#include "cli/cli_util.h"
#include "tm/tm_merge.h"

namespace sverka::cli {

int RunMerge(const Args& args) {
  po::options_description options("Options");
  std::string a, b, out;
  options.add_options()("a", po::value(&a)->required(),
                        "first translation memory (wins on identical documents)")(
      "b", po::value(&b)->required(), "second translation memory")(
      "output,o", po::value(&out)->required(), "the merged memory to write (a new file)")(
      "quiet,q", "print nothing on success");
  po::positional_options_description positional;
  positional.add("a", 1).add("b", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka merge A.db B.db -o C.db\n\n"
                "Writes every document of A and those of B that A lacks (with beads, review\n"
                "status and history); a document in both with other texts refuses the merge.")) {
    return 0;
  }
  Result<tm::MergeCounts> counts = tm::MergeMemories(a, b, out);
  if (!counts.ok()) return Report(counts.status());
  if (!vm.count("quiet")) {
    std::cout << out << ": " << counts->from_a << " documents from " << a << ", " << counts->from_b
              << " from " << b << " (" << counts->identical << " in both, identical)\n";
  }
  std::cout.flush();
  return std::cout ? 0 : Report(Status::Internal("cannot write standard output"));
}

}  // namespace sverka::cli
