// Reading XLIFF 1.0–1.2 and 2.0–2.1 (doc/tmx.md, "XLIFF as sverka reads it")
// with libxml2's streaming xmlTextReader: memory stays flat whatever the
// file's size. The version is taken from the content: the root <xliff>, its
// version attribute and namespace (urn:oasis:names:tc:xliff:document:1.2 or
// :2.0; translate-toolkit writes 1.1, which reads as 1.2).
//
// 1.x: each <trans-unit> with a non-empty <target> is a pair (its
// <seg-source> <mrk mtype="seg"> segments, when the target has them too, a
// pair each); 2.x: each <segment> of a <unit>. Languages come from each
// <file>'s source-language/target-language (2.x: <xliff srcLang trgLang>).
//
// Hostile input is refused as the TMX reader refuses it (tmx_reader.h): no
// DTD or external entity loaded, no entity declared, segments at most
// kMaxSegmentBytes. Every message names the file and the line (and the
// unit's id where there is one).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sverka::formats {

struct XliffReadOptions {
  std::string ru_lang = "ru";  // which language is the Russian side (LanguageMatches)
  std::string en_lang = "en";
  // Which side <source> holds, "ru" or "en", overriding the file's languages;
  // empty: as the file says. For files without a target language (po2xliff
  // writes source-language="en-US" and none).
  std::string source_side;
  // Inline codes: false drops 1.2's native codes (<bpt>, <ept>, <ph>, <it>
  // with their content) and keeps the text of <g>, <mrk>, <pc>; placeholders
  // without text (<x/>, <bx/>, <ex/>, 2.x <ph/>, <sc/>, <ec/>, <sm/>, <em/>)
  // vanish; true keeps 1.2's native codes as text, as TMX's --inline keep.
  bool keep_inline = false;
};

// One pair: a 1.x <trans-unit> (or one of its <mrk mtype="seg"> segments) or
// a 2.x <segment>, with a non-empty source and target.
struct XliffEntry {
  size_t line = 0;      // line of the <trans-unit> or <segment> start tag
  std::string unit_id;  // its unit's id ("" when none)
  std::string ru, en;   // texts, white space exactly as in the file
  // The file marks the translation unfinished: 1.x target state "new" or
  // "needs-…", 2.x segment state="initial".
  bool unfinished = false;
};

struct XliffReadSummary {
  std::string version;    // as the file gives it ("1.2", "2.0"; "1.x" inferred from its namespace)
  size_t units = 0;       // <trans-unit> / <unit> elements read
  size_t pairs = 0;       // entries handed on
  size_t unfinished = 0;  // of them, marked unfinished (XliffEntry::unfinished)
  size_t no_target = 0;   // units (or segments) without a non-empty target, skipped
  size_t not_translatable = 0;  // translate="no" units, skipped
  // Units (or segments) whose target is their Russian source copied, skipped:
  // OmegaT's XLIFF filter translates <target>, so a file for it carries the
  // source there, and a unit left untranslated keeps it.
  size_t copied_source = 0;
  // Units of a <file> whose languages are not Russian and English, skipped;
  // the first such <file>'s line and its languages ("de → fr", each cut at
  // 40 characters).
  size_t other_languages = 0;
  size_t other_languages_line = 0;
  std::string other_languages_pair;
};

// Calls `fn` for every pair, in file order; stops at the first error (`fn`'s
// or the file's) and returns it. Fails with kBadInput when the file cannot be
// opened, is not well-formed XML, not XLIFF or of an unknown version, declares
// entities, references an undeclared one, has a segment over kMaxSegmentBytes,
// a <file> (or 2.x <xliff>) without its languages (unless
// options.source_side), or an invalid 2.x <cp/>.
Result<XliffReadSummary> ReadXliff(const std::string& path, const XliffReadOptions& options,
                                   const std::function<Status(const XliffEntry&)>& fn);

// Which reader a file of translation units needs, by its root element
// (<tmx>, <xliff>), else by its extension (.xlf, .xliff, .sdlxliff: XLIFF).
enum class UnitFileFormat { kTmx, kXliff };
UnitFileFormat DetectUnitFileFormat(const std::string& path);

}  // namespace sverka::formats
