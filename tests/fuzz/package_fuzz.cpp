// DOCX, ODT and EPUB packages (issue 15): any bytes as a file's content
// through text::ExtractPackageText (libzip with its limits, the OOXML, ODF
// and EPUB readers, libxml2, the HTML reader for EPUB chapters).
//
// Checks: an error is kBadInput and one line; extracted text has no blank
// line run over one (paragraphs are separated by exactly "\n\n"), no line
// break at either end, and is not empty.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "text/package_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sverka;
  const std::string_view bytes = fuzz::AsText(data, size);
  Result<text::PackageText> out = text::ExtractPackageText("f.docx", bytes);
  if (!out.ok()) {
    FUZZ_CHECK(out.status().kind() == ErrorKind::kInvalidData);
    FUZZ_CHECK(out.status().message().rfind("f.docx: ", 0) == 0);
    FUZZ_CHECK(out.status().message().find('\n') == std::string::npos);
    return 0;
  }
  const std::string& t = out->text;
  FUZZ_CHECK(!t.empty());
  FUZZ_CHECK(t.front() != '\n' && t.back() != '\n');
  FUZZ_CHECK(t.find("\n\n\n") == std::string::npos);
  FUZZ_CHECK(out->format == "DOCX" || out->format == "ODT" || out->format == "EPUB");
  return 0;
}
