// A TMX file into the translation memory (doc/decisions.md explains the
// mapping): each <tu> with both sides becomes a 1-1 bead of two new sentences.
// Units go to the document named by `name`, else by the unit's
// <prop type="x-document"> (sverka's own TMX), else the file's name without
// ".tmx". x-bead (the bead number, when above the document's last), x-score
// and x-status props and the <tu> dates are kept when valid;
// otherwise a unit is scored 1 and "approved" (a CAT tool's TM is human work).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "tm/documents.h"
#include "tm/tm_store.h"
#include "formats/tmx_reader.h"

namespace sverka::tm {

struct TmxImportOptions {
  std::string name;  // document for every unit; empty: see above
  formats::TmxReadOptions read;
  bool replace = false;  // replace stored documents of the same names
  bool discard_review = false;  // … even reviewed ones (ImportSpec::discard_review)
};

struct TmxImportSummary {
  size_t units = 0;         // imported
  size_t one_language = 0;  // skipped: no segment on one of the two sides
  // Units of which a side had several variants, the first taken
  // (TmxReadSummary::several_variants, with its first line and languages).
  size_t several_variants = 0;
  size_t several_variants_line = 0;
  std::string several_variants_languages;
  std::vector<std::string> documents;
};

// Reads `path` and stores its units in one transaction: on any error nothing
// is stored. Fails with kBadInput for the reader's errors, a stored document
// name (unless `replace`), or a file with no unit that has both sides (the
// message lists the languages it has).
Result<TmxImportSummary> ImportTmx(TmStore& store, const std::string& path,
                                   const TmxImportOptions& options);

// The document name for units without x-document: the file name without
// directories and a final ".tmx" (any case).
std::string DocumentNameFromTmxPath(const std::string& path);

// What the TMX and XLIFF imports share: the file name without directories
// and the first of `extensions` (lower case; matched in any case) it ends
// with, a name left whole when it is nothing but the extension...
std::string FileNameWithout(const std::string& path, std::initializer_list<std::string_view> extensions);
// ...and the ImportSpec of a file of units.
ImportSpec UnitFileSpec(const std::string& path, std::string_view ru_lang, std::string_view en_lang, bool replace,
                        bool discard_review);

// ContentHash-style hash of a whole file (ImportSpec::source_hash), streamed:
// a TMX or XLIFF can be larger than memory should hold; an unreadable file
// hashes as an empty one.
std::string FileContentHash(const std::string& path);

}  // namespace sverka::tm
