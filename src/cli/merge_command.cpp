// sverka merge A.db B.db [MORE.db…] -o C.db: one memory from two or more (doc/cluster.md).
#include <iostream>

#include "cli/cli_util.h"
#include "tm/tm_merge.h"

namespace sverka::cli {

int RunMerge(const Args& args) {
  po::options_description options("Options");
  std::vector<std::string> inputs;
  std::string out, prefer;
  options.add_options()("inputs", po::value(&inputs)->multitoken(),
                        "translation memories, the first winning on identical documents")(
      "output,o", po::value(&out)->required(), "the merged memory to write (a new file)")(
      "force", "replace the output file when it exists (never one of the inputs)")(
      "prefer", po::value(&prefer),
      "a or b: for a document reviewed differently in both, keep that memory's review")(
      "index", "index the result's unindexed beads (left so by 'batch' or 'import --jsonl')\n"
               "in the same pass, as 'sverka index' on it would")(
      "quiet,q", "print nothing on success");
  po::positional_options_description positional;
  positional.add("inputs", -1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka merge A.db B.db [MORE.db...] -o C.db [--force] [--prefer a|b] [--index]\n\n"
                "Writes every document of A and those of B that A lacks (with beads, review\n"
                "status and history); a document in both with other texts refuses the merge.\n"
                "A document in both with the same texts is taken from the memory that\n"
                "reviewed it; reviewed differently in both, it refuses the merge unless\n"
                "--prefer names the side to keep. More memories: as merging the first two,\n"
                "then the result with the third, and so on (A: the memories merged so far).")) {
    return 0;
  }
  if (inputs.size() < 2) throw UsageError("merge needs two memories or more, and -o");
  if (!prefer.empty() && prefer != "a" && prefer != "b") {
    throw UsageError("--prefer must be a or b, not '" + prefer + "'");
  }
  const tm::MergePrefer side = prefer == "a"   ? tm::MergePrefer::kA
                               : prefer == "b" ? tm::MergePrefer::kB
                                               : tm::MergePrefer::kNone;
  Result<tm::MergeCounts> counts =
      tm::MergeMemories(inputs, out,
                        {.replace_existing = vm.count("force") > 0, .prefer = side,
                         .index = vm.count("index") > 0});
  if (!counts.ok()) return Report(counts.status());
  if (!vm.count("quiet")) {
    const std::string& a = inputs[0];
    const std::string b = inputs.size() == 2
                              ? inputs[1]
                              : "the " + std::to_string(inputs.size() - 1) + " others";
    std::cout << out << ": " << counts->from_a << " documents from " << a << ", " << counts->from_b
              << " from " << b << " (" << counts->identical << " in both, identical";
    if (counts->reviewed_from_b) {
      std::cout << "; " << counts->reviewed_from_b << " in both, taken from " << b
                << " for its review";
    }
    std::cout << ")\n";
  }
  return ReportStdout();
}

}  // namespace sverka::cli
