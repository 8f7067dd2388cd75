#include "text/paragraph_reader.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "common/file_error.h"
#include "common/utf8.h"
#include "text/text_file.h"

namespace sverka::text {
namespace {

std::optional<size_t> FindControl(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B)
      return i;
  }
  return std::nullopt;
}

// Bytes at the end of `s` that start an incomplete UTF-8 sequence.
size_t IncompleteTail(std::string_view s) {
  for (size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const unsigned char c = static_cast<unsigned char>(s[s.size() - back]);
    if ((c & 0xC0) == 0x80) continue;
    const size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

// End of the last blank line in `s` (the start of the paragraph after it), or 0.
// Lines end at LF, CRLF or a lone CR, as SplitParagraphs has them.
size_t LastParagraphBreak(std::string_view s) {
  size_t pos = s.size();
  while (pos > 0) {
    const size_t nl = s.find_last_of("\r\n", pos - 1);
    if (nl == std::string_view::npos || nl == 0) return 0;
    // Is the line before this line end blank (only spaces, tabs, a CR)?
    size_t k = nl;
    if (s[nl] == '\n' && s[k - 1] == '\r') --k;  // CRLF
    while (k > 0 && (s[k - 1] == ' ' || s[k - 1] == '\t')) --k;
    if (k > 0 && (s[k - 1] == '\n' || s[k - 1] == '\r')) return nl + 1;
    pos = nl;
  }
  return 0;
}

}  // namespace

ParagraphReader::ParagraphReader(std::string name, std::FILE* file, bool owned)
    : name_(std::move(name)), file_(file), owned_(owned) {}

ParagraphReader::~ParagraphReader() {
  if (owned_ && file_) std::fclose(file_);
}

Result<std::unique_ptr<ParagraphReader>> ParagraphReader::Open(const std::string& path) {
  std::FILE* file = stdin;
  const bool owned = path != "-";
  if (owned) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      return CannotOpen(path, errno);
    }
    if (S_ISDIR(st.st_mode)) return Status::InvalidData(path + ": is a directory, not a text file");
    file = std::fopen(path.c_str(), "rb");
    if (!file) return CannotOpen(path, errno);
  }
  std::unique_ptr<ParagraphReader> reader(
      new ParagraphReader(owned ? path : "<stdin>", file, owned));
  SVERKA_RETURN_IF_ERROR(reader->Fill());
  std::string_view head = reader->buffer_;
  const bool bom = head.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) head.remove_prefix(3);
  head.remove_suffix(IncompleteTail(head));
  reader->streamable_ = bom || (!FindInvalidUtf8(head) && !FindControl(head) &&
                                reader->buffer_.substr(0, 2) != "\xFF\xFE" &&
                                reader->buffer_.substr(0, 2) != "\xFE\xFF");
  return reader;
}

Status ParagraphReader::Fill() {
  if (eof_) return Status::Ok();
  const size_t old = buffer_.size();
  buffer_.resize(old + kBlockBytes);
  const size_t got = std::fread(buffer_.data() + old, 1, kBlockBytes, file_);
  buffer_.resize(old + got);
  if (got < kBlockBytes) {
    if (std::ferror(file_))
      return ReadError(name_, errno);
    eof_ = true;
  }
  return Status::Ok();
}

Result<std::string_view> ParagraphReader::Next(size_t* offset) {
  if (offset_ == 0 && buffer_.substr(0, 3) == "\xEF\xBB\xBF") {
    buffer_.erase(0, 3);
    offset_ = 3;
  }
  // Read until the buffer holds a paragraph break or the file ends.
  size_t cut = LastParagraphBreak(buffer_);
  while (cut == 0 && !eof_) {
    SVERKA_RETURN_IF_ERROR(Fill());
    cut = LastParagraphBreak(buffer_);
  }
  if (cut == 0) cut = buffer_.size();
  current_.assign(buffer_, 0, cut);
  buffer_.erase(0, cut);
  *offset = offset_;
  const size_t start_line = line_;
  offset_ += cut;
  for (char ch : current_) line_ += ch == '\n';
  const auto error_at = [&](size_t at) {
    const TextPosition pos = PositionOf(current_, at);
    const size_t line = start_line + pos.line - 1;
    // A chunk starts at a line start, except the first after a BOM.
    const size_t column = pos.column + (pos.line == 1 && *offset == 3 ? 3 : 0);
    return name_ + ":" + std::to_string(line) + ":" + std::to_string(column);
  };
  if (const auto bad = FindInvalidUtf8(current_)) {
    return Status::InvalidData(error_at(*bad) + ": invalid UTF-8 (byte " +
                            HexByte(static_cast<unsigned char>(current_[*bad])) +
                            " at byte offset " + std::to_string(*offset + *bad) +
                            "); name the encoding with --encoding, or use --replace-invalid");
  }
  if (const auto control = FindControl(current_)) {
    const unsigned char c = static_cast<unsigned char>(current_[*control]);
    return Status::InvalidData(
        error_at(*control) +
        (c == 0 ? std::string(": NUL byte in text") : ": control byte " + HexByte(c)) +
        " at byte offset " + std::to_string(*offset + *control) + " (a binary file?)");
  }
  return std::string_view(current_);
}

Result<std::string> ParagraphReader::TakeAll() {
  while (!eof_) {
    SVERKA_RETURN_IF_ERROR(Fill());
    if (buffer_.size() > kMaxTextFileBytes) {
      return Status::InvalidData(name_ + ": file too large (over " +
                              std::to_string(kMaxTextFileBytes >> 20) + " MiB)");
    }
  }
  return std::move(buffer_);
}

}  // namespace sverka::text
