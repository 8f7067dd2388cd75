// The full-text index (FTS5 bead_text) and the stem index (bead_stems) of
// a memory, and the search over both (doc/schema.md, "Stem index").
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "tm/tm_store.h"

namespace sverka::tm {

// One hit of Search(): a bead whose Russian or English side matches.
struct SearchHit {
  std::string document;
  int32_t position = 0;
  std::string ru, en;  // the bead's text with every match between the markers
  std::string status;
  double score = 0;
  // true: the phrase itself; false: the phrase's words in other forms
  // (the same stems: stem/search_words.h), marked as such.
  bool exact = true;
};

// What Search() matches: the phrase as typed (any case, е/ё alike), or that
// and then the same words inflected otherwise (the stem index).
enum class SearchMatch { kExactThenStemmed, kExact };

// Beads whose Russian or English text contains `phrase` (FTS5, words in
// that order, case-insensitive): first those holding the phrase as typed
// (exact), by document then position; then, unless `match` is kExact,
// those holding its words only in other forms (the stem index
// bead_stems: "культурной дипломатии" for "культурная дипломатия"), by
// document then position, SearchHit::exact false; at most `limit` in all.
// Matches are wrapped in `open`/`close`. Fails with invalid data
// when `phrase` holds no word. Pending beads (not yet indexed) are found
// too, through a temporary index of them on this connection: the same
// hits as after UpdateIndex, read-only, at the cost of indexing them anew.
// `unindexed`, when given, is set to how many pending beads were searched so.
Result<std::vector<SearchHit>> Search(TmStore& store, std::string_view phrase,
                                      std::string_view open, std::string_view close, size_t limit,
                                      int64_t* unindexed = nullptr,
                                      SearchMatch match = SearchMatch::kExactThenStemmed);

// How many beads are not yet in the full-text index (OpenOptions::defer_index).
Result<int64_t> UnindexedBeads(TmStore& store);

// Indexes every pending bead in one transaction; returns how many it indexed.
Result<int64_t> UpdateIndex(TmStore& store);

}  // namespace sverka::tm
