// Reading bilingual dictionaries: word pairs that tell the aligner which
// Russian words translate which English ones.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace sverka::formats {

struct DictionaryEntry {
  std::string ru;  // one word or a phrase, as in the file
  std::string en;
  // ru and en are the stems the aligner uses, not the file's text (a
  // dictionary read from the cache, pipeline/dictionary_cache.h).
  bool stemmed = false;
};

// Where Debian's dict-freedict-eng-rus installs the English-Russian FreeDict.
inline constexpr const char* kFreeDictPath = "/usr/share/dictd/freedict-eng-rus.dict.dz";
// Where Debian's mueller7-dict installs V. K. Mueller's English-Russian dictionary.
inline constexpr const char* kMuellerPath = "/usr/share/dictd/mueller7.dict.dz";

// Reads a dictionary in one of three formats, told apart by name and content:
//   - dictd: FILE.dict or FILE.dict.dz with FILE.index beside it; English
//     headwords, Russian translations. A dictionary whose "00-database-short"
//     entry names Mueller is read as Mueller's layout (mueller_entry.h:
//     labels, senses, examples dropped; its abbreviation entries "_n." and
//     Russian headwords skipped), any other as FreeDict's ("1. в, на" lists);
//   - hunalign: one "english @ russian" pair a line;
//   - TSV: two tab-separated columns, Russian and English in either order
//     (the column with Cyrillic letters is Russian).
// Blank lines and lines starting with '#' are skipped. Fails with kBadInput on
// a missing file or a line in none of the formats ("FILE:LINE: ...").
Result<std::vector<DictionaryEntry>> ReadDictionary(const std::string& path);

}  // namespace sverka::formats
