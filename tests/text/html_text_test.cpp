#include "text/html_text.h"

#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace sverka::text;

namespace {
// The source bytes each paragraph of `out` maps back to, as text.
std::string SourceOf(const HtmlText& out, std::string_view html, std::string_view piece) {
  const size_t at = out.text.find(piece);
  REQUIRE(at != std::string::npos);
  const size_t b = out.map.ToSource(out.text, at),
               e = out.map.ToSource(out.text, at + piece.size());
  return std::string(html.substr(b, e - b));
}
}  // namespace

TEST_CASE("HTML blocks and <br> make paragraphs; head, script, style and comments are dropped",
          "[text][html]") {
  const std::string html =
      "<html><head><title>Title</title><style>p{}</style></head><body>"
      "<h2>Head</h2><p>One\ntwo.</p><!-- note --><script>x()</script>"
      "<blockquote>Quote</blockquote><table><tr><td>A</td><td>B</td></tr></table>"
      "<p>Line<br/>Next &laquo;x&raquo; &#1044;</p></body></html>";
  auto out = ExtractHtmlText("a.html", html);
  REQUIRE(out.ok());
  CHECK(out->text == "Head\n\nOne two.\n\nQuote\n\nA\n\nB\n\nLine\n\nNext «x» Д");
  CHECK(SourceOf(*out, html, "One two.") == "One\ntwo.");
  CHECK(SourceOf(*out, html, "Next") == "Next");
  // A decoded entity maps to its '&'; the text after it is exact again.
  CHECK(out->map.ToSource(out->text, out->text.find("x»")) == html.find("x&raquo;"));
}

TEST_CASE("HTML text before the first tag maps to where it is, breaks not past the end",
          "[text][html]") {
  // Found by tests/fuzz/text_reader_fuzz: text before any tag was looked for
  // after a later '>', and the "\n\n" of a paragraph break mapped past the
  // end of the HTML.
  const std::string html = "  \xE2\x80\x94 one<p>\xE2\x80\x94 two";
  auto out = ExtractHtmlText("a.html", html);
  REQUIRE(out.ok());
  CHECK(out->text == "\xE2\x80\x94 one\n\n\xE2\x80\x94 two");
  CHECK(SourceOf(*out, html, "\xE2\x80\x94 one") == "\xE2\x80\x94 one");
  CHECK(SourceOf(*out, html, "\xE2\x80\x94 two") == "\xE2\x80\x94 two");
  const size_t end = html.size();
  for (size_t k = 0; k <= out->text.size(); ++k) CHECK(out->map.ToSource(out->text, k) <= end);
}

TEST_CASE("HTML offsets stay in order after trailing spaces the parser kept", "[text][html]") {
  // Found by tests/fuzz/text_reader_fuzz: libxml2 drops the stray "</" and
  // keeps "One\n   " as the text; the checkpoint of the spaces cut before the
  // break stayed, out of order, and "Two" ended at offset 1.
  const std::string html = "One</\n   <h2>Two";
  auto out = ExtractHtmlText("a.html", html);
  REQUIRE(out.ok());
  CHECK(out->text == "One\n\nTwo");
  CHECK(out->map.ToSource(out->text, out->text.find("Two")) == html.find("Two"));
  CHECK(out->map.ToSource(out->text, out->text.size()) == html.size());
  size_t last = 0;
  for (size_t k = 0; k <= out->text.size(); ++k) {
    CHECK(out->map.ToSource(out->text, k) >= last);
    last = out->map.ToSource(out->text, k);
  }
}

TEST_CASE("HTML detection by name and by content", "[text][html]") {
  CHECK(LooksLikeHtml("a.HTML", "text"));
  CHECK(LooksLikeHtml("a.xhtml", "text"));
  CHECK(LooksLikeHtml("a.txt", "  <!DOCTYPE html><p>x"));
  CHECK(LooksLikeHtml("-", "\xEF\xBB\xBF<html>"));
  CHECK_FALSE(LooksLikeHtml("a.txt", "Plain <b>text</b>."));
}

TEST_CASE("HTML with nothing to read is refused", "[text][html][errors]") {
  auto empty =
      ExtractHtmlText("a.html", "<html><head><title>t</title></head><body> </body></html>");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().message() == "a.html: HTML without any text");
}

TEST_CASE("the UDHR fixture reads as HTML with exact offsets", "[text][html]") {
  const std::string html = sverka::testing::ReadFile(sverka::testing::Corpus("udhr/eng.html"));
  auto out = ExtractHtmlText("eng.html", html);
  REQUIRE(out.ok());
  CHECK(out->text.rfind("Universal Declaration of Human Rights\n\nPreamble\n\n", 0) == 0);
  CHECK(SourceOf(*out, html, "Universal Declaration of Human Rights") ==
        "Universal Declaration of Human Rights");
}
