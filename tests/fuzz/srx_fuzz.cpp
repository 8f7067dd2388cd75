// SRX rule files (text/srx_file.h) and, for the rules that parse, their use
// (segment/srx_splitter.h, through SentenceSplitter) on a few fixed
// paragraphs. The input is the SRX file.
//
// Checks: a parsed rule set names the file; cuts are ascending, inside the
// paragraph and on code point starts; sentences are ordered spans.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "common/utf8.h"
#include "fuzz_util.h"
#include "segment/sentence_splitter.h"
#include "segment/srx_splitter.h"
#include "text/srx_file.h"

namespace {

using namespace sverka;

// Abbreviations, numbers, quotes, a combining accent, a character outside
// the BMP (two UTF-16 units: the splitter maps UTF-16 indexes back to UTF-8)
// and a line break inside the paragraph.
constexpr std::string_view kParagraphs[] = {
    "Он приехал в 3 ч. дня, т. е. рано. «Кто там?» — спросила она.\nВсё хорошо́! 😀 Конец.",
    "Mr. Smith arrived at 3 p.m. on Jan. 5, 2024. \"Who's there?\" she asked.  😀😀 U.S.A. ok",
    "a.b.c...?!  ",
};

bool IsCodePointStart(std::string_view s, size_t offset) {
  return offset >= s.size() || (static_cast<unsigned char>(s[offset]) & 0xC0) != 0x80;
}

void CheckRules(const std::string_view xml, Language lang) {
  Result<text::SrxRules> rules = text::ParseSrx("fuzz.srx", xml, LanguageCode(lang));
  if (!rules.ok()) return;
  FUZZ_CHECK(rules->file == "fuzz.srx");
  Result<std::unique_ptr<segment::SrxSplitter>> srx = segment::SrxSplitter::Create(*rules);
  if (!srx.ok()) return;
  for (const std::string_view paragraph : kParagraphs) {
    size_t last = 0;
    for (const size_t cut : (*srx)->Cuts(paragraph)) {
      FUZZ_CHECK(cut > last && cut < paragraph.size());
      FUZZ_CHECK(IsCodePointStart(paragraph, cut));
      last = cut;
    }
  }
  segment::SplitterOptions options;
  options.srx = std::make_shared<const text::SrxRules>(std::move(rules).value());
  Result<std::unique_ptr<segment::SentenceSplitter>> splitter =
      segment::SentenceSplitter::Create(lang, options);
  FUZZ_CHECK(splitter.ok());
  for (const std::string_view paragraph : kParagraphs) {
    size_t last_end = 0;
    for (const text::Span s : (*splitter)->Split(paragraph)) {
      FUZZ_CHECK(s.begin >= last_end && s.begin < s.end && s.end <= paragraph.size());
      FUZZ_CHECK(FindInvalidUtf8(paragraph.substr(s.begin, s.size())) == std::nullopt);
      last_end = s.end;
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > text::kMaxSrxBytes) return 0;
  const std::string_view xml = fuzz::AsText(data, size);
  CheckRules(xml, Language::kRussian);
  CheckRules(xml, Language::kEnglish);
  return 0;
}
