// The review of one document on the screen: the keys, each edit one
// TmStore transaction committed before the screen redraws, undo and redo of
// this review's own edits, and another process's commits reloaded before a
// key acts on what the screen showed.
#pragma once

#include <string>

#include "common/status.h"
#include "tm/tm_store.h"

namespace sverka::cli {

// Runs the review of `doc` in `store` on the screen OpenScreen took, until
// q, Ctrl-C or SIGTERM. Fails only when the memory cannot be read.
Status RunReviewScreen(tm::TmStore& store, const std::string& doc);

}  // namespace sverka::cli
