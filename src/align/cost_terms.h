// The terms of a bead's cost that the banded DP (banded_aligner.h), the
// lexical anchor search and the moved-paragraph pass share: the length
// term's normal tail, a log-sum of shape terms, and the per-document
// evidence of translation (matched words and anchors, chance and true
// match rates). Internal to align/: included by aligner.cpp and
// banded_aligner.cpp only. Pure computation, no I/O.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>
#include <span>
#include <vector>

#include "align/aligner.h"

namespace sverka::align {

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr int kShapes = static_cast<int>(kBeadShapes.size());

// The shapes that pair both sides, numbered 0.. (-1: an omission).
inline constexpr std::array<int8_t, kBeadShapes.size()> PairSlots() {
  std::array<int8_t, kBeadShapes.size()> slot{};
  int8_t next = 0;
  for (size_t s = 0; s < kBeadShapes.size(); ++s) {
    slot[s] = kBeadShapes[s].ru > 0 && kBeadShapes[s].en > 0 ? next++ : -1;
  }
  return slot;
}
inline constexpr std::array<int8_t, kBeadShapes.size()> kPairSlot = PairSlots();
inline constexpr int kPairShapes = *std::max_element(kPairSlot.begin(), kPairSlot.end()) + 1;

// -log of the two-sided normal tail 2(1 - Phi(|d|)) = erfc(|d|/sqrt 2),
// with the asymptotic form where erfc underflows.
inline double NegLogTailExact(double delta) {
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

inline double NegLogTail(double delta) {
  static const NegLogTailTable table;
  return table(delta);
}

// The length term of a bead whose sides hold l1 Russian and l2 English code
// points (Gale & Church's normal tail, in `length`'s ratio and variance):
// what the search, BeadCoster and the gap pass all price.
inline double LengthCost(const LengthModel& length, double l1, double l2) {
  const double mean = (l1 + l2 / length.ratio) / 2.0;
  if (mean <= 0) return 0;
  return NegLogTail((l2 - l1 * length.ratio) / std::sqrt(mean * length.variance));
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
int32_t MatchOf(const SentenceFeatures& ru, const SentenceFeatures& en,
                const std::vector<uint32_t>& expanded, const AlignModel& model,
                const AlignOptions& options);

// MatchOf of one Russian sentence against many English ones: the ids it
// may match are marked in arrays indexed by id (the vocabularies are
// dense), so each English sentence costs one pass over its own ids instead
// of a merge with the Russian sentence's targets, which a dictionary makes
// long. Sorted, unique ids: the same counts as MatchOf.
class MatchRow {
 public:
  // Sized for the ids of `en`, the sentences Match will be given.
  explicit MatchRow(std::span<const SentenceFeatures> en);
  // The Russian sentence the next Match calls count for.
  void Set(const SentenceFeatures& ru, const std::vector<uint32_t>& expanded);
  int32_t Match(const SentenceFeatures& en, const AlignModel& model, const AlignOptions& options) const {
    int32_t anchors = 0, words = 0;
    if (options.use_anchors) {
      for (const uint32_t a : en.anchors) anchors += a < anchor_row_.size() && anchor_row_[a] == row_;
    }
    if (options.use_words) {
      for (const uint32_t w : en.words) words += w < word_row_.size() && word_row_[w] == row_;
    }
    return model.anchor_weight * anchors + words;
  }

 private:
  std::vector<int32_t> word_row_, anchor_row_;
  int32_t row_ = -1;
};

// With `only_ru` (sorted), the Russian side's units and targets of those
// sentences only (the others stay empty).
Evidence PrepareEvidence(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                         const TranslationTable& table, const AlignModel& model,
                         const AlignOptions& options, std::span<const int32_t> only_ru = {});

// Estimates the document's chance and true match rates from a sample of
// sentence pairs: for each sampled Russian sentence, its best match within
// kNear sentences of the expected path is taken as its translation (its
// Dice is a sample of the true rate; the median over sentences resists the
// sentences whose translation was dropped), every other sampled pair as
// chance. Bounded work: at most kRows x (kCols + 2 kNear + 1) pairs.
void EstimateRates(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                   const std::vector<int32_t>& center, const AlignModel& model,
                   const AlignOptions& options, Evidence& ev);

// Log-likelihood ratio, in nats, of a bead's matches under "translation"
// against "chance" (doc/align.md): matches are Poisson, with mean
// mu0 = chance_rate * u_ru * u_en by chance and mu0 plus
// true_rate * (u_ru + u_en) / 2 in a translation. Positive where the bead
// earns its pairing; a bead with many units and no matches is a loss.
inline double EvidenceLlr(const Evidence& ev, const AlignModel& model, double match, double u_ru,
                          double u_en) {
  // The floor grows with the bead, or a bead of two true pairs would earn
  // more than the two pairs apart wherever chance matches are rare.
  const double gain = ev.true_rate * (u_ru + u_en) / 2.0;
  if (match == 0) return -gain;  // most candidate beads of a band: no log1p
  const double mu0 = std::max(ev.chance_rate * u_ru * u_en, model.min_chance_matches * gain);
  return match * std::log1p(gain / mu0) - gain;
}

}  // namespace sverka::align
