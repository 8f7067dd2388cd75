// Reading a memory: its pairs for export, counts for `stats`, and the
// stored documents' states for `batch`.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/score_band.h"
#include "common/status.h"
#include "tm/tm_store.h"

namespace sverka::tm {

// One exportable bead: both sides' sentence texts joined with a space.
struct PairRow {
  std::string document;
  int32_t position = 0;  // bead number within the document, 0-based
  std::string ru, en;
  double score = 0;
  std::string status;   // auto | approved | rejected | edited
  std::string created;  // bead creation time, UTC, ISO 8601 (2026-11-28T11:30:00Z)
  std::string changed;  // last change of the bead (equal to `created` until reviewed)
  // Subtitles: each side's time span (its sentences' earliest start, latest
  // end), in ms; -1 where the side's sentences have no times.
  int64_t ru_start_ms = -1, ru_end_ms = -1, en_start_ms = -1, en_end_ms = -1;
};

// Which beads ForEachPair yields. Empty lists mean "all".
struct PairFilter {
  std::vector<std::string> documents;
  std::vector<std::string> statuses;
  std::optional<double> min_score;
};

// Per-document counts for `sverka stats`.
struct DocumentStats {
  std::string name;
  int64_t beads = 0;
  std::map<std::string, int64_t> by_type;    // "1-1", "2-1", "1-0"…
  std::map<std::string, int64_t> by_status;  // auto, approved, rejected, edited
  double mean_score = 0;
  int64_t suspicious = 0;  // score < kSuspiciousScore
};

// One stored document as DocumentStates() gives it.
struct StoredDocumentState {
  std::string name, ru_hash, en_hash;
  int64_t reviewed_beads = 0;
};

// Calls `fn` for every bead with both sides that passes `filter`, by
// document name then bead position. Streams from the database: memory does
// not grow with the memory's size. Stops at the first non-ok Status `fn`
// returns and returns it.
Status ForEachPair(TmStore& store, const PairFilter& filter,
                   const std::function<Status(const PairRow&)>& fn);

// Counts per document, by name.
Result<std::vector<DocumentStats>> Stats(TmStore& store);
// What `batch` needs to decide whether a pair is new, unchanged or changed:
// every stored document's source hashes and how many of its beads were
// reviewed (status other than 'auto'), by name.
Result<std::vector<StoredDocumentState>> DocumentStates(TmStore& store);

}  // namespace sverka::tm
