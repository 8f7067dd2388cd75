// The review report (`sverka report`): one self-contained XHTML page (inline
// CSS, no scripts, no reference to any other file or URL) with a summary and
// both texts side by side, beads coloured by score and status, anchors
// (numbers, capitalised names) marked. Written as NAME.tmp, then renamed.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "tm/output_file.h"  // WriteFileAtomically, for the page
#include "tm/tm_store.h"

namespace sverka::tm {

struct ReportOptions {
  // True for a word that starts with a capital letter (text::StartsWithCapital):
  // tm/ does not depend on text/, so the CLI passes it in. Empty: ASCII A-Z only.
  std::function<bool(std::string_view)> starts_with_capital;
};

// The page for `document`'s beads and its counts.
std::string RenderReport(std::string_view document, const std::vector<BeadView>& beads,
                         const DocumentStats& stats, const ReportOptions& options);

}  // namespace sverka::tm
