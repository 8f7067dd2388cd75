#include "text/package_text.h"

#include <catch2/catch.hpp>

#include "text/text_file.h"
#include "zip_fixtures.h"

using namespace sverka;
using namespace sverka::text;
using sverka::testing::MakeDocx;
using sverka::testing::MakeZip;

namespace {

std::string Run(const std::string& t) { return "<w:r><w:t xml:space=\"preserve\">" + t + "</w:t></w:r>"; }
std::string Para(const std::string& runs) { return "<w:p>" + runs + "</w:p>"; }

std::string ErrorOf(const std::string& bytes, const std::string& name = "doc.docx") {
  Result<PackageText> out = ExtractPackageText(name, bytes);
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().kind() == sverka::ErrorKind::kInvalidData);
  CHECK(out.status().message().find('\n') == std::string::npos);
  return out.status().message();
}

const char* kOdtHead =
    "<?xml version=\"1.0\"?><office:document-content "
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<office:automatic-styles><text:p>style text is no text</text:p></office:automatic-styles>"
    "<office:body><office:text>";

std::string Odt(const std::string& body, const std::string& mimetype = "application/vnd.oasis.opendocument.text") {
  return MakeZip({{"mimetype", mimetype, true},
                  {"content.xml", kOdtHead + body + "</office:text></office:body></office:document-content>"}});
}

std::string Epub(const std::string& opf_manifest_spine, std::vector<sverka::testing::ZipEntry> files) {
  std::vector<sverka::testing::ZipEntry> entries = {
      {"mimetype", "application/epub+zip", true},
      {"META-INF/container.xml",
       "<?xml version=\"1.0\"?><container version=\"1.0\" xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\">"
       "<rootfiles><rootfile full-path=\"OEBPS/content.opf\" media-type=\"application/oebps-package+xml\"/>"
       "</rootfiles></container>"},
      {"OEBPS/content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\">" +
                                opf_manifest_spine + "</package>"}};
  for (auto& f : files) entries.push_back(std::move(f));
  return MakeZip(entries);
}

std::string Xhtml(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\" "
         "xmlns:epub=\"http://www.idpf.org/2007/ops\"><head><title>Running title</title></head><body>" +
         body + "</body></html>";
}

}  // namespace

TEST_CASE("DOCX: paragraphs, headings, tables cell by cell, footnotes after the text, tracked changes "
          "accepted",
          "[text][package][docx]") {
  const std::string body =
      "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:rPr><w:t>not text</w:t></w:rPr></w:pPr>" + Run("Heading") +
      "</w:p>" +
      Para(Run("Kept ") + "<w:ins w:id=\"1\" w:author=\"A\">" + Run("inserted") + "</w:ins>" +
           "<w:del w:id=\"2\" w:author=\"A\"><w:r><w:delText>deleted</w:delText></w:r></w:del>" +
           "<w:moveFrom w:id=\"3\">" + Run("moved away") + "</w:moveFrom>" + Run(" words.") +
           "<w:r><w:footnoteReference w:id=\"1\"/></w:r>") +
      Para(Run("Line one") + "<w:r><w:br/></w:r>" + Run("line two") + "<w:r><w:tab/></w:r>" + Run("tabbed") +
           "<w:r><w:instrText> PAGE </w:instrText></w:r>") +
      "<w:tbl><w:tblPr><w:tblStyle w:val=\"x\"/></w:tblPr><w:tr><w:tc>" + Para(Run("Cell one")) + "</w:tc><w:tc>" +
      Para(Run("Cell two")) + "</w:tc></w:tr></w:tbl>" +
      Para("<mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
           "<mc:Choice><w:r><w:t>Box</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>Box again</w:t></w:r>"
           "</mc:Fallback></mc:AlternateContent>") +
      Para(Run("Two  spaces kept.")) + "<w:sectPr><w:t>section</w:t></w:sectPr>";
  const std::string notes =
      "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/><w:t>sep</w:t></w:r></w:p></w:footnote>"
      "<w:footnote w:id=\"1\"><w:p><w:r><w:footnoteRef/></w:r>" +
      Run(" The note.") + "</w:p></w:footnote>";
  Result<PackageText> out = ExtractPackageText("a.docx", MakeDocx(body, notes));
  REQUIRE(out.ok());
  CHECK(out->format == "DOCX");
  CHECK(out->text ==
        "Heading\n\nKept inserted words.\n\nLine one\nline two tabbed\n\nCell one\n\nCell two\n\nBox\n\n"
        "Two  spaces kept.\n\nThe note.");
  // The Heading1 paragraph bounds the alignment (doc/align.md, "Structure").
  CHECK(out->heading_paragraphs == std::vector<int32_t>{0});
}

TEST_CASE("ODT: paragraphs and headings, spaces, notes after the text, tracked deletions and "
          "annotations left out",
          "[text][package][odt]") {
  const std::string body =
      "\n  <text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
      "<text:p>Deleted paragraph.</text:p></text:deletion></text:changed-region></text:tracked-changes>\n"
      "  <text:h text:outline-level=\"1\">Heading</text:h>\n"
      "  <text:p>One<text:s text:c=\"2\"/>two<text:tab/>three<text:line-break/>four "
      "<text:change text:change-id=\"c1\"/>five.<text:note text:id=\"n1\" text:note-class=\"footnote\">"
      "<text:note-citation>1</text:note-citation><text:note-body><text:p>The note.</text:p>"
      "</text:note-body></text:note></text:p>\n"
      "  <text:p><office:annotation><dc:creator>A</dc:creator><text:p>A comment.</text:p></office:annotation>"
      "Spaced\n   out   text.</text:p>\n"
      "  <table:table><table:table-row><table:table-cell><text:p>Cell one</text:p></table:table-cell>"
      "<table:table-cell><text:p>Cell two</text:p></table:table-cell></table:table-row></table:table>\n"
      "  <text:list><text:list-item><text:p>Item.</text:p></text:list-item></text:list>\n";
  Result<PackageText> out = ExtractPackageText("a.odt", Odt(body));
  REQUIRE(out.ok());
  CHECK(out->format == "ODT");
  CHECK(out->text == "Heading\n\nOne  two three\nfour five.\n\nSpaced out text.\n\nCell one\n\nCell two\n\n"
                     "Item.\n\nThe note.");
  CHECK(out->heading_paragraphs == std::vector<int32_t>{0});
}

TEST_CASE("EPUB: the spine's documents in order; navigation, non-linear items and note marks left out",
          "[text][package][epub]") {
  const std::string opf =
      "<manifest>"
      "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>"
      "<item id=\"cover\" href=\"cover.xhtml\" media-type=\"application/xhtml+xml\"/>"
      "<item id=\"one\" href=\"text/ch%201.xhtml\" media-type=\"application/xhtml+xml\"/>"
      "<item id=\"two\" href=\"text/../two.xhtml#start\" media-type=\"application/xhtml+xml\"/>"
      "<item id=\"img\" href=\"pic.png\" media-type=\"image/png\"/>"
      "</manifest><spine><itemref idref=\"nav\"/><itemref idref=\"cover\" linear=\"no\"/>"
      "<itemref idref=\"two\"/><itemref idref=\"img\"/><itemref idref=\"one\"/></spine>";
  const std::string epub =
      Epub(opf, {{"OEBPS/nav.xhtml", Xhtml("<nav><ol><li>Contents</li></ol></nav>")},
                 {"OEBPS/cover.xhtml", Xhtml("<p>Cover</p>")},
                 {"OEBPS/text/ch 1.xhtml",
                  Xhtml("<h1>Chapter one</h1><p>First.<a href=\"#n1\" epub:type=\"noteref\" "
                        "role=\"doc-noteref\"><sup>1</sup></a> Then.</p><aside epub:type=\"footnote\"><p>Note."
                        "<a href=\"#r1\" role=\"doc-backlink\">\xE2\x86\xA9</a></p></aside>")},
                 {"OEBPS/two.xhtml", Xhtml("<p>Second chapter, read first.</p>")},
                 {"OEBPS/pic.png", "\x89PNG"}});
  Result<PackageText> out = ExtractPackageText("a.epub", epub);
  REQUIRE(out.ok());
  CHECK(out->format == "EPUB");
  CHECK(out->text == "Second chapter, read first.\n\nChapter one\n\nFirst. Then.\n\nNote.");
  // Each chapter's first paragraph (chapter one's is also its <h1>).
  CHECK(out->heading_paragraphs == std::vector<int32_t>{0, 1});
}

TEST_CASE("DOCX: Title, Heading styles and outline levels are headings; other styles are not",
          "[text][package][docx][structure]") {
  const std::string body =
      "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>" + Run("Book") + "</w:p>" + Para(Run("Text.")) +
      "<w:p><w:pPr><w:pStyle w:val=\"Quote\"/></w:pPr>" + Run("Quoted.") + "</w:p>" +
      "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr>" + Run("Part") + "</w:p>" + Para(Run("More."));
  Result<PackageText> out = ExtractPackageText("a.docx", MakeDocx(body));
  REQUIRE(out.ok());
  CHECK(out->heading_paragraphs == std::vector<int32_t>{0, 3});
}

TEST_CASE("Packages are read by content: a DOCX under any name, text is not a package",
          "[text][package]") {
  const std::string docx = MakeDocx(Para(Run("Hello there.")));
  CHECK(LooksLikePackage(docx));
  CHECK_FALSE(LooksLikePackage("PK is how it starts"));
  CHECK(LooksLikePackage("%PDF-1.7\n"));
  Result<TextFile> file = CheckText("renamed.txt", docx);
  REQUIRE(file.ok());
  CHECK(file->package);
  CHECK(file->encoding == "DOCX");
  CHECK(file->bytes == "Hello there.");
  CHECK(file->Source(6) == 6);  // offsets are into the extracted text
}

TEST_CASE("Bad and hostile packages: one line each, naming the file", "[text][package][hostile]") {
  using sverka::testing::ZipEntry;
  const std::string docx = MakeDocx(Para(Run("Some text.")));
  // Each case: the bytes, and a part of the message.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj", "doc.docx: a PDF file"},
      {std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'),
       "doc.docx: an encrypted (password-protected) Office document or an old binary .doc"},
      {docx.substr(0, docx.size() / 2), "doc.docx: "},
      {docx.substr(0, docx.size() - 10), "doc.docx: "},
      {MakeZip({{"readme.txt", "hello"}}), "doc.docx: a zip archive that is not a DOCX, ODT or EPUB document"},
      {MakeZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true}, {"content.xml", "<x/>"}}),
       "an OpenDocument file that is not a text document (application/vnd.oasis.opendocument.spreadsheet)"},
      {MakeZip({{"word/document.xml", "<w:document><w:body><w:p><w:r><w:t>x</w:t></w:p></w:body></w:document>"}}),
       "doc.docx: word/document.xml:1: not well-formed XML"},
      {MakeDocx(Para("<w:r><w:t>   </w:t></w:r>")), "doc.docx: DOCX document without any text"},
      {MakeZip({{"word/document.xml", "<w:document/>"}, {"../../evil.sh", "rm -rf /"}}),
       "doc.docx: zip entry '../../evil.sh' names a path outside the archive; refused"},
      {MakeZip({{"word/document.xml", "<w:document/>"}, {"/etc/passwd", "x"}}),
       "names a path outside the archive"},
      {MakeZip({{"word/document.xml", "<w:document/>", false, true}}),
       "doc.docx: zip entry 'word/document.xml' is encrypted (password-protected document)"},
      {MakeZip({{"mimetype", "application/epub+zip", true},
                {"META-INF/container.xml", "<container><rootfiles><rootfile full-path=\"../x.opf\"/></rootfiles></container>"}}),
       "doc.docx: META-INF/container.xml names no package document inside the archive"},
      {MakeZip({{"mimetype", "application/epub+zip", true},
                {"META-INF/container.xml", "<container><rootfiles><rootfile full-path=\"a.opf\"/></rootfiles></container>"},
                {"a.opf", "<package><manifest><item id=\"x\" href=\"../../etc/passwd\" media-type=\"text/html\"/>"
                          "</manifest><spine><itemref idref=\"x\"/></spine></package>"}}),
       "doc.docx: spine item 'x' points outside the archive"},
      {MakeZip({{"word/document.xml",
                 "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                 "<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"}}),
       "doc.docx: DOCX document without any text"},
  };
  for (const auto& [bytes, expected] : cases) {
    INFO(expected);
    CHECK_THAT(ErrorOf(bytes), Catch::Contains(expected));
  }
}

TEST_CASE("A zip bomb is refused before it is inflated", "[text][package][hostile]") {
  // 8 MiB of zeros deflate to about 8 KiB: a ratio near 1000:1.
  const std::string bomb = MakeZip({{"word/document.xml", std::string(size_t{8} << 20, '\0')}});
  CHECK(bomb.size() < 100000);
  CHECK_THAT(ErrorOf(bomb), Catch::Contains("doc.docx: zip entry 'word/document.xml' expands") &&
                                Catch::Contains(":1 (limit 200:1); a zip bomb?"));
}
