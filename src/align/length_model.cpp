#include "align/length_model.h"

#include <cmath>
#include <numeric>

namespace sverka::align {

LengthModel EstimateLengthModel(std::span<const int32_t> ru_lengths,
                                std::span<const int32_t> en_lengths) {
  LengthModel model;
  const double ru = std::accumulate(ru_lengths.begin(), ru_lengths.end(), 0.0);
  const double en = std::accumulate(en_lengths.begin(), en_lengths.end(), 0.0);
  if (ru > 0 && en > 0) model.ratio = en / ru;
  return model;
}

double LengthMatchProbability(const LengthModel& model, int32_t l1, int32_t l2) {
  if (l1 == 0 && l2 == 0) return 1.0;
  const double mean = (l1 + l2 / model.ratio) / 2.0;
  const double delta = (l2 - l1 * model.ratio) / std::sqrt(mean * model.variance);
  // 2 * (1 - Phi(|d|)) == erfc(|d| / sqrt(2))
  return std::erfc(std::fabs(delta) / std::sqrt(2.0));
}

double BeadPrior(int ru_count, int en_count) {
  // Gale & Church 1993: P(1-1)=.89, P(1-0 or 0-1)=.0099, P(2-1 or 1-2)=.089,
  // P(2-2)=.011; each pair of mirrored shapes shares its probability equally.
  if (ru_count == 1 && en_count == 1) return 0.89;
  if (ru_count + en_count == 1) return 0.0099 / 2;
  if ((ru_count == 2 && en_count == 1) || (ru_count == 1 && en_count == 2)) return 0.089 / 2;
  if (ru_count == 2 && en_count == 2) return 0.011;
  return 0.0;
}

}  // namespace sverka::align
