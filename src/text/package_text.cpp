#include "text/package_text.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <memory>
#include <vector>

#include "text/html_text.h"
#include "text/paragraphs.h"
#include "text/zip_archive.h"

namespace sverka::text {
namespace {

using XmlDoc = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool Is(const xmlNode* node, const char* local_name) {
  return node->type == XML_ELEMENT_NODE && node->name != nullptr &&
         std::strcmp(reinterpret_cast<const char*>(node->name), local_name) == 0;
}

bool IsAny(const xmlNode* node, std::initializer_list<const char*> names) {
  return std::any_of(names.begin(), names.end(), [&](const char* n) { return Is(node, n); });
}

// The attribute `local_name` in any namespace (w:type, text:c, full-path).
std::string Attribute(const xmlNode* node, const char* local_name) {
  for (const xmlAttr* a = node->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::strcmp(reinterpret_cast<const char*>(a->name), local_name) != 0) continue;
    xmlChar* v = xmlNodeGetContent(reinterpret_cast<const xmlNode*>(a));
    std::string out = v ? reinterpret_cast<const char*>(v) : "";
    xmlFree(v);
    return out;
  }
  return "";
}

// Parses an entry as XML: no network, no DTD, entities left unexpanded (so
// neither external entities nor an entity bomb are read).
Result<XmlDoc> ParseXml(const std::string& where, const std::string& bytes) {
  xmlResetLastError();
  XmlDoc doc(xmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
             xmlFreeDoc);
  if (!doc || xmlDocGetRootElement(doc.get()) == nullptr) {
    const xmlError* e = xmlGetLastError();
    std::string why = e != nullptr && e->message != nullptr ? e->message : "no root element";
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    const int line = e != nullptr ? e->line : 0;
    return Status::InvalidData(where + (line > 0 ? ":" + std::to_string(line) : "") +
                            ": not well-formed XML (" + why + ")");
  }
  return doc;
}

// Paragraphs separated by blank lines; white space inside a paragraph
// collapsed to single spaces (line breaks kept as one '\n').
class TextOut {
 public:
  // Text whose runs of white space are one space (ODF's rule; HTML's).
  void Add(std::string_view s) {
    for (char c : s) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (c == ' ' && (text_.empty() || text_.back() == ' ' || text_.back() == '\n')) continue;
      text_ += c;
    }
  }
  // Text as written (Word's w:t: its spaces are the document's), but for
  // line breaks and tabs, which are spaces here.
  void AddLiteral(std::string_view s) {
    for (char c : s) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (c == ' ' && (text_.empty() || text_.back() == '\n')) continue;
      text_ += c;
    }
  }
  void Spaces(int n) {
    for (int i = 0; i < n; ++i) text_ += ' ';
  }
  void LineBreak() {
    TrimSpaces();
    if (!text_.empty() && text_.back() != '\n') text_ += '\n';
  }
  void Break() {
    TrimSpaces();
    while (!text_.empty() && text_.back() == '\n' && !EndsWith("\n\n")) text_.pop_back();
    if (!text_.empty() && !EndsWith("\n\n")) text_ += "\n\n";
  }
  std::string Finish() {
    Break();
    while (!text_.empty() && text_.back() == '\n') text_.pop_back();
    return std::move(text_);
  }
  // The paragraph about to start is a heading (HeadingsAt reads them).
  void MarkHeading() {
    Break();
    heading_starts_.push_back(text_.size());
  }
  const std::vector<size_t>& heading_starts() const { return heading_starts_; }

 private:
  bool EndsWith(std::string_view s) const {
    return text_.size() >= s.size() && text_.compare(text_.size() - s.size(), s.size(), s) == 0;
  }
  void TrimSpaces() {
    while (!text_.empty() && text_.back() == ' ') text_.pop_back();
  }
  std::string text_;
  std::vector<size_t> heading_starts_;
};

// The paragraphs of `text` (SplitParagraphs, blank lines) that begin at or
// after each of `starts` (ascending) and before the next paragraph.
std::vector<int32_t> HeadingParagraphs(std::string_view text, const std::vector<size_t>& starts) {
  std::vector<int32_t> out;
  const std::vector<Span> paragraphs = SplitParagraphs(text, ParagraphMode::kBlankLines);
  size_t p = 0;
  for (size_t start : starts) {
    while (p < paragraphs.size() && paragraphs[p].begin < start) ++p;
    if (p == paragraphs.size()) break;
    if (out.empty() || out.back() != static_cast<int32_t>(p)) out.push_back(static_cast<int32_t>(p));
  }
  return out;
}

// Whether a Word paragraph's properties make it a heading: a Title or
// Heading style (styles' ids as Word and LibreOffice write them), or an
// outline level.
bool DocxHeading(const xmlNode* p) {
  for (const xmlNode* c = p->children; c != nullptr; c = c->next) {
    if (!Is(c, "pPr")) continue;
    for (const xmlNode* q = c->children; q != nullptr; q = q->next) {
      if (Is(q, "outlineLvl")) return true;
      if (!Is(q, "pStyle")) continue;
      const std::string style = Attribute(q, "val");
      if (style == "Title" || style.rfind("Heading", 0) == 0) return true;
    }
  }
  return false;
}

enum class Visit { kSkip, kDescend };

// Walks the tree under `top` in document order without recursion (STYLE:
// no recursion on data depth). enter(element) says whether to descend;
// leave(element) follows every element entered; text(node) gets text nodes.
void Walk(const xmlNode* top, const std::function<Visit(const xmlNode*)>& enter,
          const std::function<void(const xmlNode*)>& leave,
          const std::function<void(const xmlNode*)>& text) {
  const xmlNode* node = top;
  while (node != nullptr) {
    bool descend = false;
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      text(node);
    } else if (node->type == XML_ELEMENT_NODE) {
      if (enter(node) == Visit::kDescend) {
        if (node->children != nullptr) {
          descend = true;
        } else {
          leave(node);
        }
      }
    }
    if (descend) {
      node = node->children;
      continue;
    }
    while (node != nullptr && node != top && node->next == nullptr) {
      node = node->parent;
      if (node != nullptr) leave(node);
    }
    if (node == nullptr || node == top) break;
    node = node->next;
  }
}

std::string Content(const xmlNode* node) {
  return node->content ? reinterpret_cast<const char*>(node->content) : "";
}

// --- paths inside the archive ------------------------------------------

std::string DirectoryOf(std::string_view entry) {
  const size_t slash = entry.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(entry.substr(0, slash + 1));
}

// `href` (relative to `dir`, percent-encoded, maybe with a #fragment) as an
// entry name; empty when it climbs out of the archive.
std::string Resolve(const std::string& dir, std::string_view href) {
  href = href.substr(0, href.find('#'));
  std::string decoded;
  for (size_t i = 0; i < href.size(); ++i) {
    if (href[i] == '%' && i + 2 < href.size() && std::isxdigit(static_cast<unsigned char>(href[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(href[i + 2]))) {
      decoded += static_cast<char>(std::stoi(std::string(href.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      decoded += href[i];
    }
  }
  const std::string path = !decoded.empty() && decoded.front() == '/' ? decoded.substr(1) : dir + decoded;
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) return "";
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// The targets of relationships of `type_suffix` in an OOXML .rels part.
Result<std::vector<std::string>> Relationships(ZipArchive& zip, const std::string& name, const std::string& part,
                                               std::string_view type_suffix) {
  const std::string rels = DirectoryOf(part) + "_rels/" + part.substr(DirectoryOf(part).size()) + ".rels";
  std::vector<std::string> out;
  if (!zip.Has(rels)) return out;
  SVERKA_ASSIGN_OR_RETURN(std::string bytes, zip.Read(rels));
  SVERKA_ASSIGN_OR_RETURN(XmlDoc doc, ParseXml(name + ": " + rels, bytes));
  for (const xmlNode* n = xmlDocGetRootElement(doc.get())->children; n != nullptr; n = n->next) {
    if (!Is(n, "Relationship") || Attribute(n, "TargetMode") == "External") continue;
    const std::string type = Attribute(n, "Type");
    if (type.size() < type_suffix.size() ||
        type.compare(type.size() - type_suffix.size(), type_suffix.size(), type_suffix) != 0) {
      continue;
    }
    const std::string target = Resolve(DirectoryOf(part), Attribute(n, "Target"));
    if (!target.empty()) out.push_back(target);
  }
  return out;
}

Result<XmlDoc> ReadXml(ZipArchive& zip, const std::string& name, const std::string& entry) {
  SVERKA_ASSIGN_OR_RETURN(std::string bytes, zip.Read(entry));
  return ParseXml(name + ": " + entry, bytes);
}

// --- DOCX -------------------------------------------------------------------

// Word's body, footnotes or endnotes into `out`. Runs hold text in w:t
// (and m:t in equations); deletions (w:del, w:moveFrom) are left out, so
// tracked changes read as accepted.
void DocxText(const xmlNode* top, TextOut& out) {
  Walk(
      top,
      [&](const xmlNode* n) {
        if (IsAny(n, {"del", "moveFrom", "delText", "instrText", "pPr", "rPr", "sectPr", "tblPr", "trPr",
                      "tcPr", "Fallback", "commentReference", "annotationRef"})) {
          return Visit::kSkip;
        }
        if (Is(n, "p") && DocxHeading(n)) out.MarkHeading();
        if (Is(n, "tab")) out.Add(" ");
        if (Is(n, "br") || Is(n, "cr")) out.LineBreak();
        if (Is(n, "noBreakHyphen")) out.Add("-");
        return Visit::kDescend;
      },
      [&](const xmlNode* n) {
        if (IsAny(n, {"p", "tc", "tr", "footnote", "endnote"})) out.Break();
      },
      [&](const xmlNode* n) {
        if (n->parent != nullptr && Is(n->parent, "t")) out.AddLiteral(Content(n));
      });
}

Result<PackageText> Docx(ZipArchive& zip, const std::string& name) {
  std::string main_part = "word/document.xml";
  SVERKA_ASSIGN_OR_RETURN(std::vector<std::string> office,
                          Relationships(zip, name, "", "/officeDocument"));  // _rels/.rels
  if (!office.empty() && zip.Has(office.front())) main_part = office.front();
  SVERKA_ASSIGN_OR_RETURN(XmlDoc doc, ReadXml(zip, name, main_part));
  if (!Is(xmlDocGetRootElement(doc.get()), "document")) {
    return Status::InvalidData(name + ": an Office Open XML file that is not a Word document (" +
                            main_part.substr(0, 80) + ")");
  }
  TextOut out;
  DocxText(xmlDocGetRootElement(doc.get()), out);
  // Footnotes, then endnotes, after the text; their separators (w:type)
  // are no text.
  for (const char* kind : {"footnote", "endnote"}) {
    SVERKA_ASSIGN_OR_RETURN(std::vector<std::string> parts,
                            Relationships(zip, name, main_part, std::string("/") + kind + "s"));
    for (const std::string& part : parts) {
      if (!zip.Has(part)) continue;
      SVERKA_ASSIGN_OR_RETURN(XmlDoc notes, ReadXml(zip, name, part));
      for (const xmlNode* n = xmlDocGetRootElement(notes.get())->children; n != nullptr; n = n->next) {
        if (!Is(n, kind)) continue;
        const std::string type = Attribute(n, "type");
        if (!type.empty() && type != "normal") continue;
        DocxText(n, out);
        out.Break();
      }
    }
  }
  std::string text = out.Finish();
  std::vector<int32_t> headings = HeadingParagraphs(text, out.heading_starts());
  return PackageText{std::move(text), "DOCX", std::move(headings)};
}

// --- ODT --------------------------------------------------------------------

// OpenDocument text into `out`: text:p and text:h are paragraphs; text
// outside them (white space between elements) is layout. Notes are kept
// for after the text; tracked changes' deleted regions and annotations
// are left out.
void OdtText(const xmlNode* top, TextOut& out, std::vector<const xmlNode*>* notes) {
  int in_paragraph = 0;
  Walk(
      top,
      [&](const xmlNode* n) {
        if (IsAny(n, {"tracked-changes", "annotation", "sequence-decls", "variable-decls",
                      "user-field-decls", "forms", "table-of-content", "note-citation"})) {
          return Visit::kSkip;
        }
        if (Is(n, "note") && notes != nullptr) {
          for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
            if (Is(c, "note-body")) notes->push_back(c);
          }
          return Visit::kSkip;
        }
        if (Is(n, "h")) out.MarkHeading();
        if (Is(n, "p") || Is(n, "h")) ++in_paragraph;
        if (Is(n, "s")) {
          const std::string c = Attribute(n, "c");
          int count = 1;
          if (!c.empty() && c.size() <= 4 && std::all_of(c.begin(), c.end(), ::isdigit)) count = std::stoi(c);
          out.Spaces(std::min(count, 100));
        }
        if (Is(n, "tab")) out.Add(" ");
        if (Is(n, "line-break")) out.LineBreak();
        return Visit::kDescend;
      },
      [&](const xmlNode* n) {
        if (Is(n, "p") || Is(n, "h")) {
          --in_paragraph;
          out.Break();
        }
        if (Is(n, "table-cell")) out.Break();
      },
      [&](const xmlNode* n) {
        if (in_paragraph > 0) out.Add(Content(n));
      });
}

Result<PackageText> Odt(ZipArchive& zip, const std::string& name) {
  SVERKA_ASSIGN_OR_RETURN(XmlDoc doc, ReadXml(zip, name, "content.xml"));
  // office:document-content / office:body / office:text
  const xmlNode* body = nullptr;
  for (const xmlNode* n = xmlDocGetRootElement(doc.get())->children; n != nullptr && !body; n = n->next) {
    if (!Is(n, "body")) continue;
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (Is(c, "text")) body = c;
    }
  }
  if (body == nullptr) return Status::InvalidData(name + ": content.xml holds no office:text (not a text document)");
  TextOut out;
  std::vector<const xmlNode*> notes;
  OdtText(body, out, &notes);
  for (const xmlNode* note : notes) {
    OdtText(note, out, nullptr);
    out.Break();
  }
  std::string text = out.Finish();
  std::vector<int32_t> headings = HeadingParagraphs(text, out.heading_starts());
  return PackageText{std::move(text), "ODT", std::move(headings)};
}

// --- EPUB -------------------------------------------------------------------

Result<PackageText> Epub(ZipArchive& zip, const std::string& name) {
  SVERKA_ASSIGN_OR_RETURN(XmlDoc container, ReadXml(zip, name, "META-INF/container.xml"));
  std::string opf;
  Walk(
      xmlDocGetRootElement(container.get()),
      [&](const xmlNode* n) {
        if (Is(n, "rootfile") && opf.empty()) opf = Resolve("", Attribute(n, "full-path"));
        return Visit::kDescend;
      },
      [](const xmlNode*) {}, [](const xmlNode*) {});
  if (opf.empty() || !zip.Has(opf)) {
    return Status::InvalidData(name + ": META-INF/container.xml names no package document inside the archive");
  }
  SVERKA_ASSIGN_OR_RETURN(XmlDoc package, ReadXml(zip, name, opf));
  struct Item {
    std::string id, href, type, properties;
  };
  std::vector<Item> manifest;
  std::vector<std::pair<std::string, bool>> spine;  // idref, linear
  Walk(
      xmlDocGetRootElement(package.get()),
      [&](const xmlNode* n) {
        if (Is(n, "item")) {
          manifest.push_back({Attribute(n, "id"), Resolve(DirectoryOf(opf), Attribute(n, "href")),
                              Attribute(n, "media-type"), Attribute(n, "properties")});
        } else if (Is(n, "itemref")) {
          spine.emplace_back(Attribute(n, "idref"), Attribute(n, "linear") != "no");
        }
        return Visit::kDescend;
      },
      [](const xmlNode*) {}, [](const xmlNode*) {});
  std::string text;
  std::vector<size_t> starts;  // of chapters and headings in `text`
  for (const auto& ref : spine) {
    const std::string& idref = ref.first;  // a named copy: clang 14 cannot capture a binding
    if (!ref.second) continue;
    auto item = std::find_if(manifest.begin(), manifest.end(), [&](const Item& i) { return i.id == idref; });
    if (item == manifest.end()) continue;
    // The EPUB 3 navigation document is a table of contents, not text.
    if (item->properties.find("nav") != std::string::npos) continue;
    if (item->type != "application/xhtml+xml" && item->type != "text/html") continue;
    if (item->href.empty()) {
      return Status::InvalidData(name + ": spine item '" + idref.substr(0, 80) + "' points outside the archive");
    }
    SVERKA_ASSIGN_OR_RETURN(std::string bytes, zip.Read(item->href));
    Result<HtmlText> html = ExtractHtmlText(name + ": " + item->href, bytes, /*keep_boilerplate=*/true);
    if (!html.ok()) {
      // A cover or an image page: a chapter without text adds nothing.
      if (html.status().message().find("HTML without any text") != std::string::npos) continue;
      return html.status();
    }
    if (!text.empty()) text += "\n\n";
    // A chapter starts with a heading: its first paragraph, and its own.
    starts.push_back(text.size());
    for (const auto& h : html->headings) starts.push_back(text.size() + h.first);
    text += html->text;
  }
  std::vector<int32_t> headings = HeadingParagraphs(text, starts);
  return PackageText{std::move(text), "EPUB", std::move(headings)};
}

}  // namespace

bool LooksLikePackage(std::string_view bytes) {
  return StartsWith(bytes, "PK\x03\x04") || StartsWith(bytes, "PK\x05\x06") || StartsWith(bytes, "%PDF-") ||
         StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

Result<PackageText> ExtractPackageText(std::string_view name_view, std::string_view bytes) {
  const std::string name(name_view);
  if (StartsWith(bytes, "%PDF-")) {
    return Status::InvalidData(name + ": a PDF file; sverka reads text, HTML, DOCX, ODT and EPUB (convert it to text first)");
  }
  if (StartsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return Status::InvalidData(name + ": an encrypted (password-protected) Office document or an old binary "
                                   ".doc; save it as DOCX without a password");
  }
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<ZipArchive> opened, ZipArchive::Open(name, bytes));
  ZipArchive& zip = *opened;
  std::string mimetype;
  if (zip.Has("mimetype")) {
    SVERKA_ASSIGN_OR_RETURN(std::string m, zip.Read("mimetype"));
    mimetype = m;
    while (!mimetype.empty() && std::isspace(static_cast<unsigned char>(mimetype.back()))) mimetype.pop_back();
  }
  Result<PackageText> out = Status::InvalidData("");
  if (zip.Has("word/document.xml") || (zip.Has("[Content_Types].xml") && zip.Has("_rels/.rels"))) {
    out = Docx(zip, name);
  } else if (StartsWith(mimetype, "application/vnd.oasis.opendocument.text")) {
    out = Odt(zip, name);
  } else if (mimetype == "application/epub+zip" || zip.Has("META-INF/container.xml")) {
    out = Epub(zip, name);
  } else if (StartsWith(mimetype, "application/vnd.oasis.opendocument.")) {
    return Status::InvalidData(name + ": an OpenDocument file that is not a text document (" +
                            mimetype.substr(0, 80) + ")");
  } else {
    return Status::InvalidData(name + ": a zip archive that is not a DOCX, ODT or EPUB document");
  }
  if (!out.ok()) return out.status();
  if (out->text.find_first_not_of(" \n") == std::string::npos) {
    return Status::InvalidData(name + ": " + out->format + " document without any text");
  }
  return out;
}

}  // namespace sverka::text
