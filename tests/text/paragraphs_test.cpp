#include "text/paragraphs.h"

#include <catch2/catch.hpp>
#include <string>

using sverka::text::SplitNonBlankLines;
using sverka::text::SplitParagraphs;

namespace {
std::vector<std::string> Texts(std::string_view text, const std::vector<sverka::text::Span>& spans) {
  std::vector<std::string> out;
  for (const auto& s : spans) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}
}  // namespace

TEST_CASE("paragraphs are separated by blank lines, not single line breaks", "[text]") {
  const std::string text = "\n  First line\nstill first.\n\n \t\nSecond.\r\n\r\nThird\n";
  CHECK(Texts(text, SplitParagraphs(text)) ==
        std::vector<std::string>{"First line\nstill first.", "Second.", "Third"});
}

TEST_CASE("a lone CR (classic Mac OS) ends a line as LF does; CRLF stays one line end", "[text]") {
  const std::string text = "\r  First line\rstill first.\r\r \t\rSecond.\r\n\r\nThird\r";
  CHECK(Texts(text, SplitParagraphs(text)) ==
        std::vector<std::string>{"First line\rstill first.", "Second.", "Third"});
  CHECK(Texts(text, SplitNonBlankLines(text)) ==
        std::vector<std::string>{"First line", "still first.", "Second.", "Third"});
  // CRLF is one line end, not a line end and a blank line.
  CHECK(SplitParagraphs("One.\r\nTwo.\r\n").size() == 1);
}

TEST_CASE("a text without blank lines is one paragraph", "[text]") {
  const std::string text = "One.\nTwo.";
  CHECK(SplitParagraphs(text).size() == 1);
  CHECK(SplitParagraphs("").empty());
}

TEST_CASE("presegmented lines are trimmed and blank ones skipped", "[text]") {
  const std::string text = " a \n\n\tb\r\nc";
  CHECK(Texts(text, SplitNonBlankLines(text)) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("paragraph mode: blank lines or short lines mean blank-line paragraphs", "[text]") {
  using sverka::text::DetectParagraphMode;
  using sverka::text::ParagraphMode;
  const std::string long_line(300, 'x');
  CHECK(DetectParagraphMode("One\ntwo\n\nThree") == ParagraphMode::kBlankLines);
  CHECK(DetectParagraphMode("A hard-wrapped\nparagraph of\nshort lines.") == ParagraphMode::kBlankLines);
  CHECK(DetectParagraphMode(long_line + "\n" + long_line + "\n") == ParagraphMode::kLines);
  CHECK(DetectParagraphMode(long_line + "\n\n" + long_line) == ParagraphMode::kBlankLines);
  const std::string text = long_line + "\r\n" + long_line;
  CHECK(SplitParagraphs(text, ParagraphMode::kAuto).size() == 2);
  CHECK(SplitParagraphs(text, ParagraphMode::kBlankLines).size() == 1);
}
