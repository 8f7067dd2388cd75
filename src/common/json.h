// Minimal JSON: writing helpers (the CLI's --format json output) and a
// strict, bounded reader for JSON lines (`align --jsonl`, `import --jsonl`).
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sverka {

// Returns `text` as a JSON string literal, quotes included. `text` must be
// valid UTF-8; control characters are escaped, everything else kept as is.
std::string JsonQuote(std::string_view text);

// A parsed JSON value. Objects keep their members by key (a key given twice
// is an error when parsing).
struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<JsonValue> array;
  std::map<std::string, JsonValue, std::less<>> object;

  // The member `key` of an object, or null when absent (or not an object).
  const JsonValue* Find(std::string_view key) const;
};

struct JsonLimits {
  size_t max_depth = 32;                   // nested arrays and objects
  size_t max_bytes = size_t{256} << 20;    // the whole text
};

// Parses exactly one JSON value (RFC 8259) filling all of `text` but white
// space around it. Strict: no comments, trailing commas, NaN, leading zeros,
// unescaped control characters, invalid UTF-8, lone surrogates or duplicate
// keys. Fails with kBadInput and "column N: what" (N: 1-based byte column),
// or "WHERE:N: what" when `where` (a place such as "file:line") is given.
// Recursion is bounded by `limits.max_depth`, so hostile nesting cannot
// exhaust the stack.
Result<JsonValue> ParseJson(std::string_view text, const JsonLimits& limits = {},
                            std::string_view where = {});

}  // namespace sverka
