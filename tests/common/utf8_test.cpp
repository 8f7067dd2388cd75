#include "common/utf8.h"

#include <catch2/catch.hpp>

using sverka::FindInvalidUtf8;

TEST_CASE("FindInvalidUtf8 accepts well-formed text in every script we see", "[common][utf8]") {
  CHECK_FALSE(FindInvalidUtf8("plain ASCII"));
  CHECK_FALSE(FindInvalidUtf8("Сверка перевода — «ёлка»"));
  CHECK_FALSE(FindInvalidUtf8("日本語 and 😀 emoji"));
  CHECK_FALSE(FindInvalidUtf8(""));
}

TEST_CASE("FindInvalidUtf8 points at the first ill-formed byte", "[common][utf8]") {
  struct Case {
    std::string text;
    size_t offset;
  };
  const Case cases[] = {
      {"ab\xC3", 2},                 // truncated two-byte sequence
      {"\xCF\xF0\xE8", 0},           // Windows-1251 "При"
      {"ok \xC0\xAF", 3},            // overlong '/'
      {"\xE0\x80\xAF", 0},           // overlong three-byte form
      {"x\xED\xA0\x80y", 1},         // UTF-16 surrogate D800 encoded in UTF-8
      {"\xF4\x90\x80\x80", 0},       // above U+10FFFF
      {"\x80 stray continuation", 0},
      {"Привет\xFF", 12},
  };
  for (const Case& c : cases) {
    INFO("case at offset " << c.offset);
    const auto found = FindInvalidUtf8(c.text);
    REQUIRE(found.has_value());
    CHECK(*found == c.offset);
  }
}

TEST_CASE("PositionOf counts lines and byte columns from 1", "[common][utf8]") {
  const std::string text = "first\nsecond line\nthird";
  CHECK(sverka::PositionOf(text, 0).line == 1);
  CHECK(sverka::PositionOf(text, 0).column == 1);
  CHECK(sverka::PositionOf(text, 8).line == 2);
  CHECK(sverka::PositionOf(text, 8).column == 3);
  CHECK(sverka::PositionOf(text, 18).line == 3);
}

TEST_CASE("CountCodePoints counts characters, not bytes", "[common][utf8]") {
  CHECK(sverka::CountCodePoints("abc") == 3);
  CHECK(sverka::CountCodePoints("абв") == 3);
  CHECK(sverka::CountCodePoints("€😀") == 2);
}

TEST_CASE("CollapseWhitespace joins hard-wrapped lines with single spaces", "[common][utf8]") {
  CHECK(sverka::CollapseWhitespace("  one\r\ntwo \t three\n") == "one two three");
  CHECK(sverka::CollapseWhitespace(" \n ").empty());
}

TEST_CASE("Shorten cuts at a character boundary and marks the cut", "[common][utf8]") {
  CHECK(sverka::Shorten("Привет, мир", 6) == "Привет…");
  CHECK(sverka::Shorten("short", 10) == "short");
}

TEST_CASE("JoinWrappedLines joins lines but keeps the spacing inside a line", "[common][utf8]") {
  CHECK(sverka::JoinWrappedLines("  one\r\ntwo \n  three\n") == "one two three");
  CHECK(sverka::JoinWrappedLines("выполнил  штрафной\tудар") == "выполнил  штрафной\tудар");
  CHECK(sverka::JoinWrappedLines("a\r\rb") == "a b");
  CHECK(sverka::JoinWrappedLines(" \n ").empty());
}

TEST_CASE("HexByte quotes a byte as error messages do", "[common][utf8]") {
  CHECK(sverka::HexByte(0xC3) == "0xC3");
  CHECK(sverka::HexByte(0x05) == "0x05");
}
