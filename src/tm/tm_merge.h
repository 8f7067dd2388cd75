// Merging translation memories (`sverka merge`): the memories built on
// several machines become one.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace sverka::tm {

// With more than two inputs, "B" is each input after the first, summed.
struct MergeCounts {
  size_t from_a = 0;     // documents of A (all of them, less those B's reviewed copies replaced)
  size_t from_b = 0;     // documents of B that A lacks
  size_t identical = 0;  // documents of B that A holds with the same texts, A's kept
  size_t reviewed_from_b = 0;  // documents in both with the same texts, B's reviewed copy taken
};

// Writes to `out` a memory holding every document of `a` (with its beads,
// review status and history) and every document of `b` whose name `a` lacks.
// A name in both with other hashes fails the merge (kBadInput, naming the
// document) and nothing is written. With the same hashes the copy holding
// review work is taken (beads approved, edited or rejected, review edits in
// its history): `a`'s when only it or neither is reviewed or both reviews
// are the same, `b`'s when only `b`'s is; reviewed differently on both
// sides, the merge fails (kBadInput, naming the document and --prefer)
// unless `options.prefer` names the side to keep. `out` is written through an OutputFile (output_file.h); it must
// not be `a` or `b` (kUsage), nor exist unless `options.replace_existing` (kUsage). Both inputs are upgraded to the current schema when older
// (TmStore::Open); neither is otherwise changed.
enum class MergePrefer { kNone, kA, kB };

struct MergeOptions {
  bool replace_existing = false;  // `merge --force`
  // A document reviewed differently in both: refused (kNone), or that side's review kept.
  MergePrefer prefer = MergePrefer::kNone;
  // `merge --index`: the result's pending beads (those `batch` and `import
  // --jsonl` left unindexed, in any input) indexed in the same pass, as
  // `sverka index` on the result would, before it is renamed into place.
  bool index = false;
};

Result<MergeCounts> MergeMemories(const std::string& a, const std::string& b,
                                  const std::string& out, const MergeOptions& options = {});

// The same for two inputs or more, in one pass: the result (and any refusal)
// is that of folding them in order, merge(merge(A, B), C)…, with `a` in
// messages and MergePrefer::kA meaning the inputs merged so far; but A is
// copied once and each other input read once, instead of every fold copying
// the memory so far (quadratic in the number of inputs). kUsage for fewer than two.
Result<MergeCounts> MergeMemories(const std::vector<std::string>& inputs, const std::string& out,
                                  const MergeOptions& options = {});

}  // namespace sverka::tm
