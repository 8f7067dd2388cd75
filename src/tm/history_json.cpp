#include "tm/history_json.h"

#include <cstdio>

#include "common/json.h"

namespace sverka::tm {
namespace {

std::string Number(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

// The member `key` of `v` as a number, or 0.
double NumberAt(const JsonValue& v, std::string_view key) {
  const JsonValue* m = v.Find(key);
  return m && m->kind == JsonValue::Kind::kNumber ? m->number : 0;
}

std::string StringAt(const JsonValue& v, std::string_view key) {
  const JsonValue* m = v.Find(key);
  return m && m->kind == JsonValue::Kind::kString ? m->string : std::string();
}

// Member `key` of `v`, an array [begin, end], into `begin` and `end`.
void RangeAt(const JsonValue& v, std::string_view key, int32_t& begin, int32_t& end) {
  const JsonValue* m = v.Find(key);
  if (!m || m->kind != JsonValue::Kind::kArray || m->array.size() != 2) return;
  begin = static_cast<int32_t>(m->array[0].number);
  end = static_cast<int32_t>(m->array[1].number);
}

}  // namespace

bool IsJsonEntry(std::string_view text) { return !text.empty() && text.front() == '{'; }

std::string StoredDocumentJson(int64_t beads, std::string_view ru_file, std::string_view en_file) {
  return "{\"beads\":" + std::to_string(beads) + ",\"ru_file\":" + JsonQuote(ru_file) +
         ",\"en_file\":" + JsonQuote(en_file) + "}";
}

std::string ImportedDocumentJson(int64_t beads, std::string_view file) {
  return "{\"beads\":" + std::to_string(beads) + ",\"file\":" + JsonQuote(file) + "}";
}

std::string ReplacedDocumentJson(int64_t beads) {
  return "{\"beads\":" + std::to_string(beads) + "}";
}

std::string SnapshotJson(const Snapshot& s) {
  std::string out = "{\"beads\":[";
  for (size_t k = 0; k < s.beads.size(); ++k) {
    const BeadView& b = s.beads[k];
    out += (k ? "," : "") + std::string("{\"position\":") + std::to_string(b.position) +
           ",\"ru\":[" + std::to_string(b.ru_begin) + "," + std::to_string(b.ru_end) +
           "],\"en\":[" + std::to_string(b.en_begin) + "," + std::to_string(b.en_end) +
           "],\"score\":" + Number(b.score) + ",\"status\":" + JsonQuote(b.status) +
           ",\"created\":" + JsonQuote(b.created) + "}";
  }
  out += "]";
  if (!s.sentences.empty()) {
    out += ",\"sentences\":[";
    for (size_t k = 0; k < s.sentences.size(); ++k) {
      const SentenceText& t = s.sentences[k];
      out += (k ? "," : "") + std::string("{\"side\":") + JsonQuote(t.side) +
             ",\"position\":" + std::to_string(t.position) + ",\"text\":" + JsonQuote(t.text) + "}";
    }
    out += "]";
  }
  return out + "}";
}

Result<Snapshot> ParseSnapshot(std::string_view json) {
  SVERKA_ASSIGN_OR_RETURN(const JsonValue v, ParseJson(json));
  Snapshot s;
  if (const JsonValue* beads = v.Find("beads"); beads && beads->kind == JsonValue::Kind::kArray) {
    for (const JsonValue& b : beads->array) {
      BeadView view;
      view.position = static_cast<int32_t>(NumberAt(b, "position"));
      RangeAt(b, "ru", view.ru_begin, view.ru_end);
      RangeAt(b, "en", view.en_begin, view.en_end);
      view.score = NumberAt(b, "score");
      view.status = StringAt(b, "status");
      view.created = StringAt(b, "created");
      s.beads.push_back(std::move(view));
    }
  }
  if (const JsonValue* texts = v.Find("sentences"); texts && texts->kind == JsonValue::Kind::kArray) {
    for (const JsonValue& t : texts->array) {
      s.sentences.push_back(
          {StringAt(t, "side"), static_cast<int32_t>(NumberAt(t, "position")), StringAt(t, "text")});
    }
  }
  if (s.beads.empty()) return Status::InvalidData("history entry without beads");
  return s;
}

}  // namespace sverka::tm
