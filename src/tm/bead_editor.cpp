#include "tm/bead_editor.h"

#include <functional>
#include <map>

#include "common/bead_status.h"
#include "tm/history_json.h"
#include "tm/store_impl.h"

namespace sverka::tm {
namespace {

// The edit machinery, kept apart from the rest of Impl: reads and writes one
// document's beads by position inside a transaction the caller opened.
class BeadEditor {
 public:
  BeadEditor(TmStore::Impl& impl, std::string_view document) : impl_(impl), document_(document) {}

  // Runs `body` on an editor for `document` inside one transaction.
  static Result<BeadChange> Run(TmStore::Impl& impl, std::string_view document,
                                const std::function<Result<BeadChange>(BeadEditor&)>& body) {
    std::optional<BeadChange> out;
    Status s = impl.InTransaction([&]() -> Status {
      if (impl.expect_data_version) {
        // Inside BEGIN IMMEDIATE: the write lock is held and the snapshot
        // is the newest, so no other commit can come between this and ours.
        SVERKA_ASSIGN_OR_RETURN(int64_t v, impl.DataVersion());
        if (v != *impl.expect_data_version) {
          return Status::InvalidData(impl.path + ": another process changed the memory since it was read");
        }
      }
      BeadEditor editor(impl, document);
      SVERKA_RETURN_IF_ERROR(editor.Resolve());
      SVERKA_ASSIGN_OR_RETURN(BeadChange r, body(editor));
      out = std::move(r);
      return Status::Ok();
    });
    if (!s.ok()) return s;
    return std::move(*out);
  }

  const std::string& path() const { return impl_.path; }
  std::string Where() const { return impl_.path + ": "; }
  std::string DocName() const { return "'" + document_ + "'"; }
  EditPlace Place() const { return {impl_.path, document_}; }

  Status Resolve() {
    Statement q(impl_.db, "SELECT id FROM documents WHERE name = ?1");
    q.Bind(1, document_);
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return Status::NotFound(Where() + "no document " + DocName());
    if (rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read");
    doc_id_ = sqlite3_column_int64(q.get(), 0);
    return Status::Ok();
  }

  // The bead at `position`, with texts; nullopt when there is none.
  Result<std::optional<BeadView>> Load(int32_t position) {
    Statement q(impl_.db,
                "SELECT position, ru_begin, ru_end, en_begin, en_end, score, status, created, "
                "changed FROM beads WHERE document_id = ?1 AND position = ?2");
    q.Bind(1, doc_id_);
    q.Bind(2, static_cast<int64_t>(position));
    const int rc = q.Step();
    if (rc == SQLITE_DONE) return std::optional<BeadView>();
    if (rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read");
    BeadView b = Row(q);
    SVERKA_RETURN_IF_ERROR(Texts(b));
    return std::optional<BeadView>(std::move(b));
  }

  Result<BeadView> Need(int32_t position) {
    SVERKA_ASSIGN_OR_RETURN(std::optional<BeadView> b, Load(position));
    if (!b) {
      return Status::NotFound(Where() + "no bead " + std::to_string(position) + " in document " +
                              DocName());
    }
    return std::move(*b);
  }

  // The position of the bead after (`after` true) or before `position`.
  Result<std::optional<int32_t>> Neighbour(int32_t position, bool after) {
    Statement q(impl_.db,
                after ? "SELECT min(position) FROM beads WHERE document_id = ?1 AND position > ?2"
                      : "SELECT max(position) FROM beads WHERE document_id = ?1 AND position < ?2");
    q.Bind(1, doc_id_);
    q.Bind(2, static_cast<int64_t>(position));
    if (const int rc = q.Step(); rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read");
    if (sqlite3_column_type(q.get(), 0) == SQLITE_NULL) return std::optional<int32_t>();
    return std::optional<int32_t>(sqlite3_column_int(q.get(), 0));
  }

  Result<std::string> SentenceTextAt(std::string_view side, int32_t position) {
    Statement q(
        impl_.db,
        "SELECT text FROM sentences WHERE document_id = ?1 AND side = ?2 AND position = ?3");
    q.Bind(1, doc_id_);
    q.Bind(2, side);
    q.Bind(3, static_cast<int64_t>(position));
    const int rc = q.Step();
    if (rc == SQLITE_DONE) {
      return Status::InvalidData(Where() + "no " + std::string(side) + " sentence " +
                              std::to_string(position) + " in document " + DocName());
    }
    if (rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read");
    return q.Text(0);
  }

  // Replaces the beads of `from` (which must be what is stored) by those of
  // `to`, renumbering the beads after the region; sets the sentence texts of
  // `to`. Keeps the full-text index in step (doc/schema.md). `history_id`
  // names the entry being reverted, for the message when the state differs.
  Status Apply(const Snapshot& from, const Snapshot& to, std::optional<int64_t> history_id) {
    const std::string changed_after = history_id ? " changed after history entry " +
                                                       std::to_string(*history_id) +
                                                       "; undo the later change first"
                                                 : " changed meanwhile";
    std::vector<int64_t> ids;
    for (const BeadView& want : from.beads) {
      Statement q(impl_.db,
                  "SELECT position, ru_begin, ru_end, en_begin, en_end, score, status, created, "
                  "changed, id FROM beads WHERE document_id = ?1 AND position = ?2");
      q.Bind(1, doc_id_);
      q.Bind(2, static_cast<int64_t>(want.position));
      const int rc = q.Step();
      if (rc != SQLITE_ROW && rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read");
      if (rc == SQLITE_DONE || !SameBeadState(Row(q), want)) {
        return Status::InvalidData(Where() + "bead " + std::to_string(want.position) + " of " +
                                DocName() + changed_after);
      }
      ids.push_back(sqlite3_column_int64(q.get(), 9));
    }
    for (const SentenceText& t : from.sentences) {
      SVERKA_ASSIGN_OR_RETURN(std::string now, SentenceTextAt(t.side, t.position));
      if (now != t.text) {
        return Status::InvalidData(Where() + t.side + " sentence " + std::to_string(t.position) +
                                " of " + DocName() + changed_after);
      }
    }
    for (const int64_t id : ids) {
      SVERKA_RETURN_IF_ERROR(UnindexBeads(impl_, BeadsOf::kBead, id, "cannot write"));
      Statement del(impl_.db, "DELETE FROM beads WHERE id = ?1");
      del.Bind(1, id);
      if (const int rc = del.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    }
    for (const SentenceText& t : to.sentences) {
      Statement up(impl_.db,
                   "UPDATE sentences SET text = ?1 WHERE document_id = ?2 AND side = ?3 AND "
                   "position = ?4");
      up.Bind(1, t.text);
      up.Bind(2, doc_id_);
      up.Bind(3, t.side);
      up.Bind(4, static_cast<int64_t>(t.position));
      if (const int rc = up.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    }
    // Renumber the beads after the region: moved out of the way first, as
    // UNIQUE (document_id, position) is checked row by row.
    const int64_t last_from = from.beads.back().position;
    const int64_t delta = to.beads.back().position - last_from;
    if (delta != 0) {
      constexpr int64_t kAside = 1'000'000'000;
      Statement aside(
          impl_.db,
          "UPDATE beads SET position = position + ?3 WHERE document_id = ?1 AND position > ?2");
      aside.Bind(1, doc_id_);
      aside.Bind(2, last_from);
      aside.Bind(3, kAside);
      if (const int rc = aside.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
      Statement back(
          impl_.db,
          "UPDATE beads SET position = position - ?2 WHERE document_id = ?1 AND position >= ?3");
      back.Bind(1, doc_id_);
      back.Bind(2, kAside - delta);
      back.Bind(3, kAside);
      if (const int rc = back.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    }
    const std::string now = NowUtc();
    for (const BeadView& b : to.beads) {
      Statement ins(
          impl_.db,
          "INSERT INTO beads (document_id, position, ru_begin, ru_end, en_begin, en_end, "
          "score, status, created, changed) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
      ins.Bind(1, doc_id_);
      ins.Bind(2, static_cast<int64_t>(b.position));
      ins.Bind(3, static_cast<int64_t>(b.ru_begin));
      ins.Bind(4, static_cast<int64_t>(b.ru_end));
      ins.Bind(5, static_cast<int64_t>(b.en_begin));
      ins.Bind(6, static_cast<int64_t>(b.en_end));
      ins.Bind(7, b.score);
      ins.Bind(8, b.status);
      ins.Bind(9, b.created.empty() ? now : b.created);
      ins.Bind(10, now);
      if (const int rc = ins.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
      Statement fts(impl_.db,
                    "INSERT INTO bead_text (rowid, ru, en) SELECT id, ru, en FROM bead_pairs "
                    "WHERE id = ?1");
      const auto id = static_cast<int64_t>(sqlite3_last_insert_rowid(impl_.db));
      fts.Bind(1, id);
      if (const int rc = fts.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
      Statement stems(impl_.db,
                      "INSERT INTO bead_stems (rowid, ru, en, marks) SELECT id, sverka_stems(ru), "
                      "sverka_stems(en), sverka_marks(ru, en) FROM bead_pairs WHERE id = ?1");
      stems.Bind(1, id);
      if (const int rc = stems.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    }
    return Status::Ok();
  }

  // Applies `from` → `to`, records `action`, and returns the change with texts.
  Result<BeadChange> Commit(std::string_view action, const Snapshot& from, const Snapshot& to,
                            std::optional<int64_t> undoes = {}, std::string undone_action = {}) {
    BeadChange change;
    change.action = std::string(action);
    change.undone_action = std::move(undone_action);
    for (const BeadView& b : from.beads) {
      SVERKA_ASSIGN_OR_RETURN(BeadView v, Need(b.position));
      change.before.push_back(std::move(v));
    }
    SVERKA_RETURN_IF_ERROR(Apply(from, to, undoes));
    for (const BeadView& b : to.beads) {
      SVERKA_ASSIGN_OR_RETURN(BeadView v, Need(b.position));
      change.after.push_back(std::move(v));
    }
    SVERKA_ASSIGN_OR_RETURN(int64_t h, RecordHistory(impl_, action, document_, from.beads.front().position,
                                     SnapshotJson(from), SnapshotJson(to), undoes));
    change.history_id = h;
    return change;
  }

  // The snapshot an entry's before or after holds (tm/history_json.h).
  Result<Snapshot> Parse(const std::string& json) {
    Result<Snapshot> s = ParseSnapshot(json);
    if (!s.ok()) return Status::Internal(Where() + s.status().message());
    return s;
  }

  // Reverts history entry `id` (its after → its before) as `action` ("undo"
  // or "redo"). Status changes keep their plain before/after.
  Result<BeadChange> Revert(int64_t id, std::string_view action) {
    Statement q(impl_.db, "SELECT action, bead, before, after, undoes FROM history WHERE id = ?1");
    q.Bind(1, id);
    if (const int rc = q.Step(); rc != SQLITE_ROW) return impl_.Fail(rc, "cannot read the history");
    std::string kind = q.Text(0);
    const int32_t bead = sqlite3_column_int(q.get(), 1);
    const std::string before = q.Text(2), after = q.Text(3);
    // An undo or redo names what it reverts: the original action, found down the chain.
    std::optional<int64_t> next;
    if (sqlite3_column_type(q.get(), 4) != SQLITE_NULL) next = sqlite3_column_int64(q.get(), 4);
    while ((kind == "undo" || kind == "redo") && next) {
      Statement o(impl_.db, "SELECT action, undoes FROM history WHERE id = ?1");
      o.Bind(1, *next);
      if (const int rc = o.Step(); rc != SQLITE_ROW)
        return impl_.Fail(rc, "cannot read the history");
      kind = o.Text(0);
      next.reset();
      if (sqlite3_column_type(o.get(), 1) != SQLITE_NULL) next = sqlite3_column_int64(o.get(), 1);
    }
    if (IsJsonEntry(before)) {
      SVERKA_ASSIGN_OR_RETURN(const Snapshot from, Parse(after));
      SVERKA_ASSIGN_OR_RETURN(const Snapshot to, Parse(before));
      return Commit(action, from, to, id, kind);
    }
    // A status change: the bead's status goes from `after` back to `before`.
    SVERKA_ASSIGN_OR_RETURN(BeadView now, Need(bead));
    if (now.status != after) {
      return Status::InvalidData(Where() + "bead " + std::to_string(bead) + " of " + DocName() +
                              " changed after history entry " + std::to_string(id) +
                              "; undo the later change first");
    }
    Snapshot from{{now}, {}}, to{{now}, {}};
    to.beads[0].status = before;
    BeadChange change;
    change.action = std::string(action);
    change.undone_action = kind;
    change.before = from.beads;
    SVERKA_RETURN_IF_ERROR(SetStatus(bead, before));
    SVERKA_ASSIGN_OR_RETURN(BeadView then, Need(bead));
    change.after = {then};
    SVERKA_ASSIGN_OR_RETURN(int64_t h, RecordHistory(impl_, action, document_, bead, after, before, id));
    change.history_id = h;
    return change;
  }

  Status SetStatus(int32_t position, std::string_view status) {
    Statement up(
        impl_.db,
        "UPDATE beads SET status = ?1, changed = ?2 WHERE document_id = ?3 AND position = ?4");
    up.Bind(1, status);
    up.Bind(2, NowUtc());
    up.Bind(3, doc_id_);
    up.Bind(4, static_cast<int64_t>(position));
    if (const int rc = up.Step(); rc != SQLITE_DONE) return impl_.Fail(rc, "cannot write");
    return Status::Ok();
  }

  // The undo and redo stacks of the document (StacksOf its history).
  Result<EditStacks> Stacks() {
    Statement q(impl_.db, "SELECT id, action, undoes FROM history WHERE document = ?1 ORDER BY id");
    q.Bind(1, document_);
    std::vector<HistoryStep> steps;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) steps.push_back({q.Int(0), q.Text(1), q.Int(2)});
    if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read the history");
    return StacksOf(steps);
  }

  Result<std::vector<BeadView>> All() {
    std::vector<BeadView> beads;
    {
      Statement q(impl_.db,
                  "SELECT position, ru_begin, ru_end, en_begin, en_end, score, status, created, "
                  "changed FROM beads WHERE document_id = ?1 ORDER BY position");
      q.Bind(1, doc_id_);
      int rc;
      while ((rc = q.Step()) == SQLITE_ROW) beads.push_back(Row(q));
      if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read");
    }
    std::map<int32_t, std::string> ru, en;
    Statement s(impl_.db, "SELECT side, position, text FROM sentences WHERE document_id = ?1");
    s.Bind(1, doc_id_);
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) {
      (s.Text(0) == "ru" ? ru : en)[sqlite3_column_int(s.get(), 1)] = s.Text(2);
    }
    if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read");
    for (BeadView& b : beads) {
      for (auto it = ru.lower_bound(b.ru_begin); it != ru.end() && it->first < b.ru_end; ++it) {
        b.ru.push_back(it->second);
      }
      for (auto it = en.lower_bound(b.en_begin); it != en.end() && it->first < b.en_end; ++it) {
        b.en.push_back(it->second);
      }
    }
    return beads;
  }

 private:
  static BeadView Row(Statement& q) {
    BeadView b;
    b.position = sqlite3_column_int(q.get(), 0);
    b.ru_begin = sqlite3_column_int(q.get(), 1);
    b.ru_end = sqlite3_column_int(q.get(), 2);
    b.en_begin = sqlite3_column_int(q.get(), 3);
    b.en_end = sqlite3_column_int(q.get(), 4);
    b.score = sqlite3_column_double(q.get(), 5);
    b.status = q.Text(6);
    b.created = q.Text(7);
    b.changed = q.Text(8);
    return b;
  }

  Status Texts(BeadView& b) {
    Statement q(impl_.db,
                "SELECT side, text FROM sentences WHERE document_id = ?1 AND ((side = 'ru' AND "
                "position >= ?2 AND position < ?3) OR (side = 'en' AND position >= ?4 AND "
                "position < ?5)) ORDER BY side DESC, position");
    q.Bind(1, doc_id_);
    q.Bind(2, static_cast<int64_t>(b.ru_begin));
    q.Bind(3, static_cast<int64_t>(b.ru_end));
    q.Bind(4, static_cast<int64_t>(b.en_begin));
    q.Bind(5, static_cast<int64_t>(b.en_end));
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) (q.Text(0) == "ru" ? b.ru : b.en).push_back(q.Text(1));
    if (rc != SQLITE_DONE) return impl_.Fail(rc, "cannot read");
    return Status::Ok();
  }

  TmStore::Impl& impl_;
  std::string document_;
  int64_t doc_id_ = 0;
};

}  // namespace

Result<std::vector<BeadView>> Beads(TmStore& store, std::string_view document) {
  // One read transaction: the beads and the sentences come from the same state
  // even while `sverka review` in another process commits an edit.
  TmStore::Impl& impl = store.impl();
  SVERKA_RETURN_IF_ERROR(impl.Exec("BEGIN", "cannot read"));
  BeadEditor editor(impl, document);
  Status resolved = editor.Resolve();
  Result<std::vector<BeadView>> beads =
      resolved.ok() ? editor.All() : Result<std::vector<BeadView>>(resolved);
  sqlite3_exec(impl.db, "COMMIT", nullptr, nullptr, nullptr);
  return beads;
}

Result<BeadChange> MergeBeads(TmStore& store, std::string_view document, int32_t first, int32_t second) {
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_ASSIGN_OR_RETURN(const BeadView a, e.Need(first));
    SVERKA_ASSIGN_OR_RETURN(const BeadView b, e.Need(second));
    SVERKA_ASSIGN_OR_RETURN(const std::optional<int32_t> next, e.Neighbour(first, true));
    if (next != second) {
      return Status::InvalidData(e.Where() + "beads " + std::to_string(first) + " and " +
                                 std::to_string(second) + " of " + e.DocName() +
                                 " are not neighbours; merge joins a bead with the next one");
    }
    SVERKA_ASSIGN_OR_RETURN(const Edit edit, MergeEdit(e.Place(), a, b));
    return e.Commit("merge", edit.from, edit.to);
  });
}

Result<BeadChange> SplitBead(TmStore& store, std::string_view document, int32_t position,
                             int32_t ru_keep, int32_t en_keep) {
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_ASSIGN_OR_RETURN(const BeadView b, e.Need(position));
    SVERKA_ASSIGN_OR_RETURN(const Edit edit, SplitEdit(e.Place(), b, ru_keep, en_keep));
    return e.Commit("split", edit.from, edit.to);
  });
}

Result<BeadChange> MoveSentence(TmStore& store, std::string_view document, int32_t position,
                                std::string_view side, MoveDirection direction) {
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_RETURN_IF_ERROR(CheckSide(side));
    SVERKA_ASSIGN_OR_RETURN(const BeadView b, e.Need(position));
    const bool down = direction == MoveDirection::kToNext;
    SVERKA_ASSIGN_OR_RETURN(const std::optional<int32_t> other_pos, e.Neighbour(position, down));
    std::optional<BeadView> other;
    if (other_pos) {
      SVERKA_ASSIGN_OR_RETURN(BeadView o, e.Need(*other_pos));
      other = std::move(o);
    }
    SVERKA_ASSIGN_OR_RETURN(const Edit edit, MoveEdit(e.Place(), b, other, side, direction));
    return e.Commit("move", edit.from, edit.to);
  });
}

Result<BeadChange> EditSentence(TmStore& store, std::string_view document, int32_t position,
                                std::string_view side, int32_t index, std::string_view text) {
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_RETURN_IF_ERROR(CheckSide(side));
    SVERKA_RETURN_IF_ERROR(CheckNewText(text));
    SVERKA_ASSIGN_OR_RETURN(const BeadView b, e.Need(position));
    SVERKA_ASSIGN_OR_RETURN(const Edit edit, EditTextEdit(e.Place(), b, side, index, text));
    return e.Commit("edit-text", edit.from, edit.to);
  });
}

Result<BeadChange> ChangeStatuses(TmStore& store, std::string_view document, std::string_view status,
                                  std::optional<double> min_score, std::optional<int32_t> before) {
  if (!IsBeadStatus(status) || status == kAuto) {
    return Status::InvalidData("cannot set status '" + std::string(status) +
                               "' in bulk; approved, rejected or edited");
  }
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_ASSIGN_OR_RETURN(const std::vector<BeadView> all, e.All());
    SVERKA_ASSIGN_OR_RETURN(const Edit edit, StatusesEdit(e.Place(), all, status, min_score, before));
    return e.Commit("set-status", edit.from, edit.to);
  });
}

Result<BeadChange> ReplaceBeads(TmStore& store, std::string_view document, std::string_view action,
                                const std::vector<BeadView>& seen, const std::vector<BeadView>& beads) {
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_ASSIGN_OR_RETURN(const std::vector<BeadView> now, e.All());
    SVERKA_ASSIGN_OR_RETURN(const std::optional<Edit> edit, ReplaceEdit(e.Place(), now, seen, beads));
    if (!edit) {
      BeadChange change;
      change.action = std::string(action);
      return change;
    }
    return e.Commit(action, edit->from, edit->to);
  });
}

Result<BeadChange> ChangeStatus(TmStore& store, std::string_view document, int32_t position,
                                std::string_view status) {
  SVERKA_RETURN_IF_ERROR(CheckStatus(status));
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_ASSIGN_OR_RETURN(const BeadView before, e.Need(position));
    SVERKA_RETURN_IF_ERROR(e.SetStatus(position, status));
    SVERKA_ASSIGN_OR_RETURN(const BeadView after, e.Need(position));
    SVERKA_ASSIGN_OR_RETURN(const int64_t h, RecordHistory(store.impl(), "set-status", document,
                                                           position, before.status, status));
    BeadChange change;
    change.history_id = h;
    change.action = "set-status";
    change.before = {before};
    change.after = {after};
    return change;
  });
}

Result<BeadChange> UndoLast(TmStore& store, std::string_view document) {
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_ASSIGN_OR_RETURN(const EditStacks stacks, e.Stacks());
    if (stacks.undo.empty()) return Status::InvalidData(e.Where() + "nothing to undo in " + e.DocName());
    return e.Revert(stacks.undo.back(), "undo");
  });
}

Result<BeadChange> RedoLast(TmStore& store, std::string_view document) {
  return BeadEditor::Run(store.impl(), document, [&](BeadEditor& e) -> Result<BeadChange> {
    SVERKA_ASSIGN_OR_RETURN(const EditStacks stacks, e.Stacks());
    if (stacks.redo.empty()) return Status::InvalidData(e.Where() + "nothing to redo in " + e.DocName());
    return e.Revert(stacks.redo.back(), "redo");
  });
}

Result<EditStacks> Stacks(TmStore& store, std::string_view document) {
  BeadEditor e(store.impl(), document);
  return e.Stacks();
}

}  // namespace sverka::tm
