#include "segment/cut_context.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "common/utf8.h"

namespace sverka::segment::cut_rules {

bool IsEmoticonAt(std::string_view s, size_t i) {
  const std::string_view t = s.substr(i, 4);
  for (std::string_view e :
       {":)", ":-)", ":(", ":-(", ";)", ";-)", "=)", ":D", ":-D", ":P", "))"}) {
    if (t.substr(0, e.size()) == e) return true;
  }
  return false;
}

Next LookAhead(std::string_view s, size_t cut) {
  Next n;
  size_t i = cut, next = 0;
  while (i < s.size() && IsSpace(At(s, i, &next))) i = next;
  n.begin = i;
  n.space = i > cut;
  if (i >= s.size()) return n;
  n.emoticon = IsEmoticonAt(s, i);
  {
    size_t k = i, nx = 0;
    bool alnum = false, closing = false, dashes_only = true;
    while (k < s.size() && !IsSpace(At(s, k, &nx))) {
      const UChar32 c = At(s, k);
      if (u_isalnum(c)) alnum = true;
      if (IsTerminal(c) || c == ',' || c == 0xBB || c == 0x201D || c == ')' || c == ']')
        closing = true;
      if (!IsDash(c)) dashes_only = false;
      k = nx;
    }
    const UChar32 first = At(s, i);
    const bool opens =
        first == '(' || first == '[' || first == '{' || first == 0xAB || first == 0x201E;
    n.trailing = !alnum && closing && !dashes_only && !opens;
  }
  // Skip opening quotes/brackets and dialogue dashes (with their spaces).
  for (int guard = 0; i < s.size() && guard < 8; ++guard) {
    const UChar32 c = At(s, i, &next);
    if (IsDash(c)) {
      n.dash = true;
    } else if (!IsOpener(c) && !IsSpace(c)) {
      break;
    }
    i = next;
  }
  if (i >= s.size()) return n;
  const UChar32 c = At(s, i);
  n.start = u_isupper(c) || u_istitle(c) ? Start::kUpper
            : u_islower(c)               ? Start::kLower
            : u_isdigit(c)               ? Start::kDigit
                                         : Start::kOther;
  while (i < s.size()) {
    const UChar32 w = At(s, i, &next);
    if (!u_isalpha(w)) break;
    i = next;
  }
  if (n.start == Start::kUpper || n.start == Start::kLower) {
    n.word = LowerCase(s.substr(n.begin, i - n.begin));
    // Drop the skipped quotes/dashes at the front of the word.
    size_t k = 0, nx = 0;
    while (k < n.word.size() && !u_isalpha(At(n.word, k, &nx))) k = nx;
    n.word.erase(0, k);
  }
  return n;
}

Behind LookBehind(std::string_view s, size_t cut, size_t sentence_begin) {
  Behind b;
  size_t i = cut, prev = 0;
  while (i > 0) {
    const UChar32 c = Before(s, i, &prev);
    if (!IsTerminal(c) && !IsCloser(c)) break;
    i = prev;
  }
  b.cluster = i;
  b.term = s.substr(i, cut - i);
  size_t w = i;
  while (w > sentence_begin && !IsSpace(Before(s, w, &prev))) w = prev;
  while (w < i && IsOpener(At(s, w, &prev))) w = prev;
  b.word_begin = w;
  b.word = s.substr(w, i - w);
  return b;
}

std::string_view TokenBefore(std::string_view s, size_t begin) {
  size_t e = begin, prev = 0;
  while (e > 0 && IsSpace(Before(s, e, &prev))) e = prev;
  size_t b = e;
  while (b > 0 && !IsSpace(Before(s, b, &prev))) b = prev;
  return s.substr(b, e - b);
}

size_t CountLetters(std::string_view w) {
  size_t n = 0, i = 0, next = 0;
  while (i < w.size()) {
    if (u_isalpha(At(w, i, &next))) ++n;
    i = next;
  }
  return n;
}

bool IsPlainWord(std::string_view w) {
  if (w.empty()) return false;
  size_t i = 0, next = 0;
  while (i < w.size()) {
    const UChar32 c = At(w, i, &next);
    if (!u_isalpha(c) && !(i > 0 && (c == '-' || c == '\'' || c == 0x2019))) return false;
    i = next;
  }
  return true;
}

bool IsNumber(std::string_view w) {
  if (w.empty()) return false;
  bool digit = false;
  for (char ch : w) {
    if (ch >= '0' && ch <= '9')
      digit = true;
    else if (ch != '.' && ch != ',' && ch != '$' && ch != '%' && ch != '-')
      return false;
  }
  return digit;
}

bool HasVowel(std::string_view w, const RuleSet& rules) {
  const std::string lower = LowerCase(w);
  size_t i = 0, next = 0;
  while (i < lower.size()) {
    if (rules.vowels.find(static_cast<char32_t>(At(lower, i, &next))) != std::u32string::npos) {
      return true;
    }
    i = next;
  }
  return false;
}

bool IsInitials(std::string_view w) {
  size_t i = 0, next = 0;
  bool letter_due = true;
  while (i < w.size()) {
    const UChar32 c = At(w, i, &next);
    if (letter_due && u_isupper(c)) {
      letter_due = false;
    } else if (!letter_due && c == '.') {
      letter_due = true;
    } else {
      return false;
    }
    i = next;
  }
  return !w.empty() && !letter_due;
}

bool IsListMarker(std::string_view w) {
  if (w.empty() || w.size() > 4) return false;
  if (std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return true;
  if (CountLetters(w) == 1 && IsPlainWord(w)) return true;
  return w.find_first_not_of("ivxIVX") == std::string_view::npos;
}

bool StartsSentence(std::string_view s, size_t sentence_begin, size_t word_begin) {
  size_t i = sentence_begin, next = 0;
  while (i < word_begin) {
    const UChar32 c = At(s, i, &next);
    if (u_isalnum(c)) return false;
    i = next;
  }
  return true;
}

size_t CountWords(std::string_view s, size_t begin, size_t end) {
  size_t words = 0, i = begin, next = 0;
  bool in_word = false, alnum = false;
  while (i < end) {
    const UChar32 c = At(s, i, &next);
    if (IsSpace(c)) {
      if (in_word && alnum) ++words;
      in_word = alnum = false;
    } else {
      in_word = true;
      alnum = alnum || u_isalnum(c);
    }
    i = next;
  }
  return words + (in_word && alnum ? 1 : 0);
}

std::string_view StripBullets(std::string_view w) {
  size_t i = 0, next = 0;
  while (i < w.size() && !u_isalnum(At(w, i, &next))) i = next;
  return w.substr(i);
}

std::vector<std::string> AbbreviationKeys(std::string_view s, const Behind& b) {
  std::vector<std::string> keys;
  std::string key = LowerCase(b.word) + ".";
  keys.push_back(key);
  size_t begin = b.word_begin;
  for (int n = 0; n < 3; ++n) {
    const std::string_view prev = TokenBefore(s, begin);
    if (prev.empty() || prev.back() != '.' || CountLetters(prev) > 3) break;
    key = LowerCase(prev) + key;
    keys.push_back(key);
    begin = static_cast<size_t>(prev.data() - s.data());
  }
  std::reverse(keys.begin(), keys.end());  // longest first
  return keys;
}
}  // namespace sverka::segment::cut_rules
