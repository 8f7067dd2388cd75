// Scoring an alignment against a gold one, exactly as ../shared/eval/score.py
// does (micro-averaged over documents): strict bead P/R/F1 and lax link P/R/F1.
#pragma once

#include <cstdint>
#include <vector>

#include "common/bead.h"

namespace sverka::align {

struct ScoreTally {
  int64_t strict_tp = 0, strict_pred = 0, strict_gold = 0;
  int64_t lax_tp = 0, lax_pred = 0, lax_gold = 0;
  int64_t documents = 0;

  // Adds one document's gold and predicted beads (scores are ignored).
  void Add(const Alignment& gold, const Alignment& predicted);
};

struct PrecisionRecall {
  double precision = 0, recall = 0, f1 = 0;
};

PrecisionRecall Strict(const ScoreTally& tally);
PrecisionRecall Lax(const ScoreTally& tally);

}  // namespace sverka::align
