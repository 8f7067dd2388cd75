#include "align/banded_aligner.h"

#include <algorithm>
#include <cmath>

namespace sverka::align {

BandedAligner::BandedAligner(std::span<const SentenceFeatures> ru,
                             std::span<const SentenceFeatures> en, const Evidence& ev,
                             const AlignModel& model, const AlignOptions& options,
                             const std::vector<int32_t>& center, int32_t half_width)
    : ru_(ru),
      en_(en),
      ev_(ev),
      model_(model),
      options_(options),
      n_(static_cast<int32_t>(ru.size())),
      m_(static_cast<int32_t>(en.size())) {
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

int64_t BandedAligner::Cells(int32_t n, int32_t m, int32_t half_width) {
  return static_cast<int64_t>(n + 1) * std::min<int64_t>(m + 1, 2 * int64_t{half_width} + 1);
}

void BandedAligner::Forward(bool sums) {
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
          if (kPairSlot[s] >= 0)
            costs_[Index(i, j) * kPairShapes + kPairSlot[s]] = static_cast<float>(c);
          alpha.Add(alpha_[p] - c);
        }
      }
      best_[Index(i, j)] = best;
      back_[Index(i, j)] = best_shape;
      if (sums) alpha_[Index(i, j)] = alpha.Value();
    }
  }
}

void BandedAligner::Backward(AlignStats* stats) {
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
        const double cost = kPairSlot[s] >= 0 ? costs_[Index(ni, nj) * kPairShapes + kPairSlot[s]]
                                              : OmissionCost(s, i, j);
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

Alignment BandedAligner::Backtrace(bool& touched_edge) const {
  Alignment beads;
  touched_edge = false;
  int32_t i = n_, j = m_;
  while (i > 0 || j > 0) {
    if ((j == lo_[i] && lo_[i] > Floor(i)) || (j == hi_[i] && hi_[i] < Ceil(i)))
      touched_edge = true;
    const int s = back_[Index(i, j)] - 1;
    const int32_t pi = i - kBeadShapes[s].ru, pj = j - kBeadShapes[s].en;
    beads.push_back({pi, kBeadShapes[s].ru, pj, kBeadShapes[s].en, static_cast<double>(s)});
    i = pi;
    j = pj;
  }
  std::reverse(beads.begin(), beads.end());
  return beads;
}

void BandedAligner::ScoreOmissions(Alignment& beads) const {
  for (Bead& b : beads) {
    if (b.ru_count + b.en_count != 1) continue;
    const double p = b.ru_count ? unpaired_ru_[b.ru_begin] : unpaired_en_[b.en_begin];
    b.score = std::clamp(p, 0.0, 1.0) * (options_.evidence_in_score ? model_.omission_score : 1.0);
  }
}

void BandedAligner::ScorePosteriors(Alignment& beads) const {
  const double total = alpha_[Index(n_, m_)];
  for (Bead& b : beads) {
    const int s = static_cast<int>(b.score);
    const double c = Cost(s, b.ru_begin, b.ru_end(), b.en_begin, b.en_end());
    const double log_p =
        alpha_[Index(b.ru_begin, b.en_begin)] - c + beta_[Index(b.ru_end(), b.en_end())] - total;
    b.score = std::clamp(std::exp(log_p), 0.0, 1.0);
    if (options_.evidence_in_score) b.score *= EvidenceConfidence(b);
  }
}

void BandedAligner::SetBoundaries() {
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

bool BandedAligner::MergeCuts() {
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

bool BandedAligner::Crosses(int s, int32_t i0, int32_t j0, int32_t i1, int32_t j1) const {
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

void BandedAligner::BuildPairTable() {
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
  // The ids row i may match are marked with i in arrays indexed by id (the
  // vocabularies are dense), so each English sentence of the band costs one
  // pass over its own ids instead of a merge with the row's targets, which a
  // dictionary makes long. Sorted, unique ids: the same counts as merging.
  uint32_t words = 0, anchors = 0;
  for (int32_t j = 0; j < m_; ++j) {
    if (!en_[j].words.empty()) words = std::max(words, en_[j].words.back() + 1);
    if (!en_[j].anchors.empty()) anchors = std::max(anchors, en_[j].anchors.back() + 1);
  }
  std::vector<int32_t> target_row(words, -1), common_target_row(words, -1);
  std::vector<int32_t> anchor_row(anchors, -1), common_anchor_row(anchors, -1);
  const auto mark = [](const std::vector<uint32_t>& ids, std::vector<int32_t>& row, int32_t i) {
    for (const uint32_t id : ids) {
      if (id < row.size()) row[id] = i;
    }
  };
  std::vector<uint32_t> common_anchors, common_targets;
  for (int32_t i = 0; i < n_; ++i) {
    // What Russian sentences i and i + 1 have in common: an English word
    // both may translate to is one match in a bead holding both, not two.
    common_anchors.clear();
    common_targets.clear();
    if (i + 1 < n_) {
      std::set_intersection(ru_[i].anchors.begin(), ru_[i].anchors.end(),
                            ru_[i + 1].anchors.begin(), ru_[i + 1].anchors.end(),
                            std::back_inserter(common_anchors));
      std::set_intersection(ev_.expanded[i].begin(), ev_.expanded[i].end(),
                            ev_.expanded[i + 1].begin(), ev_.expanded[i + 1].end(),
                            std::back_inserter(common_targets));
    }
    mark(ru_[i].anchors, anchor_row, i);
    mark(common_anchors, common_anchor_row, i);
    mark(ev_.expanded[i], target_row, i);
    mark(common_targets, common_target_row, i);
    for (int32_t j = pair_lo_[i]; j <= pair_hi[i]; ++j) {
      int32_t match = 0, shared = 0;
      if (options_.use_anchors) {
        int32_t both = 0, common = 0;
        for (const uint32_t a : en_[j].anchors) {
          both += anchor_row[a] == i;
          common += common_anchor_row[a] == i;
        }
        match += model_.anchor_weight * both;
        shared += model_.anchor_weight * common;
      }
      if (options_.use_words) {
        for (const uint32_t w : en_[j].words) {
          match += target_row[w] == i;
          shared += common_target_row[w] == i;
        }
      }
      pair_[pair_offset_[i] + (j - pair_lo_[i])] = static_cast<int16_t>(std::min(match, 32767));
      shared_[pair_offset_[i] + (j - pair_lo_[i])] = static_cast<int16_t>(std::min(shared, 32767));
    }
  }
}

inline int64_t BandedAligner::BeadMatch(int32_t i0, int32_t i1, int32_t j0, int32_t j1) const {
  int64_t match = 0;
  for (int32_t i = i0; i < i1; ++i) {
    for (int32_t j = j0; j < j1; ++j) {
      match += PairMatch(i, j);
      if (i + 1 < i1) match -= Lookup(shared_, i, j);
    }
  }
  return match;
}

inline double BandedAligner::EvidenceLlr(double match, double u_ru, double u_en) const {
  return align::EvidenceLlr(ev_, model_, match, u_ru, u_en);
}

double BandedAligner::EvidenceConfidence(const Bead& b) const {
  if (b.ru_count == 0 || b.en_count == 0) return model_.omission_score;
  const auto u_ru = static_cast<double>(units_ru_[b.ru_end()] - units_ru_[b.ru_begin]);
  const auto u_en = static_cast<double>(units_en_[b.en_end()] - units_en_[b.en_begin]);
  double llr = 0;
  if (u_ru + u_en > 0) {
    llr = EvidenceLlr(
        static_cast<double>(BeadMatch(b.ru_begin, b.ru_end(), b.en_begin, b.en_end())), u_ru, u_en);
  }
  return 1.0 / (1.0 + std::exp(-(model_.evidence_weight * llr + model_.score_bias)));
}

inline double BandedAligner::OmissionCost(int s, int32_t i0, int32_t j0) const {
  double cost = neg_log_prior_[s];
  const BeadShape shape = kBeadShapes[s];
  if (shape.ru > 0 && i0 < static_cast<int32_t>(options_.ru_continues.size()) &&
      options_.ru_continues[i0]) {
    cost += ru_continue_cost_;
  }
  if (shape.en > 0 && j0 < static_cast<int32_t>(options_.en_continues.size()) &&
      options_.en_continues[j0]) {
    cost += en_continue_cost_;
  }
  return cost;
}

inline double BandedAligner::Cost(int s, int32_t i0, int32_t i1, int32_t j0, int32_t j1) const {
  if (i0 == i1 || j0 == j1) return OmissionCost(s, i0, j0);  // its prior only
  double cost = neg_log_prior_[s];
  const auto l1 = static_cast<double>(prefix_ru_[i1] - prefix_ru_[i0]);
  const auto l2 = static_cast<double>(prefix_en_[j1] - prefix_en_[j0]);
  cost += LengthCost(model_.length, l1, l2);
  const auto u_ru = static_cast<double>(units_ru_[i1] - units_ru_[i0]);
  const auto u_en = static_cast<double>(units_en_[j1] - units_en_[j0]);
  if (u_ru + u_en > 0) {
    cost -= model_.evidence_weight *
            EvidenceLlr(static_cast<double>(BeadMatch(i0, i1, j0, j1)), u_ru, u_en);
  }
  return cost;
}
}  // namespace sverka::align
