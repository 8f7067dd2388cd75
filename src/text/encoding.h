// Decoding a user's file into checked UTF-8 in Unicode NFC, remembering
// where every byte came from. The home of ICU's converters and charset
// detection; nothing here reads files.
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "text/offset_map.h"

namespace sverka::text {

struct DecodeOptions {
  // An ICU converter name ("windows-1251", "koi8-r", "utf-8", "utf-16le"),
  // or empty to recognise it: a byte-order mark, valid UTF-8, else
  // Windows-1251 or KOI8-R by ICU's charset detection.
  std::string encoding;
  // Replace ill-formed UTF-8 by U+FFFD instead of failing.
  bool replace_invalid = false;
};

struct DecodedText {
  std::string utf8;      // NFC; line breaks as in the file (CRLF kept)
  OffsetMap map;         // utf8 offsets -> offsets into the original bytes
  std::string encoding;  // what was read: "UTF-8", "UTF-16LE", "windows-1251", ...
};

// Fails with kBadInput and one line "NAME: ..." (with line, column and byte
// offset where there is a place) for: an empty or white-space-only text;
// UTF-32; invalid UTF-8 in a text that is otherwise UTF-8; a NUL or other
// control byte (a binary file); an encoding that cannot be recognised; bytes
// the named encoding cannot decode. An unknown --encoding name is kUsage.
Result<DecodedText> DecodeText(std::string_view name, std::string_view bytes,
                               const DecodeOptions& options);

// `utf8` (valid UTF-8) in Unicode NFC.
std::string ToNfc(std::string_view utf8);

}  // namespace sverka::text
