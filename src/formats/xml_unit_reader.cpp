#include "formats/xml_unit_reader.h"

namespace sverka::formats {
namespace {

void OnError(void* arg, xmlErrorPtr error) {
  if (error) static_cast<XmlErrorSink*>(arg)->Note(error->level >= XML_ERR_ERROR, error->line, error->message);
}

void IgnoreGenericError(void*, const char*, ...) {}

}  // namespace

std::string XmlStr(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

std::string XmlTake(xmlChar* s) {
  std::string out = XmlStr(s);
  xmlFree(s);
  return out;
}

QuietXmlGenericErrors::QuietXmlGenericErrors() { xmlSetGenericErrorFunc(nullptr, IgnoreGenericError); }
QuietXmlGenericErrors::~QuietXmlGenericErrors() { xmlSetGenericErrorFunc(nullptr, nullptr); }

XmlUnitReader::XmlUnitReader(const std::string& path, const XmlErrorContext& context)
    : path_(path), context_(context) {}

XmlUnitReader::~XmlUnitReader() {
  reader_.reset();
  if (doc_) xmlFreeDoc(doc_);
}

Status XmlUnitReader::Open() {
  SVERKA_RETURN_IF_ERROR(CheckXmlFile(path_, context_.format));
  // No XML_PARSE_DTDLOAD, XML_PARSE_NOENT, XML_PARSE_DTDATTR or
  // XML_PARSE_HUGE: no DTD is read, no entity substituted, limits stay on.
  reader_.reset(xmlReaderForFile(path_.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!reader_) return Status::InvalidData(path_ + ": cannot read as XML");
  xmlTextReaderSetStructuredErrorHandler(reader_.get(), OnError, &errors_);
  return Status::Ok();
}

int XmlUnitReader::Read() { return xmlTextReaderRead(reader_.get()); }

size_t XmlUnitReader::Line() const {
  return static_cast<size_t>(xmlTextReaderGetParserLineNumber(reader_.get()));
}

size_t XmlUnitReader::NodeLine() const {
  const xmlNodePtr node = xmlTextReaderCurrentNode(reader_.get());
  const long line = node ? xmlGetLineNo(node) : -1;
  return line > 0 ? static_cast<size_t>(line) : Line();
}

Status XmlUnitReader::Fail(size_t line, const std::string& what) const {
  return Status::InvalidData(path_ + ":" + std::to_string(line) + ": " + what);
}

Status XmlUnitReader::XmlError(bool seen_root, bool closed_root) const {
  XmlErrorContext context = context_;
  context.seen_root = seen_root;
  context.closed_root = closed_root;
  const XmlErrorText e = DescribeXmlError(errors_.set ? errors_.message : "unreadable XML", context);
  const size_t line =
      !e.at_parser_line && errors_.set && errors_.line > 0 ? static_cast<size_t>(errors_.line) : Line();
  return Fail(line, e.text);
}

std::string XmlUnitReader::Name() const { return XmlStr(xmlTextReaderConstLocalName(reader_.get())); }

std::string XmlUnitReader::Attribute(const char* name) const {
  return XmlTake(xmlTextReaderGetAttribute(reader_.get(), reinterpret_cast<const xmlChar*>(name)));
}

Status XmlUnitReader::Doctype(std::string_view a_format) {
  // After this call the reader no longer frees the document: the destructor does.
  if (!doc_) doc_ = xmlTextReaderCurrentDoc(reader_.get());
  const xmlDtdPtr dtd = doc_ ? doc_->intSubset : nullptr;
  if (dtd && (dtd->entities || dtd->pentities)) {
    // No line: libxml2 keeps none for declarations, and the parser has read ahead.
    return Status::InvalidData(path_ + ": the DOCTYPE declares entities; refused (" + std::string(a_format) +
                            " needs none, and entities can read local files or expand without bound)");
  }
  return Status::Ok();
}

}  // namespace sverka::formats
