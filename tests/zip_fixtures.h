// Zip archives written by the tests (libzip): DOCX, ODT and EPUB packages
// made by hand, and hostile archives.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sverka::testing {

struct ZipEntry {
  std::string name;
  std::string bytes;
  bool store = false;    // no compression (EPUB's mimetype)
  bool encrypt = false;  // AES-256 (or PKWARE where AES is missing), password "secret"
};

// The bytes of a zip archive holding `entries` in order.
std::string MakeZip(const std::vector<ZipEntry>& entries);

// A DOCX with `body` (WordprocessingML inside <w:body>) and, when not
// empty, `footnotes` (w:footnote elements), related as Word relates them.
std::string MakeDocx(const std::string& body, const std::string& footnotes = "");

}  // namespace sverka::testing
