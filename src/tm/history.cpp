#include "tm/history.h"

#include "tm/store_impl.h"

namespace sverka::tm {

Result<int64_t> RecordHistory(TmStore::Impl& impl, std::string_view action,
                              std::string_view document, std::optional<int32_t> bead,
                              std::string_view before, std::string_view after,
                              std::optional<int64_t> undoes) {
  Statement& q = impl.Cached(
      "INSERT INTO history (at, user, action, document, bead, before, after, undoes) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  ResetOnExit reset{q};
  if (q.prepare_rc() != SQLITE_OK) return impl.Fail(q.prepare_rc(), "cannot write the history");
  q.Bind(1, NowUtc());
  q.Bind(2, impl.user);
  q.Bind(3, action);
  q.Bind(4, document);
  if (bead) q.Bind(5, static_cast<int64_t>(*bead));
  q.Bind(6, before);
  q.Bind(7, after);
  if (undoes) q.Bind(8, *undoes);
  if (const int rc = q.Step(); rc != SQLITE_DONE) return impl.Fail(rc, "cannot write the history");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(impl.db));
}

Result<std::vector<HistoryEntry>> History(TmStore& store, const std::optional<std::string>& document) {
  TmStore::Impl& impl = store.impl();
  Statement q(impl.db,
              "SELECT id, at, user, action, document, bead, coalesce(before, ''), "
              "coalesce(after, ''), undoes FROM history WHERE ?1 IS NULL OR document = ?1 "
              "ORDER BY id");
  if (q.prepare_rc() != SQLITE_OK) return impl.Fail(q.prepare_rc(), "cannot read");
  if (document) q.Bind(1, *document);
  std::vector<HistoryEntry> out;
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    HistoryEntry e;
    e.id = sqlite3_column_int64(q.get(), 0);
    e.at = q.Text(1);
    e.user = q.Text(2);
    e.action = q.Text(3);
    e.document = q.Text(4);
    if (sqlite3_column_type(q.get(), 5) != SQLITE_NULL) e.bead = sqlite3_column_int(q.get(), 5);
    e.before = q.Text(6);
    e.after = q.Text(7);
    if (sqlite3_column_type(q.get(), 8) != SQLITE_NULL) e.undoes = sqlite3_column_int64(q.get(), 8);
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return impl.Fail(rc, "cannot read");
  return out;
}

}  // namespace sverka::tm
