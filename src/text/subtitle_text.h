// The running text of subtitle files, SubRip (.srt) and WebVTT (.vtt), with
// each cue's time kept beside the text it gave (issue 15). Chosen by
// content: a "WEBVTT" header, or a cue number followed by a time line.
// Works on decoded UTF-8 (text/encoding.h), so any encoding DecodeText
// reads (Windows-1251 SRT included) is read here too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "text/offset_map.h"

namespace sverka::text {

// More cues than this refuse the file: a feature film has 1,000-2,000, a
// whole television series some 100,000; memory grows with the count.
inline constexpr size_t kMaxSubtitleCues = 200000;

// Cues at least this far apart (the end of everything before to the start
// of the next) are separate paragraphs: a pause in the speech, a new scene.
// Closer cues flow into one another, so a sentence may span them.
inline constexpr int64_t kSubtitleParagraphGapMs = 3000;

struct SubtitleCue {
  int64_t start_ms = 0, end_ms = 0;  // end_ms >= start_ms
  size_t begin = 0, end = 0;         // the cue's text in SubtitleText::text, [begin, end)
  size_t line = 0;                   // 1-based line of its time line in the file
};

struct SubtitleText {
  // The cues' texts in start-time order (a file's out-of-order cues are
  // sorted; equal starts keep file order). A cue's lines, and cues, are
  // separated by a space, cues kSubtitleParagraphGapMs apart by a blank
  // line. A space, not a line break: the segmenter takes a line break
  // before a capital for a possible sentence end, and a subtitle's line
  // breaks are layout (doc/decisions.md). Markup is dropped (<i>, <b>, <u>, <font>,
  // <c.x>, <v Speaker>, <lang>, <ruby>, inline timestamps, SRT's {\an8});
  // WebVTT's character references are decoded. NOTE, STYLE and REGION
  // blocks, cue identifiers, numbers and settings are not text.
  std::string text;
  // Offsets in `text` -> offsets in the decoded file given; exact except
  // inside a decoded character reference (it maps to its '&').
  OffsetMap map;
  std::vector<SubtitleCue> cues;  // ascending by `begin`
  std::string format;             // "SRT" or "WebVTT"

  // The time span of the cues the text [begin, end) touches: the earliest
  // start and latest end among them, so the span of a sentence covers
  // exactly the cues it came from. False when it touches none.
  bool Span(size_t begin, size_t end, int64_t& start_ms, int64_t& end_ms) const;
};

// Whether decoded `utf8` is a subtitle file: it starts (after a BOM and
// blank lines) with "WEBVTT", or with a line of digits followed by a line
// holding "-->", or with a time line; or `name` ends in .srt or .vtt (any
// case), when it must parse as one.
bool LooksLikeSubtitles(std::string_view name, std::string_view utf8);

// Extracts the text of the subtitle file `utf8` (LF, CRLF or CR line ends).
// Fails with kBadInput and one line "NAME:LINE: ..." for a malformed or
// missing time line, a cue that ends before it starts, a cue with no text,
// a file that ends inside a cue (after its number or time line), a .vtt
// named .vtt that does not start with WEBVTT, more than kMaxSubtitleCues cues, and a file
// with no cue at all. Overlapping and out-of-order cues are read (sorted).
Result<SubtitleText> ExtractSubtitleText(std::string_view name, std::string_view utf8);

}  // namespace sverka::text
