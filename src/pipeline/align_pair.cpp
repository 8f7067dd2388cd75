#include "pipeline/align_pair.h"

#include <algorithm>
#include <cmath>
#include <array>
#include <filesystem>
#include <unordered_set>

#include "common/parallel.h"
#include "common/utf8.h"
#include "align/batch_aligner.h"
#include "align/parallel_check.h"
#include "pipeline/dictionary_cache.h"
#include "segment/word_tokenizer.h"
#include "tm/documents.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

std::vector<int32_t> SentenceLengths(const std::vector<SentenceRecord>& sentences) {
  std::vector<int32_t> lengths;
  lengths.reserve(sentences.size());
  for (const auto& s : sentences) lengths.push_back(static_cast<int32_t>(CountCodePoints(s.text)));
  return lengths;
}

std::vector<align::SentenceFeatures> Features(const std::vector<SentenceRecord>& sentences,
                                              segment::WordTokenizer& tokenizer, Language lang,
                                              align::Vocabulary& anchors, align::Vocabulary& words) {
  std::vector<align::SentenceFeatures> features;
  features.reserve(sentences.size());
  for (const auto& s : sentences) {
    const std::vector<Token> tokens = tokenizer.Tokenize(s.text);
    features.push_back(align::BuildFeatures(static_cast<int32_t>(CountCodePoints(s.text)), tokens,
                                            lang, anchors, words));
  }
  return features;
}

// The features of the pieces of `side`'s sentences (SideText::pieces).
std::vector<align::SentencePieces> PieceFeatures(const SideText& side, segment::WordTokenizer& tokenizer,
                                                 Language lang, align::Vocabulary& anchors,
                                                 align::Vocabulary& words) {
  std::vector<align::SentencePieces> out;
  out.reserve(side.pieces.size());
  for (const SentencePieces& p : side.pieces) {
    out.push_back({p.sentence, Features(p.pieces, tokenizer, lang, anchors, words), p.priors});
  }
  return out;
}

align::DocumentFeatures PairFeatures(const AlignedPair& p, WordTokenizers& tokenizers,
                                     align::Vocabulary& anchors, align::Vocabulary& ru_words,
                                     align::Vocabulary& en_words, size_t sides_apart) {
  // A long document's English sentences are tokenized on a second thread
  // while the Russian ones are (a book: a sixth of its run). Each side has
  // its own tokenizer and words; the English anchors are interned apart and
  // renumbered after, in their order of first appearance, which gives the
  // ids interning them after the Russian ones would have: the same beads.
  align::DocumentFeatures d;
  if (p.ru.sentences.size() + p.en.sentences.size() < sides_apart) {
    d.ru = Features(p.ru.sentences, *tokenizers.ru, Language::kRussian, anchors, ru_words);
    d.en = Features(p.en.sentences, *tokenizers.en, Language::kEnglish, anchors, en_words);
  } else {
    align::Vocabulary en_anchors;
    ParallelFor(2, 2, nullptr, [&](size_t side, size_t) {
      if (side == 0) d.ru = Features(p.ru.sentences, *tokenizers.ru, Language::kRussian, anchors, ru_words);
      else d.en = Features(p.en.sentences, *tokenizers.en, Language::kEnglish, en_anchors, en_words);
    });
    std::vector<uint32_t> id(en_anchors.size());
    for (uint32_t k = 0; k < id.size(); ++k) id[k] = anchors.Id(en_anchors.Word(k));
    for (align::SentenceFeatures& f : d.en) {
      for (uint32_t& a : f.anchors) a = id[a];
      std::sort(f.anchors.begin(), f.anchors.end());
    }
  }
  d.ru_pieces = PieceFeatures(p.ru, *tokenizers.ru, Language::kRussian, anchors, ru_words);
  d.en_pieces = PieceFeatures(p.en, *tokenizers.en, Language::kEnglish, anchors, en_words);
  d.ru_headings = p.ru.headings;
  d.en_headings = p.en.headings;
  d.fixed = p.fixed;
  return d;
}

namespace {

// The stem of a one-word text, else empty (phrases are not used).
std::string SingleStem(segment::WordTokenizer& tokenizer, const std::string& text) {
  return tokenizer.SingleWordStem(text);
}

// The stem of one side of an entry: its text when the entry is stemmed.
std::string EntryStem(segment::WordTokenizer& tokenizer, const formats::DictionaryEntry& entry, bool ru) {
  const std::string& text = ru ? entry.ru : entry.en;
  return entry.stemmed ? text : SingleStem(tokenizer, text);
}

// The stem of each entry's English side. A dictd dictionary lists an
// English headword's translations together: its stem is made once per run
// of entries with the same headword; a stemmed entry's is its own.
class EnglishStems {
 public:
  const std::string& Of(const formats::DictionaryEntry& entry, segment::WordTokenizer& tokenizer) {
    if (entry.stemmed) {
      stem_ = entry.en;
      last_.clear();
    } else if (entry.en != last_ || last_.empty()) {
      last_ = entry.en;
      stem_ = SingleStem(tokenizer, entry.en);
    }
    return stem_;
  }

 private:
  std::string last_, stem_;
};

// Short entries are function words ("a" -> "в, на"): they match
// everywhere and blur the evidence.
bool UsefulStems(const std::string& ru, const std::string& en) {
  return CountCodePoints(ru) >= 3 && CountCodePoints(en) >= 3;
}

// The table of entries whose stems are given (`stems[k]` for entry k), ids
// interned in entry order.
align::TranslationTable TableFromStems(
    const std::vector<std::pair<std::string, std::string>>& stems, align::Vocabulary& ru_words,
    align::Vocabulary& en_words) {
  align::TranslationTable table;
  for (const auto& [ru, en] : stems) {
    if (!UsefulStems(ru, en)) continue;
    const uint32_t r = ru_words.Id(ru), e = en_words.Id(en);
    if (r >= table.targets.size()) table.targets.resize(r + 1);
    table.targets[r].push_back(e);
  }
  for (auto& t : table.targets) {
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
  }
  return table;
}

}  // namespace

align::TranslationTable DictionaryTable(std::span<const formats::DictionaryEntry> dictionary,
                                        segment::WordTokenizer& ru_tokenizer,
                                        segment::WordTokenizer& en_tokenizer,
                                        align::Vocabulary& ru_words, align::Vocabulary& en_words) {
  std::vector<std::pair<std::string, std::string>> stems;
  stems.reserve(dictionary.size());
  for (const formats::DictionaryEntry& entry : dictionary) {
    stems.emplace_back(EntryStem(ru_tokenizer, entry, true), EntryStem(en_tokenizer, entry, false));
  }
  return TableFromStems(stems, ru_words, en_words);
}

std::string DefaultDictionaryPath() {
  std::error_code ec;
  for (const char* path : {formats::kMuellerPath, formats::kFreeDictPath}) {
    if (std::filesystem::exists(path, ec)) return path;
  }
  return {};
}

Result<std::vector<formats::DictionaryEntry>> DefaultDictionary() {
  const std::string path = DefaultDictionaryPath();
  if (path.empty()) return std::vector<formats::DictionaryEntry>{};
  return ReadDictionaryCached(path, DictionaryCacheDir());
}

Result<WordTokenizers> WordTokenizers::Create() {
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<segment::WordTokenizer> ru,
                          segment::WordTokenizer::Create(Language::kRussian));
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<segment::WordTokenizer> en,
                          segment::WordTokenizer::Create(Language::kEnglish));
  return WordTokenizers{std::move(ru), std::move(en)};
}

Result<PreparedDictionary> PrepareDictionary(std::span<const formats::DictionaryEntry> dictionary,
                                             int threads) {
  // Tokenizing the entries is nearly all the cost: it is split over the
  // threads; the stems are interned in entry order after, so the ids (and
  // the beads) do not depend on the number of threads.
  constexpr size_t kEntriesPerThread = 5000;  // below this a thread costs more than it saves
  const size_t n = dictionary.size();
  const size_t t_count = std::clamp<size_t>(n / kEntriesPerThread, 1, std::max(threads, 1));
  std::vector<std::pair<std::string, std::string>> stems(n);
  std::vector<Status> failed(t_count);
  ParallelFor(t_count, static_cast<int>(t_count), nullptr, [&](size_t t, size_t) {
    Result<WordTokenizers> tokenizers = WordTokenizers::Create();
    if (!tokenizers.ok()) {
      failed[t] = tokenizers.status();
      return;
    }
    for (size_t k = t * n / t_count; k < (t + 1) * n / t_count; ++k) {
      stems[k] = {EntryStem(*tokenizers->ru, dictionary[k], true),
                  EntryStem(*tokenizers->en, dictionary[k], false)};
    }
  });
  for (const Status& s : failed) {
    if (!s.ok()) return s;
  }
  PreparedDictionary prepared;
  prepared.table = TableFromStems(stems, prepared.ru_words, prepared.en_words);
  return prepared;
}

namespace {

// The aligner's beads into `pairs`, their sentences cut where it cut them.
void TakeBeads(std::span<AlignedPair> pairs, std::vector<Alignment>& beads,
               const std::vector<align::DocumentCuts>& cuts) {
  for (size_t k = 0; k < pairs.size(); ++k) {
    pairs[k].beads = std::move(beads[k]);
    ApplyCuts(pairs[k].ru, cuts[k].ru);
    ApplyCuts(pairs[k].en, cuts[k].en);
  }
}

}  // namespace

std::vector<formats::DictionaryEntry> StemmedEntries(std::span<const formats::DictionaryEntry> dictionary,
                                                WordTokenizers& tokenizers) {
  std::vector<formats::DictionaryEntry> out;
  std::unordered_set<std::string> seen;
  EnglishStems english;
  for (const formats::DictionaryEntry& entry : dictionary) {
    const std::string& en_stem = english.Of(entry, *tokenizers.en);
    std::string ru_stem = EntryStem(*tokenizers.ru, entry, true);
    if (!UsefulStems(ru_stem, en_stem)) continue;
    // Dropping a repeated pair changes no table: its words were interned,
    // and it joined the table, at its first appearance.
    if (!seen.insert(ru_stem + '\t' + en_stem).second) continue;
    out.push_back({std::move(ru_stem), en_stem, true});
  }
  return out;
}

Status AlignSideBatch(std::span<AlignedPair> pairs, const align::BatchOptions& options,
                      const PreparedDictionary& dictionary, WordTokenizers& tokenizers) {
  std::vector<align::DocumentFeatures> docs;
  // The dictionary's vocabularies are shared, not copied: a copy per pair
  // cost 10 % of aligning an article with FreeDict, 40 % with a dictionary of
  // 100,000 entries (doc/decisions.md).
  align::Vocabulary anchors, ru_words(&dictionary.ru_words), en_words(&dictionary.en_words);
  docs.reserve(pairs.size());
  for (const AlignedPair& p : pairs) {
    docs.push_back(PairFeatures(p, tokenizers, anchors, ru_words, en_words));
  }
  std::vector<align::DocumentCuts> cuts;
  std::vector<Alignment> beads = align::AlignBatch(docs, dictionary.table, options, &cuts);
  TakeBeads(pairs, beads, cuts);
  return Status::Ok();
}

Status AlignSideBatch(std::span<AlignedPair> pairs, const align::BatchOptions& options,
                      const PreparedDictionary& dictionary) {
  SVERKA_ASSIGN_OR_RETURN(WordTokenizers tokenizers, WordTokenizers::Create());
  return AlignSideBatch(pairs, options, dictionary, tokenizers);
}

Result<PreparedDictionary> PrepareDictionaryFor(std::span<const formats::DictionaryEntry> dictionary,
                                                const align::Vocabulary& ru_stems,
                                                const align::Vocabulary& en_stems) {
  SVERKA_ASSIGN_OR_RETURN(WordTokenizers tokenizers, WordTokenizers::Create());
  return PrepareDictionaryFor(dictionary, ru_stems, en_stems, tokenizers);
}

Result<PreparedDictionary> PrepareDictionaryFor(std::span<const formats::DictionaryEntry> dictionary,
                                                const align::Vocabulary& ru_stems,
                                                const align::Vocabulary& en_stems,
                                                WordTokenizers& tokenizers) {
  constexpr uint32_t kUnknown = align::Vocabulary::kUnknown;
  std::vector<std::pair<std::string, std::string>> kept;
  EnglishStems english;
  for (const formats::DictionaryEntry& entry : dictionary) {
    const std::string& en_stem = english.Of(entry, *tokenizers.en);
    if (en_stem.empty()) continue;
    std::string ru_stem = EntryStem(*tokenizers.ru, entry, true);
    if (ru_stems.Find(ru_stem) == kUnknown && en_stems.Find(en_stem) == kUnknown) continue;
    kept.emplace_back(std::move(ru_stem), en_stem);
  }
  PreparedDictionary prepared;
  prepared.table = TableFromStems(kept, prepared.ru_words, prepared.en_words);
  return prepared;
}

namespace {

// The ids in `words` of `local`'s words, those `words` lacks interned in
// `local`'s order (first appearance): the ids interning in `words` directly
// would have made.
std::vector<uint32_t> Reintern(const align::Vocabulary& local, align::Vocabulary& words) {
  std::vector<uint32_t> id(local.size());
  for (uint32_t k = 0; k < id.size(); ++k) id[k] = words.Id(local.Word(k));
  return id;
}

void Renumber(std::vector<align::SentenceFeatures>& side, const std::vector<uint32_t>& id) {
  for (align::SentenceFeatures& f : side) {
    for (uint32_t& w : f.words) w = id[w];
    std::sort(f.words.begin(), f.words.end());
  }
}

}  // namespace

Status AlignSideBatch(std::span<AlignedPair> pairs, const align::BatchOptions& options,
                      std::span<const formats::DictionaryEntry> dictionary) {
  SVERKA_ASSIGN_OR_RETURN(WordTokenizers tokenizers, WordTokenizers::Create());
  // The documents' words first, in vocabularies of their own: only the
  // entries with one of their stems on either side are prepared (exact,
  // see PrepareDictionaryFor), then the ids are moved to the dictionary's.
  std::vector<align::DocumentFeatures> docs;
  align::Vocabulary anchors, ru_local, en_local;
  docs.reserve(pairs.size());
  for (const AlignedPair& p : pairs) {
    docs.push_back(PairFeatures(p, tokenizers, anchors, ru_local, en_local));
  }
  SVERKA_ASSIGN_OR_RETURN(PreparedDictionary prepared,
                          PrepareDictionaryFor(dictionary, ru_local, en_local, tokenizers));
  align::Vocabulary ru_words(&prepared.ru_words), en_words(&prepared.en_words);
  const std::vector<uint32_t> ru_ids = Reintern(ru_local, ru_words), en_ids = Reintern(en_local, en_words);
  for (align::DocumentFeatures& d : docs) {
    Renumber(d.ru, ru_ids);
    Renumber(d.en, en_ids);
    for (align::SentencePieces& p : d.ru_pieces) Renumber(p.pieces, ru_ids);
    for (align::SentencePieces& p : d.en_pieces) Renumber(p.pieces, en_ids);
  }
  std::vector<align::DocumentCuts> cuts;
  std::vector<Alignment> beads = align::AlignBatch(docs, prepared.table, options, &cuts);
  TakeBeads(pairs, beads, cuts);
  return Status::Ok();
}

Result<std::vector<AlignedPair>> AlignFileBatch(std::span<const PairPaths> paths,
                                                const ReadOptions& read_options,
                                                const align::BatchOptions& options,
                                                std::span<const formats::DictionaryEntry> dictionary) {
  std::vector<AlignedPair> pairs;
  for (const PairPaths& p : paths) {
    SVERKA_ASSIGN_OR_RETURN(SideText ru, ReadSide(p.ru, Language::kRussian, read_options));
    SVERKA_ASSIGN_OR_RETURN(SideText en, ReadSide(p.en, Language::kEnglish, read_options));
    pairs.push_back({std::move(ru), std::move(en), {}});
  }
  SVERKA_RETURN_IF_ERROR(AlignSideBatch(pairs, options, dictionary));
  return pairs;
}

Result<AlignedPair> AlignFiles(const std::string& ru_path, const std::string& en_path,
                               const ReadOptions& read_options, const align::BatchOptions& options,
                               std::span<const formats::DictionaryEntry> dictionary) {
  const PairPaths paths[] = {{ru_path, en_path}};
  SVERKA_ASSIGN_OR_RETURN(std::vector<AlignedPair> pairs,
                          AlignFileBatch(paths, read_options, options, dictionary));
  return std::move(pairs.front());
}

Status CheckParallel(const AlignedPair& pair) {
  if (!align::LooksNotParallel(pair.beads)) return Status::Ok();
  const auto percent = static_cast<int>(std::lround(100 * align::ConfidentlyPairedShare(pair.beads)));
  return Status::InvalidData(pair.ru.file + " and " + pair.en.file +
                          ": not a translation of each other (" + std::to_string(percent) +
                          " % of the sentences paired with confidence, a translation pairs at least " +
                          std::to_string(static_cast<int>(100 * align::kMinParallelShare)) +
                          " %); --force aligns them anyway");
}

Status StorePair(const std::string& db_path, const std::string& name, const AlignedPair& pair,
                 bool replace, bool discard_review) {
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<tm::TmStore> store, tm::TmStore::Open(
      db_path, tm::OpenMode::kCreateOrWrite, {.quick_check = true}));
  return tm::AddDocument(*store, ToDocument(name, pair), replace, discard_review);
}

DocumentRecord ToDocument(std::string name, AlignedPair pair) {
  DocumentRecord doc;
  doc.name = std::move(name);
  doc.ru_file = std::move(pair.ru.file);
  doc.en_file = std::move(pair.en.file);
  doc.ru_hash = std::move(pair.ru.hash);
  doc.en_hash = std::move(pair.en.hash);
  doc.ru = std::move(pair.ru.sentences);
  doc.en = std::move(pair.en.sentences);
  doc.beads = std::move(pair.beads);
  return doc;
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
