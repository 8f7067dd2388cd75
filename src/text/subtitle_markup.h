// The text of one subtitle cue line without its markup (text/subtitle_text.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sverka::text {

// A cue's text so far, its lines separated by a space, and where its bytes
// came from in the file.
struct CueText {
  std::string text;
  struct Mark {
    size_t text = 0;    // offset in `text`
    size_t source = 0;  // offset in the file's text
    bool exact = true;  // false: a decoded character reference (text::OffsetMap::Add)
  };
  std::vector<Mark> marks;  // ascending by `text`
};

// Appends cue line `line`, found at offset `source` of the file's text, to
// `cue` (after a space unless `cue` is empty): tags (<i>, </b>, <font …>,
// <c.x>, <v Speaker>, <00:00:01.000>, anything from '<' to the next '>' on
// the line) are dropped, and in SRT ASS override codes ({\an8}); character
// references (&amp; &lt; &gt; &quot; &apos; &nbsp; &lrm; &rlm; &#N; &#xH;)
// are decoded; white space at either end is trimmed. A line left empty adds
// nothing.
void AppendCueLine(CueText& cue, std::string_view line, size_t source, bool vtt);

}  // namespace sverka::text
