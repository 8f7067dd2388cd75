// The entry layout of V. K. Mueller's English-Russian dictionary as Debian's
// mueller7-dict ships it (dictd): a transcription, part-of-speech and field
// labels ("_n.", "_зоол."), numbered senses ("1.", "1)", "а)"), homonyms
// ("_I", "_II"), remarks in brackets and English example phrases with their
// Russian. Used by ReadDictionary (dictionary_reader.h); a header of its own
// so that its cases can be tested one by one.
#pragma once

#include <string_view>
#include <vector>

#include "formats/dictionary_reader.h"

namespace sverka::formats {

// Translations of more words than this are definitions ("вещество, вредное
// для организма" is cut at its commas; "вредное для организма" is the most
// a translation of `injurant` may be).
inline constexpr size_t kMaxMuellerWords = 3;

// Appends one {ru, en} entry per plain Russian translation in `body` (an
// entry without its headword line) of the English headword `en`: labels,
// sense numbers, transcriptions and remarks in (), [] and {} are dropped; in
// each ";"-separated part the ","-separated items are taken up to the first
// one with a Latin letter (an example phrase or a cross reference "= word":
// it and the rest of the part are dropped). Items without a Cyrillic letter
// or of more than kMaxMuellerWords words are skipped. A line that starts with
// no sense number or label continues the line before it. Never fails.
void AddMuellerTranslations(std::string_view en, std::string_view body,
                            std::vector<DictionaryEntry>& out);

}  // namespace sverka::formats
