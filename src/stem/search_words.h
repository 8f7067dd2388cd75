// Words of a text as `search` compares them (issue 16): lower-cased, ё as е,
// soft hyphens (U+00AD) and combining marks (stress accents) dropped, and
// stemmed by Snowball (Russian for a word with a Cyrillic letter, English
// otherwise), so that "культурной дипломатии" and "культурная дипломатия",
// "rights" and "right" compare equal. The memory's stem index (doc/schema.md)
// holds Stems() of each bead's sides; a query is Stems() of the phrase.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sverka::stem {

// One word of a text: its bytes [begin, end), its folded form and its stem.
struct SearchWord {
  size_t begin = 0, end = 0;
  std::string folded, stem;
};

// Not thread-safe: one per thread (or SQLite connection). Caches each
// spelling's stem, bounded (kWordCacheEntries).
class SearchStemmer {
 public:
  // Fails with kInternal when libstemmer lacks Russian or English.
  static Result<std::unique_ptr<SearchStemmer>> Create();
  ~SearchStemmer();
  SearchStemmer(const SearchStemmer&) = delete;
  SearchStemmer& operator=(const SearchStemmer&) = delete;

  // The words of `text`, in order. A word is a run of letters, digits and
  // private-use characters (FTS5's unicode61 word characters); every other
  // code point separates words, except soft hyphens and combining marks,
  // which are dropped inside a word. Invalid UTF-8 bytes separate words.
  std::vector<SearchWord> Words(std::string_view text);

  // The stems of Words(text) joined by one space: what the stem index holds.
  std::string Stems(std::string_view text);

 private:
  struct Impl;
  explicit SearchStemmer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Words longer than this (bytes, folded) are kept unstemmed: Snowball's cost
// grows with the word, and no inflected word is this long.
inline constexpr size_t kMaxStemmedWordBytes = 80;

}  // namespace sverka::stem
