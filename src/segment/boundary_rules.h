// The language rules that accept or reject sentence boundaries proposed by
// ICU's break iterator, and the few boundaries ICU never proposes (a
// sentence that starts with a digit, a dialogue dash or a lower-case word,
// after "…", after a smiley, before a list item). Pure functions over UTF-8.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "common/language.h"
#include "segment/rule_set.h"

namespace sverka::segment {

// Returns the sentence ends ("cuts") of one paragraph as byte offsets into
// `text`, ascending: a sentence ends at a cut, the next starts at the first
// non-space byte after it. `proposed` are boundaries from ICU (any offsets
// into `text`; white space before them is skipped back over). `text` is
// valid UTF-8; line breaks are white space, and a line that starts with a
// list marker ("1)", "•") starts a sentence.
//
// With `declined`, also the cuts the rules declined that a translation may
// yet confirm (issue 20), ascending, each with its prior: a period, "?" or
// "!" (or "…") before a capital inside a quotation or after an
// abbreviation-like word ("29 сентября 2018 г. Вы"), and a line break
// without final punctuation before a capital (a headline run into the
// text). The aligner cuts there only where the other side has a sentence
// break to match and each piece its own evidence.
struct DeclinedCut {
  size_t offset = 0;  // as a cut: the end of the first piece
  double prior = 0;   // probability that a sentence ends there
};
std::vector<size_t> ChooseCuts(std::string_view text, std::span<const size_t> proposed,
                               const RuleSet& rules, Language lang,
                               std::vector<DeclinedCut>* declined = nullptr);

}  // namespace sverka::segment
