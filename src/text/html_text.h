// The running text of an HTML or XHTML document, through libxml2's HTML
// parser. Nothing is fetched: no network, no external entities.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"
#include "text/offset_map.h"

namespace sverka::text {

// Files above this many bytes are not parsed as HTML (libxml2 keeps a tree).
inline constexpr size_t kMaxHtmlBytes = size_t{256} << 20;  // 256 MiB

struct HtmlText {
  // Paragraphs separated by one blank line: every <p>, <h1>-<h6>, <li>,
  // <td>/<th>, <blockquote>, <div>, <dt>/<dd>, <pre> and <br> ends one.
  // <head> (with <title>), <script>, <style>, <noscript>, <template> and
  // comments are dropped;
  // entities are decoded; line breaks inside a paragraph become spaces.
  std::string text;
  // Offsets in `text` -> offsets in the HTML given. Exact where the text is
  // written literally in the HTML; a decoded entity maps to its '&'.
  OffsetMap map;
  // The page's text left out as boilerplate, in page order: [begin, end)
  // in the HTML given, and why ("nav", "footer", "class 'cookie-banner'",
  // "id 'menu'", "outside main"). Neighbours left out for one reason are
  // one entry. Empty with keep_boilerplate.
  struct LeftOut {
    size_t begin = 0, end = 0;
    std::string why;
    std::string text;  // its text, white space collapsed, at most about 200 bytes
  };
  std::vector<LeftOut> left_out;
  // Where the text of each <h1>-<h6> lies in `text`, [first, second), in
  // order: a heading bounds the alignment when both sides share it.
  std::vector<std::pair<size_t, size_t>> headings;
};

// True when `name` ends in .html, .htm or .xhtml, or `bytes` starts (after
// white space and a BOM) with "<!DOCTYPE html", "<html" or "<?xml".
bool LooksLikeHtml(std::string_view name, std::string_view bytes);

// Extracts the text of UTF-8 `html`. Fails with kBadInput ("NAME: ...")
// when libxml2 cannot build a document or the document holds no text.
//
// Unless `keep_boilerplate`, only the article is read, not the page around
// it (issue 15): where the page has a <main>, its text alone; everywhere,
// <nav>, <aside>, <form>, <button> and <footer> are left out, and so are
// elements whose class or id names boilerplate (a word of it such as
// cookie, consent, banner, related, share, social, newsletter, subscribe,
// sidebar, menu, breadcrumb, comments, advert, promo). A page whose
// article would come out empty is read whole.
Result<HtmlText> ExtractHtmlText(std::string_view name, std::string_view html, bool keep_boilerplate = false);

}  // namespace sverka::text
