// An XLIFF file into the translation memory, as ImportTmx does for TMX
// (tmx_import.h): each pair of the file (xliff_reader.h) becomes a 1-1 bead
// of two new sentences, all in one document named by `name`, else by the
// file's name without ".xlf", ".xliff" or ".sdlxliff". A pair is scored 1 and
// "approved" (a CAT tool's translation is human work), "auto" when the file
// marks it unfinished (a fuzzy PO entry, 1.2 state="needs-…", 2.x "initial").
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "tm/documents.h"
#include "tm/tm_store.h"
#include "formats/xliff_reader.h"

namespace sverka::tm {

struct XliffImportOptions {
  std::string name;  // document for every pair; empty: the file's name
  formats::XliffReadOptions read;
  bool replace = false;         // replace a stored document of the same name
  bool discard_review = false;  // … even a reviewed one (ImportSpec::discard_review)
};

struct XliffImportSummary {
  size_t units = 0;  // pairs imported
  formats::XliffReadSummary read;
  std::vector<std::string> documents;
};

// Reads `path` and stores its pairs in one transaction: on any error nothing
// is stored. Fails with kBadInput for the reader's errors, a stored document
// name (unless `replace`), or a file with no pair to import (no unit; no unit
// with a target; only languages other than Russian and English: the message
// says which).
Result<XliffImportSummary> ImportXliff(TmStore& store, const std::string& path,
                                       const XliffImportOptions& options);

// The document name: the file name without directories and a final ".xlf",
// ".xliff" or ".sdlxliff" (any case).
std::string DocumentNameFromXliffPath(const std::string& path);

}  // namespace sverka::tm
