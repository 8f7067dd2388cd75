#include "align/batch_aligner.h"

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
  std::vector<Alignment> result;
  result.reserve(documents.size());
  AlignStats stats;
  for (const DocumentFeatures& doc : documents) {
    result.push_back(Align(doc.ru, doc.en, dictionary, ModelFor(doc), options.align, &stats));
  }
  const bool learn = options.learn_lexicon && options.align.use_words;
  if (!learn && !options.estimate_priors) return result;

  // Priors: expected shape counts of the first pass plus pseudo-beads
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
  auto model_for = [&](const DocumentFeatures& doc) {
    AlignModel model = ModelFor(doc);
    model.priors = priors;
    return model;
  };
  if (!learn) {
    for (size_t d = 0; d < documents.size(); ++d) {
      result[d] = Align(documents[d].ru, documents[d].en, dictionary, model_for(documents[d]), options.align);
    }
    return result;
  }

  std::vector<WordPair> pairs;
  for (size_t d = 0; d < documents.size(); ++d) {
    for (const Bead& b : result[d]) {
      if (b.ru_count == 1 && b.en_count == 1 && b.score >= options.confident_score) {
        pairs.push_back({documents[d].ru[b.ru_begin].words, documents[d].en[b.en_begin].words});
      }
    }
  }
  const TranslationTable table =
      pairs.empty() ? dictionary : MergeTables(dictionary, LearnLexicon(pairs, options.lexicon));
  for (size_t d = 0; d < documents.size(); ++d) {
    AlignOptions second = options.align;
    second.expected_path = PathOf(result[d], static_cast<int32_t>(documents[d].ru.size()));
    result[d] = Align(documents[d].ru, documents[d].en, table, model_for(documents[d]), second);
  }
  return result;
}

}  // namespace sverka::align
