// UTF-8 helpers on std::string_view. No third-party types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sverka {

// Where a text position is, for messages: 1-based line and column (column in
// bytes, as editors and compilers report it for UTF-8 files).
struct TextPosition {
  size_t line = 1;
  size_t column = 1;
};

// Returns the line and column of byte `offset` in `text`.
TextPosition PositionOf(std::string_view text, size_t offset);

// Returns the byte offset of the first byte that does not start or continue a
// well-formed UTF-8 sequence (overlong forms, surrogates and code points above
// U+10FFFF are ill-formed), or nullopt when `text` is valid UTF-8.
std::optional<size_t> FindInvalidUtf8(std::string_view text);

// Number of Unicode code points in valid UTF-8 `text`.
size_t CountCodePoints(std::string_view text);

// Letters of the two scripts sverka aligns, counted in valid UTF-8 `text`:
// Cyrillic (U+0400–U+04FF) and Latin (ASCII letters, U+00C0–U+024F).
struct ScriptCounts {
  size_t cyrillic = 0, latin = 0;
};
ScriptCounts CountScripts(std::string_view text);

// Returns `text` with every run of ASCII white space (space, tab, CR, LF)
// replaced by one space and none at either end.
std::string CollapseWhitespace(std::string_view text);

// Returns `text` trimmed of ASCII white space at both ends, with each line
// break (LF, CR or CRLF) and the white space around it replaced by one space;
// runs of spaces or tabs inside a line are kept as they are. A sentence keeps
// the spacing of its source line, so a CAT tool segmenting the same file finds
// the same text (OmegaT matches segments exactly, double spaces included).
std::string JoinWrappedLines(std::string_view text);
// What JoinWrappedLines makes of one run of white space inside a text: one
// space where it holds a line break, else the run as it is.
std::string_view JoinedSpace(std::string_view run);

// Returns at most `max_code_points` code points of `text`, with "…" appended
// when shortened; for quoting input in error messages.
std::string Shorten(std::string_view text, size_t max_code_points);

// Appends code point `cp` (at most U+10FFFF, not a surrogate) to `out` as UTF-8.
void AppendUtf8(std::string& out, uint32_t cp);

// "0xC3": a byte as error messages quote it.
std::string HexByte(unsigned char byte);

}  // namespace sverka
