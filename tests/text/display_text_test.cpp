#include "text/display_text.h"

#include <catch2/catch.hpp>

using namespace sverka;

TEST_CASE("display width counts terminal columns per script", "[text][width]") {
  struct Case {
    const char* text;
    size_t width;
  };
  const Case cases[] = {
      {"", 0},
      {"abc", 3},
      {"Привет", 6},                    // Cyrillic: one column a letter, two bytes each
      {"日本語", 6},                    // CJK: wide
      {"ｆｕｌｌ", 8},                  // fullwidth Latin
      {"e\xCC\x81", 1},                 // e + combining acute
      {"й", 1},                         // и + combining breve
      {"\xF0\x9F\x98\x80", 2},          // 😀 emoji presentation
      {"\xE2\x9D\xA4\xEF\xB8\x8F", 1},  // ❤ + VS16: text-default heart, selector adds nothing
      {"a\xE2\x80\x8D"
       "b",
       2},              // zero width joiner
      {"\xC2\xAD", 0},  // soft hyphen (Cf)
      {"\t", 0},        // control
      {"«Да» — 5 %", 10},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(text::DisplayWidth(c.text) == c.width);
  }
}

TEST_CASE("wrapping keeps every line within the width and loses no word", "[text][width]") {
  const std::string sentence =
      "Культурная дипломатия — это 文化外交 and 😀 emoji, "
      "очень-очень-длинноеслововкотороенетпробелов.";
  for (size_t width : {2, 5, 10, 17, 40, 200}) {
    INFO(width);
    const auto lines = text::WrapToWidth(sentence, width);
    std::string joined;
    for (const std::string& l : lines) {
      CHECK(text::DisplayWidth(l) <= width);
      joined += l;
    }
    std::string no_spaces;
    for (char c : sentence)
      if (c != ' ') no_spaces += c;
    std::string joined_no_spaces;
    for (char c : joined)
      if (c != ' ') joined_no_spaces += c;
    CHECK(joined_no_spaces == no_spaces);
  }
  CHECK(text::WrapToWidth("one two three", 7) == std::vector<std::string>{"one two", "three"});
  CHECK(text::WrapToWidth("", 10) == std::vector<std::string>{""});
  CHECK(text::WrapToWidth("日本語", 3) == std::vector<std::string>{"日", "本", "語"});
  // A combining mark stays with its letter at a cut.
  CHECK(text::WrapToWidth("ае\xCC\x81б", 2) == std::vector<std::string>{"ае\xCC\x81", "б"});
}

TEST_CASE("padding and capitals", "[text][width]") {
  CHECK(text::PadToWidth("日本", 6) == "日本  ");
  CHECK(text::PadToWidth("long", 2) == "long");
  CHECK(text::StartsWithCapital("Москва"));
  CHECK(text::StartsWithCapital("London"));
  CHECK_FALSE(text::StartsWithCapital("москва"));
  CHECK_FALSE(text::StartsWithCapital("2026"));
  CHECK_FALSE(text::StartsWithCapital(""));
}
