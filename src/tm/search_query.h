// The full-text query `search` runs for a phrase (issue 17): Russian
// spelling writes ё as е at will, and a soft hyphen (U+00AD) may sit inside
// any word, so neither may decide whether a pair is found.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stem/search_words.h"

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

// The FTS5 query of the stem index (bead_stems) for a phrase whose words
// have `stems` (stem::SearchStemmer): one quoted phrase, quotes doubled.
std::string FtsStemQuery(const std::vector<std::string>& stems);

// `text` with every run of words whose stems are `stems`, in that order,
// between `open` and `close` (from the first word's first byte to the last
// word's last): how a hit of the stem index shows where it matched.
std::string MarkStemmedPhrase(std::string_view text, const std::vector<std::string>& stems,
                              stem::SearchStemmer& stemmer, std::string_view open,
                              std::string_view close);

}  // namespace sverka::tm
