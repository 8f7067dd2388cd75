// The review report (`sverka report`): one self-contained XHTML page (inline
// CSS, no scripts, no reference to any other file or URL) with a summary and
// both texts side by side, beads coloured by score and status, what the
// aligner matched between the two sides of a bead marked. Written as NAME.tmp, then renamed.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "common/output_file.h"  // WriteFileAtomically, for the page
#include "pipeline/bead_matches.h"
#include "tm/bead_edits.h"
#include "tm/queries.h"
#include "tm/tm_store.h"

namespace sverka::cli {

using pipeline::BeadMarks;
using pipeline::MarkSpans;

struct ReportOptions {
  // What the aligner matched inside a bead: anchors and translations found on
  // both sides (pipeline::BeadMatcher), passed in so that the page can be
  // rendered without a dictionary. Empty: nothing is marked.
  std::function<BeadMarks(const tm::BeadView&)> marks;
};

// The page for `document`'s beads and its counts.
std::string RenderReport(std::string_view document, const std::vector<tm::BeadView>& beads,
                         const tm::DocumentStats& stats, const ReportOptions& options);

// One doubtful bead of a memory-wide check: its document and why it is doubtful.
struct CheckedBead {
  std::string document;
  tm::BeadView bead;
  std::vector<std::string> reasons;  // low, unpaired, length, numbers, moved
};

// One page for a memory (`sverka check --format html`): `beads` in the
// order given (worst first), each row as the report's with its document and
// reasons; `total` is how many were found (`beads` may be the first of them).
std::string RenderCheckPage(std::string_view memory, const std::vector<CheckedBead>& beads, size_t total,
                            const ReportOptions& options);

}  // namespace sverka::cli
