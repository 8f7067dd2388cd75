#include "tm/tm_merge.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdio>
#include <functional>

#include "tm/tm_store.h"

namespace sverka::tm {
namespace {

// An SQLite connection closed on every path out.
struct Connection {
  sqlite3* db = nullptr;
  ~Connection() { sqlite3_close_v2(db); }
};

Status Exec(sqlite3* db, const std::string& path, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return Status::Ok();
  const std::string message = path + ": cannot merge: " + (error ? error : "unknown error");
  sqlite3_free(error);
  return Status::Internal(message);
}

std::string Literal(const std::string& s) {
  char* quoted = sqlite3_mprintf("%Q", s.c_str());
  std::string out = quoted ? quoted : "''";
  sqlite3_free(quoted);
  return out;
}

bool SameFile(const std::string& x, const std::string& y) {
  struct stat sx {
  }, sy{};
  return ::stat(x.c_str(), &sx) == 0 && ::stat(y.c_str(), &sy) == 0 && sx.st_dev == sy.st_dev &&
         sx.st_ino == sy.st_ino;
}

// Copies B's documents that main lacks (the temp table new_docs) with their
// sentences, beads, index entries and history.
constexpr const char* kCopyNew = R"sql(
INSERT INTO documents (name, ru_lang, en_lang, ru_file, en_file, ru_hash, en_hash, created)
  SELECT name, ru_lang, en_lang, ru_file, en_file, ru_hash, en_hash, created
  FROM b.documents WHERE name IN (SELECT name FROM temp.new_docs) ORDER BY name;
INSERT INTO sentences (document_id, side, position, paragraph, text, start_offset, end_offset)
  SELECT md.id, s.side, s.position, s.paragraph, s.text, s.start_offset, s.end_offset
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
INSERT INTO bead_text (rowid, ru, en)
  SELECT p.id, p.ru, p.en FROM bead_pairs p JOIN main.documents md ON md.id = p.document_id
  WHERE md.name IN (SELECT name FROM temp.new_docs);
INSERT INTO history (at, user, action, document, bead, before, after, undoes)
  SELECT at, user, action, document, bead, before, after, NULL
  FROM b.history WHERE document IN (SELECT name FROM temp.new_docs) ORDER BY id;
)sql";

}  // namespace

Result<MergeCounts> MergeMemories(const std::string& a, const std::string& b,
                                  const std::string& out) {
  if (SameFile(out, a) || SameFile(out, b)) {
    return Status::BadInput(out + ": the output must be a new file, not one of the inputs");
  }
  // Both are checked (and upgraded) as any command opens a memory.
  for (const std::string& path : {a, b}) {
    Result<std::unique_ptr<TmStore>> store = TmStore::Open(path, OpenMode::kReadOnly);
    if (!store.ok()) return store.status();
  }
  const std::string tmp = out + ".tmp";
  std::remove(tmp.c_str());
  MergeCounts counts;
  Status status = [&]() -> Status {
    {
      Connection source;
      if (sqlite3_open_v2(a.c_str(), &source.db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        return Status::BadInput(a + ": cannot open");
      }
      SVERKA_RETURN_IF_ERROR(Exec(source.db, out, "VACUUM INTO " + Literal(tmp)));
    }
    Connection c;
    if (sqlite3_open_v2(tmp.c_str(), &c.db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      return Status::Internal(out + ": cannot open " + tmp);
    }
    SVERKA_RETURN_IF_ERROR(
        Exec(c.db, out, "PRAGMA foreign_keys = ON; ATTACH " + Literal(b) + " AS b"));
    SVERKA_RETURN_IF_ERROR(Exec(c.db, out,
                                "CREATE TEMP TABLE new_docs AS SELECT name FROM b.documents "
                                "WHERE name NOT IN (SELECT name FROM main.documents)"));
    // A name in both with other texts: which one is right is the user's call.
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(
        c.db,
        "SELECT bd.name, (bd.ru_hash = md.ru_hash AND bd.en_hash = md.en_hash), "
        "(SELECT count(*) FROM main.documents), (SELECT count(*) FROM temp.new_docs) "
        "FROM b.documents bd JOIN main.documents md ON md.name = bd.name ORDER BY bd.name",
        -1, &q, nullptr);
    std::string conflict;
    while (q && sqlite3_step(q) == SQLITE_ROW) {
      if (sqlite3_column_int(q, 1)) {
        ++counts.identical;
      } else if (conflict.empty()) {
        conflict = reinterpret_cast<const char*>(sqlite3_column_text(q, 0));
      }
    }
    sqlite3_finalize(q);
    if (!conflict.empty()) {
      return Status::BadInput(b + ": document '" + conflict + "' is also in " + a +
                              " with other source texts; merge refused");
    }
    SVERKA_RETURN_IF_ERROR(Exec(c.db, out, "BEGIN; " + std::string(kCopyNew) + " COMMIT;"));
    sqlite3_stmt* n = nullptr;
    sqlite3_prepare_v2(
        c.db, "SELECT (SELECT count(*) FROM main.documents), (SELECT count(*) FROM temp.new_docs)",
        -1, &n, nullptr);
    if (n && sqlite3_step(n) == SQLITE_ROW) {
      counts.from_b = static_cast<size_t>(sqlite3_column_int64(n, 1));
      counts.from_a = static_cast<size_t>(sqlite3_column_int64(n, 0)) - counts.from_b;
    }
    sqlite3_finalize(n);
    return Exec(c.db, out, "DETACH b");
  }();
  if (status.ok() && std::rename(tmp.c_str(), out.c_str()) != 0) {
    status = Status::BadInput(out + ": cannot write");
  }
  if (!status.ok()) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((tmp + suffix).c_str());
    return status;
  }
  return counts;
}

}  // namespace sverka::tm
