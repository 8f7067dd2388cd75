// What the aligner knows of a sentence beyond its length: anchor keys
// (numbers, months, names, punctuation) that survive translation, and the
// ids of its word stems. Pure functions; tokens come from segment/.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/language.h"
#include "common/token.h"

namespace sverka::align {

// Interns strings as dense ids. Not thread-safe.
class Vocabulary {
 public:
  uint32_t Id(std::string_view word);
  // The id of `word` if known, else kUnknown.
  uint32_t Find(std::string_view word) const;
  size_t size() const { return words_.size(); }
  const std::string& Word(uint32_t id) const { return words_[id]; }
  static constexpr uint32_t kUnknown = UINT32_MAX;

 private:
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
};

struct SentenceFeatures {
  int32_t length = 0;             // code points
  std::vector<uint32_t> anchors;  // sorted, unique ids in the shared anchor vocabulary
  std::vector<uint32_t> words;    // sorted, unique stem ids in the side's own vocabulary
};

// Anchor keys of a sentence, as strings (for tests and debugging):
//   "#2000", "#1.5"  numbers: "2 000", "2,000" (English), "1,5" (Russian) normalised;
//   "@9"             a month name (сентября, September);
//   "N:mrkdrv"       a name: capitalised word, Russian via its transliteration,
//                    reduced to a consonant skeleton (see NameSkeleton);
//   "P?" "P!" "P:" "P\"" "P("  punctuation that translations keep.
std::vector<std::string> AnchorKeys(std::span<const Token> tokens, Language lang);

// The consonant skeleton of an ASCII (transliterated) name, for fuzzy
// matching across spelling systems: "mirkadyrov" and "mirgadirov" both give
// "mrkdrv", "azerbaydzhan" and "azerbaijan" "azrbjn". At most 6 letters.
std::string NameSkeleton(std::string_view ascii_lower);

// Builds the features of one sentence.
SentenceFeatures BuildFeatures(int32_t length, std::span<const Token> tokens, Language lang,
                               Vocabulary& anchors, Vocabulary& words);

}  // namespace sverka::align
