// Quote and bracket pairs of a paragraph, and the sentence-cut candidates
// ICU's break iterator never proposes (after "…" or ")", before a digit or
// a lower-case word, between list items written in one paragraph).
// Internal to segment/ (boundary_rules.cpp).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "segment/cut_context.h"

namespace sverka::segment::cut_rules {

// ---- quotes and brackets ---------------------------------------------------

struct Pair {
  size_t open, close;
};

// Matching quote and bracket pairs of a paragraph; unmatched marks are ignored.
std::vector<Pair> FindPairs(std::string_view s);

// Whether the cut lies inside a pair closed within `max_chars` code points
// of its opening: characters, not bytes, or a Russian quotation (two bytes a
// letter) would be cut where its English twin of the same length is kept.
bool InsideShortPair(std::string_view s, const std::vector<Pair>& pairs, size_t cluster, size_t cut,
                     size_t max_chars);

// ---- candidates ICU never proposes -----------------------------------------

// Ends of final-punctuation clusters followed by white space, and of smileys
// followed by white space and a capital: ICU does not break before a digit,
// a dash or a lower-case word (UAX #29 rules SB8, SB8a), nor after "…" or ")".
void AddOwnCandidates(std::string_view s, std::vector<size_t>& out);

// A bracket that closes nothing, or an emoticon: the end of a chat sentence.
bool IsSmileyEnd(const Behind& b, const std::vector<Pair>& pairs);

// List items written in one paragraph: "1) a 2) b", "a. x b. y", "• x • y".
// Returns cuts before every later item when the paragraph starts with item 1.
void AddListCuts(std::string_view s, std::vector<size_t>& cuts);

}  // namespace sverka::segment::cut_rules
