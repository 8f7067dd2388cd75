// The reading of a user's file: encoding recognition and decoding, NFC, the
// source offset map, HTML text (libxml2), paragraphs, and the streaming
// paragraph reader. The first byte chooses the options (bits 0-2 the
// encoding, 3 --replace-invalid, 4 HTML, 5-6 the paragraph mode, 7 the
// paragraph reader), the rest is the file.
//
// Checks: a decoded text is valid UTF-8 in NFC without the control bytes the
// reader refuses; offsets map monotonically into the file; paragraphs and the
// HTML text stay inside what they came from; the paragraph reader returns
// the file's own bytes, in order, without gaps.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "common/utf8.h"
#include "fuzz_util.h"
#include "text/html_text.h"
#include "text/paragraph_reader.h"
#include "text/paragraphs.h"
#include "text/text_file.h"

namespace {

using namespace sverka;
using sverka::fuzz::AsText;

bool HasRefusedControlByte(std::string_view s) {
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) {
      return true;
    }
  }
  return false;
}

bool IsCodePointStart(std::string_view s, size_t offset) {
  return offset >= s.size() || (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80;
}

// Source offsets never go back and stay inside the source: checked at 16
// code point starts spread over the text, and at its end (ToSource walks
// up to 4096 bytes, so every offset would make the target slow).
void CheckMap(const text::OffsetMap& map, std::string_view text, size_t source_size) {
  size_t last = 0;
  for (size_t k = 0; k <= 16; ++k) {
    size_t offset = text.size() * k / 16;
    while (!IsCodePointStart(text, offset)) ++offset;
    const size_t source = map.ToSource(text, offset);
    FUZZ_CHECK(source >= last);
    FUZZ_CHECK(source <= source_size);
    last = source;
  }
}

// Spans are ordered, disjoint, non-empty, trimmed and on code point starts.
void CheckSpans(const std::vector<text::Span>& spans, std::string_view text) {
  size_t last_end = 0;
  for (const text::Span& s : spans) {
    FUZZ_CHECK(s.begin >= last_end);
    FUZZ_CHECK(s.begin < s.end);
    FUZZ_CHECK(s.end <= text.size());
    FUZZ_CHECK(IsCodePointStart(text, s.begin) && IsCodePointStart(text, s.end));
    FUZZ_CHECK(text[s.begin] != ' ' && text[s.begin] != '\n' && text[s.end - 1] != ' ' &&
               text[s.end - 1] != '\n');
    last_end = s.end;
  }
}

void CheckParagraphReader(std::string_view bytes) {
  static sverka::fuzz::ScratchFile file;
  Result<std::unique_ptr<text::ParagraphReader>> reader =
      text::ParagraphReader::Open(file.Write(bytes));
  FUZZ_CHECK(reader.ok());
  if (!(*reader)->streamable()) return;
  size_t expected = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (;;) {
    size_t offset = 0;
    Result<std::string_view> chunk = (*reader)->Next(&offset);
    if (!chunk.ok()) return;
    if (chunk->empty()) break;
    FUZZ_CHECK(offset == expected);
    FUZZ_CHECK(bytes.substr(offset, chunk->size()) == *chunk);
    FUZZ_CHECK(FindInvalidUtf8(*chunk) == std::nullopt);
    expected += chunk->size();
  }
  FUZZ_CHECK(expected == bytes.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t flags = data[0];
  const std::string_view bytes = AsText(data + 1, size - 1);

  // Mostly recognised, as `sverka align` does without --encoding.
  static const char* const kEncodings[] = {"", "", "", "", "utf-8", "windows-1251", "koi8-r",
                                           "utf-16le"};
  text::DecodeOptions options;
  options.encoding = kEncodings[flags & 7];
  options.replace_invalid = (flags & 8) != 0;
  // The reader's 1 MiB block makes this the slow part: half the inputs.
  if ((flags & 0x80) != 0) CheckParagraphReader(bytes);

  Result<text::TextFile> file = text::CheckText("fuzz.txt", std::string(bytes), options);
  if (!file.ok()) return 0;
  const std::string& utf8 = file->bytes;
  FUZZ_CHECK(FindInvalidUtf8(utf8) == std::nullopt);
  FUZZ_CHECK(!HasRefusedControlByte(utf8));
  FUZZ_CHECK(text::ToNfc(utf8) == utf8);
  CheckMap(file->map, utf8, bytes.size());

  const text::ParagraphMode modes[] = {text::ParagraphMode::kAuto,
                                       text::ParagraphMode::kBlankLines,
                                       text::ParagraphMode::kLines, text::ParagraphMode::kAuto};
  const text::ParagraphMode mode = modes[(flags >> 5) & 3];
  CheckSpans(text::SplitParagraphs(utf8, mode), utf8);

  if ((flags & 16) != 0 || text::LooksLikeHtml("fuzz.txt", utf8)) {
    Result<text::HtmlText> html = text::ExtractHtmlText("fuzz.html", utf8);
    if (!html.ok()) return 0;
    FUZZ_CHECK(FindInvalidUtf8(html->text) == std::nullopt);
    CheckMap(html->map, html->text, utf8.size());
    CheckSpans(text::SplitParagraphs(html->text, text::ParagraphMode::kBlankLines), html->text);
  }
  return 0;
}
