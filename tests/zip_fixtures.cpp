#include "zip_fixtures.h"

#include <zip.h>

#include <cstdlib>
#include <stdexcept>

namespace sverka::testing {

std::string MakeZip(const std::vector<ZipEntry>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (out == nullptr) throw std::runtime_error("zip_source_buffer_create");
  zip_source_keep(out);
  zip_t* zip = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  if (zip == nullptr) throw std::runtime_error("zip_open_from_source");
  for (const ZipEntry& e : entries) {
    zip_source_t* s = zip_source_buffer(zip, e.bytes.data(), e.bytes.size(), 0);
    const zip_int64_t index = zip_file_add(zip, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("zip_file_add " + e.name + ": " + zip_strerror(zip));
    if (e.store) zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    if (e.encrypt) {
      const zip_uint16_t method =
          zip_encryption_method_supported(ZIP_EM_AES_256, 1) ? ZIP_EM_AES_256 : ZIP_EM_TRAD_PKWARE;
      if (zip_file_set_encryption(zip, static_cast<zip_uint64_t>(index), method, "secret") != 0) {
        throw std::runtime_error(std::string("zip_file_set_encryption: ") + zip_strerror(zip));
      }
    }
  }
  if (zip_close(zip) != 0) throw std::runtime_error(std::string("zip_close: ") + zip_strerror(zip));
  zip_source_open(out);
  zip_source_seek(out, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(out);
  zip_source_seek(out, 0, SEEK_SET);
  std::string bytes(static_cast<size_t>(size), '\0');
  zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(out);
  zip_source_free(out);
  return bytes;
}

std::string MakeDocx(const std::string& body, const std::string& footnotes) {
  const std::string w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
  std::vector<ZipEntry> entries = {
      {"[Content_Types].xml",
       "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"},
      {"_rels/.rels",
       "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
       "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
      {"word/document.xml", "<?xml version=\"1.0\"?><w:document " + w + "><w:body>" + body +
                                "</w:body></w:document>"},
  };
  if (!footnotes.empty()) {
    entries.push_back(
        {"word/_rels/document.xml.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "footnotes\" Target=\"footnotes.xml\"/></Relationships>"});
    entries.push_back({"word/footnotes.xml", "<?xml version=\"1.0\"?><w:footnotes " + w + ">" + footnotes +
                                                 "</w:footnotes>"});
  }
  return MakeZip(entries);
}

}  // namespace sverka::testing
