#include "segment/boundary_rules.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/utf8.h"
#include "segment/candidate_cuts.h"
#include "segment/cut_context.h"

namespace sverka::segment {

using namespace cut_rules;

namespace {

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
