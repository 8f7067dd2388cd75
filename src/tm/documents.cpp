#include "tm/documents.h"

#include <map>

#include "tm/bead_inserter.h"
#include "tm/history_json.h"
#include "tm/store_impl.h"

namespace sverka::tm {
namespace {

// The refusal to overwrite a stored document without --replace.
Status AlreadyStored(const Db& db, std::string_view name) {
  return Status::AlreadyExists(db.path + ": document '" + std::string(name) +
                          "' is already stored; give another --name or --replace");
}

// The id of the history entry that stored the document ?1 as it is now:
// review edits are the entries after it (entries outlive a replaced document).
#define kLastStored                                                                  \
"(SELECT coalesce(max(id), 0) FROM history WHERE document = ?1 AND (action = " \
"'add-document' OR action = 'replace-document' OR action = 'import'))"
// The refusal to replace a reviewed document without --discard-review;
// Ok when `name` holds no review work (no bead approved, edited or
// rejected, no review edit in its history).
Status RefuseReviewed(Db& db, std::string_view name) {
  Statement q(db.db,
              "SELECT (SELECT count(*) FROM beads b JOIN documents d ON d.id = b.document_id "
              "WHERE d.name = ?1 AND b.status <> 'auto'), "
              "(SELECT count(*) FROM history WHERE document = ?1 AND id > " kLastStored ")");
  if (q.prepare_rc() != SQLITE_OK) return db.Fail(q.prepare_rc(), "cannot read");
  q.Bind(1, name);
  if (const int rc = q.Step(); rc != SQLITE_ROW) return db.Fail(rc, "cannot read");
  const int64_t beads = sqlite3_column_int64(q.get(), 0);
  const int64_t edits = sqlite3_column_int64(q.get(), 1);
  if (beads == 0 && edits == 0) return Status::Ok();
  return Status::InvalidData(db.path + ": document '" + std::string(name) + "' has been reviewed (" +
                          std::to_string(beads) + " beads approved, edited or rejected; " +
                          std::to_string(edits) +
                          " review edits in its history); replacing it would discard that "
                          "work: give --discard-review to replace it anyway");
}

// Deletes document `name` when stored; returns its bead count (or nullopt).
Result<std::optional<int64_t>> DeleteDocument(Db& db, std::string_view name) {
  Statement& q = db.Cached(
      "SELECT d.id, (SELECT count(*) FROM beads b WHERE b.document_id = d.id) "
      "FROM documents d WHERE d.name = ?1");
  ResetOnExit reset{q};
  if (q.prepare_rc() != SQLITE_OK) return db.Fail(q.prepare_rc(), "cannot read");
  q.Bind(1, name);
  const int rc = q.Step();
  if (rc == SQLITE_DONE) return std::optional<int64_t>();
  if (rc != SQLITE_ROW) return db.Fail(rc, "cannot read");
  const int64_t id = sqlite3_column_int64(q.get(), 0);
  const int64_t beads = sqlite3_column_int64(q.get(), 1);
  q.Reset();  // done reading before the writes below
  SVERKA_RETURN_IF_ERROR(UnindexBeads(db, BeadsOf::kDocument, id, "cannot delete"));
  Statement del(db.db, "DELETE FROM documents WHERE name = ?1");
  del.Bind(1, name);
  if (const int drc = del.Step(); drc != SQLITE_DONE) return db.Fail(drc, "cannot delete");
  return std::optional<int64_t>(beads);
}

Result<int64_t> InsertDocument(Db& db, std::string_view name, std::string_view ru_lang,
                               std::string_view en_lang, std::string_view ru_file,
                               std::string_view en_file, std::string_view ru_hash,
                               std::string_view en_hash, std::string_view created) {
  Statement& ins = db.Cached(
      "INSERT INTO documents (name, ru_lang, en_lang, ru_file, en_file, ru_hash, "
      "en_hash, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  ResetOnExit reset{ins};
  if (ins.prepare_rc() != SQLITE_OK) return db.Fail(ins.prepare_rc(), "cannot write");
  ins.Bind(1, name);
  ins.Bind(2, ru_lang);
  ins.Bind(3, en_lang);
  ins.Bind(4, ru_file);
  ins.Bind(5, en_file);
  ins.Bind(6, ru_hash);
  ins.Bind(7, en_hash);
  ins.Bind(8, created);
  if (const int rc = ins.Step(); rc != SQLITE_DONE) return db.Fail(rc, "cannot write");
  return static_cast<int64_t>(sqlite3_last_insert_rowid(db.db));
}

// Writes one document of AddDocuments (replacing one of that name).
Status WriteDocument(TmStore::Impl& impl, const DocumentRecord& doc, BeadInserter& insert) {
  SVERKA_ASSIGN_OR_RETURN(std::optional<int64_t> old, DeleteDocument(impl, doc.name));
  const std::string now = NowUtc();
  SVERKA_ASSIGN_OR_RETURN(int64_t id, InsertDocument(impl, doc.name, doc.ru_lang, doc.en_lang, doc.ru_file,
                                             doc.en_file, doc.ru_hash, doc.en_hash, now));
  for (size_t k = 0; k < doc.ru.size(); ++k) {
    if (const int rc = insert.Sentence(id, "ru", static_cast<int64_t>(k), doc.ru[k]);
        rc != SQLITE_DONE) {
      return impl.Fail(rc, "cannot write");
    }
  }
  for (size_t k = 0; k < doc.en.size(); ++k) {
    if (const int rc = insert.Sentence(id, "en", static_cast<int64_t>(k), doc.en[k]);
        rc != SQLITE_DONE) {
      return impl.Fail(rc, "cannot write");
    }
  }
  for (size_t k = 0; k < doc.beads.size(); ++k) {
    const Bead& b = doc.beads[k];
    const int rc = insert.Bead(id, static_cast<int64_t>(k), b, "auto", now, now,
                               JoinTexts(doc.ru, b.ru_begin, b.ru_count),
                               JoinTexts(doc.en, b.en_begin, b.en_count));
    if (rc != SQLITE_DONE) return impl.Fail(rc, "cannot write");
  }
  const std::string after =
      StoredDocumentJson(static_cast<int64_t>(doc.beads.size()), doc.ru_file, doc.en_file);
  const std::string before = old ? ReplacedDocumentJson(*old) : std::string();
  return RecordHistory(impl, old ? "replace-document" : "add-document", doc.name, std::nullopt,
                       before, after)
      .status();
}

}  // namespace

Status AddDocument(TmStore& store, const DocumentRecord& doc, bool replace, bool discard_review) {
  const DocumentWrite one{&doc, replace, discard_review};
  SVERKA_ASSIGN_OR_RETURN(std::vector<Status> each, AddDocuments(store, {&one, 1}));
  return each.front();
}

Result<std::vector<Status>> AddDocuments(TmStore& store, std::span<const DocumentWrite> docs) {
  TmStore::Impl& impl = store.impl();
  std::vector<Status> each;
  each.reserve(docs.size());
  const Status whole = impl.InTransaction([&]() -> Status {
    BeadInserter insert(impl.db, impl.defer_index);  // prepared once for the whole group
    for (const DocumentWrite& w : docs) {
      // Refused before anything of it is written, so no savepoint is needed:
      // a savepoint would make the full-text index flush a segment per
      // document, which is most of the cost of a batch (doc/decisions.md).
      SVERKA_ASSIGN_OR_RETURN(bool has, store.HasDocument(w.doc->name));
      if (has && !w.replace) {
        each.push_back(AlreadyStored(impl, w.doc->name));
        continue;
      }
      if (has && !w.discard_review) {
        if (Status reviewed = RefuseReviewed(impl, w.doc->name); !reviewed.ok()) {
          if (reviewed.kind() != ErrorKind::kInvalidData) return reviewed;
          each.push_back(reviewed);
          continue;
        }
      }
      // Any failure from here on (a write the database refuses) ends the
      // whole transaction: nothing of the group is kept.
      SVERKA_RETURN_IF_ERROR(WriteDocument(impl, *w.doc, insert));
      each.push_back(Status::Ok());
    }
    return Status::Ok();
  });
  if (!whole.ok()) return whole;
  return each;
}

Result<ImportCounts> ImportUnits(TmStore& store, const ImportSpec& spec,
                                 const std::function<Status(const UnitSink& add)>& produce) {
  TmStore::Impl& impl = store.impl();
  struct DocState {
    int64_t id = 0;
    int64_t next = 0;   // position of the next bead
    int64_t beads = 0;  // beads written
    std::optional<int64_t> replaced_beads;
  };
  std::map<std::string, DocState, std::less<>> docs;
  ImportCounts counts;
  BeadInserter* inserter = nullptr;
  const std::string now = NowUtc();

  UnitSink add = [&](const ImportedUnit& u) -> Status {
    auto it = docs.find(u.document);
    if (it == docs.end()) {
      SVERKA_ASSIGN_OR_RETURN(bool has, store.HasDocument(u.document));
      if (has && !spec.replace) {
        return AlreadyStored(impl, u.document);
      }
      if (has && !spec.discard_review) SVERKA_RETURN_IF_ERROR(RefuseReviewed(impl, u.document));
      SVERKA_ASSIGN_OR_RETURN(std::optional<int64_t> old, DeleteDocument(impl, u.document));
      SVERKA_ASSIGN_OR_RETURN(int64_t id, InsertDocument(impl, u.document, spec.ru_lang, spec.en_lang, spec.source_file,
                                spec.source_file, spec.source_hash, spec.source_hash, now));
      it = docs.emplace(u.document, DocState{id, 0, 0, old}).first;
      counts.documents.push_back(u.document);
    }
    DocState& d = it->second;
    const SentenceRecord ru{0, u.ru, 0, 0}, en{0, u.en, 0, 0};
    if (u.position && *u.position > d.next) d.next = *u.position;
    const int32_t pos = static_cast<int32_t>(d.next);
    int rc = inserter->Sentence(d.id, "ru", pos, ru);
    if (rc == SQLITE_DONE) rc = inserter->Sentence(d.id, "en", pos, en);
    if (rc == SQLITE_DONE) {
      const std::string& created = u.created.empty() ? now : u.created;
      const std::string& changed = u.changed.empty() ? created : u.changed;
      rc = inserter->Bead(d.id, pos, Bead{pos, 1, pos, 1, u.score}, u.status, created,
                          changed, u.ru, u.en);
    }
    if (rc != SQLITE_DONE) return impl.Fail(rc, "cannot write");
    ++d.next;
    ++d.beads;
    ++counts.units;
    return Status::Ok();
  };

  Status s = impl.InTransaction([&]() -> Status {
    BeadInserter insert(impl.db, /*defer_index=*/false);
    inserter = &insert;
    SVERKA_RETURN_IF_ERROR(produce(add));
    for (const std::string& name : counts.documents) {
      const DocState& d = docs.find(name)->second;
      const std::string after = ImportedDocumentJson(d.beads, spec.source_file);
      const std::string before =
          d.replaced_beads ? ReplacedDocumentJson(*d.replaced_beads) : std::string();
      SVERKA_RETURN_IF_ERROR(
          RecordHistory(impl, "import", name, std::nullopt, before, after).status());
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return counts;
}
}  // namespace sverka::tm
