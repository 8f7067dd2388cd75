// What the file formats read with libxml2's xmlTextReader (TMX, XLIFF) say
// when the XML itself is broken or hostile: libxml2's first error, made one
// line and worded for the user. No libxml2 type here: each reader's .cpp
// forwards its structured errors to XmlErrorSink::Note.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sverka::formats {

// The first error libxml2 reports, with its line. The reader reports a
// truncated file as "Extra content at the end of the document" after
// "Premature end of data in tag …"; the latter says more, so it wins.
struct XmlErrorSink {
  bool set = false;
  int line = 0;
  std::string message;
  // Records an error (`is_error`: level XML_ERR_ERROR or worse; warnings are ignored).
  void Note(bool is_error, int line, const char* message);
};

// libxml2's message as one line: its line breaks ("…encoding !\nBytes: 0xD0")
// become spaces, and a quote of the input is cut at 160 bytes (on a UTF-8
// character boundary).
std::string OneLineXmlMessage(const char* message);

// Where the reader stood and what it is reading, to word the error.
struct XmlErrorContext {
  std::string_view format;        // "TMX", "XLIFF"
  std::string_view root;          // the root element's name: "tmx", "xliff"
  bool seen_root = false;         // the root's start tag was read
  bool closed_root = false;       // … and its end tag
  size_t max_segment_bytes = 0;   // the format's segment limit, for libxml2's 10 MB one
};

struct XmlErrorText {
  std::string text;              // after "FILE:LINE: "
  bool at_parser_line = false;   // name the parser's line, not the error's
};

// sverka's words for libxml2's message `m`: huge text, entity expansion,
// nesting depth, no root, truncation; else "not well-formed XML: m".
XmlErrorText DescribeXmlError(std::string_view m, const XmlErrorContext& context);

// Before a reader opens `path` as `format` ("TMX", "XLIFF"): kBadInput
// when it is a directory, empty, or cannot be opened, one line naming it.
Status CheckXmlFile(const std::string& path, std::string_view format);

}  // namespace sverka::formats
