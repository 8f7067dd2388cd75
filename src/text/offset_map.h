// Where bytes of decoded text came from in the original file. Pure data.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace sverka::text {

// How many source bytes one decoded code point took, between checkpoints.
enum class SourceWidth {
  kUtf8,     // as many as in the UTF-8 text (input was UTF-8)
  kOneByte,  // one (Windows-1251, KOI8-R)
  kUtf16,    // two, four above U+FFFF
};

// Maps byte offsets of the decoded UTF-8 text to byte offsets of the
// original file. Exact everywhere except inside a stretch the reader
// rewrote (a line NFC changed, an HTML entity), which maps to its start.
class OffsetMap {
 public:
  OffsetMap() = default;
  OffsetMap(size_t base, SourceWidth width) : base_(base), width_(width) {}

  // Text offset `text` comes from source offset `source`; code points after
  // it follow the width rule unless `exact` is false, when they all map to
  // `source` until the next checkpoint. Checkpoints are added in ascending order.
  void Add(size_t text, size_t source, bool exact = true);

  // For a stretch of `length` bytes copied unchanged from offset `old_text`
  // of `old_utf8` (the text `old` maps) to offset `text` of this map's text:
  // adds its start and every checkpoint of `old` inside it, so a rewrite
  // (such as NFC) keeps the shifts `old` recorded there (a U+FFFD).
  void AddCopied(size_t text, const OffsetMap& old, std::string_view old_utf8, size_t old_text,
                 size_t length);

  // Drops the checkpoints after text offset `size` (the text was cut there).
  void Truncate(size_t size);

  // Source offset of text offset `offset` in `text` (the decoded text).
  size_t ToSource(std::string_view text, size_t offset) const;

  // Adds exact checkpoints every `step` bytes of `text` (one pass), so that
  // ToSource walks at most `step` bytes for widths other than kUtf8.
  void Densify(std::string_view text, size_t step);

  size_t checkpoints() const { return points_.size(); }
  SourceWidth width() const { return width_; }

 private:
  struct Point {
    size_t text, source;
    bool exact;
  };
  size_t base_ = 0;
  SourceWidth width_ = SourceWidth::kUtf8;
  std::vector<Point> points_;
};

}  // namespace sverka::text
