// Language rules for sentence boundaries, read from a rule file
// (src/segment/rules/*.rules, format in doc/segment.md). Pure data.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "common/language.h"
#include "common/status.h"

namespace sverka::segment {

// What a period after an abbreviation means.
enum class AbbreviationKind {
  kNeverBreak,          // "проф.", "Mr.": never ends a sentence
  kBreakBeforeCapital,  // "т.д.", "etc.": ends one when the next word is capitalised
  kBreakBeforeStarter,  // "U.S.": ends one only before a common sentence starter ("He")
};

struct RuleSet {
  // Keys are lower case, without white space, with their dots: "т.е.", "u.s.".
  std::unordered_map<std::string, AbbreviationKind> abbreviations;
  // Abbreviations that never end a sentence before a number ("ст. 5", "p. 55").
  std::unordered_set<std::string> before_number;
  // Lower-case words that commonly begin a sentence.
  std::unordered_set<std::string> starters;
  // Vowel letters (lower case, UTF-8); a word without any is an abbreviation.
  std::u32string vowels;
  // A period after an ordinary word ends a sentence before a lower-case word too.
  bool break_before_lowercase = false;
  // No boundary inside quotes or brackets closed within this many characters
  // (code points); 0: off.
  size_t max_quote_chars = 0;
  // Words that must precede a "may end a sentence" abbreviation for it to end one.
  size_t min_words_before_abbreviation_end = 0;
};

// Parses a rule file's text. `name` is used in messages. Fails with
// kBadInput, "NAME:LINE: ..." for an unknown section or setting, an item
// before any section, a bad setting value, or an abbreviation listed under
// two kinds.
Result<RuleSet> ParseRules(std::string_view name, std::string_view text);

// The rules shipped with sverka for `lang` (embedded at build time from
// src/segment/rules/). Never fails: the build checks them (rule_set_test).
const RuleSet& BuiltinRules(Language lang);

// The text of the built-in rule file for `lang` (for `--dump-rules` and tests).
std::string_view BuiltinRuleText(Language lang);

// Lower-cases UTF-8 `text` code point by code point (ICU's simple case mapping).
std::string LowerCase(std::string_view text);

}  // namespace sverka::segment
