// Reading TMX 1.1–1.4 (doc/tmx.md, "import") with libxml2's streaming
// xmlTextReader: memory stays flat whatever the file's size. UTF-8 or UTF-16,
// with or without a byte-order mark; `xml:lang` or TMX 1.1's `lang`.
//
// Hostile input: no DTD and no external entity is ever loaded (no
// XML_PARSE_DTDLOAD / NOENT, XML_PARSE_NONET); a DOCTYPE that declares
// entities is refused before any is used, so nothing is expanded; a reference
// to an undeclared entity is an error; libxml2's own limits (10 MB text node,
// nesting depth) stay on. Every message names the file and line.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace sverka::formats {

// Largest <seg> text accepted: a translation unit holds a sentence or a
// paragraph, never megabytes; a bigger one is a broken or hostile file.
inline constexpr size_t kMaxSegmentBytes = 1 << 20;

struct TmxReadOptions {
  std::string ru_lang = "ru";  // which <tuv> is the Russian side (see LanguageMatches)
  std::string en_lang = "en";
  // Inline codes: false drops <bpt>, <ept>, <ph>, <it>, <ut> with their
  // content (the native codes, with any <sub> in them) and keeps <hi>'s text;
  // true keeps the native codes as text ("The <b>big</b> cat").
  bool keep_inline = false;
};

// One <tu> that has both sides.
struct TmxEntry {
  size_t line = 0;                         // line of the <tu> start tag
  std::string ru, en;                      // the <seg> texts, white space exactly as in the file
  std::string creation_date, change_date;  // <tu> attributes as written, may be empty
  std::vector<std::pair<std::string, std::string>> props;  // <prop type> of the <tu>
};

struct TmxReadSummary {
  size_t units = 0;                    // <tu> elements read
  size_t one_language = 0;             // of them, without a non-empty segment on both sides
  std::vector<std::string> languages;  // distinct <tuv> languages seen (first 10)
  // Units handed on whose Russian or English side had two or more non-empty
  // <tuv>s matching its language (two "ru", or "en-GB" and "en-US" for "en"):
  // the first of each side was taken. The first such unit's line and its
  // variants of that side ("en-GB, en-US"), for the warning import prints.
  size_t several_variants = 0;
  size_t several_variants_line = 0;
  std::string several_variants_languages;
};

// Calls `fn` for every unit with both sides, in file order; stops at the first
// error (`fn`'s or the file's) and returns it. Fails with kBadInput when the
// file cannot be opened, is not well-formed XML, not TMX, declares entities,
// references an undeclared one, or has a segment over kMaxSegmentBytes.
Result<TmxReadSummary> ReadTmx(const std::string& path, const TmxReadOptions& options,
                               const std::function<Status(const TmxEntry&)>& fn);

// Whether a <tuv>'s language `code` is `wanted`: case-insensitive, '_' read as
// '-'; a `wanted` without region ("ru") matches any region ("ru-RU", "RU_ru"),
// one with a region only itself.
bool LanguageMatches(std::string_view code, std::string_view wanted);

// TMX's "20261128T113000Z" as ISO 8601 "2026-11-28T11:30:00Z"; empty when
// `tmx` is not of that form.
std::string IsoFromTmxDate(std::string_view tmx);

}  // namespace sverka::formats
