// Splitting checked text into paragraphs and lines. Pure functions over bytes.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace sverka::text {

// A byte range [begin, end) of a text.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
};

// Paragraphs are separated by one or more blank lines (lines holding only
// spaces, tabs or CR). Returned spans exclude the surrounding white space;
// single line breaks stay inside a paragraph (hard-wrapped text).
std::vector<Span> SplitParagraphs(std::string_view text);

// One span per line that holds anything but white space, trimmed; for
// presegmented input (one sentence per line).
std::vector<Span> SplitNonBlankLines(std::string_view text);

}  // namespace sverka::text
