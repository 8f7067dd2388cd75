// SRT and WebVTT (issue 15): any text, as text::DecodeText hands it on,
// through text::ExtractSubtitleText, as SRT (a name ending .srt) and as
// WebVTT when it starts so.
//
// Checks: an error is kBadInput and one line naming the file; a result has
// valid UTF-8 text, at least one cue, cues in text order, each non-empty,
// inside the text and with end_ms >= start_ms, start times ascending; the
// map stays inside the file's text; the span of the whole text is the
// cues' earliest start and latest end.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_util.h"
#include "text/subtitle_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sverka;
  const std::string utf8 = fuzz::ReaderText(fuzz::AsText(data, size));
  Result<text::SubtitleText> out = text::ExtractSubtitleText("f.srt", utf8);
  if (!out.ok()) {
    FUZZ_CHECK(out.status().kind() == ErrorKind::kInvalidData);
    FUZZ_CHECK(out.status().message().rfind("f.srt", 0) == 0);
    FUZZ_CHECK(out.status().message().find('\n') == std::string::npos);
    return 0;
  }
  const text::SubtitleText& s = *out;
  FUZZ_CHECK(FindInvalidUtf8(s.text) == std::nullopt);
  FUZZ_CHECK(!s.cues.empty());
  size_t last_end = 0;
  int64_t last_start = 0, min_start = INT64_MAX, max_end = -1;
  for (const text::SubtitleCue& c : s.cues) {
    FUZZ_CHECK(c.begin >= last_end && c.begin < c.end && c.end <= s.text.size());
    FUZZ_CHECK(c.start_ms >= last_start && c.end_ms >= c.start_ms);
    last_end = c.end;
    last_start = c.start_ms;
    min_start = std::min(min_start, c.start_ms);
    max_end = std::max(max_end, c.end_ms);
  }
  for (size_t k = 0; k <= s.text.size(); k += 1 + s.text.size() / 64) {
    FUZZ_CHECK(s.map.ToSource(s.text, k) <= utf8.size());
  }
  int64_t a = -1, b = -1;
  FUZZ_CHECK(s.Span(0, s.text.size(), a, b));
  FUZZ_CHECK(a == min_start && b == max_end);
  return 0;
}
