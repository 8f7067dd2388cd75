#include "common/json.h"

#include <catch2/catch.hpp>

TEST_CASE("JsonQuote escapes quotes, backslashes and control characters", "[common][json]") {
  CHECK(sverka::JsonQuote("plain") == "\"plain\"");
  CHECK(sverka::JsonQuote("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
  CHECK(sverka::JsonQuote("a\tb\nc\x01") == "\"a\\tb\\nc\\u0001\"");
  CHECK(sverka::JsonQuote("«ёж»") == "\"«ёж»\"");
}
