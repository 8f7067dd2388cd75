// The JSON-lines records of the streaming filter (doc/cluster.md):
// `align --jsonl` reads one text pair a line and writes one aligned document
// a line; `import --jsonl` stores those. One record is one line, no newline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/bead.h"
#include "common/status.h"
#include "common/document.h"

namespace sverka::formats {

// Input of `align --jsonl`: {"id": "...", "ru": "text", "en": "text"}.
struct TextPairRecord {
  std::string id, ru, en;
};

// Fails with kBadInput ("column N: ..." from ParseJson, or "expected an
// object with string members id, ru, en" / "unknown member 'x'") on
// anything else. Given `where` (the line's place, "file:line"), messages
// begin with it: "file:line:N: ..." for bad JSON, "file:line: ..." else.
Result<TextPairRecord> ParseTextPairLine(std::string_view line, std::string_view where = {});

// Output of `align --jsonl`: the aligned document, or (error non-empty) why
// the pair could not be aligned:
// {"id", "ru_hash", "en_hash", "ru": [{"text", "paragraph", "start", "end"}],
//  (subtitles: each sentence also "start_ms", "end_ms")
//  "en": [...], "beads": [{"ru": [0, 1], "en": [0], "score": 0.87}]}
// or {"id", "error"}; an empty side ([]) begins where the bead before it
// ended, as the aligner numbers it. Scores are written to 17 significant digits, so a
// record read back holds exactly the beads written.
struct AlignedRecord {
  std::string error;   // non-empty: the pair could not be aligned, and `doc` holds only its name
  DocumentRecord doc;  // name = the record's id; files ID.ru and ID.en (read back)
};

std::string FormatAlignedLine(const AlignedRecord& record);

// Reads a line FormatAlignedLine wrote. Fails with kBadInput on bad JSON, a
// missing or mistyped member, or beads that are not consecutive runs of
// existing sentences with a score in [0, 1], each beginning where the bead
// before it ends, none empty, together covering every sentence. Messages
// begin with `where` when given, as for ParseTextPairLine.
Result<AlignedRecord> ParseAlignedLine(std::string_view line, std::string_view where = {});

}  // namespace sverka::formats
