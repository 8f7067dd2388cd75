// The current time in UTC, formatted: the one place sverka reads the clock.
#pragma once

#include <string>

namespace sverka {

// The current UTC time through strftime's `format`, e.g. "%Y-%m-%dT%H:%M:%SZ".
std::string UtcNow(const char* format);

}  // namespace sverka
