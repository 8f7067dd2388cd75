// What surrounds a candidate sentence cut, for the boundary rules
// (boundary_rules.h): code-point classes, the word after the cut, the word
// before it and the tests on that word (number, initials, list marker,
// abbreviation keys). Internal to segment/. Byte offsets into UTF-8 text
// that the reader has already made valid.
#pragma once

#include <unicode/uchar.h>
#include <unicode/umachine.h>
#include <unicode/utf8.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "segment/rule_set.h"

namespace sverka::segment::cut_rules {

// ---- code points ---------------------------------------------------------

// Defined here, not in cut_context.cpp: the rules call them for every code
// point, and only inline do they cost no call (segment 20 % faster than
// with them out of line).
inline UChar32 At(std::string_view s, size_t i, size_t* next = nullptr) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), k, static_cast<int32_t>(s.size()), c);
  if (next) *next = static_cast<size_t>(k);
  return c;
}

inline UChar32 Before(std::string_view s, size_t i, size_t* prev = nullptr) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(s.data(), 0, k, c);
  if (prev) *prev = static_cast<size_t>(k);
  return c;
}

inline bool IsSpace(UChar32 c) { return c == 0xA0 || u_isUWhiteSpace(c); }

inline bool IsTerminal(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
         c == 0x2048 || c == 0x2049;
}

// Closing quotes and brackets that may follow a sentence's final punctuation.
// U+201C closes Russian „…“; after a terminal it always closes.
inline bool IsCloser(UChar32 c) {
  return c == '"' || c == '\'' || c == 0xBB || c == 0x201D || c == 0x201C || c == 0x2019 ||
         c == ')' || c == ']' || c == '}';
}

inline bool IsOpener(UChar32 c) {
  return c == '"' || c == '`' || c == '\'' || c == 0xAB || c == 0x201C || c == 0x201E ||
         c == 0x2018 || c == '(' || c == '[' || c == '{';
}

inline bool IsDash(UChar32 c) {
  return c == '-' || c == 0x2012 || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

// ---- the word after a cut --------------------------------------------------

enum class Start { kEnd, kUpper, kLower, kDigit, kOther };

struct Next {
  size_t begin = 0;       // first non-space byte after the cut
  bool space = false;     // white space between the cut and `begin`
  bool dash = false;      // a dialogue dash before the word ("— спросил он")
  bool emoticon = false;  // the next token is a smiley (":)", "))")
  bool trailing = false;  // the next token is closing marks only ("''", "».")
  Start start = Start::kEnd;
  std::string word;  // the letters of the next word, lower case
};

bool IsEmoticonAt(std::string_view s, size_t i);

Next LookAhead(std::string_view s, size_t cut);

// ---- the word before a cut -------------------------------------------------

struct Behind {
  size_t cluster = 0;     // start of the final punctuation and closing quotes
  std::string_view term;  // that cluster
  std::string_view word;  // the token before it, without opening quotes
  size_t word_begin = 0;
};

Behind LookBehind(std::string_view s, size_t cut, size_t sentence_begin);

// The token before `begin` (after skipping white space), or empty.
std::string_view TokenBefore(std::string_view s, size_t begin);

size_t CountLetters(std::string_view w);

// Letters only (inner hyphens and apostrophes allowed): an ordinary word.
bool IsPlainWord(std::string_view w);

bool IsNumber(std::string_view w);

bool HasVowel(std::string_view w, const RuleSet& rules);

// "А", "J", "Л.Н", "J.R.R": capital letters, each followed by a dot but the last.
bool IsInitials(std::string_view w);

// "1", "12", "a", "б", "iv": the marker of a list item when it starts a sentence.
bool IsListMarker(std::string_view w);

// Only bullets, dashes or spaces between the sentence start and `word_begin`.
bool StartsSentence(std::string_view s, size_t sentence_begin, size_t word_begin);

// Tokens holding a letter or digit in [begin, end).
size_t CountWords(std::string_view s, size_t begin, size_t end);

// "⁃9" -> "9", "•a" -> "a".
std::string_view StripBullets(std::string_view w);

// Abbreviation keys ending at the period after `word`: "е.", then "т.е." when
// the token before is "т." (short tokens with dots, at most three).
std::vector<std::string> AbbreviationKeys(std::string_view s, const Behind& b);

}  // namespace sverka::segment::cut_rules
