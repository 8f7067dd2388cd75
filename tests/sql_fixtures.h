// Reading a translation memory with plain SQLite in tests, as another
// program would (the store's own API is what is under test).
#pragma once

#include <cstdint>
#include <string>

namespace sverka::testing {

// The first column of the first row of `sql` on the database at `db_path`,
// opened read-only; fails the test when there is no row.
int64_t SqlCount(const std::string& db_path, const std::string& sql);

// Every row `sql` gives on the database at `db_path` (opened read-only), as
// text: columns separated by U+001F, NULL as "NULL", one line a row.
std::string SqlRows(const std::string& db_path, const std::string& sql);

// FTS5's own check of the external-content index bead_text against the view
// it indexes (rank 1: the content too).
bool IndexConsistent(const std::string& db_path);

}  // namespace sverka::testing
