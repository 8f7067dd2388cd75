// The JSON-lines readers: ParseJson (common/json.h) and the records of
// `align --jsonl` / `import --jsonl` (tm/aligned_jsonl.h). The input is one line.
//
// Checks: a parsed value holds only valid UTF-8 strings and finite numbers,
// and written back (strings through JsonQuote) parses to the same value; an
// aligned record's beads are what import --jsonl may store (each side begins
// where the bead before it ended, no bead is empty, together they cover
// every sentence once, scores in [0, 1]) and FormatAlignedLine writes it
// back exactly.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "common/json.h"
#include "common/utf8.h"
#include "fuzz_util.h"
#include "formats/aligned_jsonl.h"

namespace sverka::fuzz {
namespace {

// `v` as JSON text. Recursion is bounded by JsonLimits::max_depth.
std::string Write(const JsonValue& v) {
  switch (v.kind) {
    case JsonValue::Kind::kNull: return "null";
    case JsonValue::Kind::kBool: return v.boolean ? "true" : "false";
    case JsonValue::Kind::kNumber: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", v.number);
      return buf;
    }
    case JsonValue::Kind::kString: return JsonQuote(v.string);
    case JsonValue::Kind::kArray: {
      std::string out = "[";
      for (const JsonValue& e : v.array) out += (out.size() > 1 ? "," : "") + Write(e);
      return out + "]";
    }
    case JsonValue::Kind::kObject: {
      std::string out = "{";
      for (const auto& [key, e] : v.object) {
        out += (out.size() > 1 ? "," : "") + JsonQuote(key) + ":" + Write(e);
      }
      return out + "}";
    }
  }
  return "";
}

bool Same(const JsonValue& a, const JsonValue& b) {
  if (a.kind != b.kind || a.boolean != b.boolean || a.string != b.string ||
      a.array.size() != b.array.size() || a.object.size() != b.object.size()) {
    return false;
  }
  if (a.kind == JsonValue::Kind::kNumber && a.number != b.number) return false;
  for (size_t k = 0; k < a.array.size(); ++k) {
    if (!Same(a.array[k], b.array[k])) return false;
  }
  for (auto i = a.object.begin(), j = b.object.begin(); i != a.object.end(); ++i, ++j) {
    if (i->first != j->first || !Same(i->second, j->second)) return false;
  }
  return true;
}

// Strings are valid UTF-8 and numbers finite, everywhere in `v`.
bool Clean(const JsonValue& v) {
  if (FindInvalidUtf8(v.string)) return false;
  if (v.kind == JsonValue::Kind::kNumber && !std::isfinite(v.number)) return false;
  for (const JsonValue& e : v.array) {
    if (!Clean(e)) return false;
  }
  for (const auto& [key, e] : v.object) {
    if (FindInvalidUtf8(key) || !Clean(e)) return false;
  }
  return true;
}

void CheckJson(std::string_view line) {
  Result<JsonValue> v = ParseJson(line);
  if (!v.ok()) {
    FUZZ_CHECK(v.status().message().rfind("column ", 0) == 0);
    return;
  }
  FUZZ_CHECK(Clean(*v));
  Result<JsonValue> back = ParseJson(Write(*v));
  FUZZ_CHECK(back.ok());
  FUZZ_CHECK(Same(*v, *back));
}

void CheckBeads(const formats::AlignedRecord& r) {
  int32_t ru = 0, en = 0;
  for (const Bead& b : r.doc.beads) {
    FUZZ_CHECK(b.ru_begin == ru && b.en_begin == en);
    FUZZ_CHECK(b.ru_count >= 0 && b.en_count >= 0 && b.ru_count + b.en_count > 0);
    FUZZ_CHECK(b.score >= 0 && b.score <= 1);  // false for NaN too
    ru += b.ru_count;
    en += b.en_count;
  }
  FUZZ_CHECK(ru == static_cast<int32_t>(r.doc.ru.size()) && en == static_cast<int32_t>(r.doc.en.size()));
}

void CheckAligned(std::string_view line) {
  Result<formats::AlignedRecord> r = formats::ParseAlignedLine(line);
  if (!r.ok() || !r->error.empty()) return;
  CheckBeads(*r);
  Result<formats::AlignedRecord> back = formats::ParseAlignedLine(formats::FormatAlignedLine(*r));
  FUZZ_CHECK(back.ok());
  FUZZ_CHECK(back->doc.name == r->doc.name && back->doc.ru_hash == r->doc.ru_hash && back->doc.en_hash == r->doc.en_hash);
  FUZZ_CHECK(back->doc.ru.size() == r->doc.ru.size() && back->doc.en.size() == r->doc.en.size());
  for (size_t k = 0; k < r->doc.ru.size(); ++k) FUZZ_CHECK(back->doc.ru[k].text == r->doc.ru[k].text);
  FUZZ_CHECK(back->doc.beads == r->doc.beads);
  for (size_t k = 0; k < r->doc.beads.size(); ++k) {
    FUZZ_CHECK(back->doc.beads[k].score == r->doc.beads[k].score);
  }
}

}  // namespace

int TestOneInput(const uint8_t* data, size_t size) {
  const std::string_view line = AsText(data, size);
  CheckJson(line);
  Result<formats::TextPairRecord> pair = formats::ParseTextPairLine(line);
  if (pair.ok()) FUZZ_CHECK(!pair->id.empty());
  CheckAligned(line);
  return 0;
}

}  // namespace sverka::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return sverka::fuzz::TestOneInput(data, size);
}
