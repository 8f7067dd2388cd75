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

 private:
  struct Impl;
  explicit WordTokenizer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sverka::segment
