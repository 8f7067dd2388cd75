// The memory's schema (doc/schema.md) and its migrations: a new memory is
// made the way an old one is upgraded, step by step from version 1.
#pragma once

#include "common/status.h"

namespace sverka::tm {

struct Db;  // tm/sqlite_util.h

// Version stored in PRAGMA user_version; bumped by every schema change.
// Version 1: documents, sentences, beads. Version 2 (doc/schema.md) adds the
// documents' language codes, bead creation/change dates, the history table and
// the full-text index `bead_text`; Open() migrates a version 1 file in place.
// Version 3 widens the history's actions to the review edits (merge, split,
// move, edit-text, redo). Version 4 keeps every table and row and rewrites
// the CHECKs of beads and history as comparisons (a much cheaper insert).
// Version 5 adds bead_text_pending: beads stored (by batch, import --jsonl) but not yet in
// the full-text index. Version 6 adds bead_stems, the stem index that lets
// search find other inflections of a phrase (issue 16).
// Version 8 lets the history hold 'realign' and 'pair' edits.
inline constexpr int kSchemaVersion = 8;

// The tokenizer of bead_text (kMigrateV1ToV2, frozen there): the temporary
// index `search` makes of pending beads must split text the same way.
inline constexpr const char* kIndexTokenizer = "unicode61 remove_diacritics 2";

// Refuses (invalid data) a memory holding a schema object sverka does not
// create (a trigger, a view, a table: code that would run when it is read
// or written), or a view of sverka's name with other SQL.
Status CheckOwnSchema(Db& db);

// SQLite's quick_check: a damaged memory is refused (invalid data, one line).
Status QuickCheck(Db& db);

// Creates the current schema in an empty database, inside the caller's transaction.
Status CreateSchema(Db& db);

// Upgrades a memory of schema `version` (1 ≤ version < kSchemaVersion) to
// the current one, inside the caller's transaction.
Status UpgradeSchema(Db& db, int version);

}  // namespace sverka::tm
