#include "align/parallel_check.h"

#include <cstdint>

namespace sverka::align {

double ConfidentlyPairedShare(const Alignment& beads) {
  int64_t all = 0, paired = 0;
  for (const Bead& b : beads) {
    all += b.ru_count + b.en_count;
    if (b.ru_count > 0 && b.en_count > 0 && b.score >= kConfidentPairScore) paired += b.ru_count + b.en_count;
  }
  return all == 0 ? 0.0 : static_cast<double>(paired) / static_cast<double>(all);
}

bool LooksNotParallel(const Alignment& beads) {
  int64_t ru = 0, en = 0;
  for (const Bead& b : beads) {
    ru += b.ru_count;
    en += b.en_count;
  }
  if (ru < kMinSentencesToJudge || en < kMinSentencesToJudge) return false;
  return ConfidentlyPairedShare(beads) < kMinParallelShare;
}

}  // namespace sverka::align
