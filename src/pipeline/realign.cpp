#include "pipeline/realign.h"

#include "pipeline/align_pair.h"
#include "tm/whole_edits.h"

namespace sverka::pipeline {

Result<Alignment> RealignBeads(const std::vector<tm::BeadView>& stored,
                                      std::span<const formats::DictionaryEntry> dictionary,
                                      const align::BatchOptions& options) {
  AlignedPair pair;
  const auto [n, m] = tm::SentenceCounts(stored);
  pair.ru.sentences.resize(n);
  pair.en.sentences.resize(m);
  for (const tm::BeadView& b : stored) {
    if (b.ru.size() != static_cast<size_t>(b.ru_end - b.ru_begin) ||
        b.en.size() != static_cast<size_t>(b.en_end - b.en_begin)) {
      return Status::Internal("bead " + std::to_string(b.position) + " without its sentence texts");
    }
    for (int32_t i = b.ru_begin; i < b.ru_end; ++i) pair.ru.sentences[i].text = b.ru[i - b.ru_begin];
    for (int32_t j = b.en_begin; j < b.en_end; ++j) pair.en.sentences[j].text = b.en[j - b.en_begin];
  }
  const Alignment all = tm::AsAlignment(stored);
  for (size_t k = 0; k < stored.size(); ++k) {
    if (tm::IsFixed(stored[k])) pair.fixed.push_back(all[k]);
  }
  SVERKA_RETURN_IF_ERROR(AlignSideBatch({&pair, 1}, options, dictionary));
  return std::move(pair.beads);
}

Result<tm::BeadChange> RealignStored(tm::TmStore& store, std::string_view document,
                                     const std::vector<tm::BeadView>& seen,
                                     std::span<const formats::DictionaryEntry> dictionary) {
  SVERKA_ASSIGN_OR_RETURN(Alignment realigned, RealignBeads(seen, dictionary));
  return tm::ReplaceBeads(store, document, "realign", seen, tm::Realigned(seen, realigned));
}

}  // namespace sverka::pipeline
