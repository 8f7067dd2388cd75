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

// How a plain text marks paragraphs.
enum class ParagraphMode {
  kAuto,        // DetectParagraphMode decides
  kBlankLines,  // blank lines separate paragraphs; single line breaks are wrapping
  kLines,       // every non-blank line is a paragraph (word processors' "save as text")
};

// kBlankLines when the text has a blank line between two non-blank ones, or
// its lines look hard-wrapped (none longer than 200 bytes: typewriter and
// e-mail widths are 60-80 columns); otherwise kLines (long lines, no blank
// ones: one paragraph per line).
ParagraphMode DetectParagraphMode(std::string_view text);

// Paragraphs of `text` in `mode` (kAuto detects).
std::vector<Span> SplitParagraphs(std::string_view text, ParagraphMode mode);

// Paragraphs are separated by one or more blank lines (lines holding only
// spaces, tabs or CR). Returned spans exclude the surrounding white space;
// single line breaks stay inside a paragraph (hard-wrapped text).
std::vector<Span> SplitParagraphs(std::string_view text);

// One span per line that holds anything but white space, trimmed; for
// presegmented input (one sentence per line).
std::vector<Span> SplitNonBlankLines(std::string_view text);

}  // namespace sverka::text
