#include "text/heading.h"

#include <array>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "common/utf8.h"

namespace sverka::text {
namespace {

// ASCII and Russian letters in lower case, ё as е; other bytes as they are.
std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(std::tolower(c));
      continue;
    }
    if (i + 1 < s.size() && (c == 0xD0 || c == 0xD1)) {
      const auto d = static_cast<unsigned char>(s[i + 1]);
      ++i;
      if (c == 0xD0 && d >= 0x90 && d <= 0x9F) {  // А-П
        out += '\xD0';
        out += static_cast<char>(d + 0x20);
      } else if (c == 0xD0 && d >= 0xA0 && d <= 0xAF) {  // Р-Я
        out += '\xD1';
        out += static_cast<char>(d - 0x20);
      } else if ((c == 0xD0 && d == 0x81) || (c == 0xD1 && d == 0x91)) {  // Ё, ё
        out += "\xD0\xB5";
      } else {
        out += static_cast<char>(c);
        out += static_cast<char>(d);
      }
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

// The next run of letters and digits from `at`, skipping spaces only;
// empty when something else comes first.
std::string_view NextWord(std::string_view s, size_t& at) {
  while (at < s.size() && s[at] == ' ') ++at;
  const size_t begin = at;
  while (at < s.size() && IsWordByte(static_cast<unsigned char>(s[at]))) ++at;
  return s.substr(begin, at - begin);
}

std::optional<int32_t> Arabic(std::string_view w) {
  if (w.empty() || w.size() > 3) return std::nullopt;
  int32_t n = 0;
  for (char c : w) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n > 0 ? std::optional<int32_t>(n) : std::nullopt;
}

std::string ToRoman(int32_t n) {
  static constexpr std::array<std::pair<int32_t, const char*>, 9> kDigits = {
      {{100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}}};
  std::string out;
  for (const auto& [value, digits] : kDigits) {
    while (n >= value) {
      out += digits;
      n -= value;
    }
  }
  return out;
}

// A canonical roman numeral below 400 ("iv", not "iiii").
std::optional<int32_t> Roman(std::string_view w) {
  if (w.empty() || w.size() > 12) return std::nullopt;
  int32_t n = 0, last = 1000;
  for (char c : w) {
    const int32_t v = c == 'i' ? 1 : c == 'v' ? 5 : c == 'x' ? 10 : c == 'l' ? 50 : c == 'c' ? 100 : 0;
    if (v == 0) return std::nullopt;
    n += v > last ? v - 2 * last : v;
    last = v;
  }
  if (n <= 0 || n >= 400 || ToRoman(n) != w) return std::nullopt;
  return n;
}

// Number words up to twenty, as stems that take an ending of at most three
// letters (Russian: "вторая", "второй", "пять"), longest first.
constexpr std::array<std::pair<const char*, int32_t>, 27> kRussianNumbers = {{
    {"одиннадцат", 11}, {"двенадцат", 12}, {"тринадцат", 13}, {"четырнадцат", 14},
    {"пятнадцат", 15},  {"шестнадцат", 16}, {"семнадцат", 17}, {"восемнадцат", 18},
    {"девятнадцат", 19}, {"двадцат", 20},  {"перв", 1},       {"один", 1},
    {"одн", 1},         {"втор", 2},       {"дв", 2},         {"трет", 3},
    {"три", 3},         {"четверт", 4},    {"четыр", 4},      {"пят", 5},
    {"шест", 6},        {"седьм", 7},      {"сем", 7},        {"восьм", 8},
    {"восем", 8},       {"девят", 9},      {"десят", 10}}};

constexpr std::array<const char*, 20> kEnglishCardinals = {
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
constexpr std::array<const char*, 20> kEnglishOrdinals = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth"};

std::optional<int32_t> RussianWord(std::string_view w) {
  auto match = [&](std::string_view stem) {
    return w.starts_with(stem) && CountCodePoints(w.substr(stem.size())) <= 3;
  };
  for (const auto& [stem, n] : kRussianNumbers) {
    if (match(stem)) return n;
  }
  return std::nullopt;
}

std::optional<int32_t> EnglishWord(std::string_view w) {
  for (size_t k = 0; k < kEnglishCardinals.size(); ++k) {
    if (w == kEnglishCardinals[k] || w == kEnglishOrdinals[k]) return static_cast<int32_t>(k + 1);
  }
  return std::nullopt;
}

std::optional<int32_t> NumberWord(std::string_view w, Language lang) {
  return lang == Language::kRussian ? RussianWord(w) : EnglishWord(w);
}

std::optional<HeadingKind> KindWord(std::string_view w, Language lang) {
  static constexpr std::array<std::pair<const char*, HeadingKind>, 5> kRussian = {
      {{"глава", HeadingKind::kChapter}, {"часть", HeadingKind::kPart}, {"книга", HeadingKind::kBook},
       {"раздел", HeadingKind::kSection}, {"том", HeadingKind::kVolume}}};
  static constexpr std::array<std::pair<const char*, HeadingKind>, 5> kEnglish = {
      {{"chapter", HeadingKind::kChapter}, {"part", HeadingKind::kPart}, {"book", HeadingKind::kBook},
       {"section", HeadingKind::kSection}, {"volume", HeadingKind::kVolume}}};
  for (const auto& [word, kind] : lang == Language::kRussian ? kRussian : kEnglish) {
    if (w == word) return kind;
  }
  return std::nullopt;
}

// What may follow a heading's number: nothing, a period, or a separator
// and a title that does not end as a sentence or a clause does.
bool HeadingTail(std::string_view rest) {
  size_t at = 0;
  while (at < rest.size() && rest[at] == ' ') ++at;
  rest.remove_prefix(at);
  if (rest.empty() || rest == ".") return true;
  static constexpr std::array<std::string_view, 5> kSeparators = {".", ":", "\xE2\x80\x94", "\xE2\x80\x93", "-"};
  bool separated = false;
  for (std::string_view sep : kSeparators) {
    if (rest.starts_with(sep)) {
      rest.remove_prefix(sep.size());
      separated = true;
      break;
    }
  }
  if (!separated) return false;
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  if (rest.empty()) return false;
  const char last = rest.back();
  return last != '.' && last != '!' && last != '?' && last != ',' && last != ';' && last != ':';
}

}  // namespace

std::optional<NumberedHeading> ParseNumberedHeading(std::string_view line, Language lang) {
  if (CountCodePoints(line) > 80) return std::nullopt;
  const std::string s = Lower(line);
  size_t at = 0;
  const std::string_view first = NextWord(s, at);
  if (first.empty()) return std::nullopt;
  // A number alone: "V", "XII.", "12." (an arabic number without its
  // period is as likely a page number).
  const std::optional<int32_t> arabic = Arabic(first);
  const std::optional<int32_t> n = arabic ? arabic : Roman(first);
  if (n) {
    std::string_view rest = std::string_view(s).substr(at);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest == "." || (rest.empty() && !arabic)) return NumberedHeading{HeadingKind::kNumber, *n};
    return std::nullopt;
  }
  const std::string_view second = NextWord(s, at);
  if (second.empty()) return std::nullopt;
  std::optional<NumberedHeading> heading;
  if (const std::optional<HeadingKind> kind = KindWord(first, lang)) {
    std::optional<int32_t> number = Arabic(second);
    if (!number) number = Roman(second);
    if (!number) number = NumberWord(second, lang);
    if (number) heading = NumberedHeading{*kind, *number};
  } else if (const std::optional<HeadingKind> kind = KindWord(second, lang)) {
    if (const std::optional<int32_t> number = NumberWord(first, lang)) heading = NumberedHeading{*kind, *number};
  }
  if (!heading || !HeadingTail(std::string_view(s).substr(at))) return std::nullopt;
  return heading;
}

}  // namespace sverka::text
