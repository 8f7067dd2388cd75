// Headings that number a document's parts: "Глава 5", "Chapter V",
// "Часть вторая", "Book Two", a bare "XII". Pure functions over text.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/language.h"

namespace sverka::text {

// What a numbered heading names. kNumber: a line holding a number alone
// ("V", "12."), as books number their chapters without a word.
enum class HeadingKind : uint8_t { kNumber, kChapter, kPart, kBook, kSection, kVolume };

struct NumberedHeading {
  HeadingKind kind = HeadingKind::kNumber;
  int32_t number = 0;  // 1-based
  bool operator==(const NumberedHeading&) const = default;
};

// The heading `line` is, when it is one; nullopt otherwise. Conservative:
// the line must be short (at most 80 code points), hold a kind word of
// `lang` ("Глава", "ЧАСТЬ", "Chapter", "PART"…, any case) with a number
// (arabic, roman, or a word up to twenty: "вторая", "Two", "Second"),
// number first or word first, optionally followed by a title after ".",
// ":" or a dash ("Глава 5. Возвращение"), or be a number alone: a roman
// numeral up to 399, or at most 3 digits with a final period ("12." —
// "12" alone is as likely a page number).
// Running text ("Глава 5 рассказывает о…") is not a heading: after the
// number only a separator may follow, and a title must not end in "." "!"
// "?" "," ";" or ":".
std::optional<NumberedHeading> ParseNumberedHeading(std::string_view line, Language lang);

}  // namespace sverka::text
