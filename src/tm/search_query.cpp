#include "tm/search_query.h"

#include <vector>

namespace sverka::tm {
namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr std::string_view kYe = "\xD0\xB5", kYo = "\xD1\x91";          // е ё
constexpr std::string_view kYeUpper = "\xD0\x95", kYoUpper = "\xD0\x81";  // Е Ё

bool IsYeOrYo(std::string_view at) {
  for (std::string_view letter : {kYe, kYo, kYeUpper, kYoUpper}) {
    if (at.starts_with(letter)) return true;
  }
  return false;
}

}  // namespace

std::string WithoutSoftHyphens(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i).starts_with(kSoftHyphen)) {
      i += kSoftHyphen.size();
      continue;
    }
    out += text[i++];
  }
  return out;
}

std::string FtsPhraseQuery(std::string_view phrase) {
  const std::string text = WithoutSoftHyphens(phrase);
  std::vector<size_t> letters;  // byte offsets of the е/ё that vary
  for (size_t i = 0; i + 1 < text.size() && letters.size() < kMaxYoLetters; ++i) {
    if (IsYeOrYo(std::string_view(text).substr(i))) letters.push_back(i++);
  }
  std::string query;
  for (unsigned mask = 0; mask < (1u << letters.size()); ++mask) {
    std::string variant = text;
    for (size_t k = 0; k < letters.size(); ++k) {
      const std::string_view letter = (mask >> k) & 1 ? kYo : kYe;  // same length: in place
      variant[letters[k]] = letter[0];
      variant[letters[k] + 1] = letter[1];
    }
    query += query.empty() ? "\"" : " OR \"";
    for (const char c : variant) query += c == '"' ? std::string("\"\"") : std::string(1, c);
    query += "\"";
  }
  return query;
}

std::string FtsStemQuery(const std::vector<std::string>& stems) {
  std::string query = "\"";
  for (size_t k = 0; k < stems.size(); ++k) {
    if (k > 0) query += ' ';
    for (const char c : stems[k]) query += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return query + "\"";
}

std::string MarkStemmedPhrase(std::string_view text, const std::vector<std::string>& stems,
                              stem::SearchStemmer& stemmer, std::string_view open,
                              std::string_view close) {
  if (stems.empty()) return std::string(text);
  const std::vector<stem::SearchWord> words = stemmer.Words(text);
  std::string out;
  size_t copied = 0;
  for (size_t i = 0; i + stems.size() <= words.size();) {
    bool match = true;
    for (size_t k = 0; k < stems.size() && match; ++k) match = words[i + k].stem == stems[k];
    if (!match) {
      ++i;
      continue;
    }
    const size_t begin = words[i].begin, end = words[i + stems.size() - 1].end;
    out.append(text.substr(copied, begin - copied));
    out.append(open);
    out.append(text.substr(begin, end - begin));
    out.append(close);
    copied = end;
    i += stems.size();
  }
  out.append(text.substr(copied));
  return out;
}

}  // namespace sverka::tm
