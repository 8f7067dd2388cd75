#include "align/batch_aligner.h"

#include <algorithm>

#include "common/parallel.h"

namespace sverka::align {
namespace {

AlignModel ModelFor(const DocumentFeatures& doc) {
  AlignModel model = DefaultModel();
  std::vector<int32_t> ru, en;
  for (const auto& s : doc.ru) ru.push_back(s.length);
  for (const auto& s : doc.en) en.push_back(s.length);
  model.length = EstimateLengthModel(ru, en);
  return model;
}

}  // namespace

std::vector<Alignment> AlignBatch(std::span<const DocumentFeatures> documents,
                                  const TranslationTable& dictionary, const BatchOptions& options) {
  std::vector<Alignment> result(documents.size());
  // Each document's expected shape counts apart, summed in document order:
  // the same sums whatever the number of threads.
  std::vector<AlignStats> doc_stats(documents.size());
  ParallelFor(documents.size(), options.jobs, nullptr, [&](size_t d, size_t) {
    // Pass 1 sees no words, as in Moore (2002): length and anchors fix the
    // structure (path, priors, confident pairs); a small general dictionary's
    // polysemous matches only blur it (doc/align.md, ablation).
    const DocumentFeatures& doc = documents[d];
    result[d] = Align(doc.ru, doc.en, TranslationTable{}, ModelFor(doc), options.align, &doc_stats[d]);
  });
  AlignStats stats;
  for (const AlignStats& s : doc_stats) {
    for (size_t k = 0; k < stats.expected_shapes.size(); ++k) stats.expected_shapes[k] += s.expected_shapes[k];
  }
  // Priors for pass 2: the expected shape counts of pass 1 plus pseudo-beads
  // distributed as Gale and Church's priors.
  std::array<double, kBeadShapes.size()> priors = DefaultModel().priors;
  if (options.estimate_priors) {
    double sum = 0;
    for (size_t s = 0; s < priors.size(); ++s) {
      priors[s] = stats.expected_shapes[s] + options.prior_pseudo_beads * priors[s];
      sum += priors[s];
    }
    for (double& p : priors) p /= sum;
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
    AlignModel model = ModelFor(documents[d]);
    model.priors = priors;
    AlignOptions second = options.align;
    second.expected_path = PathOf(result[d], static_cast<int32_t>(documents[d].ru.size()));
    result[d] = Align(documents[d].ru, documents[d].en, table, model, second);
  });
  return result;
}

}  // namespace sverka::align
