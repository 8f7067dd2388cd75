#include "text/display_text.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace sverka::text {
namespace {

// Decodes the code point at `i` (advancing it); ill-formed bytes give U+FFFD-like -1.
UChar32 Next(std::string_view s, size_t& i) {
  UChar32 c = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  int32_t at = static_cast<int32_t>(i);
  U8_NEXT(p, at, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(at);
  return c;
}

int Width(UChar32 c) { return c < 0 ? 1 : CodePointWidth(static_cast<char32_t>(c)); }

}  // namespace

int CodePointWidth(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  if (c == 0 || u_iscntrl(c)) return 0;
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  if (u_hasBinaryProperty(c, UCHAR_VARIATION_SELECTOR)) return 0;
  const int eaw = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  if (eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH) return 2;
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return 2;
  return 1;
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) width += static_cast<size_t>(Width(Next(text, i)));
  return width;
}

std::vector<std::string> WrapToWidth(std::string_view text, size_t width) {
  if (width < 2) width = 2;
  std::vector<std::string> lines;
  std::string line;
  size_t line_width = 0;
  size_t i = 0;
  while (i < text.size()) {
    // The next word and the spaces before it.
    while (i < text.size() && text[i] == ' ') ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    std::string_view word = text.substr(start, i - start);
    if (word.empty()) break;
    size_t word_width = DisplayWidth(word);
    const size_t need = line.empty() ? word_width : line_width + 1 + word_width;
    if (need <= width) {
      if (!line.empty()) line += ' ';
      line += word;
      line_width = need;
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
      line_width = 0;
    }
    // A word longer than a line is cut between code points; combining marks
    // (width 0) stay with the character before them.
    size_t k = 0;
    while (k < word.size()) {
      size_t next = k;
      const int w = Width(Next(word, next));
      if (line_width + static_cast<size_t>(w) > width && line_width > 0) {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
      }
      line.append(word.substr(k, next - k));
      line_width += static_cast<size_t>(w);
      k = next;
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::string PadToWidth(std::string_view text, size_t width) {
  std::string out(text);
  const size_t w = DisplayWidth(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

bool StartsWithCapital(std::string_view word) {
  if (word.empty()) return false;
  size_t i = 0;
  const UChar32 c = Next(word, i);
  if (c < 0) return false;
  const int8_t type = u_charType(c);
  return type == U_UPPERCASE_LETTER || type == U_TITLECASE_LETTER;
}

std::string VisibleControls(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) {
      const char32_t picture = c == 0x7F ? 0x2421 : 0x2400 + c;  // U+2400..U+241F, U+2421
      out += static_cast<char>(0xE2);
      out += static_cast<char>(0x80 | ((picture >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (picture & 0x3F));
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += "\xEF\xBF\xBD";  // U+FFFD for a C1 control
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace sverka::text
