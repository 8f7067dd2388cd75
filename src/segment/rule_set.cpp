#include "segment/rule_set.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdlib>
#include <vector>

namespace sverka::segment {
namespace builtin {
extern const std::string_view kRussianRules;
extern const std::string_view kEnglishRules;
}  // namespace builtin

namespace {

std::string_view Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

std::vector<std::string_view> Items(std::string_view line) {
  std::vector<std::string_view> items;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const size_t b = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > b) items.push_back(line.substr(b, i - b));
  }
  return items;
}

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0) out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// Built-in rules that do not parse are a build bug caught by rule_set_test;
// at run time they degrade to no rules (plain ICU boundaries) rather than abort.
RuleSet ParseBuiltin(std::string_view name, std::string_view text) {
  Result<RuleSet> rules = ParseRules(name, text);
  return rules.ok() ? std::move(rules).value() : RuleSet{};
}

enum class Section { kNone, kAbbreviation, kBeforeNumber, kStarters, kSettings };

}  // namespace

std::string LowerCase(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    if (c < 0) continue;
    c = u_tolower(c);
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(buf, len, 4, c, error);
    (void)error;  // cannot fail: 4 bytes hold any code point
    out.append(buf, static_cast<size_t>(len));
  }
  return out;
}

Result<RuleSet> ParseRules(std::string_view name, std::string_view text) {
  RuleSet rules;
  Section section = Section::kNone;
  AbbreviationKind kind = AbbreviationKind::kNeverBreak;
  size_t line_no = 0;
  const auto fail = [&](const std::string& what) {
    return Status::InvalidData(std::string(name) + ":" + std::to_string(line_no) + ": " + what);
  };
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    line = Trim(line);
    if (line.empty()) continue;
    if (line.front() == '[') {
      const std::string_view header = line;
      if (header == "[never-break]") {
        section = Section::kAbbreviation, kind = AbbreviationKind::kNeverBreak;
      } else if (header == "[break-before-capital]") {
        section = Section::kAbbreviation, kind = AbbreviationKind::kBreakBeforeCapital;
      } else if (header == "[break-before-starter]") {
        section = Section::kAbbreviation, kind = AbbreviationKind::kBreakBeforeStarter;
      } else if (header == "[no-break-before-number]") {
        section = Section::kBeforeNumber;
      } else if (header == "[sentence-starters]") {
        section = Section::kStarters;
      } else if (header == "[settings]") {
        section = Section::kSettings;
      } else {
        return fail("unknown section " + std::string(header));
      }
      continue;
    }
    switch (section) {
      case Section::kNone:
        return fail("rule before any [section]");
      case Section::kAbbreviation:
        for (std::string_view item : Items(line)) {
          const std::string key = LowerCase(item);
          auto [it, inserted] = rules.abbreviations.emplace(key, kind);
          if (!inserted && it->second != kind) {
            return fail("abbreviation '" + key + "' listed under two kinds");
          }
        }
        break;
      case Section::kBeforeNumber:
        for (std::string_view item : Items(line)) rules.before_number.insert(LowerCase(item));
        break;
      case Section::kStarters:
        for (std::string_view item : Items(line)) rules.starters.insert(LowerCase(item));
        break;
      case Section::kSettings: {
        const size_t eq = line.find('=');
        if (eq == std::string_view::npos) return fail("expected 'name = value'");
        const std::string_view key = Trim(line.substr(0, eq));
        const std::string_view value = Trim(line.substr(eq + 1));
        if (key == "vowels") {
          rules.vowels = CodePoints(LowerCase(value));
        } else if (key == "break-before-lowercase") {
          if (value != "yes" && value != "no")
            return fail("break-before-lowercase must be yes or no");
          rules.break_before_lowercase = value == "yes";
        } else if (key == "max-quote-chars" || key == "min-words-before-abbreviation-end") {
          const std::string digits(value);
          char* end = nullptr;
          const unsigned long n = std::strtoul(digits.c_str(), &end, 10);
          if (digits.empty() || digits[0] == '-' || *end != '\0' || n > 100000) {
            return fail(std::string(key) + " must be a number from 0 to 100000");
          }
          (key == "max-quote-chars" ? rules.max_quote_chars
                                    : rules.min_words_before_abbreviation_end) = n;
        } else {
          return fail("unknown setting '" + std::string(key) + "'");
        }
        break;
      }
    }
  }
  return rules;
}

std::string_view BuiltinRuleText(Language lang) {
  return lang == Language::kRussian ? builtin::kRussianRules : builtin::kEnglishRules;
}

const RuleSet& BuiltinRules(Language lang) {
  // Parsed once; the texts are checked by the tests, so a failure is a build bug.
  static const RuleSet ru = ParseBuiltin("ru.rules", builtin::kRussianRules);
  static const RuleSet en = ParseBuiltin("en.rules", builtin::kEnglishRules);
  return lang == Language::kRussian ? ru : en;
}

}  // namespace sverka::segment
