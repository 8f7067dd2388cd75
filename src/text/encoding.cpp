#include "text/encoding.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <memory>

#include "common/utf8.h"

namespace sverka::text {
namespace {

// "NAME:LINE:COLUMN" of byte `offset` of `bytes` (columns count stored bytes).
std::string At(std::string_view name, std::string_view bytes, size_t offset) {
  const TextPosition pos = PositionOf(bytes, offset);
  return std::string(name) + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool IsBlankText(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// A control byte no text file holds (NUL, or C0 other than tab, line and page breaks, ESC).
std::optional<size_t> FindBinaryByte(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) {
      return i;
    }
  }
  return std::nullopt;
}

Status BinaryError(std::string_view name, std::string_view bytes, size_t at, size_t base) {
  const unsigned char c = static_cast<unsigned char>(bytes[at]);
  if (c == 0) {
    return Status::InvalidData(At(name, bytes, at) + ": NUL byte in text at byte offset " +
                            std::to_string(base + at) + " (a binary file?)");
  }
  return Status::InvalidData(At(name, bytes, at) + ": control byte " + HexByte(c) +
                          " at byte offset " + std::to_string(base + at) + " (a binary file?)");
}

// True when `s` holds at least one well-formed multi-byte UTF-8 sequence
// before its first ill-formed byte: the file means to be UTF-8.
bool LooksLikeUtf8(std::string_view s, size_t first_invalid) {
  for (size_t i = 0; i + 1 < first_invalid; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xC2 && c <= 0xF4) return true;
  }
  return false;
}

// Where `conv` (set to stop at the first error) fails on `bytes`, which
// start at file offset `base` (after a byte-order mark, say): the bytes
// it could not convert and their offset ("bytes 0x00 0xD8 at byte offset 10",
// a lone UTF-16 surrogate), or that the text ends inside a character.
std::string FirstInvalid(UConverter* conv, std::string_view bytes, size_t base) {
  ucnv_reset(conv);
  const char* source = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  std::vector<UChar> buffer(4096);
  for (;;) {
    UErrorCode status = U_ZERO_ERROR;
    UChar* target = buffer.data();
    ucnv_toUnicode(conv, &target, buffer.data() + buffer.size(), &source, end, nullptr, true,
                   &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (status == U_TRUNCATED_CHAR_FOUND) return "the text ends inside a character";
    if (U_SUCCESS(status)) return "a sequence it cannot convert";
    char bad[32];
    int8_t length = sizeof bad;
    UErrorCode bad_status = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv, bad, &length, &bad_status);
    if (U_FAILURE(bad_status)) length = 0;
    std::string out = length == 1 ? "byte" : "bytes";
    for (int8_t k = 0; k < length; ++k) out += " " + HexByte(static_cast<unsigned char>(bad[k]));
    const auto at = static_cast<size_t>(source - bytes.data()) - static_cast<size_t>(length);
    return out + " at byte offset " + std::to_string(base + at);
  }
}

// Converts `bytes` (at file offset `base`) from `encoding` with ICU; fails
// on bytes it cannot map, naming them and their offset.
Result<std::string> ConvertToUtf8(std::string_view name, std::string_view bytes,
                                  const char* encoding, size_t base) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(encoding, &status), ucnv_close);
  if (U_FAILURE(status)) {
    return Status::Usage(std::string("unknown encoding '") + encoding + "'");
  }
  ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString u(bytes.data(), static_cast<int32_t>(bytes.size()), conv.get(), status);
  if (U_FAILURE(status)) {
    UErrorCode name_status = U_ZERO_ERROR;
    const char* canonical = ucnv_getName(conv.get(), &name_status);
    return Status::InvalidData(std::string(name) + ": not valid " +
                            (canonical ? canonical : encoding) + " text (" +
                            FirstInvalid(conv.get(), bytes, base) + ")");
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

// Windows-1251 or KOI8-R by ICU's detector; empty when neither is likely.
std::string DetectCyrillic(std::string_view bytes) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return {};
  // The detector needs no more than a sample; keep it fast on large files.
  const int32_t sample = static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 16));
  ucsdet_setText(det, bytes.data(), sample, &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &found, &status);
  std::string best;
  int32_t best_confidence = 19;  // below 20 ICU is guessing (random bytes score 2-10)
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    const std::string name = ucsdet_getName(matches[i], &status);
    const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
    if ((name == "windows-1251" || name == "KOI8-R") && confidence > best_confidence) {
      best = name, best_confidence = confidence;
    }
  }
  ucsdet_close(det);
  if (!best.empty()) return best;
  // ICU scores by frequent words and is unsure on short or unusual text.
  // Russian is mostly lower-case: Windows-1251 puts lower-case letters at
  // 0xE0-0xFF, KOI8-R at 0xC0-0xDF; any other high bytes mean neither.
  size_t high = 0, letters = 0, upper_half = 0;
  for (const char ch : bytes.substr(0, 1 << 16)) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (c < 0x80) continue;
    ++high;
    if (c >= 0xC0 || c == 0xA8 || c == 0xB8 || c == 0xA3 || c == 0xB3) ++letters;
    if (c >= 0xE0) ++upper_half;
  }
  // Punctuation such as «» and dashes takes a few other high bytes.
  if (high < 8 || letters * 10 < high * 9) return {};
  return upper_half * 2 >= letters ? "windows-1251" : "KOI8-R";
}

// Replaces every ill-formed sequence by U+FFFD; the map follows the shifts.
std::string ReplaceInvalid(std::string_view s, size_t base, OffsetMap& map) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const std::optional<size_t> bad = FindInvalidUtf8(s.substr(i));
    if (!bad) {
      out.append(s.substr(i));
      break;
    }
    out.append(s.substr(i, *bad));
    map.Add(out.size(), base + i + *bad, false);
    out.append("\xEF\xBF\xBD");
    i += *bad + 1;
    map.Add(out.size(), base + i, true);
  }
  return out;
}

// Brings `text` to NFC. Between ICU's edits the NFC text equals the old
// one, so every stretch starts at a checkpoint taken from the old map;
// rewritten stretches are inexact (they map to their start).
Status Normalize(DecodedText& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return Status::Internal("ICU NFC data unavailable");
  const icu::StringPiece piece(text.utf8.data(), static_cast<int32_t>(text.utf8.size()));
  if (nfc->isNormalizedUTF8(piece, status) || U_FAILURE(status)) return Status::Ok();
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  icu::Edits edits;
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, &edits, status);
  if (U_FAILURE(status)) return Status::Internal("ICU NFC normalisation failed");
  OffsetMap result(text.map.ToSource(text.utf8, 0), text.map.width());
  icu::Edits::Iterator it = edits.getFineIterator();
  while (it.next(status)) {
    const auto dest = static_cast<size_t>(it.destinationIndex());
    const auto source = static_cast<size_t>(it.sourceIndex());
    if (it.hasChange()) {
      result.Add(dest, text.map.ToSource(text.utf8, source), false);
    } else {
      // The old map's own checkpoints in the stretch (a U+FFFD of
      // --replace-invalid) still apply (found by tests/fuzz/text_reader_fuzz).
      result.AddCopied(dest, text.map, text.utf8, source, static_cast<size_t>(it.oldLength()));
    }
  }
  text.map = std::move(result);
  text.utf8 = std::move(out);
  return Status::Ok();
}

}  // namespace

Result<DecodedText> DecodeText(std::string_view name, std::string_view bytes,
                               const DecodeOptions& options) {
  if (StartsWith(bytes, std::string_view("\xFF\xFE\x00\x00", 4)) ||
      StartsWith(bytes, std::string_view("\x00\x00\xFE\xFF", 4))) {
    return Status::InvalidData(std::string(name) +
                            ": UTF-32 text is not supported; convert it to UTF-8");
  }
  // The encoding: as named, else from a byte-order mark, else recognised below.
  std::string encoding;
  if (!options.encoding.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(options.encoding.c_str(), &status);
    if (U_FAILURE(status)) return Status::Usage("unknown encoding '" + options.encoding + "'");
    encoding = ucnv_getName(conv, &status);
    const int8_t max_bytes = ucnv_getMaxCharSize(conv);
    ucnv_close(conv);
    if (encoding != "UTF-8" && encoding.rfind("UTF-16", 0) != 0 && max_bytes != 1) {
      return Status::Usage("encoding '" + options.encoding +
                           "' is not supported: use UTF-8, UTF-16 or a single-byte encoding");
    }
  }
  size_t base = 0;
  if (StartsWith(bytes, "\xEF\xBB\xBF") && (encoding.empty() || encoding == "UTF-8")) {
    base = 3, encoding = "UTF-8";
  } else if (StartsWith(bytes, "\xFF\xFE") &&
             (encoding.empty() || encoding.rfind("UTF-16", 0) == 0)) {
    base = 2, encoding = "UTF-16LE";
  } else if (StartsWith(bytes, "\xFE\xFF") &&
             (encoding.empty() || encoding.rfind("UTF-16", 0) == 0)) {
    base = 2, encoding = "UTF-16BE";
  }
  const std::string_view body = bytes.substr(base);
  if (IsBlankText(body))
    return Status::InvalidData(std::string(name) + ": empty file (no text to read)");

  DecodedText text;
  if (encoding.empty() || encoding == "UTF-8") {
    const std::optional<size_t> bad = FindInvalidUtf8(body);
    if (!bad) {
      text.utf8 = std::string(body);
      text.map = OffsetMap(base, SourceWidth::kUtf8);
      text.encoding = "UTF-8";
    } else if (options.replace_invalid) {
      text.map = OffsetMap(base, SourceWidth::kUtf8);
      text.utf8 = ReplaceInvalid(body, base, text.map);
      text.encoding = "UTF-8";
    } else if (!encoding.empty() || LooksLikeUtf8(body, *bad)) {
      return Status::InvalidData(At(name, bytes, base + *bad) + ": invalid UTF-8 (byte " +
                              HexByte(static_cast<unsigned char>(body[*bad])) + " at byte offset " +
                              std::to_string(base + *bad) +
                              "); name the encoding with --encoding, or use --replace-invalid");
    } else {
      if (const auto binary = FindBinaryByte(body)) return BinaryError(name, body, *binary, base);
      encoding = DetectCyrillic(body);
      if (encoding.empty()) {
        return Status::InvalidData(std::string(name) +
                                ": cannot recognise the encoding (not UTF-8, UTF-16, Windows-1251 "
                                "or KOI8-R); name it with --encoding");
      }
    }
  }
  if (text.encoding.empty()) {
    SVERKA_ASSIGN_OR_RETURN(std::string converted, ConvertToUtf8(name, body, encoding.c_str(), base));
    text.utf8 = std::move(converted);
    const bool utf16 = encoding.rfind("UTF-16", 0) == 0;
    text.map = OffsetMap(base, utf16 ? SourceWidth::kUtf16 : SourceWidth::kOneByte);
    text.encoding = encoding;
  }
  text.map.Densify(text.utf8, 4096);
  if (const auto binary = FindBinaryByte(text.utf8)) {
    const size_t source = text.map.ToSource(text.utf8, *binary);
    return BinaryError(name, text.utf8, *binary, source - *binary);
  }
  SVERKA_RETURN_IF_ERROR(Normalize(text));
  text.map.Densify(text.utf8, 4096);
  return text;
}

std::string ToNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  if (U_FAILURE(status) || nfc->isNormalizedUTF8(piece, status)) return std::string(utf8);
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  status = U_ZERO_ERROR;
  nfc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? out : std::string(utf8);
}

}  // namespace sverka::text
