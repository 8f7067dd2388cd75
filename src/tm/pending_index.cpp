// Indexing the pending beads (IndexPendingBeads, store_impl.h): the texts
// and stems are read on a second thread, through a connection of its own,
// while this one writes both full-text indexes.
#include <sqlite3.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "stem/search_words.h"
#include "tm/stem_function.h"
#include "tm/store_impl.h"

namespace sverka::tm {
namespace {

// What both indexes take of one bead: its texts (bead_text, external
// content) and its stems and marks (bead_stems).
struct PendingRow {
  int64_t id = 0;
  std::string ru, en, ru_stems, en_stems, marks;
};

// The pending beads' texts in id order. Stemmed in C++, not by
// sverka_stems in this statement: each mention of a column of the view
// computes its group_concat again.
constexpr const char* kPendingRows =
    "SELECT id, ru, en FROM bead_pairs WHERE id IN (SELECT bead_id FROM bead_text_pending) "
    "ORDER BY id";

// Chunks from the reading thread to the writing one. At most kMaxChunks
// wait: memory stays bounded (about 20 MB) however many beads are pending,
// and the reader still reads ahead through a whole flush of the writer's.
class ChunkQueue {
 public:
  static constexpr size_t kChunkRows = 512;
  static constexpr size_t kMaxChunks = 64;

  // False when the consumer has stopped (it failed): the producer ends.
  bool Push(std::vector<PendingRow> chunk) {
    std::unique_lock lock(mu_);
    space_.wait(lock, [&] { return chunks_.size() < kMaxChunks || stopped_; });
    if (stopped_) return false;
    chunks_.push_back(std::move(chunk));
    ready_.notify_one();
    return true;
  }
  // The producer's end: SQLITE_OK when it read every row, else why not.
  void Finish(int rc) {
    std::lock_guard lock(mu_);
    finished_ = true;
    rc_ = rc;
    ready_.notify_one();
  }
  // False once the producer finished and every chunk was taken.
  bool Pop(std::vector<PendingRow>& chunk) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return !chunks_.empty() || finished_; });
    if (chunks_.empty()) return false;
    chunk = std::move(chunks_.front());
    chunks_.pop_front();
    space_.notify_one();
    return true;
  }
  void Stop() {
    std::lock_guard lock(mu_);
    stopped_ = true;
    space_.notify_one();
  }
  int Result() {
    std::lock_guard lock(mu_);
    return rc_;
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_, space_;
  std::deque<std::vector<PendingRow>> chunks_;
  bool finished_ = false, stopped_ = false;
  int rc_ = SQLITE_OK;
};

// A second, read-only connection to `file`, or null when none can be had.
sqlite3* OpenReader(const std::string& file) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) !=
      SQLITE_OK) {
    sqlite3_close_v2(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  Defend(db);
  return db;
}

// The reading thread, on its own connection `db` (closed here): its read
// transaction starts after the writer took the write lock, so it sees the
// pending beads the writer will clear, no more, no fewer.
void ReadPending(sqlite3* db, stem::SearchStemmer& stemmer, ChunkQueue& queue) {
  int rc = SQLITE_OK;
  {
    Statement q(db, kPendingRows);
    rc = q.prepare_rc();
    std::vector<PendingRow> chunk;
    while (rc == SQLITE_OK || rc == SQLITE_ROW) {
      rc = q.Step();
      if (rc != SQLITE_ROW) break;
      PendingRow& row = chunk.emplace_back();
      row.id = q.Int(0);
      row.ru = q.Text(1);
      row.en = q.Text(2);
      row.ru_stems = stemmer.Stems(row.ru);
      row.en_stems = stemmer.Stems(row.en);
      row.marks = BeadMarks(row.ru, row.en);
      if (chunk.size() == ChunkQueue::kChunkRows) {
        if (!queue.Push(std::move(chunk))) rc = SQLITE_DONE;  // the writer stopped
        chunk.clear();
      }
    }
    if (rc == SQLITE_DONE && !chunk.empty()) queue.Push(std::move(chunk));
  }
  sqlite3_close_v2(db);
  queue.Finish(rc == SQLITE_DONE ? SQLITE_OK : rc);
}

// The whole of it in SQL, on this connection alone: for a memory with no
// file of its own (in memory, temporary), which no second connection can read.
constexpr const char* kIndexInSql =
    "CREATE TEMP TABLE pending_text AS SELECT id, ru, en FROM bead_pairs "
    "WHERE id IN (SELECT bead_id FROM bead_text_pending) ORDER BY id;"
    "INSERT INTO bead_text (rowid, ru, en) SELECT id, ru, en FROM temp.pending_text ORDER BY id;"
    "INSERT INTO bead_stems (rowid, ru, en, marks) SELECT id, sverka_stems(ru), sverka_stems(en), "
    "sverka_marks(ru, en) FROM temp.pending_text ORDER BY id;"
    "DROP TABLE temp.pending_text;";

}  // namespace

Status IndexPendingBeads(Db& db, std::string_view doing) {
  // Each index gets an 8 MB in-memory hash (FTS5's default 1 MB): fewer,
  // larger segments to write and merge, 0.5-0.8 s of 5.9 on 142,723 beads
  // (doc/schema.md). In id order: the index appends rowids, and flushes
  // early when one goes back.
  SVERKA_RETURN_IF_ERROR(db.Exec("INSERT INTO bead_text (bead_text, rank) VALUES ('hashsize', 8388608);"
                                 "INSERT INTO bead_stems (bead_stems, rank) VALUES ('hashsize', 8388608);",
                                 doing));
  // Reading the beads' texts (two joins and group_concats each) and
  // stemming them is a third of the work: done on a second thread, on a
  // connection of its own, while this one writes (doc/schema.md,
  // "Indexing the pending beads"). A memory with no file (in memory, temporary), which no
  // second connection can read, is indexed in SQL on this one alone.
  const char* name = sqlite3_db_filename(db.db, "main");
  Result<std::unique_ptr<stem::SearchStemmer>> stemmer = stem::SearchStemmer::Create();
  sqlite3* reader_db = name && *name && stemmer.ok() ? OpenReader(name) : nullptr;
  if (!reader_db) {
    SVERKA_RETURN_IF_ERROR(db.Exec(kIndexInSql, doing));
    return db.Exec("DELETE FROM bead_text_pending", doing);
  }
  // The rows go into both indexes through a temporary table, by
  // INSERT … SELECT of many thousands at a time: FTS5 writes its in-memory
  // hash out as a new segment at every statement's savepoint, so a
  // statement per bead made a segment per bead to merge (twice the CPU).
  // The table has no constraint, so no insert into it opens a savepoint.
  SVERKA_RETURN_IF_ERROR(db.Exec(
      "CREATE TEMP TABLE pending_rows (id INTEGER, ru TEXT, en TEXT, ru_stems TEXT, "
      "en_stems TEXT, marks TEXT)",
      doing));
  constexpr const char* kFlush =
      "INSERT INTO bead_text (rowid, ru, en) SELECT id, ru, en FROM temp.pending_rows ORDER BY id;"
      "INSERT INTO bead_stems (rowid, ru, en, marks) SELECT id, ru_stems, en_stems, marks "
      "FROM temp.pending_rows ORDER BY id;"
      "DELETE FROM temp.pending_rows;";
  constexpr size_t kFlushRows = 20000;  // about 10 MB of text
  ChunkQueue queue;
  std::thread reader([&] { ReadPending(reader_db, **stemmer, queue); });
  Status written = [&]() -> Status {
    Statement add(db.db, "INSERT INTO temp.pending_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    if (add.prepare_rc() != SQLITE_OK) return db.Fail(add.prepare_rc(), doing);
    std::vector<PendingRow> chunk;
    size_t held = 0;
    while (queue.Pop(chunk)) {
      for (const PendingRow& row : chunk) {
        add.Bind(1, row.id);
        add.BindUncopied(2, row.ru);
        add.BindUncopied(3, row.en);
        add.BindUncopied(4, row.ru_stems);
        add.BindUncopied(5, row.en_stems);
        add.BindUncopied(6, row.marks);
        if (const int rc = add.StepOnce(); rc != SQLITE_DONE) return db.Fail(rc, doing);
      }
      held += chunk.size();
      if (held >= kFlushRows) {
        SVERKA_RETURN_IF_ERROR(db.Exec(kFlush, doing));
        held = 0;
      }
    }
    if (const int read_rc = queue.Result(); read_rc != SQLITE_OK) {
      return SqliteError(nullptr, db.path, read_rc, doing);
    }
    return db.Exec(kFlush, doing);
  }();
  queue.Stop();
  reader.join();
  SVERKA_RETURN_IF_ERROR(written);
  SVERKA_RETURN_IF_ERROR(db.Exec("DROP TABLE temp.pending_rows", doing));
  return db.Exec("DELETE FROM bead_text_pending", doing);
}

}  // namespace sverka::tm
