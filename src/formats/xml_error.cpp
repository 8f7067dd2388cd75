#include "formats/xml_error.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "common/file_error.h"

namespace sverka::formats {

std::string OneLineXmlMessage(const char* message) {
  std::string m = message ? message : "unknown error";
  for (char& c : m) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  while (!m.empty() && m.back() == ' ') m.pop_back();
  if (m.size() > 160) {
    size_t cut = 160;
    while (cut > 0 && (static_cast<unsigned char>(m[cut]) & 0xC0) == 0x80) --cut;
    m = m.substr(0, cut) + "…";
  }
  return m;
}

void XmlErrorSink::Note(bool is_error, int error_line, const char* error_message) {
  if (!is_error) return;
  const std::string m = OneLineXmlMessage(error_message);
  const bool better = m.rfind("Premature end of data", 0) == 0 &&
                      message.rfind("Premature end of data", 0) != 0;
  if (set && !better) return;
  set = true;
  line = error_line;
  message = m;
}

XmlErrorText DescribeXmlError(std::string_view m, const XmlErrorContext& c) {
  const auto starts = [&](std::string_view prefix) { return m.rfind(prefix, 0) == 0; };
  const auto has = [&](std::string_view part) { return m.find(part) != std::string_view::npos; };
  if (has("huge text node") || has("Huge input")) {
    return {"a text of over 10 MB (libxml2's limit); a segment is at most " +
            std::to_string(c.max_segment_bytes >> 20) + " MiB"};
  }
  if (has("ntity") && (has("loop") || has("amplification"))) {
    // libxml2 stops the expansion at its amplification limit; its line is
    // the entity text's, so name where the parser stood instead.
    return {"entity expansion refused (libxml2: " + std::string(m) + ")", true};
  }
  if (starts("Excessive depth in document")) {
    return {"elements nested deeper than 256 levels (libxml2's limit)"};
  }
  const std::string format(c.format), root(c.root);
  if (!c.seen_root && starts("Extra content at the end")) {
    return {"not " + std::string(format == "XLIFF" ? "an " : "a ") + format +
            " file (no root element)"};
  }
  if (c.seen_root && !c.closed_root &&
      (starts("Extra content at the end") || starts("Premature end of data"))) {
    return {"not well-formed XML: the file ends before </" + root + "> (truncated?)"};
  }
  if (starts("Char 0x0 out of allowed range")) {
    // libxml2 tells UTF-16 by a byte-order mark or by "<?xml" in UTF-16.
    return {"not well-formed XML: a NUL byte (UTF-16 without a byte-order mark or an XML "
            "declaration?)"};
  }
  return {"not well-formed XML: " + std::string(m)};
}

Status CheckXmlFile(const std::string& path, std::string_view format) {
  const std::string f(format);
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::InvalidData(path + ": is a directory, not a" + (f == "XLIFF" ? "n " : " ") + f + " file");
  }
  if (::stat(path.c_str(), &st) == 0 && st.st_size == 0) {
    return Status::InvalidData(path + ": empty file (no " + f + " to read)");
  }
  if (std::FILE* file = std::fopen(path.c_str(), "rb")) {
    std::fclose(file);
  } else {
    return CannotOpen(path, errno);
  }
  return Status::Ok();
}

}  // namespace sverka::formats
