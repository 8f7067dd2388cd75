#include "pipeline/align_pair.h"

#include <array>

#include "common/utf8.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

std::vector<int32_t> SentenceLengths(const std::vector<tm::SentenceRecord>& sentences) {
  std::vector<int32_t> lengths;
  lengths.reserve(sentences.size());
  for (const auto& s : sentences) lengths.push_back(static_cast<int32_t>(CountCodePoints(s.text)));
  return lengths;
}

Result<AlignedPair> AlignFiles(const std::string& ru_path, const std::string& en_path,
                               const ReadOptions& read_options,
                               const align::AlignOptions& align_options) {
  Result<SideText> ru = ReadSide(ru_path, Language::kRussian, read_options);
  if (!ru.ok()) return ru.status();
  Result<SideText> en = ReadSide(en_path, Language::kEnglish, read_options);
  if (!en.ok()) return en.status();
  AlignedPair pair{std::move(ru).value(), std::move(en).value(), {}};
  const std::vector<int32_t> ru_lengths = SentenceLengths(pair.ru.sentences);
  const std::vector<int32_t> en_lengths = SentenceLengths(pair.en.sentences);
  pair.beads = align::Align(ru_lengths, en_lengths, align_options);
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
