#include "align/cost_terms.h"

#include <algorithm>
#include <cstddef>

namespace sverka::align {

// With `only_ru` (sorted), the Russian side's units and targets of those
// sentences only (the others stay empty).
Evidence PrepareEvidence(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                         const TranslationTable& table, const AlignModel& model,
                         const AlignOptions& options, std::span<const int32_t> only_ru) {
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
    int32_t units =
        options.use_anchors ? model.anchor_weight * static_cast<int32_t>(ru[i].anchors.size()) : 0;
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
    int32_t units =
        options.use_anchors ? model.anchor_weight * static_cast<int32_t>(en[j].anchors.size()) : 0;
    if (options.use_words) {
      for (uint32_t w : en[j].words) units += w < is_target.size() && is_target[w];
    }
    ev.units_en[j] = units;
  }
  return ev;
}

int32_t MatchOf(const SentenceFeatures& ru, const SentenceFeatures& en,
                const std::vector<uint32_t>& expanded, const AlignModel& model,
                const AlignOptions& options) {
  int32_t match = 0;
  if (options.use_anchors) {
    match += model.anchor_weight * static_cast<int32_t>(IntersectionSize(ru.anchors, en.anchors));
  }
  if (options.use_words) match += static_cast<int32_t>(IntersectionSize(expanded, en.words));
  return match;
}

MatchRow::MatchRow(std::span<const SentenceFeatures> en) {
  uint32_t words = 0, anchors = 0;
  for (const SentenceFeatures& e : en) {
    if (!e.words.empty()) words = std::max(words, e.words.back() + 1);
    if (!e.anchors.empty()) anchors = std::max(anchors, e.anchors.back() + 1);
  }
  word_row_.assign(words, -1);
  anchor_row_.assign(anchors, -1);
}

void MatchRow::Set(const SentenceFeatures& ru, const std::vector<uint32_t>& expanded) {
  ++row_;
  for (const uint32_t a : ru.anchors) {
    if (a < anchor_row_.size()) anchor_row_[a] = row_;
  }
  for (const uint32_t w : expanded) {
    if (w < word_row_.size()) word_row_[w] = row_;
  }
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
  MatchRow row(en);
  for (int32_t r = 0; r < rows; ++r) {
    const int32_t i = static_cast<int32_t>(int64_t{r} * n / rows);
    if (ev.units_ru[i] == 0) continue;
    row.Set(ru[i], ev.expanded[i]);
    const int32_t c = std::clamp(center[i], 0, m - 1);
    int32_t best_j = -1, best = -1;
    for (int32_t j = std::max(0, c - kNear); j <= std::min(m - 1, c + kNear); ++j) {
      if (ev.units_en[j] == 0) continue;
      const int32_t k = row.Match(en[j], model, options);
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
      chance_matches += row.Match(en[j], model, options);
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

}  // namespace sverka::align
