#include "text/subtitle_markup.h"

#include <cstdint>

#include "common/utf8.h"

namespace sverka::text {
namespace {

// The character `ref` (the text between '&' and ';') stands for, or 0.
uint32_t Reference(std::string_view ref) {
  static constexpr std::pair<std::string_view, uint32_t> kNamed[] = {
      {"amp", '&'},     {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
      {"apos", '\''},   {"nbsp", 0xA0},    {"lrm", 0x200E},   {"rlm", 0x200F}};
  for (const auto& [name, cp] : kNamed) {
    if (ref == name) return cp;
  }
  if (ref.size() < 2 || ref[0] != '#') return 0;
  const bool hex = ref[1] == 'x' || ref[1] == 'X';
  uint32_t cp = 0;
  const std::string_view digits = ref.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 6) return 0;
  for (const char c : digits) {
    int d = c >= '0' && c <= '9' ? c - '0' : -1;
    if (hex && d < 0 && c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (hex && d < 0 && c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d < 0) return 0;
    cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
  }
  // Not a control, a surrogate or beyond Unicode: the text stays checked UTF-8.
  if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xD800 && cp < 0xE000) || cp > 0x10FFFF) return 0;
  return cp;
}

}  // namespace

void AppendCueLine(CueText& cue, std::string_view line, size_t source, bool vtt) {
  std::string text;
  std::vector<CueText::Mark> marks;
  bool mark = true;  // the next byte kept starts a new stretch
  for (size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (c == '<') {
      if (const size_t close = line.find('>', i); close != std::string_view::npos) {
        i = close + 1;
        mark = true;
        continue;
      }
    }
    if (!vtt && c == '{' && i + 1 < line.size() && line[i + 1] == '\\') {
      if (const size_t close = line.find('}', i); close != std::string_view::npos) {
        i = close + 1;
        mark = true;
        continue;
      }
    }
    if (c == '&') {
      const size_t semi = line.find(';', i);
      if (semi != std::string_view::npos && semi - i <= 9) {
        if (const uint32_t cp = Reference(line.substr(i + 1, semi - i - 1)); cp != 0) {
          marks.push_back({text.size(), source + i, false});
          AppendUtf8(text, cp);
          i = semi + 1;
          mark = true;
          continue;
        }
      }
    }
    if (text.empty() && (c == ' ' || c == '\t')) {
      ++i;
      mark = true;
      continue;
    }
    if (mark) marks.push_back({text.size(), source + i, true});
    mark = false;
    text += c;
    ++i;
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  while (!marks.empty() && marks.back().text >= text.size()) marks.pop_back();
  if (text.empty()) return;
  if (!cue.text.empty()) cue.text += ' ';
  const size_t base = cue.text.size();
  for (CueText::Mark& m : marks) cue.marks.push_back({base + m.text, m.source, m.exact});
  cue.text += text;
}

}  // namespace sverka::text
