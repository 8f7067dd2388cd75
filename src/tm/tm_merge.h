// Merging translation memories (`sverka merge`): the memories built on
// several machines become one.
#pragma once

#include <string>

#include "common/status.h"

namespace sverka::tm {

struct MergeCounts {
  size_t from_a = 0;     // documents of A (all of them)
  size_t from_b = 0;     // documents of B that A lacks
  size_t identical = 0;  // documents of B that A holds with the same content hashes
};

// Writes to `out` a memory holding every document of `a` (with its beads,
// review status and history) and every document of `b` whose name `a` lacks.
// A name in both with the same content hashes is taken from `a`; with other
// hashes the merge fails (kBadInput, naming the document) and nothing is
// written. `out` is written as `out.tmp`, then renamed; it must not be `a`
// or `b`. Both inputs are upgraded to the current schema when older
// (TmStore::Open); neither is otherwise changed.
Result<MergeCounts> MergeMemories(const std::string& a, const std::string& b,
                                  const std::string& out);

}  // namespace sverka::tm
