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
  Vocabulary() = default;
  // A vocabulary that starts with every word of `base`, under the same ids,
  // without copying it: new words get ids from base->size() on, as in a
  // copy. `base` must outlive this one and not change (doc/decisions.md).
  explicit Vocabulary(const Vocabulary* base)
      : base_(base), offset_(base ? static_cast<uint32_t>(base->size()) : 0) {}
  uint32_t Id(std::string_view word);
  // The id of `word` if known, else kUnknown.
  uint32_t Find(std::string_view word) const;
  size_t size() const { return offset_ + words_.size(); }
  const std::string& Word(uint32_t id) const {
    return id < offset_ ? base_->Word(id) : words_[id - offset_];
  }
  static constexpr uint32_t kUnknown = UINT32_MAX;

 private:
  // Looks words up by string_view, without making a string.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  const Vocabulary* base_ = nullptr;
  uint32_t offset_ = 0;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
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

// The same keys with the tokens that make each: tokens[first..last] ("2 000"
// is two tokens, one key). For showing a reader what the aligner matched.
struct TokenAnchor {
  size_t first = 0, last = 0;
  std::string key;
};
std::vector<TokenAnchor> TokenAnchors(std::span<const Token> tokens, Language lang);

// The consonant skeleton of an ASCII (transliterated) name, for fuzzy
// matching across spelling systems: "mirkadyrov" and "mirgadirov" both give
// "mrkdrv", "azerbaydzhan" and "azerbaijan" "azrbjn". At most 6 letters.
std::string NameSkeleton(std::string_view ascii_lower);

// Builds the features of one sentence.
SentenceFeatures BuildFeatures(int32_t length, std::span<const Token> tokens, Language lang,
                               Vocabulary& anchors, Vocabulary& words);

}  // namespace sverka::align
