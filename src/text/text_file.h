// Reading a user's text file into memory, checked. The only place a text file
// is opened; everything after works on the returned bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "text/encoding.h"
#include "text/offset_map.h"
#include "text/subtitle_text.h"

namespace sverka::text {

// Files above this size are refused rather than read: a translation pair is
// a document, not a corpus dump, and the aligner keeps every sentence in memory.
inline constexpr size_t kMaxTextFileBytes = size_t{1} << 30;  // 1 GiB

struct TextFile {
  std::string name;      // as given by the user ("-" for standard input)
  std::string bytes;     // UTF-8 in NFC, byte-order mark removed, line breaks as in the file
  OffsetMap map;         // offsets in `bytes` -> offsets in the file as stored
  std::string encoding;  // the file's encoding: "UTF-8", "UTF-16LE", "windows-1251", ...
  // A DOCX, ODT or EPUB package (text/package_text.h): `bytes` is its
  // extracted text, paragraphs separated by blank lines, `encoding` names
  // the format, and offsets (through `map`) are into that extracted text.
  bool package = false;
  // A package's heading paragraphs (PackageText::heading_paragraphs).
  std::vector<int32_t> heading_paragraphs;
  // An SRT or WebVTT file (text/subtitle_text.h): `bytes` stays the file's
  // text; this is its cues' text, which sentences are cut from, and the
  // cues' times.
  std::optional<SubtitleText> subtitles;
  size_t Source(size_t offset) const { return map.ToSource(bytes, offset); }
};

// Reads `path` ("-" means standard input) and decodes it (text/encoding.h).
// Fails with kBadInput and a one-line message that starts with the file name
// when the file is missing, unreadable, a directory, larger than
// kMaxTextFileBytes, or fails DecodeText (empty, UTF-32, invalid UTF-8,
// binary, unrecognised encoding); the message gives line, column and offset.
// A zip package, PDF or OLE file (text::LooksLikePackage) is read by
// text::ExtractPackageText instead, whatever the file's name. A subtitle
// file (text::LooksLikeSubtitles: by content, or named .srt / .vtt) is
// decoded, then read by text::ExtractSubtitleText into `subtitles`.
Result<TextFile> ReadTextFile(const std::string& path, const DecodeOptions& options = {});

// Same on bytes already in memory; `name` is used in messages.
Result<TextFile> CheckText(std::string name, std::string bytes, const DecodeOptions& options = {});

}  // namespace sverka::text
