// The aligned document every module shares: a pair of files read into
// sentences and paired into beads. The reader fills the sentences
// (pipeline), the aligner the beads (align), the memory stores it (tm),
// and the JSON-lines filter carries it between processes (formats).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/bead.h"

namespace sverka {

struct SentenceRecord {
  int32_t paragraph = 0;     // 0-based paragraph number within the side
  std::string text;          // white space collapsed
  int64_t start_offset = 0;  // byte offsets into the source file, [start, end)
  int64_t end_offset = 0;
  // Subtitles (SRT, WebVTT): the time span of the cues the sentence came
  // from, in ms from the start of the recording; -1 for other inputs.
  int64_t start_ms = -1, end_ms = -1;
};

struct DocumentRecord {
  std::string name;
  std::string ru_lang = "ru", en_lang = "en";  // language codes of the sides (ru-RU, en-US…)
  std::string ru_file, en_file;                // source file names as given
  std::string ru_hash, en_hash;                // "fnv1a64:<hex>" of the source files' bytes
  std::vector<SentenceRecord> ru, en;
  Alignment beads;
};

}  // namespace sverka
