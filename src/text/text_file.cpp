#include "text/text_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "common/utf8.h"

namespace sverka::text {
namespace {

std::string HexByte(unsigned char b) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02X", b);
  return buf;
}

std::string At(const std::string& name, std::string_view bytes, size_t offset, size_t base) {
  const TextPosition pos = PositionOf(bytes, offset);
  // Columns count bytes of the file as stored, so a BOM shifts line 1.
  const size_t column = pos.line == 1 ? pos.column + base : pos.column;
  return name + ":" + std::to_string(pos.line) + ":" + std::to_string(column);
}

Status ReadAll(std::istream& in, const std::string& name, std::string& out) {
  std::ostringstream buffer;
  char chunk[1 << 16];
  size_t total = 0;
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
    total += static_cast<size_t>(in.gcount());
    if (total > kMaxTextFileBytes) {
      return Status::BadInput(name + ": file too large (over " +
                              std::to_string(kMaxTextFileBytes >> 20) + " MiB)");
    }
    buffer.write(chunk, in.gcount());
  }
  if (in.bad()) return Status::BadInput(name + ": read error: " + std::strerror(errno));
  out = std::move(buffer).str();
  return Status::Ok();
}

}  // namespace

Result<TextFile> CheckText(std::string name, std::string bytes) {
  TextFile file;
  file.name = std::move(name);
  const auto starts_with = [&](std::string_view prefix) {
    return std::string_view(bytes).substr(0, prefix.size()) == prefix;
  };
  if (starts_with("\xEF\xBB\xBF")) {
    file.base_offset = 3;
    bytes.erase(0, 3);
  } else if (starts_with(std::string_view("\xFF\xFE\x00\x00", 4)) ||
             starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) {
    return Status::BadInput(file.name + ": UTF-32 text is not supported; convert it to UTF-8");
  } else if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
    return Status::BadInput(file.name +
                            ": UTF-16 text is not supported yet; convert it to UTF-8 "
                            "(iconv -f UTF-16 -t UTF-8)");
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::BadInput(file.name + ": empty file (no text to read)");
  }
  if (const auto bad = FindInvalidUtf8(bytes)) {
    return Status::BadInput(At(file.name, bytes, *bad, file.base_offset) +
                            ": invalid UTF-8 (byte " +
                            HexByte(static_cast<unsigned char>(bytes[*bad])) +
                            "); is the file in another encoding, such as Windows-1251 or KOI8-R?");
  }
  if (const size_t nul = bytes.find('\0'); nul != std::string::npos) {
    return Status::BadInput(At(file.name, bytes, nul, file.base_offset) +
                            ": NUL byte in text (a binary file?)");
  }
  file.bytes = std::move(bytes);
  return file;
}

Result<TextFile> ReadTextFile(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    SVERKA_RETURN_IF_ERROR(ReadAll(std::cin, "<stdin>", bytes));
    return CheckText("<stdin>", std::move(bytes));
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Status::BadInput(path + ": cannot open: " + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode)) return Status::BadInput(path + ": is a directory, not a text file");
  if (S_ISREG(st.st_mode) && static_cast<size_t>(st.st_size) > kMaxTextFileBytes) {
    return Status::BadInput(path + ": file too large (" + std::to_string(st.st_size >> 20) +
                            " MiB; limit " + std::to_string(kMaxTextFileBytes >> 20) + " MiB)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::BadInput(path + ": cannot open: " + std::strerror(errno));
  SVERKA_RETURN_IF_ERROR(ReadAll(in, path, bytes));
  return CheckText(path, std::move(bytes));
}

}  // namespace sverka::text
