#include "tm/search.h"

#include <set>
#include <utility>

#include "tm/schema.h"
#include "tm/search_query.h"
#include "tm/stem_function.h"
#include "tm/store_impl.h"

namespace sverka::tm {
namespace {

// SQL that makes the temporary FTS5 table temp.NAME (COLUMNS) anew, as a
// search does for the beads its indexes lack: the index's tokenizer, and a
// 32 MB in-memory hash (FTS5's 1 MB makes segments to merge).
std::string TemporaryIndexSql(const std::string& name, const std::string& columns) {
  return "DROP TABLE IF EXISTS temp." + name + "; CREATE VIRTUAL TABLE temp." + name +
         " USING fts5 (" + columns + ", tokenize = '" + kIndexTokenizer + "'); INSERT INTO temp." +
         name + " (" + name + ", rank) VALUES ('hashsize', 33554432);";
}

// The stems of `phrase`'s words (stem/search_words.h), in order.
Result<std::vector<std::string>> PhraseStems(TmStore::Impl& impl, std::string_view phrase) {
  if (!impl.stemmer) {
    SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<stem::SearchStemmer> made, stem::SearchStemmer::Create());
    impl.stemmer = std::move(made);
  }
  std::vector<std::string> stems;
  for (stem::SearchWord& w : impl.stemmer->Words(phrase)) stems.push_back(std::move(w.stem));
  return stems;
}

// Search's second part: the stem index's hits after the exact `hits`
// (within one read transaction; `pending`: pending beads exist).
Result<std::vector<SearchHit>> StemmedHits(TmStore::Impl& impl, const std::vector<std::string>& stems,
                                           std::string_view open, std::string_view close,
                                           size_t limit, bool pending, std::vector<SearchHit> hits) {
  if (stems.empty()) return hits;  // no letter or digit: nothing to stem
  static constexpr const char* kSql = R"sql(
SELECT b.id, d.name, b.position, b.status, b.score
FROM bead_stems JOIN beads b ON b.id = bead_stems.rowid JOIN documents d ON d.id = b.document_id
WHERE bead_stems MATCH ?1
ORDER BY d.name, b.position
LIMIT ?2)sql";
  static constexpr const char* kWithPendingSql = R"sql(
SELECT b.id, d.name, b.position, b.status, b.score
FROM (SELECT rowid AS id FROM main.bead_stems WHERE bead_stems MATCH ?1
      UNION ALL
      SELECT rowid FROM temp.bead_stems_unindexed WHERE bead_stems_unindexed MATCH ?1) h
JOIN beads b ON b.id = h.id JOIN documents d ON d.id = b.document_id
ORDER BY d.name, b.position
LIMIT ?2)sql";
  if (pending) {
    // Pending beads have no stems stored yet: made here, as their text is above.
    const std::string make =
        TemporaryIndexSql("bead_stems_unindexed", "ru, en, marks") +
        "INSERT INTO temp.bead_stems_unindexed (rowid, ru, en, marks) "
        "SELECT id, sverka_stems(ru), sverka_stems(en), sverka_marks(ru, en) "
        "FROM temp.bead_unindexed_text "
        "WHERE id IN (SELECT bead_id FROM main.bead_text_pending) ORDER BY id;";
    SVERKA_RETURN_IF_ERROR(impl.Exec(make.c_str(), "cannot search"));
  }
  // The exact hits are stem hits too: asked for as many more, and skipped.
  // (`limit` > hits.size() here.)
  std::set<std::pair<std::string, int32_t>> exact;
  for (const SearchHit& h : hits) exact.emplace(h.document, h.position);
  const size_t wanted = limit - hits.size();
  Statement q(impl.db, pending ? kWithPendingSql : kSql);
  if (q.prepare_rc() != SQLITE_OK) return impl.Fail(q.prepare_rc(), "cannot search");
  q.Bind(1, "{ru en} : " + FtsStemQuery(stems));
  q.Bind(2, static_cast<int64_t>(wanted + exact.size()));
  Statement text(impl.db, "SELECT ru, en FROM bead_pairs WHERE id = ?1");
  if (text.prepare_rc() != SQLITE_OK) return impl.Fail(text.prepare_rc(), "cannot search");
  int rc = SQLITE_DONE;
  size_t added = 0;
  while (added < wanted && (rc = q.Step()) == SQLITE_ROW) {
    SearchHit h;
    h.document = q.Text(1);
    h.position = sqlite3_column_int(q.get(), 2);
    if (exact.count({h.document, h.position}) > 0) continue;
    h.status = q.Text(3);
    h.score = sqlite3_column_double(q.get(), 4);
    h.exact = false;
    text.Bind(1, static_cast<int64_t>(sqlite3_column_int64(q.get(), 0)));
    if (const int trc = text.Step(); trc != SQLITE_ROW) return impl.Fail(trc, "cannot search");
    h.ru = MarkStemmedPhrase(text.Text(0), stems, *impl.stemmer, open, close);
    h.en = MarkStemmedPhrase(text.Text(1), stems, *impl.stemmer, open, close);
    text.Reset();
    hits.push_back(std::move(h));
    ++added;
  }
  if (added < wanted && rc != SQLITE_DONE) return impl.Fail(rc, "cannot search");
  return hits;
}

}  // namespace

Result<std::vector<SearchHit>> Search(TmStore& store, std::string_view phrase,
                                      std::string_view open, std::string_view close, size_t limit,
                                      int64_t* unindexed, SearchMatch match) {
  TmStore::Impl& impl = store.impl();
  // A word: a run of letters or digits (stem/search_words.h, as the
  // index's tokenizer splits text); punctuation alone ("«—»") has none.
  SVERKA_ASSIGN_OR_RETURN(std::vector<std::string> stems, PhraseStems(impl, phrase));
  if (stems.empty()) {
    return Status::InvalidData("search: '" + std::string(phrase) + "' holds no word to look for");
  }
  // Its words in this order, е and ё alike, soft hyphens ignored (search_query.h).
  const std::string query = FtsPhraseQuery(phrase);
  static constexpr const char* kSql = R"sql(
SELECT d.name, b.position, highlight(bead_text, 0, ?2, ?3), highlight(bead_text, 1, ?2, ?3),
  b.status, b.score
FROM bead_text JOIN beads b ON b.id = bead_text.rowid JOIN documents d ON d.id = b.document_id
WHERE bead_text MATCH ?1
ORDER BY d.name, b.position
LIMIT ?4)sql";
  // With pending beads or beads with a soft hyphen: the index (without the
  // latter) and a temporary index of those beads.
  static constexpr const char* kWithPendingSql = R"sql(
SELECT d.name, b.position, h.ru, h.en, b.status, b.score
FROM (SELECT rowid AS id, highlight(bead_text, 0, ?2, ?3) AS ru,
        highlight(bead_text, 1, ?2, ?3) AS en
      FROM main.bead_text WHERE bead_text MATCH ?1
        AND rowid NOT IN (SELECT id FROM temp.bead_soft_hyphen)
      UNION ALL
      SELECT rowid, highlight(bead_text_unindexed, 0, ?2, ?3),
        highlight(bead_text_unindexed, 1, ?2, ?3)
      FROM temp.bead_text_unindexed WHERE bead_text_unindexed MATCH ?1) h
JOIN beads b ON b.id = h.id JOIN documents d ON d.id = b.document_id
ORDER BY d.name, b.position
LIMIT ?4)sql";
  // One read transaction: the pending beads and the index as of one moment,
  // whatever a batch or `sverka index` commits meanwhile (no bead missed or
  // found twice). Ended after the statements below are done (declared first).
  SVERKA_RETURN_IF_ERROR(impl.Exec("BEGIN", "cannot search"));
  struct EndRead {
    sqlite3* db;
    ~EndRead() { sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr); }
  } end_read{impl.db};
  SVERKA_ASSIGN_OR_RETURN(int64_t pending, UnindexedBeads(store));
  if (unindexed) *unindexed = pending;
  // Beads with a soft hyphen (U+00AD): the index splits a word there, so
  // they are searched, as pending ones, in the temporary index without it.
  // Only those that can hold the phrase: the stem index (which drops soft
  // hyphens) has the phrase's stems and the soft-hyphen mark for them
  // (version 6; reading every sentence took 1-2.5 s per 1,000,000 beads).
  SVERKA_RETURN_IF_ERROR(impl.Exec(
      "DROP TABLE IF EXISTS temp.bead_soft_hyphen;"
      "CREATE TABLE temp.bead_soft_hyphen (id INTEGER PRIMARY KEY);",
      "cannot search"));
  {
    Statement fill(impl.db,
                   "INSERT OR IGNORE INTO temp.bead_soft_hyphen SELECT rowid FROM main.bead_stems "
                   "WHERE bead_stems MATCH ?1");
    if (fill.prepare_rc() != SQLITE_OK) return impl.Fail(fill.prepare_rc(), "cannot search");
    fill.Bind(1, "{ru en} : " + FtsStemQuery(stems) + " AND marks : " + kSoftHyphenMark);
    if (const int frc = fill.Step(); frc != SQLITE_DONE) return impl.Fail(frc, "cannot search");
  }
  bool soft = false;
  {
    Statement any(impl.db, "SELECT EXISTS (SELECT 1 FROM temp.bead_soft_hyphen)");
    if (any.prepare_rc() != SQLITE_OK || any.Step() != SQLITE_ROW) {
      return impl.Fail(sqlite3_errcode(impl.db), "cannot search");
    }
    soft = sqlite3_column_int(any.get(), 0) != 0;
  }
  const bool temporary = pending > 0 || soft;
  if (temporary) {
    // Made anew for each search: the pending beads may have changed since.
    // Their texts are read from the view once, into a table both temporary
    // indexes read (StemmedHits' too): each mention of a column of the view
    // computes its group_concat again (141,703 pending beads: 9.2 s a search).
    const std::string make =
        "DROP TABLE IF EXISTS temp.bead_unindexed_text;"
        "CREATE TEMP TABLE bead_unindexed_text AS SELECT id, ru, en FROM main.bead_pairs "
        "WHERE id IN (SELECT bead_id FROM main.bead_text_pending) "
        "OR id IN (SELECT id FROM temp.bead_soft_hyphen) ORDER BY id;" +
        TemporaryIndexSql("bead_text_unindexed", "ru, en") +
        "INSERT INTO temp.bead_text_unindexed (rowid, ru, en) "
        "SELECT id, replace(ru, char(173), ''), replace(en, char(173), '') "
        "FROM temp.bead_unindexed_text ORDER BY id;";
    SVERKA_RETURN_IF_ERROR(impl.Exec(make.c_str(), "cannot search"));
  }
  Statement q(impl.db, temporary ? kWithPendingSql : kSql);
  if (q.prepare_rc() != SQLITE_OK) return impl.Fail(q.prepare_rc(), "cannot search");
  q.Bind(1, query);
  q.Bind(2, open);
  q.Bind(3, close);
  q.Bind(4, static_cast<int64_t>(limit));
  std::vector<SearchHit> hits;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    SearchHit h;
    h.document = q.Text(0);
    h.position = sqlite3_column_int(q.get(), 1);
    h.ru = q.Text(2);
    h.en = q.Text(3);
    h.status = q.Text(4);
    h.score = sqlite3_column_double(q.get(), 5);
    hits.push_back(std::move(h));
  }
  if (rc != SQLITE_DONE) return impl.Fail(rc, "cannot search");
  // Over the limit already, or exact matches only: the stem index is not asked.
  if (match == SearchMatch::kExact || hits.size() >= limit) return hits;
  return StemmedHits(impl, stems, open, close, limit, pending > 0, std::move(hits));
}

Result<int64_t> UnindexedBeads(TmStore& store) {
  TmStore::Impl& impl = store.impl();
  Statement& q = impl.Cached("SELECT count(*) FROM bead_text_pending");
  ResetOnExit reset{q};
  if (q.prepare_rc() != SQLITE_OK) return impl.Fail(q.prepare_rc(), "cannot read");
  if (const int rc = q.Step(); rc != SQLITE_ROW) return impl.Fail(rc, "cannot read");
  return static_cast<int64_t>(sqlite3_column_int64(q.get(), 0));
}

Result<int64_t> UpdateIndex(TmStore& store) {
  TmStore::Impl& impl = store.impl();
  int64_t indexed = 0;
  const Status s = impl.InTransaction([&]() -> Status {
    SVERKA_ASSIGN_OR_RETURN(int64_t pending, UnindexedBeads(store));
    indexed = pending;
    if (indexed == 0) return Status::Ok();
    return IndexPendingBeads(impl, "cannot index");
  });
  if (!s.ok()) return s;
  return indexed;
}

Status UnindexBeads(Db& db, BeadsOf which, int64_t id, std::string_view doing) {
  const bool doc = which == BeadsOf::kDocument;
  Statement fts(db.db, doc ? "INSERT INTO bead_text (bead_text, rowid, ru, en) "
                             "SELECT 'delete', id, ru, en FROM bead_pairs WHERE document_id = ?1 "
                             "AND id NOT IN (SELECT bead_id FROM bead_text_pending)"
                           : "INSERT INTO bead_text (bead_text, rowid, ru, en) "
                             "SELECT 'delete', id, ru, en FROM bead_pairs WHERE id = ?1 "
                             "AND id NOT IN (SELECT bead_id FROM bead_text_pending)");
  fts.Bind(1, id);
  if (const int rc = fts.Step(); rc != SQLITE_DONE) return db.Fail(rc, doing);
  Statement stems(db.db, doc ? "DELETE FROM bead_stems WHERE rowid IN "
                               "(SELECT id FROM beads WHERE document_id = ?1)"
                             : "DELETE FROM bead_stems WHERE rowid = ?1");
  stems.Bind(1, id);
  if (const int rc = stems.Step(); rc != SQLITE_DONE) return db.Fail(rc, doing);
  return Status::Ok();
}

}  // namespace sverka::tm
