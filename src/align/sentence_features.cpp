#include "align/sentence_features.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace sverka::align {

uint32_t Vocabulary::Id(std::string_view word) {
  if (base_) {
    if (const uint32_t id = base_->Find(word); id != kUnknown) return id;
  }
  auto it = ids_.find(word);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(size());
  words_.emplace_back(word);
  ids_.emplace(words_.back(), id);
  return id;
}

uint32_t Vocabulary::Find(std::string_view word) const {
  if (base_) {
    if (const uint32_t id = base_->Find(word); id != kUnknown) return id;
  }
  auto it = ids_.find(word);
  return it == ids_.end() ? kUnknown : it->second;
}

namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2,000" (en) -> "2000"; "1,5" (ru) -> "1.5"; "1.5" -> "1.5"; "3.000" (ru) -> "3000".
std::string NormaliseNumber(std::string_view raw, Language lang) {
  std::string out;
  for (size_t k = 0; k < raw.size(); ++k) {
    const char c = raw[k];
    if (c >= '0' && c <= '9') {
      out.push_back(c);
      continue;
    }
    if (c != ',' && c != '.') continue;  // other separators (apostrophes) are dropped
    // A separator followed by exactly three digits (and then the end or
    // another separator) groups thousands, except a Russian comma, which is
    // always decimal.
    size_t digits = 0;
    while (k + 1 + digits < raw.size() && std::isdigit(static_cast<unsigned char>(raw[k + 1 + digits]))) {
      ++digits;
    }
    const bool grouping = digits == 3 && !(lang == Language::kRussian && c == ',');
    if (!grouping) out.push_back('.');
  }
  return out;
}

// Month stems as the Snowball stemmers give them, 1-based.
constexpr std::array<std::string_view, 12> kRuMonths = {
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"};
constexpr std::array<std::string_view, 12> kEnMonths = {
    "januari", "februari", "march", "april", "may", "june", "juli", "august", "septemb", "octob", "novemb", "decemb"};

int MonthOf(const Token& t, Language lang) {
  const auto& months = lang == Language::kRussian ? kRuMonths : kEnMonths;
  for (size_t m = 0; m < months.size(); ++m) {
    if (t.stem == months[m]) {
      // "ма" is the stem of май/мая but also of other short words; "may" and
      // "march" are verbs: accept those only with their month's own spelling.
      if (lang == Language::kRussian && m == 4 && t.text != "мая" && t.text != "май") return 0;
      if (lang == Language::kEnglish && (m == 2 || m == 4) && !t.capitalized) return 0;
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

// ASCII only (after transliteration; apostrophes from soft signs allowed)
// with at least three letters.
bool IsNameLike(std::string_view s) {
  int letters = 0;
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
    if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 3;
}

// Function words that are capitalised only because they start a sentence.
bool IsCapitalisedFunctionWord(std::string_view lower, Language lang) {
  static constexpr std::array<std::string_view, 40> kEn = {
      "the", "this", "that", "these", "those", "there", "then", "they", "their", "and", "but",
      "for", "from", "with", "when", "where", "what", "which", "while", "who", "why", "how",
      "his", "her", "its", "our", "your", "she", "you", "one", "not", "after", "before", "about",
      "some", "many", "most", "all", "also", "however"};
  static constexpr std::array<std::string_view, 40> kRu = {
      "это", "этот", "эта", "эти", "так", "там", "тогда", "они", "она", "оно", "его", "её", "их",
      "для", "при", "после", "перед", "когда", "где", "что", "как", "кто", "который", "которая",
      "которые", "если", "но", "однако", "также", "все", "всё", "многие", "некоторые", "один",
      "одна", "по", "на", "из", "за", "не"};
  const auto& list = lang == Language::kRussian ? std::span<const std::string_view>(kRu)
                                                : std::span<const std::string_view>(kEn);
  return std::find(list.begin(), list.end(), lower) != list.end();
}

std::string PunctKey(std::string_view p) {
  if (p == "?") return "P?";
  if (p == "!") return "P!";
  if (p == ":") return "P:";
  if (p == "\"" || p == "«" || p == "“" || p == "„") return "P\"";
  if (p == "(") return "P(";
  return {};
}

}  // namespace

std::string NameSkeleton(std::string_view s) {
  std::string in;
  // Fold spellings that romanisation systems disagree on.
  for (size_t k = 0; k < s.size(); ++k) {
    const char c = s[k];
    auto next_is = [&](std::string_view t) { return s.substr(k + 1, t.size()) == t; };
    if (c == 'd' && next_is("zh")) { in.push_back('j'); k += 2; continue; }
    if ((c == 'z' || c == 'k' || c == 's' || c == 'c') && next_is("h")) {
      in.push_back(c == 'k' ? 'h' : c == 'z' ? 'j' : c == 's' ? 's' : 'c');
      ++k;
      continue;
    }
    if (c == 't' && next_is("s")) { in.push_back('c'); ++k; continue; }
    if (c == 'g') { in.push_back('k'); continue; }
    if (c == 'q') { in.push_back('k'); continue; }
    if (c == 'w') { in.push_back('v'); continue; }
    if (c == 'x') { in.push_back('k'); continue; }
    if (std::isalpha(static_cast<unsigned char>(c))) in.push_back(c);
  }
  std::string out;
  for (size_t k = 0; k < in.size() && out.size() < 6; ++k) {
    const char c = in[k];
    const bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    if (vowel && k > 0) continue;  // keep an initial vowel: "Obama" -> "obm"
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

std::vector<TokenAnchor> TokenAnchors(std::span<const Token> tokens, Language lang) {
  std::vector<TokenAnchor> keys;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    switch (t.kind) {
      case TokenKind::kNumber: {
        const size_t first = k;
        std::string raw = t.text;
        // "2 000 000": Russian groups thousands with spaces.
        while (k + 1 < tokens.size() && tokens[k + 1].kind == TokenKind::kNumber &&
               tokens[k + 1].text.size() == 3 && AllDigits(tokens[k + 1].text) && AllDigits(raw) &&
               raw.size() <= 3 && tokens[k + 1].space_before) {
          raw += tokens[++k].text;
        }
        const std::string n = NormaliseNumber(raw, lang);
        if (!n.empty()) keys.push_back({first, k, "#" + n});
        break;
      }
      case TokenKind::kWord: {
        if (const int month = MonthOf(t, lang)) {
          keys.push_back({k, k, "@" + std::to_string(month)});
          break;
        }
        if (!t.capitalized || IsCapitalisedFunctionWord(t.text, lang)) break;
        const std::string& ascii = !t.latin.empty() ? t.latin : t.text;
        if (!IsNameLike(ascii)) break;
        const std::string skeleton = NameSkeleton(ascii);
        if (skeleton.size() >= 2) keys.push_back({k, k, "N:" + skeleton});
        break;
      }
      case TokenKind::kPunct:
        if (std::string key = PunctKey(t.text); !key.empty()) keys.push_back({k, k, std::move(key)});
        break;
    }
  }
  return keys;
}

std::vector<std::string> AnchorKeys(std::span<const Token> tokens, Language lang) {
  std::vector<std::string> keys;
  for (TokenAnchor& a : TokenAnchors(tokens, lang)) keys.push_back(std::move(a.key));
  return keys;
}

SentenceFeatures BuildFeatures(int32_t length, std::span<const Token> tokens, Language lang,
                               Vocabulary& anchors, Vocabulary& words) {
  SentenceFeatures f;
  f.length = length;
  for (const std::string& key : AnchorKeys(tokens, lang)) f.anchors.push_back(anchors.Id(key));
  for (const Token& t : tokens) {
    if (t.kind == TokenKind::kWord) f.words.push_back(words.Id(t.stem));
  }
  for (auto* v : {&f.anchors, &f.words}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return f;
}

}  // namespace sverka::align
