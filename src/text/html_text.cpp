#include "text/html_text.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <vector>

namespace sverka::text {
namespace {

bool NameIs(const xmlNode* node, std::initializer_list<const char*> names) {
  if (node->name == nullptr) return false;
  const char* name = reinterpret_cast<const char*>(node->name);
  return std::any_of(names.begin(), names.end(),
                     [&](const char* n) { return strcasecmp(name, n) == 0; });
}

bool IsDropped(const xmlNode* node) {
  // <head> (and its <title>, which repeats the first heading) is no running text.
  return node->type == XML_ELEMENT_NODE &&
         NameIs(node, {"script", "style", "noscript", "template", "head"});
}

// The words of a class or id attribute ("cookie-banner" -> cookie, banner).
bool HasBoilerplateWord(const xmlNode* node, const char* attribute) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(attribute));
  if (value == nullptr) return false;
  std::string v(reinterpret_cast<const char*>(value));
  xmlFree(value);
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static const char* const kWords[] = {"cookie",  "cookies",    "consent",     "gdpr",     "banner",
                                       "related", "share",      "sharing",     "social",   "newsletter",
                                       "subscribe", "subscription", "sidebar", "menu",     "navbar",
                                       "breadcrumb", "breadcrumbs", "comments", "advert",  "advertisement",
                                       "ads",     "promo",      "popup",       "modal"};
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && !std::isalnum(static_cast<unsigned char>(v[i]))) ++i;
    size_t e = i;
    while (e < v.size() && std::isalnum(static_cast<unsigned char>(v[e]))) ++e;
    const std::string_view word(v.data() + i, e - i);
    for (const char* w : kWords) {
      if (word == w) return true;
    }
    i = e;
  }
  return false;
}

// Letters and digits of the text under `node` (bytes; white space and
// punctuation not counted), those inside links, the links, and the most
// such text outside links in one paragraph or heading. Iterative: no
// recursion on the document's depth.
struct LinkStats {
  size_t text = 0, linked = 0, links = 0, paragraph = 0;
};
bool IsParagraph(const xmlNode* n) {
  return n->type == XML_ELEMENT_NODE && NameIs(n, {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"});
}
// Stops early, with what it counted, once the text outside links passes
// `max_unlinked`: the answer to IsLinkBlock is then known.
LinkStats CountLinks(const xmlNode* node, size_t max_unlinked) {
  LinkStats stats;
  const xmlNode* n = node->children;
  int in_link = 0;                  // links open around `n`
  std::vector<size_t> unlinked_at;  // unlinked text when each open paragraph began
  const auto unlinked = [&] { return stats.text - stats.linked; };
  const auto leave = [&](const xmlNode* e) {
    if (e->type == XML_ELEMENT_NODE && NameIs(e, {"a"})) --in_link;
    if (IsParagraph(e) && !unlinked_at.empty()) {
      stats.paragraph = std::max(stats.paragraph, unlinked() - unlinked_at.back());
      unlinked_at.pop_back();
    }
  };
  while (n != nullptr && n != node) {
    const bool link = n->type == XML_ELEMENT_NODE && NameIs(n, {"a"});
    if (link) ++stats.links;
    if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
      for (const xmlChar* c = n->content; *c; ++c) {
        const bool counts = *c >= 0x80 || std::isalnum(*c);
        stats.text += counts;
        if (in_link > 0) stats.linked += counts;
      }
      if (unlinked() > max_unlinked) return stats;
    }
    if (n->type == XML_ELEMENT_NODE && !IsDropped(n) && n->children != nullptr) {
      in_link += link;
      if (IsParagraph(n)) unlinked_at.push_back(unlinked());
      n = n->children;
      continue;
    }
    while (n != node && n->next == nullptr) {
      n = n->parent;
      if (n != node) leave(n);
    }
    if (n != node) n = n->next;
  }
  return stats;
}

// A block of links with little else: a menu, a list of related articles, a
// tag cloud (doc/formats.md). At least three links, three quarters of its
// text inside them, at most 100 bytes of other text and no paragraph or
// heading with 40 of its own, so that a wrapper around a short article and
// a large menu is never taken whole.
bool IsLinkBlock(const xmlNode* node) {
  if (!NameIs(node, {"ul", "ol", "menu", "dl", "div", "p", "table", "section", "header"})) return false;
  constexpr size_t kMaxUnlinked = 100;
  const LinkStats s = CountLinks(node, kMaxUnlinked);
  return s.links >= 3 && s.linked * 4 >= s.text * 3 && s.text - s.linked <= kMaxUnlinked && s.paragraph < 40;
}

// Page furniture, not the article (ExtractHtmlText without keep_boilerplate).
bool IsBoilerplate(const xmlNode* node) {
  return node->type == XML_ELEMENT_NODE &&
         (NameIs(node, {"nav", "aside", "form", "button", "footer", "select"}) ||
          HasBoilerplateWord(node, "class") || HasBoilerplateWord(node, "id") || IsLinkBlock(node));
}

// A footnote's mark in the text or its link back (EPUB 3 and ARIA roles,
// as pandoc and e-book tools write them): "note.1 Kept" is no sentence.
bool IsNoteMark(const xmlNode* node) {
  if (node->type != XML_ELEMENT_NODE) return false;
  for (const char* attribute : {"role", "epub:type"}) {
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(attribute));
    if (value == nullptr) continue;
    const std::string v(reinterpret_cast<const char*>(value));
    xmlFree(value);
    if (v == "doc-noteref" || v == "doc-backlink" || v == "noteref" || v == "backlink") return true;
  }
  return false;
}

// The first <main> element, in document order, or null.
const xmlNode* FindMain(const xmlNode* node) {
  for (; node != nullptr; node = node->next) {
    if (node->type != XML_ELEMENT_NODE) continue;
    if (NameIs(node, {"main"})) return node;
    if (IsDropped(node)) continue;
    if (const xmlNode* m = FindMain(node->children)) return m;
  }
  return nullptr;
}

bool IsBlock(const xmlNode* node) {
  return node->type == XML_ELEMENT_NODE &&
         NameIs(node,
                {"p",       "h1",     "h2",     "h3",         "h4",  "h5",      "h6",
                 "li",      "td",     "th",     "blockquote", "div", "dt",      "dd",
                 "pre",     "br",     "tr",     "ul",         "ol",  "table",   "section",
                 "article", "header", "footer", "body",       "hr",  "caption", "figcaption"});
}

bool IsHeading(const xmlNode* node) {
  return node->type == XML_ELEMENT_NODE && NameIs(node, {"h1", "h2", "h3", "h4", "h5", "h6"});
}

// Appends `piece` to `text`, white space collapsed, while `text` is under
// 200 bytes (cut at a character boundary, "..." after it).
void AddShort(std::string& text, std::string_view piece) {
  constexpr size_t kMax = 200;
  if (text.size() >= kMax) return;
  for (char c : piece) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (text.empty() || text.back() == ' ')) continue;
    if (text.size() >= kMax && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      while (!text.empty() && text.back() == ' ') text.pop_back();
      text += "...";
      return;
    }
    text += space ? ' ' : c;
  }
  if (!text.empty() && text.back() != ' ') text += ' ';
}

// Builds the text and finds each piece in the HTML source, left to right.
class Builder {
 public:
  explicit Builder(std::string_view html) : html_(html), map_(0, SourceWidth::kUtf8) {}

  void Break() {
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
    // Checkpoints of the spaces cut off would leave the map out of order
    // (found by tests/fuzz/text_reader_fuzz).
    map_.Truncate(text_.size());
    if (!text_.empty() &&
        text_.compare(text_.size() - std::min<size_t>(2, text_.size()), 2, "\n\n") != 0) {
      // Written by us, not in the HTML: it maps to where the text before it
      // ends, not on past it (beyond the end of the HTML, found by
      // tests/fuzz/text_reader_fuzz).
      map_.Add(text_.size(), map_.ToSource(text_, text_.size()), false);
      text_ += "\n\n";
    }
  }

  // Finds the decoded text `piece` in the HTML from the cursor and moves
  // the cursor past it, appending nothing: text left out (boilerplate)
  // must not be taken for the text after it.
  // Returns where the piece starts in the HTML (npos for white space).
  size_t Skip(std::string_view piece) {
    if (piece.find_first_not_of(" \t\r\n") == std::string_view::npos) return std::string_view::npos;
    std::string text = std::move(text_);  // not const: moved back below, not copied
    OffsetMap map = std::move(map_);
    text_.clear();
    map_ = OffsetMap(0, SourceWidth::kUtf8);
    const size_t kept = kept_;
    Text(piece);
    kept_ = kept;
    const size_t start = map_.ToSource(text_, 0);
    text_ = std::move(text);
    map_ = std::move(map);
    return start;
  }

  size_t cursor() const { return cursor_; }

  // Records text left out, [begin, cursor), joined to the entry before it
  // when that one has the same reason and only markup lies between.
  void LeftOut(size_t begin, std::string why, std::string_view text) {
    if (begin == std::string_view::npos || begin >= cursor_) return;
    if (!left_out_.empty() && left_out_.back().why == why && kept_ == kept_at_left_out_) {
      left_out_.back().end = cursor_;
      AddShort(left_out_.back().text, text);
      return;
    }
    left_out_.push_back({begin, cursor_, std::move(why), ""});
    AddShort(left_out_.back().text, text);
    kept_at_left_out_ = kept_;
  }

  // Appends the decoded text `piece`, mapping it onto the HTML from the cursor.
  void Text(std::string_view piece) {
    if (piece.find_first_not_of(" \t\r\n") == std::string_view::npos) {
      if (!text_.empty() && text_.back() != ' ' && text_.back() != '\n')
        Append(" ", cursor_, false);
      return;
    }
    // A text node starts right after the '>' of a tag (or comment) before it,
    // in document order: the first such place whose byte fits; or, before
    // the first tag, at the start (after white space the parser dropped).
    size_t start = std::string_view::npos;
    if (cursor_ == 0) {
      size_t p = 0;
      while (p < html_.size() && html_[p] != piece[0] &&
             std::isspace(static_cast<unsigned char>(html_[p]))) {
        ++p;
      }
      if (p < html_.size() && html_[p] != '<' && (html_[p] == piece[0] || IsEntityAt(p))) start = p;
    }
    // The first place whose first bytes are the piece's (up to 16, or up to
    // an entity); else the first whose first byte fits. One byte alone is
    // weak: every Cyrillic letter starts with 0xD0 or 0xD1, so text the walk
    // never visits (a <title>) was taken for the menu after it.
    size_t weak = std::string_view::npos;
    for (size_t g = html_.find('>', cursor_);
         start == std::string_view::npos && g != std::string_view::npos; g = html_.find('>', g + 1)) {
      if (g + 1 < html_.size() && (html_[g + 1] == piece[0] || IsEntityAt(g + 1))) {
        if (weak == std::string_view::npos) weak = g + 1;
        if (StartsHere(g + 1, piece)) start = g + 1;
      }
    }
    if (start == std::string_view::npos) start = weak;
    if (start == std::string_view::npos) start = cursor_;
    kept_ += piece.size();
    size_t src = start, i = 0;
    bool exact = true;
    map_.Add(text_.size(), src, true);
    while (i < piece.size()) {
      if (src < html_.size() && html_[src] == piece[i] && !IsEntityAt(src)) {
        // Same byte: copy it (line breaks become spaces, same length).
        const char ch = piece[i] == '\n' || piece[i] == '\r' ? ' ' : piece[i];
        if (!exact) map_.Add(text_.size(), src, true), exact = true;
        text_ += ch;
        ++src, ++i;
        continue;
      }
      if (IsEntityAt(src)) {
        // An entity: one decoded code point for "&...;".
        const size_t semi = html_.find(';', src);
        const size_t len = (static_cast<unsigned char>(piece[i]) < 0x80)   ? 1
                           : (static_cast<unsigned char>(piece[i]) < 0xE0) ? 2
                           : (static_cast<unsigned char>(piece[i]) < 0xF0) ? 3
                                                                           : 4;
        map_.Add(text_.size(), src, false), exact = false;
        text_.append(piece.substr(i, len));
        i += len;
        src = semi + 1;
        continue;
      }
      // Lost track (markup the parser repaired): the rest maps to here.
      map_.Add(text_.size(), src, false), exact = false;
      for (; i < piece.size(); ++i) text_ += piece[i] == '\n' || piece[i] == '\r' ? ' ' : piece[i];
    }
    if (!exact) map_.Add(text_.size(), src, true);
    cursor_ = std::max(cursor_, src);
  }

  HtmlText Finish() {
    Break();
    while (!text_.empty() && text_.back() == '\n') text_.pop_back();
    for (HtmlText::LeftOut& l : left_out_) {
      while (!l.text.empty() && l.text.back() == ' ') l.text.pop_back();
    }
    return {std::move(text_), std::move(map_), std::move(left_out_), std::move(headings_)};
  }

  // A heading's text starts (OpenHeading) and ends (CloseHeading) here.
  void OpenHeading() {
    heading_start_ = text_.size();
    heading_open_ = true;
  }
  void CloseHeading() {
    if (heading_open_ && text_.size() > heading_start_) headings_.emplace_back(heading_start_, text_.size());
    heading_open_ = false;
  }

 private:
  // Whether the HTML at `at` holds the first bytes of `piece` (up to 16,
  // or as far as the first character reference).
  bool StartsHere(size_t at, std::string_view piece) const {
    for (size_t i = 0; i < piece.size() && i < 16; ++i, ++at) {
      if (IsEntityAt(at)) return true;
      if (at >= html_.size() || html_[at] != piece[i]) return false;
    }
    return true;
  }

  // "&amp;", "&#1044;", "&#x44;": a character reference starts at `at`.
  bool IsEntityAt(size_t at) const {
    if (at >= html_.size() || html_[at] != '&') return false;
    size_t k = at + 1;
    while (k < html_.size() && k - at <= 32 &&
           (std::isalnum(static_cast<unsigned char>(html_[k])) || html_[k] == '#'))
      ++k;
    return k > at + 1 && k < html_.size() && html_[k] == ';';
  }

  void Append(std::string_view s, size_t src, bool exact) {
    map_.Add(text_.size(), src, exact);
    text_.append(s);
  }

  std::string_view html_;
  std::string text_;
  std::vector<std::pair<size_t, size_t>> headings_;
  size_t heading_start_ = 0;
  bool heading_open_ = false;
  OffsetMap map_;
  size_t cursor_ = 0;
  std::vector<HtmlText::LeftOut> left_out_;
  size_t kept_ = 0;              // bytes of text kept so far
  size_t kept_at_left_out_ = 0;  // ... when the last entry of left_out_ was made
};

}  // namespace

bool LooksLikeHtml(std::string_view name, std::string_view bytes) {
  std::string lower_name(name);
  std::transform(lower_name.begin(), lower_name.end(), lower_name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (std::string_view ext : {".html", ".htm", ".xhtml"}) {
    if (lower_name.size() >= ext.size() &&
        lower_name.compare(lower_name.size() - ext.size(), ext.size(), ext) == 0) {
      return true;
    }
  }
  size_t i = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
  std::string head(bytes.substr(i, 14));
  std::transform(head.begin(), head.end(), head.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return head.rfind("<!doctype html", 0) == 0 || head.rfind("<html", 0) == 0 ||
         head.rfind("<?xml", 0) == 0;
}

namespace {

// Moves the builder's cursor past the text under `element` (left out);
// returns where that text starts in the HTML (npos: none) and adds the
// text to `text` (AddShort).
size_t SkipText(Builder& builder, const xmlNode* element, std::string& text) {
  size_t start = std::string_view::npos;
  const xmlNode* node = element->children;
  while (node != nullptr) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) {
        const char* piece = reinterpret_cast<const char*>(node->content);
        start = std::min(start, builder.Skip(piece));
        AddShort(text, piece);
      }
    } else if (node->type == XML_ELEMENT_NODE && !IsDropped(node) && node->children != nullptr) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node != element && node->next == nullptr) node = node->parent;
    if (node == nullptr || node == element) break;
    node = node->next;
  }
  return start;
}

// Why `node` is left out: its tag, or the class or id that names boilerplate.
std::string WhyLeftOut(const xmlNode* node) {
  if (IsNoteMark(node)) return "note mark";
  if (NameIs(node, {"nav", "aside", "form", "button", "footer", "select"})) {
    return reinterpret_cast<const char*>(node->name);
  }
  for (const char* attribute : {"class", "id"}) {
    if (!HasBoilerplateWord(node, attribute)) continue;
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(attribute));
    std::string v = value ? reinterpret_cast<const char*>(value) : "";
    xmlFree(value);
    if (v.size() > 60) v = v.substr(0, 60) + "...";
    return std::string(attribute) + " '" + v + "'";
  }
  if (IsLinkBlock(node)) return "links";
  return "boilerplate";
}

// Whether `a` is `b` or one of its ancestors.
bool Holds(const xmlNode* a, const xmlNode* b) {
  for (; b != nullptr; b = b->parent) {
    if (a == b) return true;
  }
  return false;
}

// The text of the document from `top`, in document order. With `only`,
// the text inside it alone; elements `skip` names are left out. Text left
// out still moves the builder's cursor, so the offsets of what follows it
// stay exact.
template <typename Skip>
HtmlText Walk(std::string_view html, const xmlNode* top, const xmlNode* only, Skip skip) {
  Builder builder(html);
  // Iterative walk in document order: no recursion on the document's depth.
  const xmlNode* node = top;
  while (node != nullptr) {
    bool descend = false;
    const bool inside = only == nullptr || Holds(only, node);
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content) {
        const char* text = reinterpret_cast<const char*>(node->content);
        if (inside) {
          builder.Text(text);
        } else {
          builder.LeftOut(builder.Skip(text), "outside main", text);
        }
      }
    } else if (node->type == XML_ELEMENT_NODE && !IsDropped(node)) {
      if (inside ? skip(node) || IsNoteMark(node) : !Holds(node, only)) {
        std::string left;
        const size_t start = SkipText(builder, node, left);
        builder.LeftOut(start, inside ? WhyLeftOut(node) : "outside main", left);
      } else {
        if (IsBlock(node) && inside) builder.Break();
        if (IsHeading(node) && inside) builder.OpenHeading();
        descend = node->children != nullptr;
      }
    }
    if (descend) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node->next == nullptr) {
      node = node->parent;
      if (node == nullptr || node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE) {
        node = nullptr;
        break;
      }
      if (IsBlock(node)) builder.Break();
      if (IsHeading(node)) builder.CloseHeading();
    }
    if (node != nullptr) {
      if (IsBlock(node)) builder.Break();
      if (IsHeading(node)) builder.CloseHeading();
      node = node->next;
    }
  }
  return builder.Finish();
}

bool Empty(const HtmlText& t) { return t.text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

Result<HtmlText> ExtractHtmlText(std::string_view name, std::string_view html, bool keep_boilerplate) {
  if (html.size() > kMaxHtmlBytes) {
    return Status::InvalidData(std::string(name) + ": HTML file too large (limit " +
                            std::to_string(kMaxHtmlBytes >> 20) + " MiB)");
  }
  // NONET: never fetch; no DTD loading or entity substitution options are set,
  // so external entities are never read.
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                      HTML_PARSE_RECOVER | HTML_PARSE_COMPACT;
  xmlResetLastError();
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options),
      xmlFreeDoc);
  if (!doc) return Status::InvalidData(std::string(name) + ": not readable as HTML");
  // The parser recovers from almost anything, but stops reading where the
  // elements nest deeper than its limit: the text after that would be lost.
  if (const xmlError* e = xmlGetLastError();
      e != nullptr && e->message != nullptr && std::strstr(e->message, "Excessive depth") != nullptr) {
    return Status::InvalidData(std::string(name) + ":" + std::to_string(e->line) +
                            ": elements nested deeper than 256 levels (libxml2's limit); "
                            "the text after that point cannot be read");
  }
  const xmlNode* top = xmlDocGetRootElement(doc.get());
  HtmlText out;
  if (!keep_boilerplate) out = Walk(html, top, FindMain(top), IsBoilerplate);
  // A page whose article would come out empty is read whole.
  if (keep_boilerplate || Empty(out)) {
    out = Walk(html, top, nullptr, [](const xmlNode*) { return false; });
    // Footnote marks only: left out as marks, not as page furniture.
    out.left_out.clear();
  }
  std::erase_if(out.left_out, [](const HtmlText::LeftOut& l) { return l.why == "note mark"; });
  if (out.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidData(std::string(name) + ": HTML without any text");
  }
  return out;
}

}  // namespace sverka::text
