#include "formats/aligned_jsonl.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/json.h"

namespace sverka::formats {
namespace {

constexpr double kMaxIndex = 1e15;  // integers above lose precision as doubles

const JsonValue* Member(const JsonValue& v, std::string_view key, JsonValue::Kind kind) {
  const JsonValue* m = v.Find(key);
  return m && m->kind == kind ? m : nullptr;
}

bool AsIndex(const JsonValue& v, int64_t& out) {
  if (v.kind != JsonValue::Kind::kNumber || v.number < 0 || v.number > kMaxIndex ||
      std::floor(v.number) != v.number) {
    return false;
  }
  out = static_cast<int64_t>(v.number);
  return true;
}

Status ParseSentences(const JsonValue* list, std::string_view side,
                      std::vector<SentenceRecord>& out) {
  const std::string what = "member '" + std::string(side) + "'";
  if (!list) return Status::InvalidData(what + " must be an array of sentences");
  for (const JsonValue& s : list->array) {
    const JsonValue* text = Member(s, "text", JsonValue::Kind::kString);
    int64_t paragraph = 0, start = 0, end = 0;
    if (!text || !s.Find("paragraph") || !AsIndex(*s.Find("paragraph"), paragraph) ||
        !s.Find("start") || !AsIndex(*s.Find("start"), start) || !s.Find("end") ||
        !AsIndex(*s.Find("end"), end) || end < start || paragraph > INT32_MAX) {
      return Status::InvalidData(what + ": sentence " + std::to_string(out.size()) +
                              " needs text, paragraph, start <= end");
    }
    out.push_back({static_cast<int32_t>(paragraph), text->string, start, end});
    // Subtitles: the cues' time span, both or neither.
    const JsonValue* start_ms = s.Find("start_ms");
    const JsonValue* end_ms = s.Find("end_ms");
    if (start_ms || end_ms) {
      int64_t a = 0, b = 0;
      if (!start_ms || !end_ms || !AsIndex(*start_ms, a) || !AsIndex(*end_ms, b) || b < a) {
        return Status::InvalidData(what + ": sentence " + std::to_string(out.size() - 1) +
                                " needs start_ms <= end_ms (both or neither)");
      }
      out.back().start_ms = a;
      out.back().end_ms = b;
    }
  }
  return Status::Ok();
}

// A bead side: consecutive sentence numbers within [0, count). An empty
// side begins where the previous bead's side ended (`next`), as the aligner
// numbers it.
bool ParseRun(const JsonValue* list, size_t count, int32_t next, int32_t& begin, int32_t& n) {
  if (!list) return false;
  begin = next;
  n = static_cast<int32_t>(list->array.size());
  for (size_t k = 0; k < list->array.size(); ++k) {
    int64_t i = 0;
    if (!AsIndex(list->array[k], i) || i >= static_cast<int64_t>(count)) return false;
    if (k == 0) begin = static_cast<int32_t>(i);
    if (i != begin + static_cast<int64_t>(k)) return false;
  }
  return true;
}

void AppendSentences(std::string& out, const std::vector<SentenceRecord>& side) {
  out += "[";
  for (size_t k = 0; k < side.size(); ++k) {
    out += (k ? ",{\"text\":" : "{\"text\":") + JsonQuote(side[k].text) +
           ",\"paragraph\":" + std::to_string(side[k].paragraph) +
           ",\"start\":" + std::to_string(side[k].start_offset) +
           ",\"end\":" + std::to_string(side[k].end_offset);
    if (side[k].start_ms >= 0) {
      out += ",\"start_ms\":" + std::to_string(side[k].start_ms) +
             ",\"end_ms\":" + std::to_string(side[k].end_ms);
    }
    out += "}";
  }
  out += "]";
}

void AppendRun(std::string& out, int32_t begin, int32_t count) {
  out += "[";
  for (int32_t k = 0; k < count; ++k) out += (k ? "," : "") + std::to_string(begin + k);
  out += "]";
}

}  // namespace

namespace {

// The record a parsed text pair line holds; messages without a place.
Result<TextPairRecord> TextPairFromJson(const JsonValue* v) {
  const JsonValue* id = Member(*v, "id", JsonValue::Kind::kString);
  const JsonValue* ru = Member(*v, "ru", JsonValue::Kind::kString);
  const JsonValue* en = Member(*v, "en", JsonValue::Kind::kString);
  if (!id || !ru || !en)
    return Status::InvalidData("expected an object with string members id, ru, en");
  for (const auto& [key, value] : v->object) {
    if (key != "id" && key != "ru" && key != "en") {
      return Status::InvalidData("unknown member '" + key + "' (expected id, ru, en)");
    }
  }
  if (id->string.empty()) return Status::InvalidData("empty id");
  return TextPairRecord{id->string, ru->string, en->string};
}

}  // namespace

Result<TextPairRecord> ParseTextPairLine(std::string_view line, std::string_view where) {
  SVERKA_ASSIGN_OR_RETURN(JsonValue v, ParseJson(line, {}, where));
  Result<TextPairRecord> r = TextPairFromJson(&v);
  return r.ok() || where.empty() ? r : Result<TextPairRecord>(r.status().WithContext(where));
}

std::string FormatAlignedLine(const AlignedRecord& r) {
  std::string out = "{\"id\":" + JsonQuote(r.doc.name);
  if (!r.error.empty()) return out + ",\"error\":" + JsonQuote(r.error) + "}";
  out +=
      ",\"ru_hash\":" + JsonQuote(r.doc.ru_hash) + ",\"en_hash\":" + JsonQuote(r.doc.en_hash) + ",\"ru\":";
  AppendSentences(out, r.doc.ru);
  out += ",\"en\":";
  AppendSentences(out, r.doc.en);
  out += ",\"beads\":[";
  for (size_t k = 0; k < r.doc.beads.size(); ++k) {
    const Bead& b = r.doc.beads[k];
    out += k ? ",{\"ru\":" : "{\"ru\":";
    AppendRun(out, b.ru_begin, b.ru_count);
    out += ",\"en\":";
    AppendRun(out, b.en_begin, b.en_count);
    char score[40];
    std::snprintf(score, sizeof score, "%.17g", b.score);
    out += ",\"score\":" + std::string(score) + (b.moved ? ",\"moved\":true}" : "}");
  }
  return out + "]}";
}

namespace {

// The record a parsed aligned line holds; messages without a place.
Result<AlignedRecord> AlignedFromJson(const JsonValue* v) {
  AlignedRecord r;
  const JsonValue* id = Member(*v, "id", JsonValue::Kind::kString);
  if (!id || id->string.empty())
    return Status::InvalidData("expected an object with a string member 'id'");
  r.doc.name = id->string;
  r.doc.ru_file = id->string + ".ru";  // the record stands for the two texts of this id
  r.doc.en_file = id->string + ".en";
  if (const JsonValue* error = Member(*v, "error", JsonValue::Kind::kString)) {
    r.error = error->string.empty() ? "failed (no reason given)" : error->string;
    return r;
  }
  const JsonValue* ru_hash = Member(*v, "ru_hash", JsonValue::Kind::kString);
  const JsonValue* en_hash = Member(*v, "en_hash", JsonValue::Kind::kString);
  if (!ru_hash || !en_hash)
    return Status::InvalidData("members 'ru_hash' and 'en_hash' must be strings");
  r.doc.ru_hash = ru_hash->string;
  r.doc.en_hash = en_hash->string;
  SVERKA_RETURN_IF_ERROR(ParseSentences(Member(*v, "ru", JsonValue::Kind::kArray), "ru", r.doc.ru));
  SVERKA_RETURN_IF_ERROR(ParseSentences(Member(*v, "en", JsonValue::Kind::kArray), "en", r.doc.en));
  const JsonValue* beads = Member(*v, "beads", JsonValue::Kind::kArray);
  if (!beads) return Status::InvalidData("member 'beads' must be an array");
  std::vector<bool> en_seen(r.doc.en.size(), false);
  for (const JsonValue& b : beads->array) {
    Bead bead;
    const JsonValue* score = Member(b, "score", JsonValue::Kind::kNumber);
    const int32_t next_ru = r.doc.beads.empty() ? 0 : r.doc.beads.back().ru_end();
    const int32_t next_en = r.doc.beads.empty() ? 0 : r.doc.beads.back().en_end();
    if (!ParseRun(Member(b, "ru", JsonValue::Kind::kArray), r.doc.ru.size(), next_ru, bead.ru_begin,
                  bead.ru_count) ||
        !ParseRun(Member(b, "en", JsonValue::Kind::kArray), r.doc.en.size(), next_en, bead.en_begin,
                  bead.en_count) ||
        !score || score->number < 0 || score->number > 1) {
      return Status::InvalidData("bead " + std::to_string(r.doc.beads.size()) +
                              ": needs ru and en runs of existing sentences and a score in [0, 1]");
    }
    // Stored beads must cover every sentence once, the Russian in order, the
    // English in order but for moved beads (a paragraph the translation
    // moved): the review edits (merge, split, move) rely on it. A run of
    // existing sentences that skips or repeats some is not a bead (found by
    // tests/fuzz/jsonl_fuzz).
    const std::string where = "bead " + std::to_string(r.doc.beads.size());
    if (bead.ru_count > 0 && bead.ru_begin != next_ru) {
      return Status::InvalidData(where + ": does not begin where the bead before it ends (ru " +
                              std::to_string(next_ru) + ", en " + std::to_string(next_en) + ")");
    }
    for (int32_t j = bead.en_begin; j < bead.en_end(); ++j) {
      if (en_seen[j]) {
        return Status::InvalidData(where + ": English sentence " + std::to_string(j) +
                                " is already in another bead");
      }
      en_seen[j] = true;
    }
    if (bead.ru_count == 0 && bead.en_count == 0) {
      return Status::InvalidData(where + ": has no sentence on either side");
    }
    bead.score = score->number;
    r.doc.beads.push_back(bead);
  }
  const int32_t ru_end = r.doc.beads.empty() ? 0 : r.doc.beads.back().ru_end();
  const auto en_covered = static_cast<int32_t>(std::count(en_seen.begin(), en_seen.end(), true));
  if (ru_end != static_cast<int32_t>(r.doc.ru.size()) || en_covered != static_cast<int32_t>(r.doc.en.size())) {
    return Status::InvalidData("the beads end at ru " + std::to_string(ru_end) + " and cover " +
                            std::to_string(en_covered) + " English of " + std::to_string(r.doc.ru.size()) +
                            ", " + std::to_string(r.doc.en.size()) +
                            " sentences; every sentence must be in a bead");
  }
  return r;
}

}  // namespace

Result<AlignedRecord> ParseAlignedLine(std::string_view line, std::string_view where) {
  SVERKA_ASSIGN_OR_RETURN(JsonValue v, ParseJson(line, {}, where));
  Result<AlignedRecord> r = AlignedFromJson(&v);
  return r.ok() || where.empty() ? r : Result<AlignedRecord>(r.status().WithContext(where));
}

}  // namespace sverka::formats
