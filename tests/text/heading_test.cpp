#include "text/heading.h"

#include <catch2/catch.hpp>
#include <string>

using namespace sverka;
using namespace sverka::text;

namespace {

struct Case {
  const char* line;
  Language lang;
  bool heading;
  HeadingKind kind;
  int32_t number;
};

}  // namespace

TEST_CASE("numbered headings are found in both languages, whatever their case and numerals", "[text][heading]") {
  const Case cases[] = {
      {"Глава 5", Language::kRussian, true, HeadingKind::kChapter, 5},
      {"ГЛАВА V", Language::kRussian, true, HeadingKind::kChapter, 5},
      {"глава XIV.", Language::kRussian, true, HeadingKind::kChapter, 14},
      {"Часть вторая", Language::kRussian, true, HeadingKind::kPart, 2},
      {"Вторая часть", Language::kRussian, true, HeadingKind::kPart, 2},
      {"Книга третья", Language::kRussian, true, HeadingKind::kBook, 3},
      {"Глава 12. Возвращение домой", Language::kRussian, true, HeadingKind::kChapter, 12},
      {"Глава двадцатая — Конец", Language::kRussian, true, HeadingKind::kChapter, 20},
      {"Глава пятнадцатая", Language::kRussian, true, HeadingKind::kChapter, 15},
      {"Том 1", Language::kRussian, true, HeadingKind::kVolume, 1},
      {"Chapter 5", Language::kEnglish, true, HeadingKind::kChapter, 5},
      {"CHAPTER XII", Language::kEnglish, true, HeadingKind::kChapter, 12},
      {"Part Two", Language::kEnglish, true, HeadingKind::kPart, 2},
      {"Second Part", Language::kEnglish, true, HeadingKind::kPart, 2},
      {"Chapter 1: Down the Rabbit-Hole", Language::kEnglish, true, HeadingKind::kChapter, 1},
      {"Book the", Language::kEnglish, false, HeadingKind::kNumber, 0},
      {"XII", Language::kEnglish, true, HeadingKind::kNumber, 12},
      {"iv.", Language::kRussian, true, HeadingKind::kNumber, 4},
      {"12.", Language::kRussian, true, HeadingKind::kNumber, 12},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const std::optional<NumberedHeading> h = ParseNumberedHeading(c.line, c.lang);
    REQUIRE(h.has_value() == c.heading);
    if (h) CHECK(*h == NumberedHeading{c.kind, c.number});
  }
}

TEST_CASE("running text, page numbers and the other language's words are not headings", "[text][heading]") {
  const Case cases[] = {
      {"Глава 5 рассказывает о том, как всё началось.", Language::kRussian, false, {}, 0},
      {"Глава 5. Он вернулся домой.", Language::kRussian, false, {}, 0},
      {"Глава государства", Language::kRussian, false, {}, 0},
      {"12", Language::kRussian, false, {}, 0},  // a page number as likely
      {"1234.", Language::kRussian, false, {}, 0},
      {"IIII", Language::kEnglish, false, {}, 0},  // not a canonical numeral
      {"Chapter 5", Language::kRussian, false, {}, 0},
      {"Глава 5", Language::kEnglish, false, {}, 0},
      {"Part of the problem is money", Language::kEnglish, false, {}, 0},
      {"Chapter 3 describes the method", Language::kEnglish, false, {}, 0},
      {"Chapter 3:", Language::kEnglish, false, {}, 0},
      {"I went home.", Language::kEnglish, false, {}, 0},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    CHECK_FALSE(ParseNumberedHeading(c.line, c.lang).has_value());
  }
  const std::string long_title = "Глава 1. " + std::string(80, 'x');
  CHECK_FALSE(ParseNumberedHeading(long_title, Language::kRussian).has_value());
}
