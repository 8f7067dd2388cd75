// What the TMX and XLIFF readers share over libxml2's xmlTextReader: opening
// a file safely, libxml2's errors worded for the user, lines, names,
// attributes and the DOCTYPE check. tm-internal: included only by
// tmx_reader.cpp and xliff_reader.cpp, which drive the reader node by node,
// so libxml2's types appear here and in no public header (doc/decisions.md).
#pragma once

#include <libxml/xmlreader.h>

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "formats/xml_error.h"

namespace sverka::formats {

// libxml2's string as ours ("" for null); XmlTake also frees it.
std::string XmlStr(const xmlChar* s);
std::string XmlTake(xmlChar* s);

// libxml2 prints I/O errors through its global generic handler, outside a
// reader's own; library code prints nothing, so this silences it for its
// lifetime. Not thread-safe: libxml2's global.
class QuietXmlGenericErrors {
 public:
  QuietXmlGenericErrors();
  ~QuietXmlGenericErrors();
  QuietXmlGenericErrors(const QuietXmlGenericErrors&) = delete;
  QuietXmlGenericErrors& operator=(const QuietXmlGenericErrors&) = delete;
};

// A parser's base: the reader of one file and what the parser asks of it.
class XmlUnitReader {
 protected:
  // `context.format` ("TMX"), `context.root` ("tmx") and
  // `context.max_segment_bytes` word the errors; its root flags are the
  // parser's, given to XmlError.
  XmlUnitReader(const std::string& path, const XmlErrorContext& context);
  ~XmlUnitReader();
  XmlUnitReader(const XmlUnitReader&) = delete;
  XmlUnitReader& operator=(const XmlUnitReader&) = delete;

  // CheckXmlFile, then opens it with no network, no DTD, no entity
  // substituted and libxml2's limits on; its errors go to XmlError.
  Status Open();
  // xmlTextReaderRead: 1 a node, 0 the end, below 0 an error.
  int Read();
  xmlTextReaderPtr reader() const { return reader_.get(); }

  // Where the parser stands (it reads ahead of the current node).
  size_t Line() const;
  // Line of the current node's start.
  size_t NodeLine() const;
  Status Fail(size_t line, const std::string& what) const;
  // After Read: whether libxml2 reported an error, and that error worded
  // for the user with its line ("unreadable XML" when it gave none).
  bool HasXmlError() const { return errors_.set; }
  Status XmlError(bool seen_root, bool closed_root) const;

  std::string Name() const;  // the current node's local name
  std::string Attribute(const char* name) const;
  // At the DOCTYPE: refuses one that declares entities. `a_format` is
  // "a TMX" or "an XLIFF".
  Status Doctype(std::string_view a_format);

 private:
  struct ReaderDeleter {
    void operator()(xmlTextReaderPtr r) const { xmlFreeTextReader(r); }
  };
  const std::string& path_;
  XmlErrorContext context_;
  std::unique_ptr<xmlTextReader, ReaderDeleter> reader_;
  xmlDocPtr doc_ = nullptr;  // ours once taken with xmlTextReaderCurrentDoc()
  XmlErrorSink errors_;
};

}  // namespace sverka::formats
