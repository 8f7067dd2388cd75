// The history of a memory (doc/schema.md, "History"): one entry per
// document stored and per review edit, undo and redo.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "tm/tm_store.h"

namespace sverka::tm {

// One row of the history table. `before`/`after`: tm/history_json.h.
struct HistoryEntry {
  int64_t id = 0;
  std::string at, user, action, document;
  std::optional<int32_t> bead;  // bead position; none for document-level actions
  std::string before, after;
  std::optional<int64_t> undoes;  // for action "undo": the entry it reverted
};

// The history, oldest first; only `document`'s when given.
Result<std::vector<HistoryEntry>> History(TmStore& store,
                                          const std::optional<std::string>& document = {});

}  // namespace sverka::tm
