#include "pipeline/align_pair.h"

#include <array>

#include "common/utf8.h"
#include "align/batch_aligner.h"
#include "segment/word_tokenizer.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

std::vector<int32_t> SentenceLengths(const std::vector<tm::SentenceRecord>& sentences) {
  std::vector<int32_t> lengths;
  lengths.reserve(sentences.size());
  for (const auto& s : sentences) lengths.push_back(static_cast<int32_t>(CountCodePoints(s.text)));
  return lengths;
}

Result<std::vector<align::SentenceFeatures>> Features(const std::vector<tm::SentenceRecord>& sentences,
                                                      Language lang, align::Vocabulary& anchors,
                                                      align::Vocabulary& words) {
  Result<std::unique_ptr<segment::WordTokenizer>> tokenizer = segment::WordTokenizer::Create(lang);
  if (!tokenizer.ok()) return tokenizer.status();
  std::vector<align::SentenceFeatures> features;
  features.reserve(sentences.size());
  for (const auto& s : sentences) {
    const std::vector<Token> tokens = (*tokenizer)->Tokenize(s.text);
    features.push_back(align::BuildFeatures(static_cast<int32_t>(CountCodePoints(s.text)), tokens,
                                            lang, anchors, words));
  }
  return features;
}

Result<AlignedPair> AlignFiles(const std::string& ru_path, const std::string& en_path,
                               const ReadOptions& read_options,
                               const align::AlignOptions& align_options) {
  Result<SideText> ru = ReadSide(ru_path, Language::kRussian, read_options);
  if (!ru.ok()) return ru.status();
  Result<SideText> en = ReadSide(en_path, Language::kEnglish, read_options);
  if (!en.ok()) return en.status();
  AlignedPair pair{std::move(ru).value(), std::move(en).value(), {}};
  align::Vocabulary anchors, ru_words, en_words;
  Result<std::vector<align::SentenceFeatures>> ru_features =
      Features(pair.ru.sentences, Language::kRussian, anchors, ru_words);
  if (!ru_features.ok()) return ru_features.status();
  Result<std::vector<align::SentenceFeatures>> en_features =
      Features(pair.en.sentences, Language::kEnglish, anchors, en_words);
  if (!en_features.ok()) return en_features.status();
  align::DocumentFeatures doc{std::move(ru_features).value(), std::move(en_features).value()};
  align::BatchOptions batch;
  batch.align = align_options;
  pair.beads = align::AlignBatch(std::span(&doc, 1), align::TranslationTable{}, batch).front();
  return pair;
}

Status StorePair(const std::string& db_path, const std::string& name, const AlignedPair& pair,
                 bool replace) {
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db_path, tm::OpenMode::kCreateOrWrite);
  if (!store.ok()) return store.status();
  tm::DocumentRecord doc;
  doc.name = name;
  doc.ru_file = pair.ru.file;
  doc.en_file = pair.en.file;
  doc.ru_hash = pair.ru.hash;
  doc.en_hash = pair.en.hash;
  doc.ru = pair.ru.sentences;
  doc.en = pair.en.sentences;
  doc.beads = pair.beads;
  return (*store)->AddDocument(doc, replace);
}

std::string DocumentNameFromPath(const std::string& path) {
  std::string name = path.substr(path.find_last_of('/') == std::string::npos
                                     ? 0
                                     : path.find_last_of('/') + 1);
  static constexpr std::array<std::string_view, 6> kSuffixes = {".txt", ".sent", ".html",
                                                                ".htm", ".ru", ".rus"};
  for (bool again = true; again;) {
    again = false;
    for (const std::string_view suffix : kSuffixes) {
      if (name.size() > suffix.size() && name.ends_with(suffix)) {
        name.erase(name.size() - suffix.size());
        again = true;
      }
    }
  }
  return name.empty() ? "document" : name;
}

}  // namespace sverka::pipeline
