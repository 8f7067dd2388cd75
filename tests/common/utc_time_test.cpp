#include "common/utc_time.h"

#include <catch2/catch.hpp>
#include <regex>

TEST_CASE("UtcNow formats the current UTC time", "[common][time]") {
  CHECK(std::regex_match(sverka::UtcNow("%Y-%m-%dT%H:%M:%SZ"),
                         std::regex(R"(20\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-6]\dZ)")));
  CHECK(std::regex_match(sverka::UtcNow("%Y%m%dT%H%M%SZ"), std::regex(R"(20\d{6}T\d{6}Z)")));
}
