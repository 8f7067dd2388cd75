// The text of a sentence, as sverka stores, aligns and prints it: the one
// normalisation every reader of a sentence's bytes goes through (issue 18:
// `segment` and `align` gave one sentence two texts).
#pragma once

#include <string>
#include <string_view>

namespace sverka::text {

// Returns the sentence whose source bytes (valid UTF-8) are `source`:
// trimmed of white space at both ends, each line break and the white space
// around it joined into one space, the spacing inside a line kept as it is
// (OmegaT matches segments with their double spaces, issue 5), in NFC.
// Text already in NFC (a decoded file) comes back with its bytes unchanged
// apart from the line breaks.
std::string SentenceText(std::string_view source);

}  // namespace sverka::text
