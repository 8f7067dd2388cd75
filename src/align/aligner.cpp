#include "align/aligner.h"

#include "align/anchor_chain.h"
#include "align/banded_aligner.h"
#include "align/cost_terms.h"
#include "align/gap_pairs.h"
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
  MatchRow row(en);
  for (const int32_t i : sample) {
    if (ev.units_ru[i] < kMinMatch) continue;
    row.Set(ru[i], ev.expanded[i]);
    double best = 0, second = 0;
    int32_t best_j = -1, best_match = 0;
    for (int32_t j = std::max(0, center[i] - half); j <= std::min(m - 1, center[i] + half); ++j) {
      if (ev.units_en[j] == 0) continue;
      const int32_t k = row.Match(en[j], model, options);
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
  sub_options.pair_gaps = false;
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
  c.cost += LengthCost(model_.length, l1, l2);
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
  if (options.pair_gaps) PairGaps(ru, en, model, options, beads);
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
