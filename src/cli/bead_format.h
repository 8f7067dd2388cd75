// How the review commands (edit, show, review) name beads and changes in text.
#pragma once

#include <string>
#include <vector>

#include "tm/bead_editor.h"
#include "tm/tm_store.h"

namespace sverka::cli {

// "#12": bead 12, as the review screen names it.
std::string BeadNumber(int32_t position);

// "[3,4]:[4]" : the bead's sentence numbers per side, as `align` prints links.
std::string BeadLinks(const tm::BeadView& b);

// "2-1", "1-0"…
std::string BeadShape(const tm::BeadView& b);

// Sets BeadView::moved for a document's beads (all of them, in order):
// align::MovedBeads over their ranges.
void MarkMoved(std::vector<tm::BeadView>& beads);

// The mark before a moved bead's English in show, review and edit ("↕ "),
// empty for any other bead.
std::string MovedMark(const tm::BeadView& b);

// The lines `sverka edit` prints for a change: a header naming the action
// and the history entry, "- " lines for the beads before, "+ " lines for
// those after, each followed by its Russian and English text.
std::vector<std::string> DescribeChange(const std::string& document, const tm::BeadChange& change);

// Opens the memory at `path` for writing without creating it: an edit of a
// missing file is an error, not an empty new memory.
Result<std::unique_ptr<tm::TmStore>> OpenExisting(const std::string& path);

}  // namespace sverka::cli
