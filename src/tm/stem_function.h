// The SQL functions sverka_stems(text) and sverka_marks(ru, en) on an SQLite connection: the text's
// search stems (stem/search_words.h), what the stem index `bead_stems`
// holds (doc/schema.md). Internal to tm/: every connection that writes the
// memory registers it (TmStore, merge), so SQL can index beads itself.
#pragma once

#include <string_view>

struct sqlite3;

namespace sverka::tm {

// What sverka_marks(ru, en) gives a bead with a soft hyphen (U+00AD) in
// either side ("" otherwise): the `marks` column of bead_stems.
inline constexpr const char* kSoftHyphenMark = "softhyphen";

// sverka_marks(ru, en) in C++: kSoftHyphenMark when either side holds U+00AD, else "".
inline const char* BeadMarks(std::string_view ru, std::string_view en) {
  constexpr std::string_view kSoftHyphen = "\xC2\xAD";
  return ru.find(kSoftHyphen) != std::string_view::npos ||
                 en.find(kSoftHyphen) != std::string_view::npos
             ? kSoftHyphenMark
             : "";
}

// Registers sverka_stems(text) and sverka_marks(ru, en) on `db` with a stemmer of its own, freed when the
// connection closes. Returns an SQLite result code (SQLITE_OK, or
// SQLITE_NOMEM / SQLITE_ERROR when the stemmer cannot be made).
int RegisterStemFunction(sqlite3* db);

}  // namespace sverka::tm
