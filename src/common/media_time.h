// Times in a recording (subtitle cues), as people and subtitle files write them.
#pragma once

#include <cstdint>
#include <string>

namespace sverka {

// "01:02:03.456" for 3,723,456 ms: hours (at least two digits), minutes,
// seconds and milliseconds, as WebVTT writes a time. `ms` must be >= 0.
std::string FormatMediaTime(int64_t ms);

// "00:00:01.000 --> 00:00:04.200": a span as a WebVTT cue's time line
// writes it (the form sverka uses in TMX, doc/formats.md).
std::string FormatMediaSpan(int64_t start_ms, int64_t end_ms);

}  // namespace sverka
