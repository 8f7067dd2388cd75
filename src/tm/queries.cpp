#include "tm/queries.h"

#include <cstdio>

#include "common/json.h"
#include "tm/store_impl.h"

namespace sverka::tm {
namespace {

std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t k = 0; k < items.size(); ++k) out += (k ? "," : "") + JsonQuote(items[k]);
  return out + "]";
}

// "[1000,4200]" (json_array of a bead side's times) into its two numbers;
// "[null,null]" (no sentence with a time) into -1, -1.
void ReadSpan(const std::string& json, int64_t& start, int64_t& end) {
  start = end = -1;
  long long a = 0, b = 0;
  if (std::sscanf(json.c_str(), "[%lld,%lld]", &a, &b) == 2) start = a, end = b;
}

}  // namespace

Status ForEachPair(TmStore& store, const PairFilter& filter,
                   const std::function<Status(const PairRow&)>& fn) {
  TmStore::Impl& impl = store.impl();
  // group_concat over an ordered subquery keeps sentence order (SQLite
  // aggregates rows in the order the subquery yields them).
  static constexpr const char* kSql = R"sql(
SELECT d.name, b.position, b.score, b.status, b.created, b.changed,
  (SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'ru'
       AND s.position >= b.ru_begin AND s.position < b.ru_end ORDER BY s.position)),
  (SELECT group_concat(text, ' ') FROM (SELECT text FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'en'
       AND s.position >= b.en_begin AND s.position < b.en_end ORDER BY s.position)),
  (SELECT json_array(min(start_ms), max(end_ms)) FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'ru'
       AND s.position >= b.ru_begin AND s.position < b.ru_end AND s.start_ms IS NOT NULL),
  (SELECT json_array(min(start_ms), max(end_ms)) FROM sentences s
     WHERE s.document_id = b.document_id AND s.side = 'en'
       AND s.position >= b.en_begin AND s.position < b.en_end AND s.start_ms IS NOT NULL)
FROM beads b JOIN documents d ON d.id = b.document_id
WHERE b.ru_end > b.ru_begin AND b.en_end > b.en_begin
  AND (?1 IS NULL OR d.name IN (SELECT value FROM json_each(?1)))
  AND (?2 IS NULL OR b.status IN (SELECT value FROM json_each(?2)))
  AND (?3 IS NULL OR b.score >= ?3)
ORDER BY d.name, b.position)sql";
  Statement q(impl.db, kSql);
  if (q.prepare_rc() != SQLITE_OK) return impl.Fail(q.prepare_rc(), "cannot read");
  if (!filter.documents.empty()) q.Bind(1, JsonArray(filter.documents));
  if (!filter.statuses.empty()) q.Bind(2, JsonArray(filter.statuses));
  if (filter.min_score) q.Bind(3, *filter.min_score);
  int rc;
  PairRow row;
  while ((rc = q.Step()) == SQLITE_ROW) {
    row.document = q.Text(0);
    row.position = sqlite3_column_int(q.get(), 1);
    row.score = sqlite3_column_double(q.get(), 2);
    row.status = q.Text(3);
    row.created = q.Text(4);
    row.changed = q.Text(5);
    row.ru = q.Text(6);
    row.en = q.Text(7);
    ReadSpan(q.Text(8), row.ru_start_ms, row.ru_end_ms);
    ReadSpan(q.Text(9), row.en_start_ms, row.en_end_ms);
    SVERKA_RETURN_IF_ERROR(fn(row));
  }
  if (rc != SQLITE_DONE) return impl.Fail(rc, "cannot read");
  return Status::Ok();
}

Result<std::vector<StoredDocumentState>> DocumentStates(TmStore& store) {
  TmStore::Impl& impl = store.impl();
  Statement q(impl.db,
              "SELECT d.name, d.ru_hash, d.en_hash, (SELECT count(*) FROM beads b "
              "WHERE b.document_id = d.id AND b.status <> 'auto') FROM documents d ORDER BY d.name");
  if (q.prepare_rc() != SQLITE_OK) return impl.Fail(q.prepare_rc(), "cannot read");
  std::vector<StoredDocumentState> states;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    states.push_back({q.Text(0), q.Text(1), q.Text(2), sqlite3_column_int64(q.get(), 3)});
  }
  if (rc != SQLITE_DONE) return impl.Fail(rc, "cannot read");
  return states;
}

Result<std::vector<DocumentStats>> Stats(TmStore& store) {
  TmStore::Impl& impl = store.impl();
  Statement q(impl.db,
              "SELECT d.name, b.ru_end - b.ru_begin, b.en_end - b.en_begin, b.status, b.score "
              "FROM documents d LEFT JOIN beads b ON b.document_id = d.id ORDER BY d.name");
  if (q.prepare_rc() != SQLITE_OK) return impl.Fail(q.prepare_rc(), "cannot read");
  std::vector<DocumentStats> out;
  std::vector<double> sums;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    const std::string name = q.Text(0);
    if (out.empty() || out.back().name != name) {
      out.push_back({});
      out.back().name = name;
      sums.push_back(0);
    }
    if (sqlite3_column_type(q.get(), 3) == SQLITE_NULL) continue;  // a document without beads
    DocumentStats& d = out.back();
    ++d.beads;
    ++d.by_type[std::to_string(sqlite3_column_int(q.get(), 1)) + "-" +
                std::to_string(sqlite3_column_int(q.get(), 2))];
    ++d.by_status[q.Text(3)];
    const double score = sqlite3_column_double(q.get(), 4);
    sums.back() += score;
    if (score < kSuspiciousScore) ++d.suspicious;
  }
  if (rc != SQLITE_DONE) return impl.Fail(rc, "cannot read");
  for (size_t k = 0; k < out.size(); ++k) {
    if (out[k].beads > 0) out[k].mean_score = sums[k] / static_cast<double>(out[k].beads);
  }
  return out;
}

}  // namespace sverka::tm
