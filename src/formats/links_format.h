// The "links" bead format read by ../shared/eval/score.py (the vecalign /
// bertalign ladder format): one bead per line, 0-based sentence numbers,
// optional score: "[0,1]:[0]:0.873", "[5]:[]:0.410".
#pragma once

#include <string>
#include <string_view>

#include "common/bead.h"
#include "common/status.h"

namespace sverka::formats {

// Formats one bead as a line without the newline; score with 3 decimals.
std::string FormatLinksLine(const Bead& bead);

// Parses a whole links file. `name` is used in messages ("NAME:LINE: ...").
// Fails with kBadInput on a line that is not a bead or whose sentence
// numbers are not consecutive and ascending. Blank lines are skipped.
Result<Alignment> ParseLinks(std::string_view name, std::string_view text);

}  // namespace sverka::formats
