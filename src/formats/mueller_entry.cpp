#include "formats/mueller_entry.h"

#include <string>
#include <vector>

namespace sverka::formats {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool HasLatin(std::string_view s) {
  for (const char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

bool HasCyrillic(std::string_view s) {
  // U+0400–U+04FF: a lead byte 0xD0–0xD3 in UTF-8.
  for (const char c : s) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0xD0 && b <= 0xD3) return true;
  }
  return false;
}

std::string_view Trim(std::string_view s, std::string_view chars = " \t\r") {
  const size_t b = s.find_first_not_of(chars);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(chars) - b + 1);
}

// `body` without its remarks in (), [] and {}: transcriptions, "(мечом,
// палкой)", "{ср. тж. 5) }". A remark may run over lines (its line breaks go
// with it); a bracket that is never closed is dropped alone, not the rest of
// the entry with it.
std::string WithoutRemarks(std::string_view body) {
  std::vector<bool> drop(body.size(), false);
  std::vector<size_t> open;  // positions of the brackets not closed yet
  for (size_t k = 0; k < body.size(); ++k) {
    const char c = body[k];
    if (c == '(' || c == '[' || c == '{') {
      open.push_back(k);
      continue;
    }
    const char opener = c == ')' ? '(' : c == ']' ? '[' : c == '}' ? '{' : 0;
    // A closer of another kind closes nothing: "1)" is a sense marker, also
    // inside "{ср. тж. 5) }".
    if (opener == 0 || open.empty() || body[open.back()] != opener) continue;
    const size_t from = open.back();
    open.pop_back();
    // A remark nested in another goes when the outer one closes.
    if (open.empty()) {
      for (size_t j = from; j <= k; ++j) drop[j] = true;
    }
  }
  std::string out;
  out.reserve(body.size());
  for (size_t k = 0; k < body.size(); ++k) {
    if (drop[k]) continue;
    // Unclosed brackets are left for the item filter: "(" alone is no word.
    const char c = body[k];
    if (c == '(' || c == '[' || c == '{') continue;
    out.push_back(c);
  }
  return out;
}

// A sense number ("1.", "12)"), a sense letter ("а)", "b)") or a label
// ("_n.", "_зоол.", "_II").
bool IsMarker(std::string_view token) {
  if (token.empty()) return false;
  if (token[0] == '_') return true;
  size_t digits = 0;
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
  if (digits > 0) return token.substr(digits) == "." || token.substr(digits) == ")";
  if (!token.ends_with(')')) return false;
  const std::string_view letter = token.substr(0, token.size() - 1);
  if (letter.size() == 1) return letter[0] >= 'a' && letter[0] <= 'z';
  // One Cyrillic lower-case letter, а–я (0xD0 0xB0–0xBF, 0xD1 0x80–0x8F).
  return letter.size() == 2 && (static_cast<unsigned char>(letter[0]) == 0xD0 ||
                                static_cast<unsigned char>(letter[0]) == 0xD1);
}

// The length of a sense number glued to the text after it ("10)" of
// "10)индоссировать"), else 0.
size_t GluedSenseNumber(std::string_view token) {
  size_t digits = 0;
  while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
  if (digits == 0 || digits + 1 >= token.size()) return 0;
  if (token[digits] != '.' && token[digits] != ')') return 0;
  const char next = token[digits + 1];
  return next >= '0' && next <= '9' ? 0 : digits + 1;  // "1.5" is a number
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (const char c : s) {
    const bool space = IsSpace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// One sense's text: "латунь, жёлтая медь; red brass томпак".
void AddPart(std::string_view en, std::string_view part, std::vector<DictionaryEntry>& out) {
  size_t begin = 0;
  while (begin <= part.size()) {
    size_t end = part.find(';', begin);
    if (end == std::string_view::npos) end = part.size();
    const std::string_view clause = part.substr(begin, end - begin);
    size_t item_begin = 0;
    while (item_begin <= clause.size()) {
      size_t item_end = clause.find(',', item_begin);
      if (item_end == std::string_view::npos) item_end = clause.size();
      const std::string_view item =
          Trim(clause.substr(item_begin, item_end - item_begin), " \t\r\"");
      // An example phrase ("of the best brand высшей марки") or "= brandnew":
      // what follows in this clause belongs to it.
      if (HasLatin(item)) break;
      if (HasCyrillic(item) && CountWords(item) <= kMaxMuellerWords) {
        std::string ru;
        bool space = false;
        for (const char c : item) {  // inner white space, as from a joined line, made one space
          if (IsSpace(c)) {
            space = true;
            continue;
          }
          if (space) ru.push_back(' ');
          space = false;
          ru.push_back(c);
        }
        out.push_back({std::move(ru), std::string(en)});
      }
      item_begin = item_end + 1;
    }
    begin = end + 1;
  }
}

}  // namespace

void AddMuellerTranslations(std::string_view en, std::string_view body,
                            std::vector<DictionaryEntry>& out) {
  const std::string text = WithoutRemarks(body);
  std::string part;
  size_t begin = 0;
  bool first = true;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = Trim(std::string_view(text).substr(begin, end - begin));
    begin = end + 1;
    // Tokens of the line: labels dropped wherever they stand ("_n. _зоол.
    // казарка"), sense numbers and letters where they lead the line; a line
    // led by any of them starts a new sense, any other continues the last.
    std::string kept;
    bool starts_sense = first;
    first = false;
    size_t t = 0;
    bool leading = true;
    while (t < line.size()) {
      while (t < line.size() && IsSpace(line[t])) ++t;
      size_t e = t;
      while (e < line.size() && !IsSpace(line[e])) ++e;
      std::string_view token = line.substr(t, e - t);
      t = e;
      if (token.empty()) break;
      // "10)индоссировать", "13)_ж-д.": a sense number glued to what follows.
      if (const size_t glued = GluedSenseNumber(token); leading && glued > 0) {
        starts_sense = true;
        token.remove_prefix(glued);
      }
      if (IsMarker(token) && (leading || token[0] == '_')) {
        starts_sense = starts_sense || leading;
        continue;
      }
      leading = false;
      if (!kept.empty()) kept.push_back(' ');
      kept.append(token);
    }
    if (starts_sense) {
      AddPart(en, part, out);
      part.clear();
    }
    if (!part.empty() && !kept.empty()) part.push_back(' ');
    part += kept;
  }
  AddPart(en, part, out);
}

}  // namespace sverka::formats
