#include "formats/tmx_writer.h"

#include <libxml/xmlwriter.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <tuple>

#include "common/utc_time.h"
#include "common/output_file.h"

namespace sverka::formats {
namespace {
const xmlChar* X(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
const xmlChar* X(const std::string& s) { return X(s.c_str()); }
}  // namespace

struct TmxWriter::Impl {
  std::string path;
  std::unique_ptr<OutputFile> file;
  xmlTextWriterPtr writer = nullptr;
  bool failed = false;

  ~Impl() {
    if (writer) xmlFreeTextWriter(writer);  // before the file it writes to is closed
  }
  // libxml2's writer returns < 0 on failure (typically a write error: full disk).
  Status Check(int rc) {
    if (rc < 0 && !failed) {
      failed = true;
      return Status::Internal(path + ": write failed: " + std::strerror(errno) +
                              "; nothing was written");
    }
    return failed ? Status::Internal(path + ": write failed; nothing was written") : Status::Ok();
  }
  Status Element(const char* name, const std::string& text) {
    SVERKA_RETURN_IF_ERROR(Check(xmlTextWriterWriteElement(writer, X(name), X(XmlSafe(text)))));
    return Status::Ok();
  }
  Status Raw(const char* text) { return Check(xmlTextWriterWriteRaw(writer, X(text))); }
  Status Attr(const char* name, const std::string& value) {
    return Check(xmlTextWriterWriteAttribute(writer, X(name), X(value)));
  }
  Status Props(const TmxUnit::Props& props, const char* indent) {
    for (const auto& [type, value] : props) {
      SVERKA_RETURN_IF_ERROR(Raw(indent));
      SVERKA_RETURN_IF_ERROR(Start("prop"));
      SVERKA_RETURN_IF_ERROR(Attr("type", type));
      SVERKA_RETURN_IF_ERROR(Check(xmlTextWriterWriteString(writer, X(XmlSafe(value)))));
      SVERKA_RETURN_IF_ERROR(End());
    }
    return Status::Ok();
  }
  Status Start(const char* name) { return Check(xmlTextWriterStartElement(writer, X(name))); }
  Status End() { return Check(xmlTextWriterEndElement(writer)); }
};

TmxWriter::TmxWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TmxWriter::~TmxWriter() = default;

std::string TmxNow() { return UtcNow("%Y%m%dT%H%M%SZ"); }

std::string TmxDateFromIso(std::string_view iso) {
  // 0123456789012345678  →  20261128T113000Z
  // 2026-11-28T11:30:00Z
  if (iso.size() != 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' ||
      iso[16] != ':' || iso[19] != 'Z') {
    return "";
  }
  std::string out;
  for (const char c : iso) {
    if (c != '-' && c != ':') out += c;
  }
  for (size_t k = 0; k < out.size(); ++k) {
    if (k != 8 && k != 15 && !std::isdigit(static_cast<unsigned char>(out[k]))) return "";
  }
  return out;
}

std::string XmlSafe(std::string_view text) {
  std::string out(text);
  for (char& ch : out) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') ch = ' ';
  }
  return out;
}

Result<std::unique_ptr<TmxWriter>> TmxWriter::Create(const std::string& path,
                                                     const TmxHeader& header,
                                                     const std::vector<std::string>& inputs) {
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  SVERKA_ASSIGN_OR_RETURN(impl->file, OutputFile::Create(path, inputs));
  // libxml2 prints its I/O errors ("I/O error : File too large") on stderr
  // unless told otherwise; a failed write is reported once, by Check().
  xmlSetStructuredErrorFunc(nullptr, [](void*, xmlErrorPtr) {});
  // The buffer writes to the OutputFile's stream and does not close it.
  xmlOutputBufferPtr buffer = xmlOutputBufferCreateFile(impl->file->stream(), nullptr);
  if (!buffer) return Status::InvalidData(path + ": cannot write");
  impl->writer = xmlNewTextWriter(buffer);
  if (!impl->writer) {
    xmlOutputBufferClose(buffer);
    return Status::InvalidData(path + ": cannot write");
  }
  Impl& w = *impl;
  SVERKA_RETURN_IF_ERROR(w.Check(xmlTextWriterStartDocument(w.writer, "1.0", "UTF-8", nullptr)));
  SVERKA_RETURN_IF_ERROR(w.Raw("\n"));
  SVERKA_RETURN_IF_ERROR(w.Start("tmx"));
  SVERKA_RETURN_IF_ERROR(w.Attr("version", "1.4"));
  SVERKA_RETURN_IF_ERROR(w.Raw("\n  "));
  SVERKA_RETURN_IF_ERROR(w.Start("header"));
  SVERKA_RETURN_IF_ERROR(w.Attr("creationtool", "sverka"));
  SVERKA_RETURN_IF_ERROR(w.Attr("creationtoolversion", header.tool_version));
  SVERKA_RETURN_IF_ERROR(w.Attr("segtype", "sentence"));
  SVERKA_RETURN_IF_ERROR(w.Attr("o-tmf", "sverka"));
  SVERKA_RETURN_IF_ERROR(w.Attr("adminlang", "en"));
  SVERKA_RETURN_IF_ERROR(w.Attr("srclang", header.source_lang));
  SVERKA_RETURN_IF_ERROR(w.Attr("datatype", "plaintext"));
  SVERKA_RETURN_IF_ERROR(
      w.Attr("creationdate", header.creation_date.empty() ? TmxNow() : header.creation_date));
  SVERKA_RETURN_IF_ERROR(w.End());
  SVERKA_RETURN_IF_ERROR(w.Raw("\n  "));
  SVERKA_RETURN_IF_ERROR(w.Start("body"));
  auto writer = std::unique_ptr<TmxWriter>(new TmxWriter(std::move(impl)));
  writer->ru_code_ = header.ru_code;
  writer->en_code_ = header.en_code;
  return writer;
}

Status TmxWriter::Add(const TmxUnit& unit) {
  Impl& w = *impl_;
  SVERKA_RETURN_IF_ERROR(w.Raw("\n    "));
  SVERKA_RETURN_IF_ERROR(w.Start("tu"));
  if (!unit.creation_date.empty()) SVERKA_RETURN_IF_ERROR(w.Attr("creationdate", unit.creation_date));
  if (!unit.change_date.empty()) SVERKA_RETURN_IF_ERROR(w.Attr("changedate", unit.change_date));
  SVERKA_RETURN_IF_ERROR(w.Props(unit.props, "\n      "));
  const std::tuple<const std::string*, const std::string*, const TmxUnit::Props*> sides[] = {
      {&ru_code_, &unit.ru, &unit.ru_props}, {&en_code_, &unit.en, &unit.en_props}};
  for (const auto& [code, text, props] : sides) {
    SVERKA_RETURN_IF_ERROR(w.Raw("\n      "));
    SVERKA_RETURN_IF_ERROR(w.Start("tuv"));
    SVERKA_RETURN_IF_ERROR(w.Attr("xml:lang", *code));
    SVERKA_RETURN_IF_ERROR(w.Props(*props, "\n        "));
    if (!props->empty()) SVERKA_RETURN_IF_ERROR(w.Raw("\n        "));
    // No white space around <seg>'s text: CAT tools match it byte for byte.
    SVERKA_RETURN_IF_ERROR(w.Element("seg", *text));
    if (!props->empty()) SVERKA_RETURN_IF_ERROR(w.Raw("\n      "));
    SVERKA_RETURN_IF_ERROR(w.End());
  }
  SVERKA_RETURN_IF_ERROR(w.Raw("\n    "));
  SVERKA_RETURN_IF_ERROR(w.End());
  ++units_;
  return Status::Ok();
}

Status TmxWriter::Commit() {
  Impl& w = *impl_;
  SVERKA_RETURN_IF_ERROR(w.Raw("\n  "));
  SVERKA_RETURN_IF_ERROR(w.End());  // body
  SVERKA_RETURN_IF_ERROR(w.Raw("\n"));
  SVERKA_RETURN_IF_ERROR(w.End());  // tmx
  SVERKA_RETURN_IF_ERROR(w.Raw("\n"));
  SVERKA_RETURN_IF_ERROR(w.Check(xmlTextWriterEndDocument(w.writer)));
  // Freeing the writer flushes and closes the file; check the flush.
  SVERKA_RETURN_IF_ERROR(w.Check(xmlTextWriterFlush(w.writer)));
  xmlFreeTextWriter(w.writer);
  w.writer = nullptr;
  return w.file->Commit();
}

}  // namespace sverka::formats
