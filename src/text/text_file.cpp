#include "text/text_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "common/file_error.h"
#include "common/utf8.h"
#include "text/package_text.h"

namespace sverka::text {
namespace {

Status ReadAll(std::istream& in, const std::string& name, std::string& out) {
  std::ostringstream buffer;
  char chunk[1 << 16];
  size_t total = 0;
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    total += static_cast<size_t>(in.gcount());
    if (total > kMaxTextFileBytes) {
      return Status::InvalidData(name + ": file too large (over " +
                              std::to_string(kMaxTextFileBytes >> 20) + " MiB)");
    }
    buffer.write(chunk, in.gcount());
  }
  if (in.bad()) return ReadError(name, errno);
  out = std::move(buffer).str();
  return Status::Ok();
}

}  // namespace

Result<TextFile> CheckText(std::string name, std::string bytes, const DecodeOptions& options) {
  std::optional<PackageText> package;
  if (LooksLikePackage(bytes)) {
    SVERKA_ASSIGN_OR_RETURN(PackageText extracted, ExtractPackageText(name, bytes));
    if (extracted.text.size() > kMaxTextFileBytes) {
      return Status::InvalidData(name + ": " + extracted.format + " text too large (over " +
                              std::to_string(kMaxTextFileBytes >> 20) + " MiB)");
    }
    package = std::move(extracted);
  }
  // A package's text is UTF-8 whatever --encoding says: checked and put in
  // NFC as any text is.
  SVERKA_ASSIGN_OR_RETURN(DecodedText decoded,
                          package ? DecodeText(name, package->text, DecodeOptions{}) : DecodeText(name, bytes, options));
  TextFile file;
  file.name = std::move(name);
  file.bytes = std::move(decoded.utf8);
  file.map = std::move(decoded.map);
  file.encoding = package ? std::move(package->format) : std::move(decoded.encoding);
  file.package = package.has_value();
  if (package) file.heading_paragraphs = std::move(package->heading_paragraphs);
  if (!package && LooksLikeSubtitles(file.name, file.bytes)) {
    SVERKA_ASSIGN_OR_RETURN(SubtitleText subtitles, ExtractSubtitleText(file.name, file.bytes));
    file.subtitles = std::move(subtitles);
  }
  return file;
}

Result<TextFile> ReadTextFile(const std::string& path, const DecodeOptions& options) {
  std::string bytes;
  if (path == "-") {
    SVERKA_RETURN_IF_ERROR(ReadAll(std::cin, "<stdin>", bytes));
    return CheckText("<stdin>", std::move(bytes), options);
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return CannotOpen(path, errno);
  }
  if (S_ISDIR(st.st_mode)) return Status::InvalidData(path + ": is a directory, not a text file");
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > kMaxTextFileBytes) {
    return Status::InvalidData(path + ": file too large (" + std::to_string(st.st_size >> 20) +
                            " MiB; limit " + std::to_string(kMaxTextFileBytes >> 20) + " MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return CannotOpen(path, errno);
  SVERKA_RETURN_IF_ERROR(ReadAll(in, path, bytes));
  return CheckText(path, std::move(bytes), options);
}

}  // namespace sverka::text
