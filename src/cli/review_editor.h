// Editing one sentence of `sverka review` in the user's $EDITOR.
#pragma once

#include <string>

#include "common/status.h"

namespace sverka::cli {

// Leaves the screen, opens `text` in $EDITOR (vi when unset) through a
// temporary file, comes back to the screen and returns the text as saved,
// on one line: newlines and tabs become spaces, trailing spaces are dropped.
// Fails (InvalidData) when the editor exits non-zero; Internal when the
// temporary file cannot be written. The temporary file is always removed.
Result<std::string> EditInEditor(const std::string& text);

}  // namespace sverka::cli
