// The running text of documents that come as zip packages: Word (DOCX),
// OpenDocument text (ODT) and e-books (EPUB 2 and 3). Chosen by content,
// not by the file's name. Nothing is fetched; the archive is untrusted
// (text/zip_archive.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sverka::text {

struct PackageText {
  // Paragraphs separated by one blank line, as HtmlText's: every paragraph,
  // heading, list item and table cell (in reading order, cell by cell) ends
  // one; a line break inside a paragraph stays a line break. DOCX: tracked
  // changes read as accepted (insertions kept, deletions dropped), footnotes
  // and endnotes after the text; headers, footers and comments left out.
  // ODT: the same, tracked deletions and annotations left out. EPUB: the
  // spine's documents in order (linear="no" items and the navigation
  // document left out), each read as HTML.
  std::string text;
  std::string format;  // "DOCX", "ODT", "EPUB"
  // The paragraphs (0-based, as SplitParagraphs counts them in `text`)
  // that are headings, ascending: DOCX paragraphs styled Title or Heading*
  // or with an outline level, ODT text:h, and in EPUB each chapter's first
  // paragraph and its <h1>-<h6>.
  std::vector<int32_t> heading_paragraphs;
};

// Whether `bytes` must be read by ExtractPackageText rather than as text:
// it starts as a zip archive, a PDF, or an OLE compound file (an encrypted
// Office document, or a Word 97 .doc).
bool LooksLikePackage(std::string_view bytes);

// Extracts the text of the package in `bytes`. Fails with kBadInput and one
// line that starts with `name`: a PDF, an OLE file (encrypted or .doc), a
// zip that is none of the three formats, a damaged or hostile archive
// (ZipArchive), XML that is not well-formed (the entry and line named), or
// a document without text.
Result<PackageText> ExtractPackageText(std::string_view name, std::string_view bytes);

}  // namespace sverka::text
