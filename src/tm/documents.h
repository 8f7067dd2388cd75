// Storing documents in the memory: aligned documents (align, batch, import
// --jsonl) and translation units imported from TMX or XLIFF. Each store is
// one transaction and records one history entry per document.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/bead_status.h"
#include "common/document.h"
#include "common/status.h"
#include "tm/tm_store.h"

namespace sverka::tm {

// One translation unit taken from outside (a TMX file) by ImportUnits.
struct ImportedUnit {
  std::string document;             // name of the document it goes to
  std::optional<int32_t> position;  // bead number wanted; used when above the last one
  std::string ru, en;               // stored exactly as given, one sentence per side
  double score = 1;
  std::string status = std::string(kApproved);
  std::string created, changed;  // ISO 8601; empty: now
};

struct ImportSpec {
  std::string source_file;  // the TMX, as given (documents.ru_file / en_file)
  std::string source_hash;  // ContentHash-style hash of it
  std::string ru_lang = "ru", en_lang = "en";
  bool replace = false;  // replace documents of the same name already stored
  bool discard_review = false;  // … even reviewed ones (else the import is refused)
};

struct ImportCounts {
  size_t units = 0;
  std::vector<std::string> documents;  // names written, in order of first appearance
};

// The groups `batch` and `import --jsonl` commit documents in
// (AddDocuments): once a group holds this many documents or
// sentences, or its first document has waited this long. One commit (and
// one flush of the full-text index) per group instead of per document is
// what lets `batch -j 2` scale (doc/decisions.md); a kill loses at most the
// group in hand, which a rerun redoes.
inline constexpr size_t kCommitGroupDocuments = 64;
inline constexpr size_t kCommitGroupSentences = 20000;
inline constexpr std::chrono::milliseconds kCommitGroupDelay{500};

// One document for AddDocuments; `doc` must outlive the call.
struct DocumentWrite {
  const DocumentRecord* doc = nullptr;
  bool replace = false;  // an existing document of that name is deleted first
  // With `replace`: a reviewed one too (else refused, invalid data, naming the review work).
  bool discard_review = false;
};

// Stores `doc` in one transaction. When a document of that name exists,
// fails (already exists) unless `replace`, which deletes it first; a stored
// document with review work (beads approved, edited or rejected, review
// edits in its history) is replaced only with `discard_review` too.
Status AddDocument(TmStore& store, const DocumentRecord& doc, bool replace,
                   bool discard_review = false);

// Stores many documents in one transaction (batch runs: one commit, and
// one flush of the full-text index, for a group of pairs). Each document
// is checked before anything of it is written: one refused (already
// stored without `replace`) is rolled back alone and its Status is given
// at its index, the others are stored. Any other failure (a write the
// database refuses) stores none of them and is returned as the whole
// result. Killed at any moment, the memory holds all of them or none.
Result<std::vector<Status>> AddDocuments(TmStore& store, std::span<const DocumentWrite> docs);

// Stores the units `produce` passes to its `add` callback, in one
// transaction: when `produce` or a write fails nothing is stored. Each new
// document name becomes a document (kind "import"); a name already stored
// before the call fails (already exists) unless `spec.replace`. Each unit
// becomes a 1-1 bead of two new sentences. Records one history entry per document.
using UnitSink = std::function<Status(const ImportedUnit&)>;
Result<ImportCounts> ImportUnits(TmStore& store, const ImportSpec& spec,
                                 const std::function<Status(const UnitSink& add)>& produce);

}  // namespace sverka::tm
