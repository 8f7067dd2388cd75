// The texts of history entries (doc/schema.md, "History"), written and read
// in one place. Two formats, told apart by the first byte: a status change
// of one bead keeps the plain statuses ("auto", "approved"); every other
// entry keeps a JSON object. Existing memories hold both; the bytes written
// are those sverka has always written.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"
#include "tm/bead_edits.h"

namespace sverka::tm {

// True when `text` is a JSON object (a snapshot or a summary), false for a
// plain status.
bool IsJsonEntry(std::string_view text);

// {"beads":N,"ru_file":…,"en_file":…}: a document stored from two files.
std::string StoredDocumentJson(int64_t beads, std::string_view ru_file, std::string_view en_file);
// {"beads":N,"file":…}: a document imported from one file.
std::string ImportedDocumentJson(int64_t beads, std::string_view file);
// {"beads":N}: the document a store replaced.
std::string ReplacedDocumentJson(int64_t beads);

// {"beads":[{"position":…,"ru":[b,e],"en":[b,e],"score":…,"status":…,
// "created":…},…],"sentences":[{"side":…,"position":…,"text":…},…]}; no
// "sentences" when there are none. Scores keep all 17 digits.
std::string SnapshotJson(const Snapshot& s);

// Reads what SnapshotJson wrote (texts of the beads not kept). Fails with
// invalid data on anything else, or a snapshot without beads.
Result<Snapshot> ParseSnapshot(std::string_view json);

}  // namespace sverka::tm
