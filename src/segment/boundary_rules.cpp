#include "segment/boundary_rules.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/utf8.h"

namespace sverka::segment {
namespace {

// ---- code points ---------------------------------------------------------

UChar32 At(std::string_view s, size_t i, size_t* next = nullptr) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(s.data(), k, static_cast<int32_t>(s.size()), c);
  if (next) *next = static_cast<size_t>(k);
  return c;
}

UChar32 Before(std::string_view s, size_t i, size_t* prev = nullptr) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 c;
  U8_PREV(s.data(), 0, k, c);
  if (prev) *prev = static_cast<size_t>(k);
  return c;
}

bool IsSpace(UChar32 c) { return c == 0xA0 || u_isUWhiteSpace(c); }
bool IsTerminal(UChar32 c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203C || c == 0x2047 ||
         c == 0x2048 || c == 0x2049;
}
// Closing quotes and brackets that may follow a sentence's final punctuation.
// U+201C closes Russian „…“; after a terminal it always closes.
bool IsCloser(UChar32 c) {
  return c == '"' || c == '\'' || c == 0xBB || c == 0x201D || c == 0x201C || c == 0x2019 ||
         c == ')' || c == ']' || c == '}';
}
bool IsOpener(UChar32 c) {
  return c == '"' || c == '`' || c == '\'' || c == 0xAB || c == 0x201C || c == 0x201E ||
         c == 0x2018 || c == '(' || c == '[' || c == '{';
}
bool IsDash(UChar32 c) {
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

// ---- the word before a cut -------------------------------------------------

struct Behind {
  size_t cluster = 0;     // start of the final punctuation and closing quotes
  std::string_view term;  // that cluster
  std::string_view word;  // the token before it, without opening quotes
  size_t word_begin = 0;
};

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

// The token before `begin` (after skipping white space), or empty.
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

// Letters only (inner hyphens and apostrophes allowed): an ordinary word.
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

// "А", "J", "Л.Н", "J.R.R": capital letters, each followed by a dot but the last.
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

// "1", "12", "a", "б", "iv": the marker of a list item when it starts a sentence.
bool IsListMarker(std::string_view w) {
  if (w.empty() || w.size() > 4) return false;
  if (std::all_of(w.begin(), w.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) return true;
  if (CountLetters(w) == 1 && IsPlainWord(w)) return true;
  return w.find_first_not_of("ivxIVX") == std::string_view::npos;
}

// Only bullets, dashes or spaces between the sentence start and `word_begin`.
bool StartsSentence(std::string_view s, size_t sentence_begin, size_t word_begin) {
  size_t i = sentence_begin, next = 0;
  while (i < word_begin) {
    const UChar32 c = At(s, i, &next);
    if (u_isalnum(c)) return false;
    i = next;
  }
  return true;
}

// Tokens holding a letter or digit in [begin, end).
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

// "⁃9" -> "9", "•a" -> "a".
std::string_view StripBullets(std::string_view w) {
  size_t i = 0, next = 0;
  while (i < w.size() && !u_isalnum(At(w, i, &next))) i = next;
  return w.substr(i);
}

// Abbreviation keys ending at the period after `word`: "е.", then "т.е." when
// the token before is "т." (short tokens with dots, at most three).
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

// ---- quotes and brackets ---------------------------------------------------

struct Pair {
  size_t open, close;
};

// Matching quote and bracket pairs of a paragraph; unmatched marks are ignored.
std::vector<Pair> FindPairs(std::string_view s) {
  std::vector<Pair> pairs;
  std::vector<std::pair<UChar32, size_t>> stack;
  const auto close_of = [](UChar32 open) -> UChar32 {
    switch (open) {
      case 0xAB:
        return 0xBB;
      case 0x201E:
        return 0x201C;
      case 0x201C:
        return 0x201D;
      case '(':
        return ')';
      case '[':
        return ']';
      case '{':
        return '}';
      default:
        return open;
    }
  };
  size_t i = 0, next = 0;
  while (i < s.size() && stack.size() < 64) {
    const UChar32 c = At(s, i, &next);
    bool closed = false;
    for (size_t k = stack.size(); k-- > 0;) {
      if (close_of(stack[k].first) == c) {
        pairs.push_back({stack[k].second, i});
        stack.resize(k);
        closed = true;
        break;
      }
    }
    if (!closed &&
        (c == 0xAB || c == 0x201E || c == 0x201C || c == '(' || c == '[' || c == '{' || c == '"')) {
      stack.push_back({c, i});
    }
    i = next;
  }
  return pairs;
}

// Whether the cut lies inside a pair closed within `max_chars` code points
// of its opening: characters, not bytes, or a Russian quotation (two bytes a
// letter) would be cut where its English twin of the same length is kept.
bool InsideShortPair(std::string_view s, const std::vector<Pair>& pairs, size_t cluster,
                     size_t cut, size_t max_chars) {
  if (max_chars == 0) return false;
  return std::any_of(pairs.begin(), pairs.end(), [&](const Pair& p) {
    return p.open < cluster && p.close >= cut &&
           CountCodePoints(s.substr(p.open, p.close - p.open)) <= max_chars;
  });
}

// ---- candidates ICU never proposes -----------------------------------------

// Ends of final-punctuation clusters followed by white space, and of smileys
// followed by white space and a capital: ICU does not break before a digit,
// a dash or a lower-case word (UAX #29 rules SB8, SB8a), nor after "…" or ")".
void AddOwnCandidates(std::string_view s, std::vector<size_t>& out) {
  size_t i = 0, next = 0;
  while (i < s.size()) {
    const UChar32 c = At(s, i, &next);
    if (IsTerminal(c) || c == ')') {
      size_t e = next, n2 = 0;
      while (e < s.size()) {
        const UChar32 d = At(s, e, &n2);
        if (!IsTerminal(d) && !IsCloser(d)) break;
        e = n2;
      }
      if (e < s.size() && IsSpace(At(s, e))) out.push_back(e);
      // "world.Today": a lower-case word, a period, a capital.
      if (c == '.' && e == next && e < s.size() && i > 0 && u_islower(Before(s, i)) &&
          u_isupper(At(s, e))) {
        out.push_back(e);
      }
      i = e;
      continue;
    }
    i = next;
  }
}

// A bracket that closes nothing, or an emoticon: the end of a chat sentence.
bool IsSmileyEnd(const Behind& b, const std::vector<Pair>& pairs) {
  if (b.term.empty() || b.term.back() != ')') return false;
  const size_t last = b.cluster + b.term.size() - 1;
  const bool closes =
      std::any_of(pairs.begin(), pairs.end(), [&](const Pair& p) { return p.close == last; });
  if (!closes) return !IsListMarker(b.word);
  return b.word == ":" || b.word == ";" || b.word == "=" || b.word == ":-" || b.word == ";-";
}

// List items written in one paragraph: "1) a 2) b", "a. x b. y", "• x • y".
// Returns cuts before every later item when the paragraph starts with item 1.
void AddListCuts(std::string_view s, std::vector<size_t>& cuts) {
  // Items on their own lines.
  for (size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', nl + 1)) {
    size_t i = nl + 1;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
    const std::string_view rest = s.substr(i, 6);
    bool marker = rest.rfind("\xE2\x80\xA2", 0) == 0 || rest.rfind("* ", 0) == 0;
    size_t d = 0;
    while (d < rest.size() && d < 2 && rest[d] >= '0' && rest[d] <= '9') ++d;
    if (d > 0 && d < rest.size() && (rest[d] == ')' || rest[d] == '.') && d + 1 < rest.size() &&
        rest[d + 1] == ' ') {
      marker = true;
    }
    if (marker) {
      size_t e = nl;
      while (e > 0 && IsSpace(static_cast<unsigned char>(s[e - 1]))) --e;
      if (e > 0) cuts.push_back(e);
    }
  }
  // Bullets inline.
  for (std::string_view bullet : {"\xE2\x80\xA2", "\xE2\x81\x83"}) {  // •, ⁃
    if (s.rfind(bullet, 0) != 0) continue;
    for (size_t p = s.find(bullet, 1); p != std::string_view::npos; p = s.find(bullet, p + 1)) {
      if (s[p - 1] == ' ') cuts.push_back(p - 1);
    }
    return;
  }
  // Numbered or lettered items inline: "1. ", "1) ", "1.) ", "a. ", "a) ".
  size_t p = 0;
  std::string suffix;
  std::string number;
  bool letters = false;
  if (s.size() > 2 && s[0] >= '1' && s[0] <= '9') {
    number = "1";
    if (s[0] != '1') return;
    p = 1;
  } else if (s.size() > 2 && (s[0] == 'a' || s[0] == 'A')) {
    letters = true;
    number = std::string(1, s[0]);
    p = 1;
  } else {
    return;
  }
  if (s.substr(p, 3) == ".) ")
    suffix = ".) ";
  else if (s.substr(p, 2) == ") ")
    suffix = ") ";
  else if (s.substr(p, 2) == ". ")
    suffix = ". ";
  else
    return;
  for (int k = 2; k < 100; ++k) {
    const std::string marker =
        " " + (letters ? std::string(1, static_cast<char>(number[0] + k - 1)) : std::to_string(k)) +
        suffix;
    p = s.find(marker, p);
    if (p == std::string_view::npos) break;
    cuts.push_back(p);
    p += marker.size();
  }
}

// ---- the decision ----------------------------------------------------------

bool AcceptCut(std::string_view s, size_t cut, size_t sentence_begin,
               const std::vector<Pair>& pairs, const RuleSet& rules, Language lang) {
  const Next next = LookAhead(s, cut);
  if (next.start == Start::kEnd && !next.emoticon) return false;
  // A smiley or stray closing marks after the punctuation belong to the sentence before it.
  if (next.emoticon || next.trailing) return false;
  const Behind b = LookBehind(s, cut, sentence_begin);
  if (b.term.empty()) return false;
  if (InsideShortPair(s, pairs, b.cluster, cut, rules.max_quote_chars)) return false;

  const bool has_period = b.term.find('.') != std::string_view::npos;
  const bool strong = b.term.find_first_of("!?") != std::string_view::npos ||
                      b.term.find("\xE2\x80\xBC") != std::string_view::npos;
  const bool ellipsis = b.term.find("\xE2\x80\xA6") != std::string_view::npos ||
                        b.term.find("..") != std::string_view::npos;
  if (!has_period && !strong && !ellipsis) {
    return IsSmileyEnd(b, pairs) && next.space &&
           (next.start == Start::kUpper ||
            (next.start == Start::kLower && rules.break_before_lowercase && !next.dash));
  }
  if (!next.space) {
    // "world.Today": only between two words, never inside an address or a number.
    const size_t token_end = s.find_first_of(" \t\r\n", cut);
    const std::string_view token = s.substr(
        b.word_begin, (token_end == std::string_view::npos ? s.size() : token_end) - b.word_begin);
    if (token.find('@') != std::string_view::npos || token.find('/') != std::string_view::npos ||
        token.find("www.") != std::string_view::npos) {
      return false;
    }
    // "Ph.D.": a single letter after the period is part of an abbreviation.
    return next.start == Start::kUpper && !next.dash && (b.term == "." || strong) &&
           CountLetters(next.word) >= 2 &&
           ((IsPlainWord(b.word) && CountLetters(b.word) >= 2) || IsNumber(b.word));
  }
  if (strong) {
    // "— Ты придёшь? — спросил он.", "Yahoo! in", "\"Hi!\" she said": a lower-case
    // word continues the sentence, except in chat text after a bare "?" or "!"
    // that follows a lower-case word ("where did you grow up? india?").
    if (next.start != Start::kLower) return true;
    return rules.break_before_lowercase && !next.dash &&
           b.term.find_first_not_of("?!") == std::string_view::npos && !b.word.empty() &&
           u_islower(At(b.word, 0)) && IsPlainWord(b.word);
  }
  if (ellipsis) {
    // "[...]" marks an omission inside a quotation, not an end.
    if (b.word.empty() && b.word_begin > 0 && s[b.word_begin - 1] == '[') return false;
    return next.start == Start::kUpper;
  }
  // A dot of a spaced ellipsis ". . .": only the last one may end a sentence.
  if (b.word.empty() && b.term == ".") {
    if (s.compare(next.begin, 1, ".") == 0) return false;
    return next.start == Start::kUpper;
  }

  // A single period.
  // "(до 1918 г.)." : the bracket closes the abbreviation; the last period ends the sentence.
  const bool period_first =
      b.term.front() == '.' && b.term.find_first_of(".!?", 1) == std::string_view::npos;
  const bool single_capital = IsInitials(b.word) && CountLetters(b.word) == 1;
  if (period_first && single_capital) {
    // English "I" after a lower-case word is the pronoun: "you and I. Did".
    const std::string_view prev = TokenBefore(s, b.word_begin);
    const bool pronoun =
        lang == Language::kEnglish && b.word == "I" && !prev.empty() && u_islower(At(prev, 0));
    if (!pronoun) return false;
  }
  if (period_first) {
    for (const std::string& key : AbbreviationKeys(s, b)) {
      const auto it = rules.abbreviations.find(key);
      if (it == rules.abbreviations.end()) continue;
      switch (it->second) {
        case AbbreviationKind::kNeverBreak:
          return false;
        case AbbreviationKind::kBreakBeforeCapital:
          return next.start == Start::kUpper && CountWords(s, sentence_begin, b.word_begin) >=
                                                    rules.min_words_before_abbreviation_end;
        case AbbreviationKind::kBreakBeforeStarter:
          return next.start == Start::kUpper && !next.dash && rules.starters.count(next.word) > 0 &&
                 CountWords(s, sentence_begin, b.word_begin) >=
                     rules.min_words_before_abbreviation_end;
      }
    }
    const std::string key = LowerCase(b.word) + ".";
    if (next.start == Start::kDigit && rules.before_number.count(key) > 0) return false;
    if (IsInitials(b.word) && !single_capital) return false;  // "Л.Н. Толстой"
    if (StartsSentence(s, sentence_begin, b.word_begin) && IsListMarker(StripBullets(b.word))) {
      return false;
    }
    if (IsPlainWord(b.word) && !HasVowel(b.word, rules)) return next.start == Start::kUpper;
  }
  switch (next.start) {
    case Start::kUpper:
      return true;
    case Start::kDigit:
      // "… рекламы. 10-недельный курс": after a word, not after a number ("1. 2.").
      return CountLetters(b.word) > 0 && !next.dash;
    case Start::kLower:
      return rules.break_before_lowercase && !next.dash && b.term == "." && IsPlainWord(b.word) &&
             CountLetters(b.word) >= 2 && HasVowel(b.word, rules);
    case Start::kOther:
      return !next.dash;
    case Start::kEnd:
      return false;
  }
  return false;
}

// A period after a unit that follows a number ("2018 г. В другом…") ends a
// sentence more often than not: prior 0.8, not 0.5 (reuters.218882).
constexpr double kUnitAfterNumberPrior = 0.8;

size_t SkipSpace(std::string_view s, size_t i) {
  size_t next = 0;
  while (i < s.size() && IsSpace(At(s, i, &next))) i = next;
  return i;
}

}  // namespace

// Whether the token before `word_begin` (in the same sentence) ends in a digit.
bool AfterNumber(std::string_view s, size_t word_begin, size_t sentence_begin) {
  if (word_begin <= sentence_begin) return false;
  const std::string_view t = TokenBefore(s, word_begin);
  return !t.empty() && t.back() >= '0' && t.back() <= '9';
}

// The prior of a sentence end at a cut the rules declined, or 0 when it
// is not a candidate: final punctuation, white space, then a capital (not a
// dialogue dash: "— спросил он" continues); after a lone capital letter
// ("Л. Толстой", an initial) never.
double DeclinedPrior(std::string_view s, size_t cut, size_t sentence_begin, const std::vector<Pair>& pairs,
                     const RuleSet& rules) {
  const Next next = LookAhead(s, cut);
  if (!next.space || next.dash || next.emoticon || next.trailing || next.start != Start::kUpper) return 0;
  const Behind b = LookBehind(s, cut, sentence_begin);
  const bool period = b.term.find('.') != std::string_view::npos;
  const bool strong = b.term.find_first_of("!?") != std::string_view::npos ||
                      b.term.find("\xE2\x80\xA6") != std::string_view::npos;
  if (!period && !strong) return 0;
  if (IsInitials(b.word) && CountLetters(b.word) == 1) return 0;
  // Inside a quotation the rules keep a quoted passage whole; its sentences
  // are often the translation's sentences too.
  if (InsideShortPair(s, pairs, b.cluster, cut, rules.max_quote_chars)) return strong ? 0.8 : 0.7;
  if (AfterNumber(s, b.word_begin, sentence_begin)) return kUnitAfterNumberPrior;
  return 0.5;  // an abbreviation-like word before the period
}

// A line break without final punctuation before a capital, as a cut (the
// end of the line's last word), or npos.
size_t LineBreakCut(std::string_view s, size_t line_break) {
  size_t e = line_break, prev = 0;
  while (e > 0 && IsSpace(Before(s, e, &prev))) e = prev;
  if (e == 0) return std::string_view::npos;
  const UChar32 last = Before(s, e, &prev);
  if (IsTerminal(last) || last == ':' || last == ';' || last == ',' || IsDash(last)) return std::string_view::npos;
  const Next next = LookAhead(s, e);
  if (next.start != Start::kUpper || next.dash) return std::string_view::npos;
  return e;
}

// The words of `s` written in lower case (their letters, lower case).
std::unordered_set<std::string> LowerCaseWords(std::string_view s) {
  std::unordered_set<std::string> words;
  size_t i = 0, next = 0;
  bool after_space = true;
  while (i < s.size()) {
    const bool space = IsSpace(At(s, i, &next));
    if (after_space && !space) {
      const Next n = LookAhead(s, i);
      if (n.start == Start::kLower) words.insert(n.word);
    }
    after_space = space;
    i = next;
  }
  return words;
}

// Sentence ends without punctuation, where a translation may have one: a
// word's closing quote before a capital («…победу команде «Ливингстон»
// Благодаря…»), or a lower-case word before a capitalised sentence starter
// ("…survey reveals The news…") or before a capitalised word that the
// paragraph also writes in lower case, so not a name ("…survey reveals
// Survey of 20,000…"; a lower prior). Appended to `out` as cuts after the word.
void AddUnpunctuated(std::string_view s, const RuleSet& rules, std::vector<DeclinedCut>& out) {
  const std::unordered_set<std::string> lower_words = LowerCaseWords(s);
  std::vector<std::pair<size_t, std::string>> common;  // cuts before such a word
  size_t i = 0, next = 0;
  while (i < s.size()) {
    if (!IsSpace(At(s, i, &next))) {
      i = next;
      continue;
    }
    const size_t cut = i;  // the end of the token before the white space
    while (i < s.size() && IsSpace(At(s, i, &next))) i = next;
    if (cut == 0 || i >= s.size()) continue;
    size_t prev = 0;
    const UChar32 last = Before(s, cut, &prev);
    const Next n = LookAhead(s, cut);
    if (n.start != Start::kUpper || n.dash) continue;
    if (IsCloser(last) && last != ')' && last != ']' && last != '}') {
      size_t p2 = 0;
      if (prev > 0 && u_isalpha(Before(s, prev, &p2))) out.push_back({cut, 0.4});
      continue;
    }
    if (!u_islower(last)) continue;
    const Behind b = LookBehind(s, cut, 0);
    if (!IsPlainWord(b.word) || !u_islower(At(b.word, 0))) continue;
    if (rules.starters.count(n.word) > 0) {
      out.push_back({cut, 0.4});
    } else if (lower_words.count(n.word) > 0 && CountLetters(b.word) >= 2 &&
               rules.starters.count(LowerCase(b.word)) == 0) {  // not after "о", "the", "для"
      common.push_back({cut, n.word});
    }
  }
  // A word the paragraph capitalises mid-sentence more than once is used as
  // a name or a title there ("the Holy Spirit", "сказал Ему"), not run in.
  std::unordered_map<std::string, int> times;
  for (const auto& [cut, word] : common) ++times[word];
  for (const auto& [cut, word] : common) {
    if (times[word] == 1) out.push_back({cut, 0.25});
  }
}

std::vector<size_t> ChooseCuts(std::string_view text, std::span<const size_t> proposed,
                               const RuleSet& rules, Language lang, std::vector<DeclinedCut>* declined) {
  const std::vector<Pair> pairs = FindPairs(text);
  std::vector<size_t> candidates;
  for (size_t p : proposed) {
    if (p == 0 || p >= text.size()) continue;
    size_t prev = 0;
    while (p > 0 && IsSpace(Before(text, p, &prev))) p = prev;
    candidates.push_back(p);
  }
  AddOwnCandidates(text, candidates);
  std::vector<size_t> forced;
  AddListCuts(text, forced);
  candidates.insert(candidates.end(), forced.begin(), forced.end());
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::sort(forced.begin(), forced.end());

  std::vector<size_t> cuts;
  size_t sentence_begin = SkipSpace(text, 0);
  for (size_t cut : candidates) {
    if (cut <= sentence_begin || SkipSpace(text, cut) >= text.size()) continue;
    const bool accept = std::binary_search(forced.begin(), forced.end(), cut) ||
                        AcceptCut(text, cut, sentence_begin, pairs, rules, lang);
    if (!accept) {
      if (declined) {
        if (const double prior = DeclinedPrior(text, cut, sentence_begin, pairs, rules); prior > 0) {
          declined->push_back({cut, prior});
        }
      }
      continue;
    }
    cuts.push_back(cut);
    sentence_begin = SkipSpace(text, cut);
  }
  if (declined) {
    std::vector<DeclinedCut> unpunctuated;
    AddUnpunctuated(text, rules, unpunctuated);
    for (const DeclinedCut& d : unpunctuated) {
      if (d.offset > SkipSpace(text, 0) && !std::binary_search(cuts.begin(), cuts.end(), d.offset)) {
        declined->push_back(d);
      }
    }
    for (size_t k = text.find('\n'); k != std::string_view::npos; k = text.find('\n', k + 1)) {
      const size_t cut = LineBreakCut(text, k);
      if (cut == std::string_view::npos || cut <= SkipSpace(text, 0)) continue;
      if (std::binary_search(cuts.begin(), cuts.end(), cut)) continue;
      declined->push_back({cut, 0.5});
    }
    // One candidate an offset, the likeliest reading of it.
    std::sort(declined->begin(), declined->end(), [](const DeclinedCut& a, const DeclinedCut& b) {
      return a.offset != b.offset ? a.offset < b.offset : a.prior > b.prior;
    });
    declined->erase(std::unique(declined->begin(), declined->end(),
                                [](const DeclinedCut& a, const DeclinedCut& b) { return a.offset == b.offset; }),
                    declined->end());
  }
  return cuts;
}

}  // namespace sverka::segment
