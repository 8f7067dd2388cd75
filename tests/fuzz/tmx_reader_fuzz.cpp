// The TMX reader (tm/tmx_reader.h) on any bytes, written to one scratch file
// per process (ReadTmx takes a path). A file with units but none in ru/en is
// read again with the first two languages it has and inline codes kept, so
// the LISA samples (en-US, fr-CA, ...) reach the unit code too.
//
// Checks: every unit handed on has both sides, valid UTF-8, within
// kMaxSegmentBytes, and a line; the counts add up; TMX dates convert to
// ISO 8601 or to nothing.
#include <cstddef>
#include <cstdint>
#include <string>

#include "common/utf8.h"
#include "fuzz_util.h"
#include "formats/tmx_reader.h"

namespace sverka::fuzz {
namespace {

void CheckDate(const std::string& tmx) {
  const std::string iso = formats::IsoFromTmxDate(tmx);
  FUZZ_CHECK(iso.empty() || (iso.size() == 20 && iso[10] == 'T' && iso.back() == 'Z'));
}

Result<formats::TmxReadSummary> Read(const std::string& path, const formats::TmxReadOptions& options) {
  size_t entries = 0;
  Result<formats::TmxReadSummary> summary = formats::ReadTmx(path, options, [&](const formats::TmxEntry& e) {
    ++entries;
    FUZZ_CHECK(!e.ru.empty() && !e.en.empty());
    FUZZ_CHECK(e.ru.size() <= formats::kMaxSegmentBytes && e.en.size() <= formats::kMaxSegmentBytes);
    FUZZ_CHECK(FindInvalidUtf8(e.ru) == std::nullopt && FindInvalidUtf8(e.en) == std::nullopt);
    FUZZ_CHECK(e.line > 0);
    CheckDate(e.creation_date);
    CheckDate(e.change_date);
    for (const auto& [type, value] : e.props) {
      FUZZ_CHECK(FindInvalidUtf8(type) == std::nullopt && FindInvalidUtf8(value) == std::nullopt);
    }
    return Status::Ok();
  });
  if (summary.ok()) {
    FUZZ_CHECK(summary->one_language <= summary->units);
    FUZZ_CHECK(summary->units - summary->one_language == entries);
    FUZZ_CHECK(summary->languages.size() <= 10);
  } else {
    FUZZ_CHECK(summary.status().kind() == ErrorKind::kInvalidData);
    FUZZ_CHECK(summary.status().message().rfind(path, 0) == 0);
    FUZZ_CHECK(summary.status().message().find('\n') == std::string::npos);
  }
  return summary;
}

}  // namespace

int TestOneInput(const uint8_t* data, size_t size) {
  static ScratchFile file;
  const std::string& path = file.Write(AsText(data, size));
  Result<formats::TmxReadSummary> first = Read(path, {});
  if (first.ok() && first->units > first->one_language) return 0;
  if (first.ok() && first->languages.size() >= 2) {
    (void)Read(path, {.ru_lang = first->languages[0], .en_lang = first->languages[1],
                      .keep_inline = true});
  }
  return 0;
}

}  // namespace sverka::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return sverka::fuzz::TestOneInput(data, size);
}
