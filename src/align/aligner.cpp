#include "align/aligner.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

namespace sverka::align {
namespace {

struct Shape {
  int ru;
  int en;
};
// Index 0 is reserved for "no predecessor" in the back-pointer table.
constexpr std::array<Shape, 7> kShapes = {{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}}};

// -log of the two-sided normal tail 2(1 - Phi(|d|)) = erfc(|d|/sqrt 2),
// with the asymptotic form where erfc underflows.
double NegLogTail(double delta) {
  const double x = std::fabs(delta) / std::numbers::sqrt2;
  if (x < 8.0) return -std::log(std::erfc(x));
  return x * x + std::log(x * std::sqrt(std::numbers::pi));
}

double BeadCost(const LengthModel& model, int ru_count, int en_count, int32_t l1, int32_t l2) {
  double delta = 0.0;
  if (l1 != 0 || l2 != 0) {
    const double mean = (l1 + l2 / model.ratio) / 2.0;
    delta = (l2 - l1 * model.ratio) / std::sqrt(mean * model.variance);
  }
  return -std::log(BeadPrior(ru_count, en_count)) + NegLogTail(delta);
}

// Provisional confidence: the length-match probability, discounted for
// shapes that are rarer and more often wrong (doc/align.md).
double BeadScore(const LengthModel& model, int ru_count, int en_count, int32_t l1, int32_t l2) {
  double shape_weight = 1.0;
  if (ru_count == 0 || en_count == 0) {
    return 0.05;  // an omission: always worth a look
  }
  if (ru_count + en_count == 3) shape_weight = 0.7;
  if (ru_count + en_count == 4) shape_weight = 0.5;
  return shape_weight * LengthMatchProbability(model, l1, l2);
}

class BandedDp {
 public:
  BandedDp(std::span<const int32_t> ru, std::span<const int32_t> en, const LengthModel& model,
           int32_t half_width)
      : ru_(ru), en_(en), model_(model), n_(static_cast<int32_t>(ru.size())),
        m_(static_cast<int32_t>(en.size())), half_width_(half_width) {
    lo_.resize(n_ + 1);
    hi_.resize(n_ + 1);
    offset_.resize(n_ + 2);
    for (int32_t i = 0; i <= n_; ++i) {
      const int64_t center = n_ == 0 ? 0 : static_cast<int64_t>(i) * m_ / n_;
      lo_[i] = static_cast<int32_t>(std::max<int64_t>(0, center - half_width_));
      hi_[i] = static_cast<int32_t>(std::min<int64_t>(m_, center + half_width_));
    }
    hi_[n_] = m_;  // the end cell is always in the band (also when n == 0)
    for (int32_t i = 0; i <= n_; ++i) offset_[i + 1] = offset_[i] + (hi_[i] - lo_[i] + 1);
    cost_.assign(offset_[n_ + 1], kInf);
    back_.assign(offset_[n_ + 1], 0);
    prefix_ru_.assign(n_ + 1, 0);
    prefix_en_.assign(m_ + 1, 0);
    for (int32_t i = 0; i < n_; ++i) prefix_ru_[i + 1] = prefix_ru_[i] + ru_[i];
    for (int32_t j = 0; j < m_; ++j) prefix_en_[j + 1] = prefix_en_[j] + en_[j];
  }

  static int64_t Cells(int32_t n, int32_t m, int32_t half_width) {
    return static_cast<int64_t>(n + 1) * std::min<int64_t>(m + 1, 2 * int64_t{half_width} + 1);
  }

  void Run() {
    cost_[Index(0, 0)] = 0.0;
    for (int32_t i = 0; i <= n_; ++i) {
      for (int32_t j = lo_[i]; j <= hi_[i]; ++j) {
        if (i == 0 && j == 0) continue;
        double best = kInf;
        uint8_t best_shape = 0;
        for (uint8_t s = 1; s < kShapes.size(); ++s) {
          const int32_t pi = i - kShapes[s].ru, pj = j - kShapes[s].en;
          if (pi < 0 || pj < 0 || pj < lo_[pi] || pj > hi_[pi]) continue;
          const double prev = cost_[Index(pi, pj)];
          if (prev >= kInf) continue;
          const double c = prev + BeadCost(model_, kShapes[s].ru, kShapes[s].en,
                                           Length(prefix_ru_, pi, i), Length(prefix_en_, pj, j));
          if (c < best) {
            best = c;
            best_shape = s;
          }
        }
        cost_[Index(i, j)] = best;
        back_[Index(i, j)] = best_shape;
      }
    }
  }

  // Backtraces the best path; sets `touched_edge` when the path runs along
  // a band edge that is not also a document edge (the band may be too narrow).
  Alignment Backtrace(bool& touched_edge) const {
    Alignment beads;
    touched_edge = false;
    int32_t i = n_, j = m_;
    while (i > 0 || j > 0) {
      if ((j == lo_[i] && lo_[i] > 0) || (j == hi_[i] && hi_[i] < m_)) touched_edge = true;
      const Shape s = kShapes[back_[Index(i, j)]];
      const int32_t pi = i - s.ru, pj = j - s.en;
      const int32_t l1 = Length(prefix_ru_, pi, i), l2 = Length(prefix_en_, pj, j);
      beads.push_back({pi, s.ru, pj, s.en, BeadScore(model_, s.ru, s.en, l1, l2)});
      i = pi;
      j = pj;
    }
    std::reverse(beads.begin(), beads.end());
    return beads;
  }

 private:
  static constexpr double kInf = std::numeric_limits<double>::infinity();
  int64_t Index(int32_t i, int32_t j) const { return offset_[i] + (j - lo_[i]); }
  static int32_t Length(const std::vector<int64_t>& prefix, int32_t b, int32_t e) {
    return static_cast<int32_t>(prefix[e] - prefix[b]);
  }

  std::span<const int32_t> ru_, en_;
  LengthModel model_;
  int32_t n_, m_, half_width_;
  std::vector<int32_t> lo_, hi_;
  std::vector<int64_t> offset_;
  std::vector<double> cost_;
  std::vector<uint8_t> back_;
  std::vector<int64_t> prefix_ru_, prefix_en_;
};

}  // namespace

Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const AlignOptions& options) {
  return Align(ru_lengths, en_lengths, EstimateLengthModel(ru_lengths, en_lengths), options);
}

Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const LengthModel& model, const AlignOptions& options) {
  const auto n = static_cast<int32_t>(ru_lengths.size());
  const auto m = static_cast<int32_t>(en_lengths.size());
  // The band must at least follow the diagonal's slope, or rows would not overlap.
  const int32_t slope = n == 0 ? m : (m + n - 1) / n;
  int32_t half_width = std::max({options.initial_band, 2 * slope + 2, 2});
  while (true) {
    BandedDp dp(ru_lengths, en_lengths, model, half_width);
    dp.Run();
    bool touched_edge = false;
    Alignment beads = dp.Backtrace(touched_edge);
    const bool full = 2 * int64_t{half_width} + 1 >= int64_t{m} + 1;
    const bool at_limit = BandedDp::Cells(n, m, half_width * 2) > options.max_cells;
    if (!touched_edge || full || at_limit) return beads;
    half_width *= 2;
  }
}

}  // namespace sverka::align
