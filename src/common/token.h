// A word, number or punctuation mark of a sentence, as the tokenizer
// (segment/) hands it to the aligner (align/). A plain struct: no ICU types.
#pragma once

#include <cstdint>
#include <string>

namespace sverka {

enum class TokenKind : unsigned char { kWord, kNumber, kPunct };

struct Token {
  TokenKind kind = TokenKind::kWord;
  std::string text;   // lower-cased, as in the sentence otherwise
  std::string stem;   // Snowball stem of `text` (words only)
  std::string latin;  // ASCII transliteration of a capitalised Russian word, else empty
  bool capitalized = false;  // first letter upper case in the sentence
  bool space_before = false;  // white space separates it from the previous token
  uint32_t begin = 0, end = 0;  // its bytes in the sentence: [begin, end)
};

}  // namespace sverka
