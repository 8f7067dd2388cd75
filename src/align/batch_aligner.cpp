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
  for (const DocumentFeatures& doc : documents) {
    result.push_back(Align(doc.ru, doc.en, dictionary, ModelFor(doc), options.align));
  }
  if (!options.learn_lexicon || !options.align.use_words) return result;

  std::vector<WordPair> pairs;
  for (size_t d = 0; d < documents.size(); ++d) {
    for (const Bead& b : result[d]) {
      if (b.ru_count == 1 && b.en_count == 1 && b.score >= options.confident_score) {
        pairs.push_back({documents[d].ru[b.ru_begin].words, documents[d].en[b.en_begin].words});
      }
    }
  }
  if (pairs.empty()) return result;
  const TranslationTable table = MergeTables(dictionary, LearnLexicon(pairs, options.lexicon));
  for (size_t d = 0; d < documents.size(); ++d) {
    result[d] = Align(documents[d].ru, documents[d].en, table, ModelFor(documents[d]), options.align);
  }
  return result;
}

}  // namespace sverka::align
