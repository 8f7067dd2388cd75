// One pair of files to stored beads: read, segment, align, and (optionally)
// store. The one place `align`, and later `batch`, call.
#pragma once

#include <memory>
#include <string>

#include <span>

#include "align/batch_aligner.h"
#include "common/document.h"
#include "common/status.h"
#include "pipeline/document_reader.h"
#include "segment/word_tokenizer.h"
#include "formats/dictionary_reader.h"

namespace sverka::pipeline {

struct AlignedPair {
  SideText ru, en;
  Alignment beads;
  // Beads kept as they are (realign.h): only the other sentences are
  // aligned, around them; they are among `beads` afterwards.
  Alignment fixed;
};

struct PairPaths {
  std::string ru, en;
};

// Reads and aligns a batch of pairs: one vocabulary and one learned lexicon
// for the whole batch (doc/align.md). Fails on the first unreadable file.
// `dictionary` (may be empty) seeds the lexicon with known translations.
Result<std::vector<AlignedPair>> AlignFileBatch(std::span<const PairPaths> pairs,
                                                const ReadOptions& read_options,
                                                const align::BatchOptions& options = {},
                                                std::span<const formats::DictionaryEntry> dictionary = {});

// A dictionary made ready once for many AlignSideBatch calls: its
// translation table over stems, and the vocabularies those stems were
// interned in (each call starts from copies, so ids are as if made afresh).
// Read-only once made: any number of threads may share one.
struct PreparedDictionary {
  align::Vocabulary ru_words, en_words;
  align::TranslationTable table;
};
// Large dictionaries are tokenized on up to `threads` threads; the result
// is the same whatever their number.
Result<PreparedDictionary> PrepareDictionary(std::span<const formats::DictionaryEntry> dictionary,
                                             int threads = 1);

// As PrepareDictionary, keeping only the entries that can matter to
// documents whose word stems are those of `ru_stems` and `en_stems`: an
// entry with its Russian stem among the documents' (a Russian word's
// "has a translation" counts, aligner.cpp) or its English stem (a match, an
// English word's "is translated"). Aligning with the documents' words
// interned after it gives the same beads as the whole dictionary: the
// documents' words have the same translations, and their ids are in the
// same order. Single-threaded: it stems each entry without a break iterator.
Result<PreparedDictionary> PrepareDictionaryFor(std::span<const formats::DictionaryEntry> dictionary,
                                                const align::Vocabulary& ru_stems,
                                                const align::Vocabulary& en_stems);
struct WordTokenizers;

// The same with the caller's tokenizers (made once: an ICU transliterator
// costs as much to create as a thousand entries to prepare).
Result<PreparedDictionary> PrepareDictionaryFor(std::span<const formats::DictionaryEntry> dictionary,
                                                const align::Vocabulary& ru_stems,
                                                const align::Vocabulary& en_stems,
                                                WordTokenizers& tokenizers);

// The word tokenizers aligning needs, one per side. Making them costs about
// 7 % of aligning an article (ICU builds a transliterator), so a thread that
// aligns many pairs makes them once. Not thread-safe: one set per thread.
struct WordTokenizers {
  std::unique_ptr<segment::WordTokenizer> ru, en;
  static Result<WordTokenizers> Create();
};

// The entries of `dictionary` as the pairs of stems the aligner uses, in
// entry order: phrases and words whose stem is shorter than 3 letters are
// dropped (they match everywhere), and so are repeated pairs. The table made
// from them is the one made from `dictionary`. Entries already stemmed are
// kept as they are.
std::vector<formats::DictionaryEntry> StemmedEntries(std::span<const formats::DictionaryEntry> dictionary,
                                                WordTokenizers& tokenizers);

// As AlignSideBatch below, with a dictionary prepared once and the calling
// thread's tokenizers.
Status AlignSideBatch(std::span<AlignedPair> pairs, const align::BatchOptions& options,
                      const PreparedDictionary& dictionary, WordTokenizers& tokenizers);

// As AlignSideBatch below, with a dictionary prepared once.
Status AlignSideBatch(std::span<AlignedPair> pairs, const align::BatchOptions& options,
                      const PreparedDictionary& dictionary);

// Aligns pairs already read (`pairs[k].beads` is filled in), as
// AlignFileBatch does: one vocabulary and one learned lexicon for them all.
// Fails only when a tokenizer cannot be made. Thread-safe: every call makes
// its own tokenizers.
Status AlignSideBatch(std::span<AlignedPair> pairs, const align::BatchOptions& options = {},
                      std::span<const formats::DictionaryEntry> dictionary = {});

// Reads both files and aligns their sentences.
Result<AlignedPair> AlignFiles(const std::string& ru_path, const std::string& en_path,
                               const ReadOptions& read_options,
                               const align::BatchOptions& options = {},
                               std::span<const formats::DictionaryEntry> dictionary = {});

// The dictionary's single-word entries as a translation table over the
// stems in `ru_words` / `en_words` (phrases are skipped).
align::TranslationTable DictionaryTable(std::span<const formats::DictionaryEntry> dictionary,
                                        segment::WordTokenizer& ru_tokenizer,
                                        segment::WordTokenizer& en_tokenizer,
                                        align::Vocabulary& ru_words, align::Vocabulary& en_words);

// The one place the default dictionary is chosen: the path of Debian's
// mueller7-dict when installed, else of its FreeDict eng-rus when installed,
// else empty (no dictionary).
std::string DefaultDictionaryPath();

// The dictionary sverka uses when given none: the one DefaultDictionaryPath
// names, read, or none (an empty list).
Result<std::vector<formats::DictionaryEntry>> DefaultDictionary();

// Tokenizes `sentences` and builds the aligner's features, interning anchor
// keys and word stems in the given vocabularies.
std::vector<align::SentenceFeatures> Features(const std::vector<SentenceRecord>& sentences,
                                              segment::WordTokenizer& tokenizer, Language lang,
                                              align::Vocabulary& anchors, align::Vocabulary& words);

// What the aligner knows of one pair: both sides' sentence and piece
// features, in this order (the vocabularies number words as they come),
// with the pair's headings and fixed beads. From `sides_apart` sentences
// (both sides together) on, the English side is tokenized on a second
// thread: the same features, ids included.
inline constexpr size_t kSidesApart = 2000;  // an article stays on one thread
align::DocumentFeatures PairFeatures(const AlignedPair& p, WordTokenizers& tokenizers,
                                     align::Vocabulary& anchors, align::Vocabulary& ru_words,
                                     align::Vocabulary& en_words, size_t sides_apart = kSidesApart);

// Lengths the aligner sees: code points of each sentence.
std::vector<int32_t> SentenceLengths(const std::vector<SentenceRecord>& sentences);

// Fails with kBadInput when the aligned pair shows that the two texts are
// not a translation of each other (align::LooksNotParallel), in one line
// naming both files and the share of sentences paired with confidence.
Status CheckParallel(const AlignedPair& pair);

// The aligned document `name` of `pair`, as the memory stores it: the one
// place an AlignedPair (sides as read, with what only reading needs) becomes
// the shared DocumentRecord.
DocumentRecord ToDocument(std::string name, AlignedPair pair);

// Stores `pair` as document `name` in the translation memory at `db_path`
// (created when missing), in one transaction.
// `replace` and `discard_review` as tm::AddDocument takes them.
Status StorePair(const std::string& db_path, const std::string& name, const AlignedPair& pair,
                 bool replace, bool discard_review = false);

// A document name from a file name: the base name without directories and
// without the ".ru.txt" / ".txt" / ".sent" style suffixes ("news.ru.txt" -> "news").
std::string DocumentNameFromPath(const std::string& path);

}  // namespace sverka::pipeline
