#include "align/batch_aligner.h"

#include <algorithm>
#include <cmath>

#include "align/anchor_chain.h"
#include "common/parallel.h"

namespace sverka::align {
namespace {

// The median English/Russian length ratio of sentence pairs believed to
// translate each other, or 0 when fewer than `min_pairs` are long enough. A median, not
// a ratio of totals: an abridged translation drops a third of its text, and
// the ratio of totals with it (doc/align.md).
double PairRatio(const DocumentFeatures& doc, std::span<const std::pair<int32_t, int32_t>> pairs,
                 size_t min_pairs) {
  std::vector<double> ratios;
  for (const auto& [i, j] : pairs) {
    if (doc.ru[i].length >= 20 && doc.en[j].length >= 20) {
      ratios.push_back(static_cast<double>(doc.en[j].length) / doc.ru[i].length);
    }
  }
  if (ratios.size() < min_pairs) return 0;
  auto mid = ratios.begin() + static_cast<ptrdiff_t>(ratios.size() / 2);
  std::nth_element(ratios.begin(), mid, ratios.end());
  return *mid;
}

// The median English/Russian length ratio of the stretches of text between
// consecutive points of a monotone chain of sentence pairs (and the texts'
// ends), or 0 when there are fewer than kMinSegments: a stretch holds whole
// beads whatever their shapes (a chain point that is half of a 2-1 bead
// shifts its ends by a sentence, not the ratio twofold), and the median
// resists the stretches where a paragraph was dropped or added.
double SegmentRatio(const DocumentFeatures& doc, std::span<const std::pair<int32_t, int32_t>> chain) {
  constexpr size_t kMinSegments = 3;
  constexpr int64_t kMinLength = 20;
  std::vector<int64_t> prefix_ru(doc.ru.size() + 1, 0), prefix_en(doc.en.size() + 1, 0);
  for (size_t i = 0; i < doc.ru.size(); ++i) prefix_ru[i + 1] = prefix_ru[i] + doc.ru[i].length;
  for (size_t j = 0; j < doc.en.size(); ++j) prefix_en[j + 1] = prefix_en[j] + doc.en[j].length;
  std::vector<std::pair<int32_t, int32_t>> points = {{0, 0}};
  points.insert(points.end(), chain.begin(), chain.end());
  points.emplace_back(static_cast<int32_t>(doc.ru.size()), static_cast<int32_t>(doc.en.size()));
  std::vector<double> ratios;
  for (size_t k = 1; k < points.size(); ++k) {
    const int64_t ru = prefix_ru[points[k].first] - prefix_ru[points[k - 1].first];
    const int64_t en = prefix_en[points[k].second] - prefix_en[points[k - 1].second];
    if (ru >= kMinLength && en >= kMinLength) ratios.push_back(static_cast<double>(en) / static_cast<double>(ru));
  }
  if (ratios.size() < kMinSegments) return 0;
  auto mid = ratios.begin() + static_cast<ptrdiff_t>(ratios.size() / 2);
  std::nth_element(ratios.begin(), mid, ratios.end());
  return *mid;
}

// Pass 1's model. The length ratio c is the texts' (total English / total
// Russian), unless the sentence pairs that anchors and the dictionary single
// out say otherwise: an abridged English drops a third of its text, and the
// ratio of totals with it. Two estimates from those pairs, each with its own
// bias: the median ratio of the pairs themselves (a pair that is half of a
// 2-1 bead doubles its ratio) and of the stretches between them (a stretch
// holding a dropped paragraph is off; few pairs, few stretches). Where they
// agree within kAgree their geometric mean replaces the texts' ratio if the
// two differ by more than a clean translation's texts do (kRatioTolerance);
// where they disagree the texts' ratio stays (doc/align.md, "Length ratio").
AlignModel ModelFor(const DocumentFeatures& doc, const TranslationTable& dictionary, const AlignOptions& options) {
  constexpr double kAgree = 0.3;            // |log| of 1.35
  constexpr double kRatioTolerance = 0.15;  // |log| of 1.16: clean pairs stay within it
  constexpr size_t kMinPairs = 4;
  AlignModel model = DefaultModel();
  std::vector<int32_t> ru, en;
  for (const auto& s : doc.ru) ru.push_back(s.length);
  for (const auto& s : doc.en) en.push_back(s.length);
  model.length = EstimateLengthModel(ru, en);
  std::vector<std::pair<int32_t, int32_t>> pairs = AnchorChain(doc.ru, doc.en);
  const std::vector<std::pair<int32_t, int32_t>> lexical = LexicalPairs(doc.ru, doc.en, dictionary, model, options);
  pairs.insert(pairs.end(), lexical.begin(), lexical.end());
  pairs = LongestChain(std::move(pairs));
  const double stretches = SegmentRatio(doc, pairs);
  const double single = PairRatio(doc, pairs, kMinPairs);
  if (stretches <= 0 || single <= 0 || std::fabs(std::log(stretches / single)) > kAgree) return model;
  const double estimate = std::sqrt(stretches * single);
  if (estimate > 0.5 && estimate < 2.0 && std::fabs(std::log(estimate / model.length.ratio)) > kRatioTolerance) {
    model.length.ratio = estimate;
  }
  return model;
}

// Pass 2's length ratio: that of pass 1's confident 1-1 beads.
double RatioOfBeads(const DocumentFeatures& doc, const Alignment& beads, double fallback) {
  constexpr size_t kMinBeads = 6;  // confident 1-1 beads are many where the text is long enough
  std::vector<std::pair<int32_t, int32_t>> pairs;
  for (const Bead& b : beads) {
    if (b.ru_count == 1 && b.en_count == 1 && b.score >= 0.5) pairs.emplace_back(b.ru_begin, b.en_begin);
  }
  const double r = PairRatio(doc, pairs, kMinBeads);
  return r > 0 ? r : fallback;
}

}  // namespace

std::vector<Alignment> AlignBatch(std::span<const DocumentFeatures> documents,
                                  const TranslationTable& dictionary, const BatchOptions& options,
                                  std::vector<DocumentCuts>* cuts) {
  if (cuts) cuts->assign(documents.size(), {});
  std::vector<Alignment> result(documents.size());
  // Each document's expected shape counts apart, summed in document order:
  // the same sums whatever the number of threads.
  std::vector<AlignStats> doc_stats(documents.size());
  std::vector<double> ratios(documents.size());
  std::vector<std::vector<std::pair<int32_t, int32_t>>> boundaries(documents.size());
  ParallelFor(documents.size(), options.jobs, nullptr, [&](size_t d, size_t) {
    // Pass 1 sees no words, as in Moore (2002): length and anchors fix the
    // structure (path, priors, confident pairs); a small general dictionary's
    // polysemous matches only blur it (doc/align.md, ablation).
    const DocumentFeatures& doc = documents[d];
    AlignOptions first = options.align;
    first.evidence_in_score = false;
    first.pair_moved = false;
    first.pair_gaps = false;
    if (options.use_structure) {
      boundaries[d] = PairHeadings(doc.ru_headings, doc.en_headings, doc.ru, doc.en, dictionary,
                                   {.use_anchors = options.align.use_anchors});
      first.boundaries = boundaries[d];
    }
    const AlignModel model = ModelFor(doc, dictionary, options.align);
    ratios[d] = model.length.ratio;
    result[d] = AlignAround(doc.ru, doc.en, doc.fixed, TranslationTable{}, model, first, &doc_stats[d]);
  });
  AlignStats stats;
  for (const AlignStats& s : doc_stats) {
    for (size_t k = 0; k < stats.expected_shapes.size(); ++k) stats.expected_shapes[k] += s.expected_shapes[k];
  }
  // Priors for pass 2: the expected shape counts of pass 1 plus pseudo-beads
  // distributed as Gale and Church's priors.
  std::array<double, kBeadShapes.size()> priors = DefaultModel().priors;
  if (options.estimate_priors) {
    // A run of omitted sentences counts as one opening of an omission.
    for (int s = kBaseShapes; s < static_cast<int>(kBeadShapes.size()); ++s) {
      stats.expected_shapes[kBeadShapes[s].ru > 0 ? 1 : 2] += stats.expected_shapes[s];
    }
    // The pseudo-beads are per document: a batch of many documents is
    // smoothed as much as one, or pass 1's omissions (length and anchors
    // only) would set pass 2's priors alone.
    const double pseudo = options.prior_pseudo_beads * static_cast<double>(documents.size());
    double sum = 0;
    for (int s = 0; s < kBaseShapes; ++s) {
      priors[s] = stats.expected_shapes[s] + pseudo * priors[s];
      sum += priors[s];
    }
    for (int s = 0; s < kBaseShapes; ++s) priors[s] /= sum;
    SetRunPriors(priors, kOmissionContinuation);
  }
  // Words for pass 2: the dictionary and, learned from pass 1's confident
  // 1-1 beads over the whole batch, IBM Model 1.
  std::vector<WordPair> pairs;
  if (options.learn_lexicon) {
    for (size_t d = 0; d < documents.size(); ++d) {
      for (const Bead& b : result[d]) {
        if (b.ru_count == 1 && b.en_count == 1 && b.score >= options.confident_score) {
          pairs.push_back({documents[d].ru[b.ru_begin].words, documents[d].en[b.en_begin].words});
        }
      }
    }
  }
  if (pairs.size() > options.max_lexicon_pairs) {
    // Every k-th pair (in document order), so every part of the batch counts.
    std::vector<WordPair> sample;
    sample.reserve(options.max_lexicon_pairs);
    for (size_t k = 0; k < options.max_lexicon_pairs; ++k) {
      sample.push_back(pairs[k * pairs.size() / options.max_lexicon_pairs]);
    }
    pairs = std::move(sample);
  }
  // The learned lexicon lies over the dictionary: the same rows as
  // MergeTables, without copying the dictionary for every batch (one pair,
  // in `sverka batch`).
  TranslationTable table;
  if (!pairs.empty()) table = LearnLexicon(pairs, options.lexicon);
  table.base = &dictionary;
  ParallelFor(documents.size(), options.jobs, nullptr, [&](size_t d, size_t) {
    AlignModel model = DefaultModel();
    model.length.ratio = RatioOfBeads(documents[d], result[d], ratios[d]);
    model.priors = priors;
    AlignOptions second = options.align;
    second.expected_path = PathOf(result[d], static_cast<int32_t>(documents[d].ru.size()));
    second.boundaries = boundaries[d];
    const DocumentFeatures& doc = documents[d];
    if (cuts) {
      // A gap holding a sentence with pieces is left to CutAtPieces, which
      // can pair its pieces finer than the gap's length-only pairing.
      if (!doc.ru_pieces.empty()) second.ru_divisible.assign(doc.ru.size(), false);
      if (!doc.en_pieces.empty()) second.en_divisible.assign(doc.en.size(), false);
      for (const SentencePieces& p : doc.ru_pieces) second.ru_divisible[p.sentence] = true;
      for (const SentencePieces& p : doc.en_pieces) second.en_divisible[p.sentence] = true;
    }
    EvidenceRates rates;
    result[d] = AlignAround(documents[d].ru, documents[d].en, documents[d].fixed, table, model, second, nullptr, &rates);
    if (cuts && (!doc.ru_pieces.empty() || !doc.en_pieces.empty())) {
      const BeadCoster coster(table, model, second, rates);
      result[d] = CutAtPieces(result[d], doc.ru, doc.en, doc.ru_pieces, doc.en_pieces, coster,
                              (*cuts)[d].ru, (*cuts)[d].en);
    }
  });
  return result;
}

}  // namespace sverka::align
