#include "tm/tm_merge.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <functional>
#include <vector>

#include "common/output_file.h"
#include "tm/stem_function.h"
#include "tm/sqlite_util.h"
#include "tm/store_impl.h"
#include "tm/tm_store.h"

namespace sverka::tm {
namespace {

// Runs `sql` on the merge's connection; failures as every memory's (sqlite_util.h).
Status Exec(Db& db, const std::string& sql) { return db.Exec(sql.c_str(), "cannot merge"); }

std::string Literal(const std::string& s) {
  char* quoted = sqlite3_mprintf("%Q", s.c_str());
  std::string out = quoted ? quoted : "''";
  sqlite3_free(quoted);
  return out;
}

// Copies B's documents that main lacks (the temp table new_docs) with their
// sentences, beads, index entries and history. A bead B left unindexed
// (bead_text_pending: batch, import --jsonl) stays so, for one `sverka index`
// of the result instead of indexing here what the shards never indexed.
constexpr const char* kCopyNew = R"sql(
INSERT INTO documents (name, ru_lang, en_lang, ru_file, en_file, ru_hash, en_hash, created)
  SELECT name, ru_lang, en_lang, ru_file, en_file, ru_hash, en_hash, created
  FROM b.documents WHERE name IN (SELECT name FROM temp.new_docs) ORDER BY name;
INSERT INTO sentences (document_id, side, position, paragraph, text, start_offset, end_offset,
                       start_ms, end_ms)
  SELECT md.id, s.side, s.position, s.paragraph, s.text, s.start_offset, s.end_offset,
         s.start_ms, s.end_ms
  FROM b.sentences s JOIN b.documents bd ON bd.id = s.document_id
  JOIN main.documents md ON md.name = bd.name
  WHERE bd.name IN (SELECT name FROM temp.new_docs);
INSERT INTO beads (document_id, position, ru_begin, ru_end, en_begin, en_end, score, status,
                   created, changed)
  SELECT md.id, x.position, x.ru_begin, x.ru_end, x.en_begin, x.en_end, x.score, x.status,
         x.created, x.changed
  FROM b.beads x JOIN b.documents bd ON bd.id = x.document_id
  JOIN main.documents md ON md.name = bd.name
  WHERE bd.name IN (SELECT name FROM temp.new_docs);
INSERT INTO bead_text_pending (bead_id)
  SELECT x.id FROM main.beads x JOIN main.documents md ON md.id = x.document_id
  JOIN b.documents bd ON bd.name = md.name
  JOIN b.beads y ON y.document_id = bd.id AND y.position = x.position
  WHERE md.name IN (SELECT name FROM temp.new_docs)
    AND y.id IN (SELECT bead_id FROM b.bead_text_pending);
INSERT INTO bead_text (rowid, ru, en)
  SELECT p.id, p.ru, p.en FROM bead_pairs p JOIN main.documents md ON md.id = p.document_id
  WHERE md.name IN (SELECT name FROM temp.new_docs)
    AND p.id NOT IN (SELECT bead_id FROM main.bead_text_pending);
INSERT INTO bead_stems (rowid, ru, en, marks)
  SELECT p.id, sverka_stems(p.ru), sverka_stems(p.en), sverka_marks(p.ru, p.en) FROM bead_pairs p
  JOIN main.documents md ON md.id = p.document_id
  WHERE md.name IN (SELECT name FROM temp.new_docs)
    AND p.id NOT IN (SELECT bead_id FROM main.bead_text_pending);
INSERT INTO history (at, user, action, document, bead, before, after, undoes)
  SELECT at, user, action, document, bead, before, after, NULL
  FROM b.history WHERE document IN (SELECT name FROM temp.new_docs) ORDER BY id;
)sql";

// For each document in both memories: whether the texts are the same,
// whether each side holds review work (a bead not `auto`, or a review edit
// in its history since the document was last stored) and whether both reviews came to the same beads.
constexpr const char* kBothDocs = R"sql(
CREATE TEMP TABLE both_docs AS
SELECT bd.name AS name,
  (bd.ru_hash = md.ru_hash AND bd.en_hash = md.en_hash) AS same_text,
  (EXISTS (SELECT 1 FROM main.beads x WHERE x.document_id = md.id AND x.status <> 'auto')
   OR EXISTS (SELECT 1 FROM main.history h WHERE h.document = md.name AND
              h.id > (SELECT coalesce(max(s.id), 0) FROM main.history s WHERE s.document = md.name
                      AND (s.action = 'add-document' OR s.action = 'replace-document' OR
                           s.action = 'import')))) AS a_reviewed,
  (EXISTS (SELECT 1 FROM b.beads x WHERE x.document_id = bd.id AND x.status <> 'auto')
   OR EXISTS (SELECT 1 FROM b.history h WHERE h.document = bd.name AND
              h.id > (SELECT coalesce(max(s.id), 0) FROM b.history s WHERE s.document = bd.name
                      AND (s.action = 'add-document' OR s.action = 'replace-document' OR
                           s.action = 'import')))) AS b_reviewed,
  (NOT EXISTS (SELECT position, ru_begin, ru_end, en_begin, en_end, status FROM main.beads
               WHERE document_id = md.id EXCEPT
               SELECT position, ru_begin, ru_end, en_begin, en_end, status FROM b.beads
               WHERE document_id = bd.id)
   AND NOT EXISTS (SELECT position, ru_begin, ru_end, en_begin, en_end, status FROM b.beads
               WHERE document_id = bd.id EXCEPT
               SELECT position, ru_begin, ru_end, en_begin, en_end, status FROM main.beads
               WHERE document_id = md.id)
   AND NOT EXISTS (SELECT side, position, text FROM main.sentences WHERE document_id = md.id
               EXCEPT SELECT side, position, text FROM b.sentences WHERE document_id = bd.id)
   AND NOT EXISTS (SELECT side, position, text FROM b.sentences WHERE document_id = bd.id
               EXCEPT SELECT side, position, text FROM main.sentences WHERE document_id = md.id))
    AS same_review
FROM b.documents bd JOIN main.documents md ON md.name = bd.name;
)sql";

// Adds to the memory open on `db` (the merge so far, `a` in messages) the
// documents of `b` it lacks, as MergeMemories describes for two memories.
Status MergeInto(Db& db, const std::string& a, const std::string& b, const MergeOptions& options,
                 MergeCounts& counts) {
  SVERKA_RETURN_IF_ERROR(Exec(db, "ATTACH " + Literal(b) + " AS b"));
  SVERKA_RETURN_IF_ERROR(Exec(db, "CREATE TEMP TABLE new_docs AS SELECT name FROM b.documents "
                              "WHERE name NOT IN (SELECT name FROM main.documents)"));
  // The documents in both: same texts? reviewed on either side? the same review?
  SVERKA_RETURN_IF_ERROR(Exec(db, kBothDocs));
  std::string conflict, reviewed_conflict;
  std::vector<std::string> take_b;
  {
  Statement q(db.db,
              "SELECT name, same_text, a_reviewed, b_reviewed, same_review "
              "FROM temp.both_docs ORDER BY name");
  while (q.Step() == SQLITE_ROW) {
    const std::string name = q.Text(0);
    const bool a_reviewed = q.Int(2), b_reviewed = q.Int(3);
    if (!q.Int(1)) {
      if (conflict.empty()) conflict = name;
    } else if (!b_reviewed || (a_reviewed && q.Int(4))) {
      ++counts.identical;  // A's copy holds all the review work there is
    } else if (!a_reviewed || options.prefer == MergePrefer::kB) {
      take_b.push_back(name);
    } else if (options.prefer == MergePrefer::kA) {
      ++counts.identical;
    } else if (reviewed_conflict.empty()) {
      reviewed_conflict = name;
    }
  }
  }
  if (!conflict.empty()) {
    return Status::InvalidData(b + ": document '" + conflict + "' is also in " + a +
                            " with other source texts; merge refused");
  }
  if (!reviewed_conflict.empty()) {
    return Status::InvalidData(b + ": document '" + reviewed_conflict + "' was reviewed in both " +
                            a + " and " + b +
                            ", differently; merge refused, nothing written (--prefer a or "
                            "--prefer b keeps that side's review of such documents)");
  }
  SVERKA_RETURN_IF_ERROR(Exec(
      db, "INSERT OR REPLACE INTO temp.origin SELECT name, 'new' FROM temp.new_docs"));
  // B's reviewed copy replaces A's: A's goes (with its index entries and
  // history) and B's is copied as B's new documents are.
  for (const std::string& name : take_b) {
    SVERKA_RETURN_IF_ERROR(Exec(
        db,
        "BEGIN; INSERT INTO bead_text (bead_text, rowid, ru, en) "
        "SELECT 'delete', p.id, p.ru, p.en FROM bead_pairs p JOIN main.documents d "
        "ON d.id = p.document_id WHERE d.name = " + Literal(name) +
            " AND p.id NOT IN (SELECT bead_id FROM main.bead_text_pending); "
            "DELETE FROM main.bead_stems WHERE rowid IN (SELECT x.id FROM main.beads x "
            "JOIN main.documents d ON d.id = x.document_id WHERE d.name = " + Literal(name) +
            "); "
            "DELETE FROM main.documents WHERE name = " + Literal(name) +
            "; DELETE FROM main.history WHERE document = " + Literal(name) +
            "; INSERT INTO temp.new_docs (name) VALUES (" + Literal(name) +
            "); INSERT OR REPLACE INTO temp.origin VALUES (" + Literal(name) +
            ", 'reviewed'); COMMIT;"));
  }
  SVERKA_RETURN_IF_ERROR(Exec(db, "BEGIN; " + std::string(kCopyNew) + " COMMIT;"));
  return Exec(db, "DROP TABLE temp.new_docs; DROP TABLE temp.both_docs; DETACH b");
}

}  // namespace

Result<MergeCounts> MergeMemories(const std::string& a, const std::string& b,
                                  const std::string& out, const MergeOptions& options) {
  return MergeMemories(std::vector<std::string>{a, b}, out, options);
}

Result<MergeCounts> MergeMemories(const std::vector<std::string>& inputs, const std::string& out,
                                  const MergeOptions& options) {
  if (inputs.size() < 2) return Status::Usage("merge needs two memories or more");
  const std::string& a = inputs[0];
  SVERKA_RETURN_IF_ERROR(CheckOutputPath(out, inputs));
  if (!options.replace_existing && ::access(out.c_str(), F_OK) == 0) {
    return Status::Usage(out + ": already exists; merge writes a new memory (--force replaces it)");
  }
  // Each is checked (and upgraded) as any command opens a memory.
  for (const std::string& path : inputs) {
    SVERKA_RETURN_IF_ERROR(TmStore::Open(path, OpenMode::kReadOnly, {.quick_check = true}).status());
  }
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> file, OutputFile::Create(out, inputs));
  // SQLite fills the temporary file by its name (the copy of A wants it empty).
  SVERKA_RETURN_IF_ERROR(file->CloseStream());
  const std::string tmp = file->temp_path();
  // A killed earlier merge may have left its journal beside NAME.tmp: SQLite
  // would take it for this file's and replay it into the new memory.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) std::remove((tmp + suffix).c_str());
  MergeCounts counts;
  Status status = [&]() -> Status {
    Db c;
    c.path = out;
    if (sqlite3_open_v2(tmp.c_str(), &c.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      return Status::Internal(out + ": cannot open " + tmp);
    }
    Defend(c.db);
    // The result is a file of this merge's own until it is renamed into
    // place, synced then (OutputFile::Commit), and dropped whole on any
    // failure: it is written without a journal and without a sync per
    // commit, pages in place instead of through a log (doc/cluster.md,
    // "Speed"); again after the copy, whose first page says WAL. Put back
    // in WAL, as every memory is, before the rename.
    constexpr const char* kPrivateFile = "PRAGMA main.journal_mode = OFF; PRAGMA main.synchronous = OFF";
    SVERKA_RETURN_IF_ERROR(Exec(c, kPrivateFile));
    {
      // A's pages copied as they are (SQLite's backup API, through A's WAL
      // if it has one): half the time of VACUUM INTO, which rebuilds every
      // b-tree (doc/cluster.md, "Speed"); the merge's own writes follow.
      Db source;
      source.path = out;
      if (sqlite3_open_v2(a.c_str(), &source.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        return Status::InvalidData(a + ": cannot open");
      }
      Defend(source.db);
      sqlite3_backup* copy = sqlite3_backup_init(c.db, "main", source.db, "main");
      if (copy == nullptr) return c.Fail(sqlite3_errcode(c.db), "cannot merge");
      const int step = sqlite3_backup_step(copy, -1);
      const int finish = sqlite3_backup_finish(copy);
      if (step != SQLITE_DONE) return c.Fail(step, "cannot merge");
      if (finish != SQLITE_OK) return c.Fail(finish, "cannot merge");
    }
    SVERKA_RETURN_IF_ERROR(Exec(c, kPrivateFile));
    // New documents' stem index entries are made by SQL (tm/stem_function.h).
    if (RegisterStemFunction(c.db) != SQLITE_OK) return Status::Internal(out + ": cannot merge: no stemmer");
    // Where each document of the result comes from, for the counts: A, new
    // from a later input, or a later input's reviewed copy replacing one.
    SVERKA_RETURN_IF_ERROR(Exec(c, "PRAGMA foreign_keys = ON; CREATE TEMP TABLE origin (name TEXT "
                                "PRIMARY KEY, kind TEXT); INSERT INTO temp.origin SELECT name, "
                                "'a' FROM main.documents"));
    for (size_t k = 1; k < inputs.size(); ++k) {
      // In messages the memory so far is the first input, or the inputs merged into it.
      std::string so_far = inputs[0];
      for (size_t j = 1; j < k; ++j) so_far += " + " + inputs[j];
      SVERKA_RETURN_IF_ERROR(MergeInto(c, so_far, inputs[k], options, counts));
    }
    SVERKA_RETURN_IF_ERROR(Exec(c, "PRAGMA main.journal_mode = WAL"));
    if (options.index) {
      // In WAL: the index's second connection reads while this one writes.
      SVERKA_RETURN_IF_ERROR(Exec(c, "BEGIN IMMEDIATE"));
      SVERKA_RETURN_IF_ERROR(IndexPendingBeads(c, "cannot merge"));
      SVERKA_RETURN_IF_ERROR(Exec(c, "COMMIT"));
    }
    Statement n(c.db, "SELECT kind, count(*) FROM temp.origin GROUP BY kind");
    while (n.Step() == SQLITE_ROW) {
      const std::string kind = n.Text(0);
      const auto count = static_cast<size_t>(n.Int(1));
      (kind == "a" ? counts.from_a : kind == "new" ? counts.from_b : counts.reviewed_from_b) =
          count;
    }
    return Status::Ok();
  }();
  for (const char* suffix : {"-wal", "-shm", "-journal"}) std::remove((tmp + suffix).c_str());
  if (status.ok()) status = file->Commit();
  if (!status.ok()) return status;
  return counts;
}

}  // namespace sverka::tm
