#include "align/aligner.h"

#include "align/anchor_chain.h"
#include "align/moved_beads.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <numbers>

namespace sverka::align {

size_t IntersectionSize(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  size_t n = 0;
  auto i = a.begin(), j = b.begin();
  while (i != a.end() && j != b.end()) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n;
      ++i;
      ++j;
    }
  }
  return n;
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kShapes = static_cast<int>(kBeadShapes.size());

// The shapes that pair both sides, numbered 0.. (-1: an omission).
constexpr std::array<int8_t, kBeadShapes.size()> PairSlots() {
  std::array<int8_t, kBeadShapes.size()> slot{};
  int8_t next = 0;
  for (size_t s = 0; s < kBeadShapes.size(); ++s) {
    slot[s] = kBeadShapes[s].ru > 0 && kBeadShapes[s].en > 0 ? next++ : -1;
  }
  return slot;
}
constexpr std::array<int8_t, kBeadShapes.size()> kPairSlot = PairSlots();
constexpr int kPairShapes = *std::max_element(kPairSlot.begin(), kPairSlot.end()) + 1;

// -log of the two-sided normal tail 2(1 - Phi(|d|)) = erfc(|d|/sqrt 2),
// with the asymptotic form where erfc underflows.
double NegLogTailExact(double delta) {
  const double x = std::fabs(delta) / std::numbers::sqrt2;
  if (x < 8.0) return -std::log(std::erfc(x));
  return x * x + std::log(x * std::sqrt(std::numbers::pi));
}

// The same from a table (|delta| in steps of 1/64 up to 16, linear between
// steps; error below 1e-4 nats): the DP evaluates it for every cell and shape.
class NegLogTailTable {
 public:
  NegLogTailTable() {
    for (int k = 0; k <= kSteps; ++k) table_[k] = NegLogTailExact(static_cast<double>(k) / kScale);
  }
  double operator()(double delta) const {
    const double x = std::fabs(delta) * kScale;
    if (x >= kSteps) return NegLogTailExact(delta);
    const int k = static_cast<int>(x);
    const double f = x - k;
    return table_[k] + f * (table_[k + 1] - table_[k]);
  }

 private:
  static constexpr int kScale = 64;
  static constexpr int kSteps = 16 * kScale;
  std::array<double, kSteps + 1> table_{};
};

double NegLogTail(double delta) {
  static const NegLogTailTable table;
  return table(delta);
}

// log(sum(exp(terms))) of at most kBeadShapes.size() terms, with one log.
class LogSum {
 public:
  void Add(double v) { terms_[count_++] = v; }
  double Value() const {
    if (count_ == 0) return -kInf;
    const double hi = *std::max_element(terms_.begin(), terms_.begin() + count_);
    if (hi == -kInf) return -kInf;
    // Terms below e^-20 of the largest change the sum by less than 1e-8
    // (at most 17 of them): skipped, not exponentiated. Scores are printed
    // to 3 decimals (4 in JSON).
    double sum = 0;
    for (int k = 0; k < count_; ++k) {
      const double d = terms_[k] - hi;
      if (d > -20.0) sum += std::exp(d);
    }
    return hi + std::log(sum);
  }

 private:
  std::array<double, kBeadShapes.size()> terms_{};
  int count_ = 0;
};



// Per-sentence evidence prepared once per alignment.
struct Evidence {
  std::vector<int32_t> units_ru, units_en;      // weighted counts of matchable items
  std::vector<std::vector<uint32_t>> expanded;  // ru: sorted English ids its words may translate to
  // Expected matches of a sentence pair that is not a translation, per
  // unit pair (u_ru * u_en): the rate of chance matches in this document.
  double chance_rate = 0.0;
  // Share of its units a translation matches (as Dice): the rate of true
  // matches in this document.
  double true_rate = 0.5;
};

// Weighted matches of Russian sentence i with English sentence j.
int32_t MatchOf(const SentenceFeatures& ru, const SentenceFeatures& en, const std::vector<uint32_t>& expanded,
                const AlignModel& model, const AlignOptions& options);

// With `only_ru` (sorted), the Russian side's units and targets of those
// sentences only (the others stay empty).
Evidence PrepareEvidence(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                         const TranslationTable& table, const AlignModel& model,
                         const AlignOptions& options, std::span<const int32_t> only_ru = {}) {
  Evidence ev;
  ev.units_ru.resize(ru.size());
  ev.units_en.resize(en.size());
  ev.expanded.resize(ru.size());
  // English words some Russian word may translate to: only those can match.
  std::vector<bool> is_target;
  if (options.use_words) table.MarkTargets(is_target);
  std::vector<int32_t> all;
  if (only_ru.empty()) {
    all.resize(ru.size());
    for (size_t i = 0; i < ru.size(); ++i) all[i] = static_cast<int32_t>(i);
    only_ru = all;
  }
  for (const int32_t i : only_ru) {
    int32_t units = options.use_anchors ? model.anchor_weight * static_cast<int32_t>(ru[i].anchors.size()) : 0;
    if (options.use_words) {
      auto& x = ev.expanded[i];
      for (uint32_t w : ru[i].words) {
        if (table.AppendTargets(w, x)) ++units;
      }
      std::sort(x.begin(), x.end());
      x.erase(std::unique(x.begin(), x.end()), x.end());
    }
    ev.units_ru[i] = units;
  }
  for (size_t j = 0; j < en.size(); ++j) {
    int32_t units = options.use_anchors ? model.anchor_weight * static_cast<int32_t>(en[j].anchors.size()) : 0;
    if (options.use_words) {
      for (uint32_t w : en[j].words) units += w < is_target.size() && is_target[w];
    }
    ev.units_en[j] = units;
  }
  return ev;
}

int32_t MatchOf(const SentenceFeatures& ru, const SentenceFeatures& en, const std::vector<uint32_t>& expanded,
                const AlignModel& model, const AlignOptions& options) {
  int32_t match = 0;
  if (options.use_anchors) {
    match += model.anchor_weight * static_cast<int32_t>(IntersectionSize(ru.anchors, en.anchors));
  }
  if (options.use_words) match += static_cast<int32_t>(IntersectionSize(expanded, en.words));
  return match;
}

// Estimates the document's chance and true match rates from a sample of
// sentence pairs: for each sampled Russian sentence, its best match within
// kNear sentences of the expected path is taken as its translation (its
// Dice is a sample of the true rate; the median over sentences resists the
// sentences whose translation was dropped), every other sampled pair as
// chance. Bounded work: at most kRows x (kCols + 2 kNear + 1) pairs.
void EstimateRates(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                   const std::vector<int32_t>& center, const AlignModel& model,
                   const AlignOptions& options, Evidence& ev) {
  constexpr int32_t kRows = 300, kCols = 300, kNear = 4;
  const auto n = static_cast<int32_t>(ru.size()), m = static_cast<int32_t>(en.size());
  if (n == 0 || m == 0) return;
  const int32_t rows = std::min(n, kRows), cols = std::min(m, kCols);
  double chance_matches = 0, chance_units = 0;
  std::vector<double> true_dice;
  for (int32_t r = 0; r < rows; ++r) {
    const int32_t i = static_cast<int32_t>(int64_t{r} * n / rows);
    if (ev.units_ru[i] == 0) continue;
    const int32_t c = std::clamp(center[i], 0, m - 1);
    int32_t best_j = -1, best = -1;
    for (int32_t j = std::max(0, c - kNear); j <= std::min(m - 1, c + kNear); ++j) {
      if (ev.units_en[j] == 0) continue;
      const int32_t k = MatchOf(ru[i], en[j], ev.expanded[i], model, options);
      if (k > best) {
        best = k;
        best_j = j;
      }
    }
    if (best_j >= 0) {
      true_dice.push_back(std::min(1.0, 2.0 * best / (ev.units_ru[i] + ev.units_en[best_j])));
    }
    for (int32_t q = 0; q < cols; ++q) {
      const int32_t j = static_cast<int32_t>(int64_t{q} * m / cols);
      if (j == best_j || ev.units_en[j] == 0) continue;
      chance_matches += MatchOf(ru[i], en[j], ev.expanded[i], model, options);
      chance_units += static_cast<double>(ev.units_ru[i]) * ev.units_en[j];
    }
  }
  if (chance_units > 0) ev.chance_rate = chance_matches / chance_units;
  if (!true_dice.empty()) {
    auto mid = true_dice.begin() + static_cast<ptrdiff_t>(true_dice.size() / 2);
    std::nth_element(true_dice.begin(), mid, true_dice.end());
    ev.true_rate = *mid;
  }
  ev.true_rate = std::clamp(ev.true_rate, model.min_true_rate, 0.9);
}

// Log-likelihood ratio, in nats, of a bead's matches under "translation"
// against "chance" (doc/align.md): matches are Poisson, with mean
// mu0 = chance_rate * u_ru * u_en by chance and mu0 plus
// true_rate * (u_ru + u_en) / 2 in a translation. Positive where the bead
// earns its pairing; a bead with many units and no matches is a loss.
inline double EvidenceLlr(const Evidence& ev, const AlignModel& model, double match, double u_ru, double u_en) {
  // The floor grows with the bead, or a bead of two true pairs would earn
  // more than the two pairs apart wherever chance matches are rare.
  const double gain = ev.true_rate * (u_ru + u_en) / 2.0;
  if (match == 0) return -gain;  // most candidate beads of a band: no log1p
  const double mu0 = std::max(ev.chance_rate * u_ru * u_en, model.min_chance_matches * gain);
  return match * std::log1p(gain / mu0) - gain;
}

class BandedAligner {
 public:
  BandedAligner(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                const Evidence& ev, const AlignModel& model, const AlignOptions& options,
                const std::vector<int32_t>& center, int32_t half_width)
      : ru_(ru), en_(en), ev_(ev), model_(model), options_(options),
        n_(static_cast<int32_t>(ru.size())), m_(static_cast<int32_t>(en.size())) {
    SetBoundaries();
    lo_.resize(n_ + 1);
    hi_.resize(n_ + 1);
    for (int32_t i = 0; i <= n_; ++i) {
      // The band stays on the side of every boundary its row lies on; a
      // boundary's own row is centred on it, so the band holds it.
      const bool cut = !cut_at_row_.empty() && cut_at_row_[i] >= 0;
      const int32_t c = cut_at_row_.empty() ? center[i]
                        : cut               ? cut_at_row_[i]
                                            : std::clamp(center[i], floor_[i], ceil_[i]);
      lo_[i] = std::max(Floor(i), c - half_width);
      hi_[i] = std::min(Ceil(i), (cut ? cut_end_at_row_[i] : c) + half_width);
    }
    lo_[0] = 0;
    hi_[n_] = m_;
    // Keep the band monotone, and every row starting no later than the
    // previous one ends: then every cell is reachable from (0, 0).
    for (int32_t i = 1; i <= n_; ++i) {
      hi_[i] = std::max(hi_[i], hi_[i - 1]);
      lo_[i] = std::min(std::max(lo_[i], lo_[i - 1]), hi_[i - 1]);
    }
    // The 1-1 bead of a boundary's headings ends inside the band.
    for (const Cut& c : cuts_) {
      if (!c.headings) continue;
      lo_[c.ru + 1] = std::min(lo_[c.ru + 1], c.en + 1);
      hi_[c.ru + 1] = std::max(hi_[c.ru + 1], c.en + 1);
    }
    offset_.assign(n_ + 2, 0);
    for (int32_t i = 0; i <= n_; ++i) offset_[i + 1] = offset_[i] + (hi_[i] - lo_[i] + 1);
    prefix_ru_.assign(n_ + 1, 0);
    prefix_en_.assign(m_ + 1, 0);
    for (int32_t i = 0; i < n_; ++i) prefix_ru_[i + 1] = prefix_ru_[i] + ru_[i].length;
    for (int32_t j = 0; j < m_; ++j) prefix_en_[j + 1] = prefix_en_[j] + en_[j].length;
    units_ru_.assign(n_ + 1, 0);
    units_en_.assign(m_ + 1, 0);
    for (int32_t i = 0; i < n_; ++i) units_ru_[i + 1] = units_ru_[i] + ev_.units_ru[i];
    for (int32_t j = 0; j < m_; ++j) units_en_[j + 1] = units_en_[j] + ev_.units_en[j];
    for (int s = 0; s < kShapes; ++s) neg_log_prior_[s] = -std::log(model_.priors[s]);
    // Continuing a run instead of opening one (SetRunPriors: a run of k is
    // the opening's prior times the continuation's to the k - 1).
    ru_continue_cost_ = std::log(model_.priors[1] / kOmissionContinuation);
    en_continue_cost_ = std::log(model_.priors[2] / kOmissionContinuation);
    BuildPairTable();
  }

  static int64_t Cells(int32_t n, int32_t m, int32_t half_width) {
    return static_cast<int64_t>(n + 1) * std::min<int64_t>(m + 1, 2 * int64_t{half_width} + 1);
  }

  // Viterbi, and with `sums` the forward sums, in one sweep.
  void Forward(bool sums) {
    const int64_t cells = offset_[n_ + 1];
    sums_ = sums;
    best_.assign(cells, kInf);
    back_.assign(cells, 0);
    if (sums) {
      costs_.assign(cells * kPairShapes, 0.0f);
      alpha_.assign(cells, -kInf);
      alpha_[Index(0, 0)] = 0.0;
    }
    best_[Index(0, 0)] = 0.0;
    for (int32_t i = 0; i <= n_; ++i) {
      for (int32_t j = lo_[i]; j <= hi_[i]; ++j) {
        if (i == 0 && j == 0) continue;
        double best = kInf;
        LogSum alpha;
        uint8_t best_shape = 0;
        for (int s = 0; s < kShapes; ++s) {
          const int32_t pi = i - kBeadShapes[s].ru, pj = j - kBeadShapes[s].en;
          if (pi < 0 || pj < 0 || pj < lo_[pi] || pj > hi_[pi]) continue;
          if (!cut_at_row_.empty() && Crosses(s, pi, pj, i, j)) continue;
          const int64_t p = Index(pi, pj);
          if (best_[p] == kInf) continue;
          const double c = Cost(s, pi, i, pj, j);
          if (best_[p] + c < best) {
            best = best_[p] + c;
            best_shape = static_cast<uint8_t>(s + 1);
          }
          if (sums) {
            if (kPairSlot[s] >= 0) costs_[Index(i, j) * kPairShapes + kPairSlot[s]] = static_cast<float>(c);
            alpha.Add(alpha_[p] - c);
          }
        }
        best_[Index(i, j)] = best;
        back_[Index(i, j)] = best_shape;
        if (sums) alpha_[Index(i, j)] = alpha.Value();
      }
    }
  }

  // Backward sums, and the expected count of every bead shape; frees the
  // Viterbi costs (no longer needed).
  void Backward(AlignStats* stats) {
    std::vector<double>().swap(best_);
    beta_.assign(offset_[n_ + 1], -kInf);
    unpaired_ru_.assign(n_, 0.0);
    unpaired_en_.assign(m_, 0.0);
    beta_[Index(n_, m_)] = 0.0;
    const double total = alpha_[Index(n_, m_)];
    for (int32_t i = n_; i >= 0; --i) {
      for (int32_t j = hi_[i]; j >= lo_[i]; --j) {
        if (i == n_ && j == m_) continue;
        const double alpha = alpha_[Index(i, j)];
        LogSum beta;
        for (int s = 0; s < kShapes; ++s) {
          const int32_t ni = i + kBeadShapes[s].ru, nj = j + kBeadShapes[s].en;
          if (ni > n_ || nj > m_ || nj < lo_[ni] || nj > hi_[ni]) continue;
          if (!cut_at_row_.empty() && Crosses(s, i, j, ni, nj)) continue;
          const double b = beta_[Index(ni, nj)];
          if (b == -kInf) continue;
          // An omission's cost is its prior alone (Cost): not stored.
          const double cost =
              kPairSlot[s] >= 0 ? costs_[Index(ni, nj) * kPairShapes + kPairSlot[s]] : OmissionCost(s, i, j);
          const double through = b - cost;
          beta.Add(through);
          if (alpha == -kInf) continue;
          const bool omission = kPairSlot[s] < 0;
          if (!stats && !omission) continue;
          // Beads off the likely paths (posterior below e^-40) add nothing a
          // double can hold: no exp for them (most cells of the band).
          const double log_p = alpha + through - total;
          if (log_p < -40.0) continue;
          const double p = std::exp(log_p);
          if (stats) stats->expected_shapes[s] += p;
          for (int32_t k = i; k < ni; ++k) unpaired_ru_[k] += p;
          for (int32_t k = j; k < nj; ++k) unpaired_en_[k] += p;
        }
        beta_[Index(i, j)] = beta.Value();
      }
    }
  }

  // The best path; `touched_edge` when it runs along a band edge that is not
  // a document edge (the band may be too narrow there).
  Alignment Backtrace(bool& touched_edge) const {
    Alignment beads;
    touched_edge = false;
    int32_t i = n_, j = m_;
    while (i > 0 || j > 0) {
      if ((j == lo_[i] && lo_[i] > Floor(i)) || (j == hi_[i] && hi_[i] < Ceil(i))) touched_edge = true;
      const int s = back_[Index(i, j)] - 1;
      const int32_t pi = i - kBeadShapes[s].ru, pj = j - kBeadShapes[s].en;
      beads.push_back({pi, kBeadShapes[s].ru, pj, kBeadShapes[s].en, static_cast<double>(s)});
      i = pi;
      j = pj;
    }
    std::reverse(beads.begin(), beads.end());
    return beads;
  }

  // Scores the 1-0 / 0-1 beads of `beads` (runs split) by the posterior
  // probability that their sentence is unpaired, whatever run it is in,
  // times model_.omission_score.
  void ScoreOmissions(Alignment& beads) const {
    for (Bead& b : beads) {
      if (b.ru_count + b.en_count != 1) continue;
      const double p = b.ru_count ? unpaired_ru_[b.ru_begin] : unpaired_en_[b.en_begin];
      b.score = std::clamp(p, 0.0, 1.0) * (options_.evidence_in_score ? model_.omission_score : 1.0);
    }
  }

  // Replaces each bead's score (holding its shape index) by its posterior.
  void ScorePosteriors(Alignment& beads) const {
    const double total = alpha_[Index(n_, m_)];
    for (Bead& b : beads) {
      const int s = static_cast<int>(b.score);
      const double c = Cost(s, b.ru_begin, b.ru_end(), b.en_begin, b.en_end());
      const double log_p = alpha_[Index(b.ru_begin, b.en_begin)] - c +
                           beta_[Index(b.ru_end(), b.en_end())] - total;
      b.score = std::clamp(std::exp(log_p), 0.0, 1.0);
      if (options_.evidence_in_score) b.score *= EvidenceConfidence(b);
    }
  }

 private:
  int64_t Index(int32_t i, int32_t j) const { return offset_[i] + (j - lo_[i]); }

  // The English range row i may reach, given the boundaries (else 0..m).
  int32_t Floor(int32_t i) const { return floor_.empty() ? 0 : floor_[i]; }
  int32_t Ceil(int32_t i) const { return ceil_.empty() ? m_ : ceil_[i]; }

  // From options_.boundaries and options_.waypoints, in one list ordered on
  // both sides: the English span of the cuts on each row (-1: none), and
  // every row's range: at or after the English of a cut on an earlier row,
  // at or before that of one on a later row.
  void SetBoundaries() {
    if (!MergeCuts()) return;
    cut_at_row_.assign(n_ + 1, -1);
    cut_end_at_row_.assign(n_ + 1, -1);
    floor_.assign(n_ + 1, 0);
    ceil_.assign(n_ + 1, m_);
    first_cut_.assign(n_ + 2, 0);
    for (const Cut& c : cuts_) {
      if (cut_at_row_[c.ru] < 0) cut_at_row_[c.ru] = c.en;  // the first is the lowest
      cut_end_at_row_[c.ru] = c.en;
    }
    int32_t below = 0;
    for (int32_t i = 0; i <= n_; ++i) {
      floor_[i] = below;
      if (cut_at_row_[i] >= 0) below = cut_end_at_row_[i];
    }
    int32_t above = m_;
    for (int32_t i = n_; i >= 0; --i) {
      ceil_[i] = above;
      if (cut_at_row_[i] >= 0) above = cut_at_row_[i];
    }
    size_t k = cuts_.size();
    first_cut_[n_ + 1] = static_cast<int32_t>(k);
    for (int32_t i = n_; i >= 0; --i) {
      while (k > 0 && cuts_[k - 1].ru >= i) --k;
      first_cut_[i] = static_cast<int32_t>(k);
    }
  }

  // Merges the boundaries (strictly increasing on both sides, inside the
  // document) and the waypoints (non-decreasing, 0..n / 0..m) into cuts_;
  // false, and none at all, when they are not ordered on both sides
  // together: a caller's mistake must not lose the path.
  bool MergeCuts() {
    cuts_.clear();
    int32_t last_r = -1, last_e = -1;
    for (const auto& [r, e] : options_.boundaries) {
      if (r <= last_r || e <= last_e || r >= n_ || e >= m_) return false;
      last_r = r;
      last_e = e;
      cuts_.push_back({r, e, true});
    }
    last_r = last_e = 0;
    for (const auto& [r, e] : options_.waypoints) {
      if (r < last_r || e < last_e || r > n_ || e > m_) return false;
      last_r = r;
      last_e = e;
      cuts_.push_back({r, e, false});
    }
    std::stable_sort(cuts_.begin(), cuts_.end(), [](const Cut& a, const Cut& b) {
      return a.ru != b.ru ? a.ru < b.ru : a.en < b.en;
    });
    for (size_t k = 1; k < cuts_.size(); ++k) {
      if (cuts_[k].en < cuts_[k - 1].en) {
        cuts_.clear();
        return false;
      }
    }
    return !cuts_.empty();
  }

  // Whether the bead of shape `s` from (i0, j0) to (i1, j1) crosses a cut:
  // it neither ends before nor starts after it; or it starts at a
  // boundary and is not the 1-1 bead of its two headings.
  bool Crosses(int s, int32_t i0, int32_t j0, int32_t i1, int32_t j1) const {
    for (auto k = static_cast<size_t>(first_cut_[i0]); k < cuts_.size() && cuts_[k].ru <= i1; ++k) {
      const Cut& c = cuts_[k];
      if (i0 == c.ru && j0 == c.en) {
        if (c.headings && s != 0) return true;
        continue;
      }
      if (i1 == c.ru && j1 == c.en) continue;
      if (j0 <= c.en && c.en <= j1) return true;
    }
    return false;
  }

  // Pair matches for sentence pairs (i, j) a bead ending in the band can hold.
  void BuildPairTable() {
    pair_lo_.resize(n_);
    pair_offset_.assign(n_ + 1, 0);
    std::vector<int32_t> pair_hi(n_);
    for (int32_t i = 0; i < n_; ++i) {
      pair_lo_[i] = std::max(0, lo_[i + 1] - 3);
      pair_hi[i] = std::min(m_ - 1, hi_[std::min(n_, i + 3)] - 1);
      pair_offset_[i + 1] = pair_offset_[i] + std::max(0, pair_hi[i] - pair_lo_[i] + 1);
    }
    pair_.assign(pair_offset_[n_], 0);
    shared_.assign(pair_offset_[n_], 0);
    std::vector<uint32_t> common_anchors, common_targets;
    for (int32_t i = 0; i < n_; ++i) {
      // What Russian sentences i and i + 1 have in common: an English word
      // both may translate to is one match in a bead holding both, not two.
      common_anchors.clear();
      common_targets.clear();
      if (i + 1 < n_) {
        std::set_intersection(ru_[i].anchors.begin(), ru_[i].anchors.end(), ru_[i + 1].anchors.begin(),
                              ru_[i + 1].anchors.end(), std::back_inserter(common_anchors));
        std::set_intersection(ev_.expanded[i].begin(), ev_.expanded[i].end(), ev_.expanded[i + 1].begin(),
                              ev_.expanded[i + 1].end(), std::back_inserter(common_targets));
      }
      for (int32_t j = pair_lo_[i]; j <= pair_hi[i]; ++j) {
        int32_t match = 0, shared = 0;
        if (options_.use_anchors) {
          match += model_.anchor_weight * static_cast<int32_t>(IntersectionSize(ru_[i].anchors, en_[j].anchors));
          if (!common_anchors.empty()) {
            shared += model_.anchor_weight * static_cast<int32_t>(IntersectionSize(common_anchors, en_[j].anchors));
          }
        }
        if (options_.use_words) {
          match += static_cast<int32_t>(IntersectionSize(ev_.expanded[i], en_[j].words));
          if (!common_targets.empty()) shared += static_cast<int32_t>(IntersectionSize(common_targets, en_[j].words));
        }
        pair_[pair_offset_[i] + (j - pair_lo_[i])] = static_cast<int16_t>(std::min(match, 32767));
        shared_[pair_offset_[i] + (j - pair_lo_[i])] = static_cast<int16_t>(std::min(shared, 32767));
      }
    }
  }

  // The matches of a bead: the English words (and anchors) of its English
  // sentences that some word of its Russian sentences may translate to,
  // each counted once per English sentence (a title and the lead that
  // repeats it would otherwise count their shared words twice in a 2-2
  // bead). Three Russian sentences: the pairwise overlaps only.
  int64_t BeadMatch(int32_t i0, int32_t i1, int32_t j0, int32_t j1) const {
    int64_t match = 0;
    for (int32_t i = i0; i < i1; ++i) {
      for (int32_t j = j0; j < j1; ++j) {
        match += PairMatch(i, j);
        if (i + 1 < i1) match -= Lookup(shared_, i, j);
      }
    }
    return match;
  }

  double EvidenceLlr(double match, double u_ru, double u_en) const {
    return align::EvidenceLlr(ev_, model_, match, u_ru, u_en);
  }

  // How far a bead's own evidence makes it a translation, in (0, 1): the
  // logistic of its weighted evidence ratio plus model_.score_bias, so that
  // a bead without evidence stays below 0.9 and one whose units go
  // unmatched falls towards 0; an omission is at most model_.omission_score
  // (it pairs nothing: a reviewer should look, after the doubtful pairs).
  double EvidenceConfidence(const Bead& b) const {
    if (b.ru_count == 0 || b.en_count == 0) return model_.omission_score;
    const auto u_ru = static_cast<double>(units_ru_[b.ru_end()] - units_ru_[b.ru_begin]);
    const auto u_en = static_cast<double>(units_en_[b.en_end()] - units_en_[b.en_begin]);
    double llr = 0;
    if (u_ru + u_en > 0) {
      llr = EvidenceLlr(static_cast<double>(BeadMatch(b.ru_begin, b.ru_end(), b.en_begin, b.en_end())), u_ru, u_en);
    }
    return 1.0 / (1.0 + std::exp(-(model_.evidence_weight * llr + model_.score_bias)));
  }

  int32_t PairMatch(int32_t i, int32_t j) const { return Lookup(pair_, i, j); }

  int32_t Lookup(const std::vector<int16_t>& table, int32_t i, int32_t j) const {
    const int64_t k = j - pair_lo_[i];
    if (k < 0 || pair_offset_[i] + k >= pair_offset_[i + 1]) return 0;
    return table[pair_offset_[i] + k];
  }

  // The cost of an omission of shape `s` from (i0, j0): its prior, or
  // where it continues an omission fixed in advance (options_.ru_continues,
  // en_continues) that of continuing a run instead of opening one.
  double OmissionCost(int s, int32_t i0, int32_t j0) const {
    double cost = neg_log_prior_[s];
    const BeadShape shape = kBeadShapes[s];
    if (shape.ru > 0 && i0 < static_cast<int32_t>(options_.ru_continues.size()) && options_.ru_continues[i0]) {
      cost += ru_continue_cost_;
    }
    if (shape.en > 0 && j0 < static_cast<int32_t>(options_.en_continues.size()) && options_.en_continues[j0]) {
      cost += en_continue_cost_;
    }
    return cost;
  }

  // Cost of the bead of shape `s` covering ru [i0, i1) and en [j0, j1).
  double Cost(int s, int32_t i0, int32_t i1, int32_t j0, int32_t j1) const {
    if (i0 == i1 || j0 == j1) return OmissionCost(s, i0, j0);  // its prior only
    double cost = neg_log_prior_[s];
    const auto l1 = static_cast<double>(prefix_ru_[i1] - prefix_ru_[i0]);
    const auto l2 = static_cast<double>(prefix_en_[j1] - prefix_en_[j0]);
    const double ratio = model_.length.ratio;
    const double mean = (l1 + l2 / ratio) / 2.0;
    if (mean > 0) cost += NegLogTail((l2 - l1 * ratio) / std::sqrt(mean * model_.length.variance));
    const auto u_ru = static_cast<double>(units_ru_[i1] - units_ru_[i0]);
    const auto u_en = static_cast<double>(units_en_[j1] - units_en_[j0]);
    if (u_ru + u_en > 0) {
      cost -= model_.evidence_weight * EvidenceLlr(static_cast<double>(BeadMatch(i0, i1, j0, j1)), u_ru, u_en);
    }
    return cost;
  }

  std::span<const SentenceFeatures> ru_, en_;
  const Evidence& ev_;
  const AlignModel& model_;
  const AlignOptions& options_;
  int32_t n_, m_;
  std::vector<int32_t> lo_, hi_;
  std::vector<int64_t> offset_;
  std::vector<int64_t> prefix_ru_, prefix_en_, units_ru_, units_en_;
  std::array<double, kBeadShapes.size()> neg_log_prior_{};
  double ru_continue_cost_ = 0, en_continue_cost_ = 0;  // added to an omission that continues one (OmissionCost)
  std::vector<int32_t> pair_lo_;
  std::vector<int64_t> pair_offset_;
  std::vector<int16_t> pair_;
  // Matches of English sentence j shared by Russian sentences i and i + 1
  // (what a bead holding both would count twice), in pair_'s layout.
  std::vector<int16_t> shared_;
  std::vector<double> best_, alpha_, beta_;
  // Posterior probability that each sentence is left unpaired (Backward).
  std::vector<double> unpaired_ru_, unpaired_en_;
  // Cost of each pairing bead shape (kPairSlot) by end cell, from
  // Forward(true); an omission costs its prior only and is not stored.
  std::vector<float> costs_;
  bool sums_ = false;
  std::vector<uint8_t> back_;
  // A point the path passes through: a boundary (`headings`: the bead
  // starting there is 1-1) or a waypoint (any bead may start there).
  struct Cut {
    int32_t ru, en;
    bool headings;
  };
  // Boundaries and waypoints (SetBoundaries); all empty without them. A row
  // may hold several waypoints: cut_at_row_ is the English of its first,
  // cut_end_at_row_ of its last.
  std::vector<Cut> cuts_;
  std::vector<int32_t> cut_at_row_, cut_end_at_row_, floor_, ceil_, first_cut_;
};

}  // namespace

std::vector<std::pair<int32_t, int32_t>> LexicalPairs(std::span<const SentenceFeatures> ru,
                                                      std::span<const SentenceFeatures> en,
                                                      const TranslationTable& table, const AlignModel& model,
                                                      const AlignOptions& options) {
  // A pair must share this many units, this share of them (Dice), and this
  // many times the share of the sentence's next best candidate.
  constexpr int32_t kRows = 200, kMinWindow = 100, kMaxWindow = 1000, kMinMatch = 3;
  constexpr double kMinDice = 0.3, kMargin = 1.3;
  const auto n = static_cast<int32_t>(ru.size()), m = static_cast<int32_t>(en.size());
  if (n == 0 || m == 0) return {};
  const int32_t rows = std::min(n, kRows);
  std::vector<int32_t> sample(rows);
  for (int32_t r = 0; r < rows; ++r) sample[r] = static_cast<int32_t>(int64_t{r} * n / rows);
  const Evidence ev = PrepareEvidence(ru, en, table, model, options, sample);
  const std::vector<int32_t> center = LengthDiagonal(ru, en);
  const int32_t half = std::clamp(m / 4, kMinWindow, kMaxWindow);
  std::vector<std::pair<int32_t, int32_t>> points;
  for (const int32_t i : sample) {
    if (ev.units_ru[i] < kMinMatch) continue;
    double best = 0, second = 0;
    int32_t best_j = -1, best_match = 0;
    for (int32_t j = std::max(0, center[i] - half); j <= std::min(m - 1, center[i] + half); ++j) {
      if (ev.units_en[j] == 0) continue;
      const int32_t k = MatchOf(ru[i], en[j], ev.expanded[i], model, options);
      if (k == 0) continue;
      // The share of the less covered side: a sentence that is half of a
      // 2-1 bead covers its English only half (its length would mislead).
      const double dice = static_cast<double>(k) / std::max(ev.units_ru[i], ev.units_en[j]);
      if (dice > best) {
        second = best;
        best = dice;
        best_j = j;
        best_match = k;
      } else if (dice > second) {
        second = dice;
      }
    }
    if (best_j >= 0 && best_match >= kMinMatch && best >= kMinDice && best >= kMargin * second) {
      points.emplace_back(i, best_j);
    }
  }
  return LongestChain(std::move(points));
}

std::vector<int32_t> PathOf(const Alignment& beads, int32_t n) {
  std::vector<int32_t> path(n + 1, 0);
  for (const Bead& b : beads) {
    for (int32_t i = b.ru_begin; i <= b.ru_end(); ++i) {
      path[i] = b.en_begin + (i - b.ru_begin == b.ru_count ? b.en_count : 0);
    }
  }
  return path;
}

namespace {


// A run of k omitted sentences as k beads of one sentence, each with the
// run's score.
Alignment SplitRuns(const Alignment& beads) {
  Alignment out;
  out.reserve(beads.size());
  for (const Bead& b : beads) {
    if ((b.ru_count == 0) == (b.en_count == 0) || b.ru_count + b.en_count == 1) {
      out.push_back(b);
      continue;
    }
    for (int32_t k = 0; k < b.ru_count; ++k) out.push_back({b.ru_begin + k, 1, b.en_begin, 0, b.score});
    for (int32_t k = 0; k < b.en_count; ++k) out.push_back({b.ru_begin, 0, b.en_begin + k, 1, b.score});
  }
  return out;
}

// Runs the banded DP, re-centring on the path found while it runs into the
// band's edge (a few rounds), then widening; with `posteriors` scores beads.
Alignment BandedSearch(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                       const Evidence& ev, const AlignModel& model, const AlignOptions& options,
                       std::vector<int32_t> center, int32_t half_width, bool posteriors,
                       AlignStats* stats) {
  const auto n = static_cast<int32_t>(ru.size());
  const auto m = static_cast<int32_t>(en.size());
  for (int round = 0;; ++round) {
    BandedAligner dp(ru, en, ev, model, options, center, half_width);
    dp.Forward(posteriors);
    bool touched_edge = false;
    Alignment beads = dp.Backtrace(touched_edge);
    const bool full = 2 * int64_t{half_width} + 1 >= int64_t{m} + 1;
    const bool at_limit = BandedAligner::Cells(n, m, half_width * 2) > options.max_cells;
    if (!touched_edge || full || at_limit) {
      if (!posteriors) return SplitRuns(beads);
      dp.Backward(stats);
      dp.ScorePosteriors(beads);
      beads = SplitRuns(beads);
      dp.ScoreOmissions(beads);
      return beads;
    }
    // The path ran into the band's edge: the expected path was off there.
    // Re-centre on the path found (it bends towards the true one) for a few
    // rounds, then widen: a local detour costs a few narrow passes, not a
    // wide one over the whole document.
    center = PathOf(beads, n);
    if (round >= 2) half_width *= 2;
  }
}

// Pairs the sentences the monotone search left unpaired where they
// translate each other across the path: a paragraph the translation moved
// leaves a run of 1-0 beads on one side of the path and a run of 0-1 beads
// on the other. The unpaired sentences of each side, in order, are aligned
// as two small documents with the document's own rates; a pair of that
// alignment becomes a moved bead when its sentences are consecutive in the
// document, it crosses a pair of the path (else the monotone search, which
// could take it, chose not to), and its score and evidence reach the
// options' floors. Work: one alignment of the unpaired sentences.
void PairMoved(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
               const Evidence& ev, const AlignModel& model, const AlignOptions& options,
               Alignment& beads) {
  std::vector<int32_t> lone_ru, lone_en;
  for (const Bead& b : beads) {
    if (b.ru_count == 1 && b.en_count == 0) lone_ru.push_back(b.ru_begin);
    if (b.ru_count == 0 && b.en_count == 1) lone_en.push_back(b.en_begin);
  }
  if (lone_ru.empty() || lone_en.empty()) return;
  const auto n = static_cast<int32_t>(ru.size());
  // For each Russian position, the English end of the last pair before it
  // and the English start of the first pair from it on (the path's corridor).
  std::vector<int32_t> end_before(n + 1, 0), begin_after(n + 1, static_cast<int32_t>(en.size()));
  for (const Bead& b : beads) {
    if (b.ru_count == 0 || b.en_count == 0) continue;
    end_before[b.ru_end()] = std::max(end_before[b.ru_end()], b.en_end());
    begin_after[b.ru_begin] = std::min(begin_after[b.ru_begin], b.en_begin);
  }
  for (int32_t i = 1; i <= n; ++i) end_before[i] = std::max(end_before[i], end_before[i - 1]);
  for (int32_t i = n - 1; i >= 0; --i) begin_after[i] = std::min(begin_after[i], begin_after[i + 1]);

  std::vector<SentenceFeatures> sub_ru, sub_en;
  Evidence sub;
  sub.chance_rate = ev.chance_rate;
  sub.true_rate = ev.true_rate;
  for (int32_t i : lone_ru) {
    sub_ru.push_back(ru[i]);
    sub.units_ru.push_back(ev.units_ru[i]);
    sub.expanded.push_back(ev.expanded[i]);
  }
  for (int32_t j : lone_en) {
    sub_en.push_back(en[j]);
    sub.units_en.push_back(ev.units_en[j]);
  }
  const auto sn = static_cast<int32_t>(sub_ru.size()), sm = static_cast<int32_t>(sub_en.size());
  std::vector<int32_t> center = options.use_anchors ? ExpectedPath(sub_ru, sub_en, options.initial_band)
                                                    : LengthDiagonal(sub_ru, sub_en);
  const int32_t slope = (sm + sn - 1) / sn;
  AlignOptions sub_options = options;
  sub_options.pair_moved = false;
  sub_options.evidence_in_score = true;
  // A moved paragraph may come from another section: the leftovers of all
  // sections are aligned together (doc/align.md, "Structure").
  sub_options.boundaries.clear();
  sub_options.waypoints.clear();
  sub_options.ru_continues.clear();
  sub_options.en_continues.clear();
  const int32_t half_width = std::max({options.initial_band, 2 * slope + 2, 4});
  center = PathOf(BandedSearch(sub_ru, sub_en, sub, model, sub_options, std::move(center), half_width, false,
                               nullptr),
                  sn);
  const Alignment found = BandedSearch(sub_ru, sub_en, sub, model, sub_options, std::move(center),
                                       std::max(options.fine_band, 2 * slope + 2), true, nullptr);

  auto consecutive = [](const std::vector<int32_t>& at, int32_t begin, int32_t count) {
    return at[begin + count - 1] - at[begin] == count - 1;
  };
  // Candidates: pairs of consecutive sentences that cross the path, with
  // their evidence; a block of candidates adjacent on both sides (a moved
  // paragraph) is kept or dropped as a whole, on its summed evidence.
  std::vector<Bead> candidates;
  std::vector<double> llr;
  for (const Bead& c : found) {
    if (c.ru_count == 0 || c.en_count == 0 || c.score < options.moved_min_score) continue;
    if (!consecutive(lone_ru, c.ru_begin, c.ru_count) || !consecutive(lone_en, c.en_begin, c.en_count)) continue;
    Bead b{lone_ru[c.ru_begin], c.ru_count, lone_en[c.en_begin], c.en_count, c.score};
    const bool crosses = b.en_begin < end_before[b.ru_begin] || b.en_end() > begin_after[b.ru_end()];
    if (!crosses) continue;
    double match = 0, u_ru = 0, u_en = 0;
    for (int32_t i = b.ru_begin; i < b.ru_end(); ++i) u_ru += ev.units_ru[i];
    for (int32_t j = b.en_begin; j < b.en_end(); ++j) u_en += ev.units_en[j];
    for (int32_t i = b.ru_begin; i < b.ru_end(); ++i) {
      for (int32_t j = b.en_begin; j < b.en_end(); ++j) match += MatchOf(ru[i], en[j], ev.expanded[i], model, options);
    }
    candidates.push_back(b);
    llr.push_back(EvidenceLlr(ev, model, match, u_ru, u_en));
  }
  const double min_llr = options.moved_min_llr;
  std::vector<Bead> moved;
  std::vector<bool> used_ru(ru.size(), false), used_en(en.size(), false);
  for (size_t k = 0; k < candidates.size();) {
    size_t end = k + 1;
    double sum = llr[k];
    while (end < candidates.size() && candidates[end].ru_begin == candidates[end - 1].ru_end() &&
           candidates[end].en_begin == candidates[end - 1].en_end()) {
      sum += llr[end++];
    }
    // A block of several pairs consecutive and in order on both sides is
    // evidence by itself; one lone pair has only its words.
    if (sum >= (end - k > 1 ? min_llr : options.moved_min_llr_single)) {
      for (size_t q = k; q < end; ++q) {
        const Bead& b = candidates[q];
        for (int32_t i = b.ru_begin; i < b.ru_end(); ++i) used_ru[i] = true;
        for (int32_t j = b.en_begin; j < b.en_end(); ++j) used_en[j] = true;
        moved.push_back(b);
      }
    }
    k = end;
  }
  if (moved.empty()) return;
  Alignment out;
  out.reserve(beads.size());
  size_t next = 0;  // moved beads are in Russian order, as `found` is
  for (const Bead& b : beads) {
    if (b.ru_count == 1 && b.en_count == 0 && used_ru[b.ru_begin]) {
      if (next < moved.size() && moved[next].ru_begin == b.ru_begin) out.push_back(moved[next++]);
      continue;
    }
    if (b.ru_count == 0 && b.en_count == 1 && used_en[b.en_begin]) continue;
    out.push_back(b);
  }
  beads = std::move(out);
}

}  // namespace

BeadCoster::BeadCoster(const TranslationTable& table, const AlignModel& model, const AlignOptions& options,
                       const EvidenceRates& rates)
    : table_(table), model_(model), options_(options), rates_(rates) {
  if (options_.use_words) table_.MarkTargets(is_target_);
}

BeadCoster::Side BeadCoster::Prepare(SentenceFeatures features, bool russian) const {
  Side side;
  side.units = options_.use_anchors ? model_.anchor_weight * static_cast<int32_t>(features.anchors.size()) : 0;
  if (options_.use_words) {
    if (russian) {
      for (uint32_t w : features.words) {
        if (table_.AppendTargets(w, side.expanded)) ++side.units;
      }
      std::sort(side.expanded.begin(), side.expanded.end());
      side.expanded.erase(std::unique(side.expanded.begin(), side.expanded.end()), side.expanded.end());
    } else {
      for (uint32_t w : features.words) side.units += w < is_target_.size() && is_target_[w];
    }
  }
  side.features = std::move(features);
  return side;
}

BeadCoster::Cost BeadCoster::operator()(const Side& ru, const Side& en, int shape) const {
  Cost c;
  c.cost = -std::log(model_.priors[shape]);
  const auto l1 = static_cast<double>(ru.features.length), l2 = static_cast<double>(en.features.length);
  const double ratio = model_.length.ratio;
  const double mean = (l1 + l2 / ratio) / 2.0;
  if (mean > 0) c.cost += NegLogTail((l2 - l1 * ratio) / std::sqrt(mean * model_.length.variance));
  Evidence ev;
  ev.chance_rate = rates_.chance_rate;
  ev.true_rate = rates_.true_rate;
  if (ru.units + en.units > 0) {
    const double match = MatchOf(ru.features, en.features, ru.expanded, model_, options_);
    c.llr = align::EvidenceLlr(ev, model_, match, ru.units, en.units);
    c.cost -= model_.evidence_weight * c.llr;
  }
  c.score = 1.0 / (1.0 + std::exp(-(model_.evidence_weight * c.llr + model_.score_bias)));
  return c;
}

BeadCoster::Cost BeadCoster::operator()(const SentenceFeatures& ru, const SentenceFeatures& en, int shape) const {
  return (*this)(Prepare(ru, true), Prepare(en, false), shape);
}

SentenceFeatures MergeFeatures(std::span<const SentenceFeatures> parts, int32_t joins) {
  SentenceFeatures out;
  out.length = joins;
  for (const SentenceFeatures& p : parts) {
    out.length += p.length;
    out.anchors.insert(out.anchors.end(), p.anchors.begin(), p.anchors.end());
    out.words.insert(out.words.end(), p.words.begin(), p.words.end());
  }
  for (auto* v : {&out.anchors, &out.words}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return out;
}

void SetRunPriors(std::array<double, kBeadShapes.size()>& priors, double continuation) {
  for (int s = kBaseShapes; s < kShapes; ++s) {
    const BeadShape shape = kBeadShapes[s];
    const int k = shape.ru + shape.en;
    priors[s] = priors[shape.ru > 0 ? 1 : 2] * std::pow(continuation, k - 1);
  }
}

AlignModel DefaultModel() {
  AlignModel model;
  // Gale & Church 1993: P(1-1)=.89, P(1-0 or 0-1)=.0099, P(2-1 or 1-2)=.089,
  // P(2-2)=.011. 3-1 and 1-3 (absent there) take a small share.
  // Omissions: 0.02 each, four times Gale and Church's (real translations
  // drop and add whole paragraphs; with evidence that must earn a pairing
  // the higher prior no longer swallows true pairs: doc/align.md).
  model.priors = {0.89, 0.02, 0.02, 0.089 / 2, 0.089 / 2, 0.011, 0.002, 0.002};
  SetRunPriors(model.priors, kOmissionContinuation);
  return model;
}

Alignment Align(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                const TranslationTable& table, const AlignModel& model,
                const AlignOptions& options, AlignStats* stats, EvidenceRates* rates) {
  const auto n = static_cast<int32_t>(ru.size());
  const auto m = static_cast<int32_t>(en.size());
  if (n == 0 && m == 0) return {};
  Evidence ev = PrepareEvidence(ru, en, table, model, options);
  std::vector<int32_t> center = options.expected_path;
  if (center.size() != static_cast<size_t>(n) + 1) {
    // Anchors further than the first band from the length diagonal are
    // more likely accidental than a real detour.
    center = options.use_anchors ? ExpectedPath(ru, en, options.initial_band)
                                 : LengthDiagonal(ru, en);
  }
  EstimateRates(ru, en, center, model, options, ev);
  if (rates) *rates = {ev.chance_rate, ev.true_rate};
  // The band must at least follow the path's slope, or rows would not overlap.
  const int32_t slope = n == 0 ? m : (m + n - 1) / n;
  int32_t half_width = std::max({options.initial_band, 2 * slope + 2, 4});
  // Coarse: Viterbi only, in a wide band around the expected path, to find
  // where the path runs; skipped when the caller knows (a second pass).
  if (options.expected_path.size() != static_cast<size_t>(n) + 1) {
    center = PathOf(BandedSearch(ru, en, ev, model, options, std::move(center), half_width, false, nullptr), n);
  }
  // Fine: Viterbi and forward-backward posteriors in a narrow band around it.
  Alignment beads = BandedSearch(ru, en, ev, model, options, std::move(center),
                                 std::max(options.fine_band, 2 * slope + 2), true, stats);
  if (options.pair_moved) {
    PairMoved(ru, en, ev, model, options, beads);
    MarkMoved(beads);
  }
  return beads;
}

Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const AlignOptions& options) {
  return Align(ru_lengths, en_lengths, EstimateLengthModel(ru_lengths, en_lengths), options);
}

Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const LengthModel& length, const AlignOptions& options) {
  std::vector<SentenceFeatures> ru(ru_lengths.size()), en(en_lengths.size());
  for (size_t i = 0; i < ru.size(); ++i) ru[i].length = ru_lengths[i];
  for (size_t j = 0; j < en.size(); ++j) en[j].length = en_lengths[j];
  AlignModel model = DefaultModel();
  model.length = length;
  return Align(ru, en, TranslationTable{}, model, options);
}

}  // namespace sverka::align
