// Splitting a sentence into words, numbers and punctuation (ICU word break
// iterator), with lower-casing, Snowball stems and, for capitalised Russian
// words, an ASCII transliteration (ICU Russian-Latin/BGN) for name matching.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/language.h"
#include "common/status.h"
#include "common/token.h"

namespace sverka::segment {

// Not thread-safe: one tokenizer per thread. Caches transliterations.
class WordTokenizer {
 public:
  // Fails with kInternal when ICU or libstemmer lack the language.
  static Result<std::unique_ptr<WordTokenizer>> Create(Language lang);
  ~WordTokenizer();
  WordTokenizer(const WordTokenizer&) = delete;
  WordTokenizer& operator=(const WordTokenizer&) = delete;

  // Tokens of `sentence` (valid UTF-8) in order; white space is dropped.
  std::vector<Token> Tokenize(std::string_view sentence);

  // The stem of `text` (valid UTF-8) when it is one word, else empty: the
  // same as Tokenize gives a one-word text. Plain words (only ASCII or only
  // Russian letters) skip the break iterator: a dictionary of 150,000
  // entries is stemmed in a few tens of milliseconds instead of half a second.
  std::string SingleWordStem(std::string_view text);

 private:
  struct Impl;
  explicit WordTokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sverka::segment
