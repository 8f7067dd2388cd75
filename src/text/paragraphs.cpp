#include "text/paragraphs.h"

#include <algorithm>

namespace sverka::text {
namespace {

bool IsBlank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

// Trims white space off both ends of [begin, end).
Span Trim(std::string_view text, size_t begin, size_t end) {
  while (begin < end && IsBlank(text[begin])) ++begin;
  while (end > begin && IsBlank(text[end - 1])) --end;
  return {begin, end};
}

// Calls `on_line(begin, end)` for every line, end excluding the line end:
// LF, CRLF (the CR stays in the line, as white space) or a lone CR (classic
// Mac OS files), so that "\r\r" is a blank line as "\n\n" is.
template <typename F>
void ForEachLine(std::string_view text, F on_line) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find_first_of("\r\n", start);
    if (nl == std::string_view::npos) {
      nl = text.size();
    } else if (text[nl] == '\r' && nl + 1 < text.size() && text[nl + 1] == '\n') {
      ++nl;  // CRLF: the line ends at the LF
    }
    on_line(start, nl);
    start = nl + 1;
  }
}

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> paragraphs;
  bool open = false;
  size_t para_begin = 0, para_end = 0;
  ForEachLine(text, [&](size_t begin, size_t end) {
    const Span line = Trim(text, begin, end);
    if (line.size() == 0) {
      if (open) paragraphs.push_back(Trim(text, para_begin, para_end));
      open = false;
      return;
    }
    if (!open) para_begin = begin;
    open = true;
    para_end = end;
  });
  if (open) paragraphs.push_back(Trim(text, para_begin, para_end));
  return paragraphs;
}

std::vector<Span> SplitNonBlankLines(std::string_view text) {
  std::vector<Span> lines;
  ForEachLine(text, [&](size_t begin, size_t end) {
    const Span line = Trim(text, begin, end);
    if (line.size() > 0) lines.push_back(line);
  });
  return lines;
}

ParagraphMode DetectParagraphMode(std::string_view text) {
  size_t longest = 0;
  bool seen_text = false, blank_after_text = false;
  bool blank_between = false;
  ForEachLine(text, [&](size_t begin, size_t end) {
    const Span line = Trim(text, begin, end);
    if (line.size() == 0) {
      if (seen_text) blank_after_text = true;
      return;
    }
    if (blank_after_text) blank_between = true;
    seen_text = true;
    longest = std::max(longest, end - begin);
  });
  if (blank_between || longest <= 200) return ParagraphMode::kBlankLines;
  return ParagraphMode::kLines;
}

std::vector<Span> SplitParagraphs(std::string_view text, ParagraphMode mode) {
  if (mode == ParagraphMode::kAuto) mode = DetectParagraphMode(text);
  return mode == ParagraphMode::kLines ? SplitNonBlankLines(text) : SplitParagraphs(text);
}

}  // namespace sverka::text
