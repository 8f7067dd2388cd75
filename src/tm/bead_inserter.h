// Prepared statements for adding sentences and beads to documents (tm's
// own; never included outside src/tm).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/bead.h"
#include "common/document.h"
#include "tm/sqlite_util.h"

namespace sverka::tm {

// Prepared statements for adding sentences and beads to documents; one
// inserter serves every document of a transaction. With `defer_index` the
// beads are left to be indexed later (bead_text_pending) instead of indexed.
class BeadInserter {
 public:
  BeadInserter(sqlite3* db, bool defer_index)
      : sentence_(db,
                  "INSERT INTO sentences (document_id, side, position, paragraph, text, "
                  "start_offset, end_offset, start_ms, end_ms) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"),
        bead_(db,
              "INSERT INTO beads (document_id, position, ru_begin, ru_end, en_begin, en_end, "
              "score, status, created, changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"),
        text_(db, defer_index ? "INSERT INTO bead_text_pending (bead_id) VALUES (?1)"
                              : "INSERT INTO bead_text (rowid, ru, en) VALUES (?1, ?2, ?3)"),
        stems_(db,
               "INSERT INTO bead_stems (rowid, ru, en, marks) VALUES (?1, sverka_stems(?2), "
               "sverka_stems(?3), sverka_marks(?2, ?3))"),
        defer_index_(defer_index),
        db_(db) {}

  int Sentence(int64_t doc, std::string_view side, int64_t position, const SentenceRecord& s) {
    sentence_.Bind(1, doc);
    sentence_.BindUncopied(2, side);
    sentence_.Bind(3, position);
    sentence_.Bind(4, static_cast<int64_t>(s.paragraph));
    sentence_.BindUncopied(5, s.text);
    sentence_.Bind(6, s.start_offset);
    sentence_.Bind(7, s.end_offset);
    sentence_.BindTime(8, s.start_ms);
    sentence_.BindTime(9, s.end_ms);
    return sentence_.StepOnce();
  }

  // Inserts the bead and indexes its text (or marks it pending). `ru` and
  // `en` must be what the view bead_pairs gives for it (its sentences joined
  // as by JoinTexts): the index is told the same text when the bead goes
  // (doc/schema.md). Binding the text is twice as fast as reading it back
  // from the view.
  int Bead(int64_t doc, int64_t position, const Bead& b, std::string_view status,
           std::string_view created, std::string_view changed, std::string_view ru,
           std::string_view en) {
    bead_.Bind(1, doc);
    bead_.Bind(2, position);
    bead_.Bind(3, static_cast<int64_t>(b.ru_begin));
    bead_.Bind(4, static_cast<int64_t>(b.ru_end()));
    bead_.Bind(5, static_cast<int64_t>(b.en_begin));
    bead_.Bind(6, static_cast<int64_t>(b.en_end()));
    bead_.Bind(7, b.score);
    bead_.BindUncopied(8, status);
    bead_.BindUncopied(9, created);
    bead_.BindUncopied(10, changed);
    if (const int rc = bead_.StepOnce(); rc != SQLITE_DONE) return rc;
    const auto id = static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
    text_.Bind(1, id);
    if (defer_index_) return text_.StepOnce();  // stems too are made when it is indexed
    text_.BindUncopied(2, ru);
    text_.BindUncopied(3, en);
    if (const int rc = text_.StepOnce(); rc != SQLITE_DONE) return rc;
    stems_.Bind(1, id);
    stems_.BindUncopied(2, ru);
    stems_.BindUncopied(3, en);
    return stems_.StepOnce();
  }

 private:
  Statement sentence_, bead_, text_, stems_;
  bool defer_index_;
  sqlite3* db_;
};

// Sentences [begin, begin + count) of `side` joined as the view bead_pairs
// joins them (group_concat with ' ': a separator between any two, empty texts too).
std::string JoinTexts(const std::vector<SentenceRecord>& side, int32_t begin, int32_t count);

}  // namespace sverka::tm
