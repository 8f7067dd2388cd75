// Text as a terminal or a reader sees it: display columns, wrapping, capitals.
// Pure functions over valid UTF-8 (ICU character properties inside).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sverka::text {

// Columns one code point takes in a terminal: 0 for combining marks (Mn, Me),
// format characters (Cf: ZWJ, soft hyphen), variation selectors and control
// characters; 2 for East Asian Wide and Fullwidth characters and emoji
// shown as pictures (Emoji_Presentation); 1 for everything else (Latin,
// Cyrillic, ambiguous-width punctuation: a Western terminal shows it narrow).
int CodePointWidth(char32_t c);

// Sum of CodePointWidth over `text`; ill-formed bytes count one column each.
size_t DisplayWidth(std::string_view text);

// Splits `text` into lines of at most `width` display columns, breaking at
// spaces (dropped at the break) and cutting a word longer than a line between
// code points (never inside one, nor before a combining mark). Returns one
// empty line for empty text. `width` below 2 is taken as 2.
std::vector<std::string> WrapToWidth(std::string_view text, size_t width);

// Pads `text` with spaces to `width` display columns (unchanged when wider).
std::string PadToWidth(std::string_view text, size_t width);

// `text` with every control character made visible and harmless: C0
// controls and DEL as their Control Pictures (ESC as U+241B), C1 controls
// (U+0080–U+009F) as U+FFFD. A stored sentence may hold an ESC sequence
// from its source file; printed raw it would drive the reader's terminal.
std::string VisibleControls(std::string_view text);

// True when the first code point of `word` is an upper-case letter (Lu, Lt).
bool StartsWithCapital(std::string_view word);

}  // namespace sverka::text
