// The full-text query `search` runs for a phrase (issue 17): Russian
// spelling writes ё as е at will, and a soft hyphen (U+00AD) may sit inside
// any word, so neither may decide whether a pair is found.
#pragma once

#include <string>
#include <string_view>

namespace sverka::tm {

// `text` without its soft hyphens (U+00AD): what search indexes and looks
// for in their place.
std::string WithoutSoftHyphens(std::string_view text);

// The FTS5 query for `phrase` (its words in this order): one quoted phrase
// for each spelling of its е and ё (either case) as е or ё, joined by OR,
// so that "ещё" finds "еще" and "еще" finds "ещё". Soft hyphens are dropped
// and double quotes doubled. Only the first kMaxYoLetters such letters vary
// (2^8 phrases at most); later ones stay as typed.
inline constexpr int kMaxYoLetters = 8;
std::string FtsPhraseQuery(std::string_view phrase);

}  // namespace sverka::tm
