#include "segment/candidate_cuts.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "common/utf8.h"

namespace sverka::segment::cut_rules {

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

bool InsideShortPair(std::string_view s, const std::vector<Pair>& pairs, size_t cluster, size_t cut,
                     size_t max_chars) {
  if (max_chars == 0) return false;
  return std::any_of(pairs.begin(), pairs.end(), [&](const Pair& p) {
    return p.open < cluster && p.close >= cut &&
           CountCodePoints(s.substr(p.open, p.close - p.open)) <= max_chars;
  });
}

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

bool IsSmileyEnd(const Behind& b, const std::vector<Pair>& pairs) {
  if (b.term.empty() || b.term.back() != ')') return false;
  const size_t last = b.cluster + b.term.size() - 1;
  const bool closes =
      std::any_of(pairs.begin(), pairs.end(), [&](const Pair& p) { return p.close == last; });
  if (!closes) return !IsListMarker(b.word);
  return b.word == ":" || b.word == ";" || b.word == "=" || b.word == ":-" || b.word == ";-";
}

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
}  // namespace sverka::segment::cut_rules
