// Minimal JSON writing helpers (the CLI's --format json output).
#pragma once

#include <string>
#include <string_view>

namespace sverka {

// Returns `text` as a JSON string literal, quotes included. `text` must be
// valid UTF-8; control characters are escaped, everything else kept as is.
std::string JsonQuote(std::string_view text);

}  // namespace sverka
