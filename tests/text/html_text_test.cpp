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

TEST_CASE("a web page gives its article, not its menus, banners, related links and footer", "[text][html][boilerplate]") {
  const std::string page =
      "<html><body><header><div class=\"logo\">World Report</div>"
      "<nav><ul><li><a href=\"/1\">Politics</a></li><li><a href=\"/2\">Travel</a></li></ul></nav></header>"
      "<div class=\"cookie\" id=\"cookie-banner\"><p>We store cookies.</p><button>OK</button></div>"
      "<main><article><h1>Title of the story</h1><p>First paragraph &amp; more.</p>"
      "<div class=\"share-buttons\">Share on X</div><p>Second paragraph.</p></article>"
      "<aside class=\"related\"><h2>You may also like</h2><ul><li><a href=\"/3\">Other story</a></li></ul></aside></main>"
      "<footer><p>&copy; 2019 World Report.</p></footer></body></html>";
  sverka::Result<HtmlText> article = ExtractHtmlText("p.html", page);
  REQUIRE(article.ok());
  CHECK(article->text == "Title of the story\n\nFirst paragraph & more.\n\nSecond paragraph.");
  // Offsets stay exact after text left out, before and inside the article.
  CHECK(SourceOf(*article, page, "Title of the story") == "Title of the story");
  CHECK(SourceOf(*article, page, "Second paragraph.") == "Second paragraph.");
  // --keep-boilerplate: everything, as before.
  sverka::Result<HtmlText> whole = ExtractHtmlText("p.html", page, true);
  REQUIRE(whole.ok());
  CHECK(whole->text.find("Politics") != std::string::npos);
  CHECK(whole->text.find("We store cookies.") != std::string::npos);
  CHECK(whole->text.find("You may also like") != std::string::npos);
  CHECK(whole->text.find("2019 World Report.") != std::string::npos);
}

TEST_CASE("without <main> the page's furniture is still left out; a page of furniture alone is read whole",
          "[text][html][boilerplate]") {
  // A class word is a whole word: "header-title" or "advertiser" are not boilerplate.
  const std::string page =
      "<html><body><nav><a href=\"/\">Home</a></nav><header><h1 class=\"header-title\">Declaration</h1></header>"
      "<article><p class=\"advertiser-note\">Article 1.</p></article><article><p>Article 2.</p></article>"
      "<div id=\"newsletter\">Subscribe now</div><footer>Contacts</footer></body></html>";
  sverka::Result<HtmlText> out = ExtractHtmlText("d.html", page);
  REQUIRE(out.ok());
  CHECK(out->text == "Declaration\n\nArticle 1.\n\nArticle 2.");
  CHECK(SourceOf(*out, page, "Declaration") == "Declaration");
  sverka::Result<HtmlText> menu_only = ExtractHtmlText("m.html", "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
  REQUIRE(menu_only.ok());
  CHECK(menu_only->text == "Home");
}

TEST_CASE("HTML: what the article leaves out is listed with its place and why", "[text][html][boilerplate]") {
  // The <title> is never walked; its Cyrillic text once took the place of
  // the menu's (both start with byte 0xD0), so the menu's offsets pointed
  // into the title.
  const std::string html =
      "<html><head><title>Мир: заголовок</title></head><body>"
      "<div class=\"top\">Мир сегодня</div><nav><a href=\"/\">Москва</a> <a href=\"/x\">Мир</a></nav>"
      "<main><h1>Заголовок статьи</h1><p>Первая фраза.<sup><a role=\"doc-noteref\" href=\"#n\">1</a></sup></p>"
      "<div class=\"cookie-banner\">Мы используем cookie</div><p>Вторая фраза.</p></main>"
      "<footer>© 2019 Мир</footer></body></html>";
  auto out = ExtractHtmlText("a.html", html);
  REQUIRE(out.ok());
  CHECK(out->text == "Заголовок статьи\n\nПервая фраза.\n\nВторая фраза.");
  REQUIRE(out->left_out.size() == 3);
  const auto& menu = out->left_out[0];
  CHECK(menu.why == "outside main");
  CHECK(menu.begin == html.find("Мир сегодня"));
  CHECK(menu.end == html.find("Мир</a></nav>") + std::string("Мир").size());
  CHECK(menu.text == "Мир сегодня Москва Мир");
  CHECK(out->left_out[1].why == "class 'cookie-banner'");
  CHECK(html.substr(out->left_out[1].begin, out->left_out[1].end - out->left_out[1].begin) ==
        "Мы используем cookie");
  CHECK(out->left_out[2].why == "outside main");
  CHECK(out->left_out[2].text == "© 2019 Мир");
  CHECK(SourceOf(*out, html, "Вторая фраза.") == "Вторая фраза.");
  // The whole page: nothing left out, the footnote mark still not text.
  auto whole = ExtractHtmlText("a.html", html, /*keep_boilerplate=*/true);
  REQUIRE(whole.ok());
  CHECK(whole->left_out.empty());
  CHECK(whole->text.find("Первая фраза.\n") != std::string::npos);
}

TEST_CASE("HTML headings h1-h6 are found where their text lies; a left-out heading is not",
          "[text][html][structure]") {
  const std::string html =
      "<html><body><nav><h2>Menu</h2></nav><main><h1>Title</h1><p>Text.</p>"
      "<section><h3> Part <b>two</b> </h3><p>More.</p></section></main></body></html>";
  auto out = ExtractHtmlText("a.html", html);
  REQUIRE(out.ok());
  REQUIRE(out->text == "Title\n\nText.\n\n Part two\n\nMore.");
  REQUIRE(out->headings.size() == 2);
  auto text_of = [&](std::pair<size_t, size_t> h) {
    std::string t = out->text.substr(h.first, h.second - h.first);
    while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.pop_back();
    while (!t.empty() && (t.front() == '\n' || t.front() == ' ')) t.erase(0, 1);
    return t;
  };
  CHECK(text_of(out->headings[0]) == "Title");
  CHECK(text_of(out->headings[1]) == "Part two");
}
