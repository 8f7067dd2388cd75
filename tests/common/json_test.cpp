#include "common/json.h"

#include <catch2/catch.hpp>

TEST_CASE("JsonQuote escapes quotes, backslashes and control characters", "[common][json]") {
  CHECK(sverka::JsonQuote("plain") == "\"plain\"");
  CHECK(sverka::JsonQuote("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
  CHECK(sverka::JsonQuote("a\tb\nc\x01") == "\"a\\tb\\nc\\u0001\"");
  CHECK(sverka::JsonQuote("«ёж»") == "\"«ёж»\"");
}

TEST_CASE("ParseJson reads objects, arrays, strings with escapes, numbers and literals", "[common][json]") {
  sverka::Result<sverka::JsonValue> v = sverka::ParseJson(
      R"( {"id":"a\"b\\\/\n\u0436\ud83d\ude00","n":[0,-1.5e2,3.25,true,false,null],"o":{}} )");
  REQUIRE(v.ok());
  REQUIRE(v->kind == sverka::JsonValue::Kind::kObject);
  CHECK(v->Find("id")->string == "a\"b\\/\nж😀");
  const sverka::JsonValue& n = *v->Find("n");
  REQUIRE(n.array.size() == 6);
  CHECK(n.array[0].number == 0);
  CHECK(n.array[1].number == -150);
  CHECK(n.array[2].number == 3.25);
  CHECK(n.array[3].boolean);
  CHECK_FALSE(n.array[4].boolean);
  CHECK(n.array[4].kind == sverka::JsonValue::Kind::kBool);
  CHECK(n.array[5].kind == sverka::JsonValue::Kind::kNull);
  CHECK(v->Find("o")->kind == sverka::JsonValue::Kind::kObject);
  CHECK(v->Find("missing") == nullptr);
}

TEST_CASE("ParseJson quotes back what JsonQuote wrote", "[common][json]") {
  const std::string text = "tab\there \"q\" \\ \x01 «ёж»";
  sverka::Result<sverka::JsonValue> v = sverka::ParseJson(sverka::JsonQuote(text));
  REQUIRE(v.ok());
  CHECK(v->string == text);
}

TEST_CASE("ParseJson refuses what strict JSON does not allow, naming the column", "[common][json][errors]") {
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {"", "column 1: unexpected end of JSON text"},
      {"{\"a\":1,}", "column 8: expected a string key"},
      {"[1,]", "column 4: unexpected character ']'"},
      {"[1 2]", "column 4: expected ',' or ']'"},
      {"{\"a\" 1}", "column 6: expected ':'"},
      {"{\"a\":1 \"b\":2}", "column 8: expected ',' or '}'"},
      {"{\"a\":1,\"a\":2}", "column 8: duplicate key"},
      {"012", "column 1: bad number (leading zero)"},
      {"-", "column 1: bad number"},
      {"1.", "column 1: bad number"},
      {"1e", "column 1: bad number"},
      {"1e999", "column 1: number out of range"},
      {"NaN", "column 1: unexpected character 'N'"},
      {"\"abc", "column 5: unterminated string"},
      {"\"a\\", "column 3: unterminated string"},
      {"\"a\tb\"", "column 3: control character in string"},
      {"\"\\x\"", "column 2: bad escape"},
      {"\"\\u12\"", "column 4: bad \\u escape"},
      {"\"\\udc00\"", "column 2: lone surrogate in \\u escape"},
      {"\"\\ud800x\"", "column 2: lone surrogate in \\u escape"},
      {"\"\\ud800\\u0041\"", "column 2: lone surrogate in \\u escape"},
      {"\"\xC3\x28\"", "column 2: invalid UTF-8"},
      {"{} x", "column 4: unexpected text after the JSON value"},
      {"[[[[1]]]]", "column 4: nested deeper than 3 levels"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    sverka::Result<sverka::JsonValue> v = sverka::ParseJson(c.text, {.max_depth = 3});
    REQUIRE_FALSE(v.ok());
    CHECK(v.status().kind() == sverka::ErrorKind::kInvalidData);
    CHECK(v.status().message() == c.message);
  }
  CHECK(sverka::ParseJson("[[[1]]]", {.max_depth = 3}).ok());
  sverka::Result<sverka::JsonValue> big = sverka::ParseJson("\"0123456789\"", {.max_bytes = 8});
  REQUIRE_FALSE(big.ok());
  CHECK(big.status().message() == "column 1: JSON text longer than 8 bytes");
  // Deep nesting within the default limit is refused without exhausting the stack.
  CHECK_FALSE(sverka::ParseJson(std::string(100000, '[')).ok());
}
