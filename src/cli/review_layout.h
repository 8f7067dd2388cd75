// The screen of `sverka review`: the header, the beads side by side around
// the current one (cli/side_by_side.h), the status line, and the help screen.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "tm/bead_edits.h"
#include "tm/tm_store.h"

namespace sverka::cli {

// The keys, one line each: the help screen and `sverka review --help`.
std::span<const char* const> ReviewHelpLines();

// What the screen shows: the document, its beads, the current one and the
// message on the status line. Names, texts and messages are shown with
// their control characters made visible.
struct ReviewView {
  const std::string& doc;
  const std::vector<tm::BeadView>& beads;
  size_t cursor;
  const std::string& message;
};

// Draws `view` on the whole screen, then dumps it (DumpScreen).
void DrawReview(const ReviewView& view);

// Shows the help screen until a key is pressed.
void ShowHelp();

}  // namespace sverka::cli
