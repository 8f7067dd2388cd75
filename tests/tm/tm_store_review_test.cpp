// The review edits of TmStore (merge, split, move, text, status, undo, redo):
// beads, history and the full-text index after each (doc/schema.md).
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "sql_fixtures.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/history.h"
#include "tm/queries.h"
#include "tm/search.h"
#include "tm/tm_store.h"
#include "common/document.h"

using namespace sverka;
using testing::IndexConsistent;

namespace {

// Five Russian and five English sentences in five beads: 1-1, 2-1, 1-2, 1-0, 0-1.
DocumentRecord ReviewDocument() {
  DocumentRecord doc;
  doc.name = "news";
  doc.ru_file = "a.ru.txt";
  doc.en_file = "a.en.txt";
  doc.ru_hash = tm::ContentHash("ru");
  doc.en_hash = tm::ContentHash("en");
  for (const char* t : {"Ноль.", "Один.", "Два.", "Три.", "Четыре."})
    doc.ru.push_back({0, t, 0, 0});
  for (const char* t : {"Zero.", "One.", "Two.", "Three.", "Four."}) doc.en.push_back({0, t, 0, 0});
  doc.beads = {{0, 1, 0, 1, 0.9},
               {1, 2, 1, 1, 0.3},
               {3, 1, 2, 2, 0.6},
               {4, 1, 4, 0, 0.05},
               {5, 0, 4, 1, 0.1}};
  return doc;
}

const std::string kStart =
    "0:r0-1:e0-1:auto 1:r1-3:e1-2:auto 2:r3-4:e2-4:auto 3:r4-5:e4-4:auto 4:r5-5:e4-5:auto";

std::string Layout(tm::TmStore& store) {
  auto beads = tm::Beads(store, "news");
  REQUIRE(beads.ok());
  std::string out;
  for (const tm::BeadView& b : *beads) {
    if (!out.empty()) out += ' ';
    out += std::to_string(b.position) + ":r" + std::to_string(b.ru_begin) + "-" +
           std::to_string(b.ru_end) + ":e" + std::to_string(b.en_begin) + "-" +
           std::to_string(b.en_end) + ":" + b.status;
  }
  return out;
}

std::unique_ptr<tm::TmStore> Fresh(const testing::ScratchDir& dir) {
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite, {.user = "tester"});
  REQUIRE(store.ok());
  REQUIRE(tm::AddDocument(*(*store), ReviewDocument(), false).ok());
  return std::move(*store);
}

size_t Hits(tm::TmStore& store, const std::string& phrase) {
  auto hits = tm::Search(store, phrase, "", "", 100);
  REQUIRE(hits.ok());
  return hits->size();
}

}  // namespace

TEST_CASE("each review edit gives the expected beads, is undone and redone exactly",
          "[tm][review]") {
  struct Case {
    const char* name;
    std::function<Result<tm::BeadChange>(tm::TmStore&)> edit;
    const char* action;
    const char* after;
  };
  const std::vector<Case> cases = {
      {"merge 1 2", [](tm::TmStore& s) { return tm::MergeBeads(s, "news", 1, 2); }, "merge",
       "0:r0-1:e0-1:auto 1:r1-4:e1-4:edited 2:r4-5:e4-4:auto 3:r5-5:e4-5:auto"},
      {"merge a 1-0 with a 0-1", [](tm::TmStore& s) { return tm::MergeBeads(s, "news", 3, 4); }, "merge",
       "0:r0-1:e0-1:auto 1:r1-3:e1-2:auto 2:r3-4:e2-4:auto 3:r4-5:e4-5:edited"},
      {"split 1 at 1:1", [](tm::TmStore& s) { return tm::SplitBead(s, "news", 1, 1, 1); }, "split",
       "0:r0-1:e0-1:auto 1:r1-2:e1-2:edited 2:r2-3:e2-2:edited 3:r3-4:e2-4:auto 4:r4-5:e4-4:auto "
       "5:r5-5:e4-5:auto"},
      {"split a 1-1 into 1-0 and 0-1", [](tm::TmStore& s) { return tm::SplitBead(s, "news", 0, 1, 0); },
       "split",
       "0:r0-1:e0-0:edited 1:r1-1:e0-1:edited 2:r1-3:e1-2:auto 3:r3-4:e2-4:auto 4:r4-5:e4-4:auto "
       "5:r5-5:e4-5:auto"},
      {"move the last Russian sentence to the next bead",
       [](tm::TmStore& s) { return tm::MoveSentence(s, "news", 1, "ru", tm::MoveDirection::kToNext); },
       "move",
       "0:r0-1:e0-1:auto 1:r1-2:e1-2:edited 2:r2-4:e2-4:edited 3:r4-5:e4-4:auto 4:r5-5:e4-5:auto"},
      {"move the first English sentence to the previous bead",
       [](tm::TmStore& s) {
         return tm::MoveSentence(s, "news", 2, "en", tm::MoveDirection::kToPrevious);
       },
       "move",
       "0:r0-1:e0-1:auto 1:r1-3:e1-3:edited 2:r3-4:e3-4:edited 3:r4-5:e4-4:auto 4:r5-5:e4-5:auto"},
      {"move into an empty side",
       [](tm::TmStore& s) { return tm::MoveSentence(s, "news", 2, "en", tm::MoveDirection::kToNext); },
       "move",
       "0:r0-1:e0-1:auto 1:r1-3:e1-2:auto 2:r3-4:e2-3:edited 3:r4-5:e3-4:edited 4:r5-5:e4-5:auto"},
      {"edit a text", [](tm::TmStore& s) { return tm::EditSentence(s, "news", 1, "ru", 1, "Двойка."); },
       "edit-text",
       "0:r0-1:e0-1:auto 1:r1-3:e1-2:edited 2:r3-4:e2-4:auto 3:r4-5:e4-4:auto 4:r5-5:e4-5:auto"},
      {"approve", [](tm::TmStore& s) { return tm::ChangeStatus(s, "news", 2, "approved"); },
       "set-status",
       "0:r0-1:e0-1:auto 1:r1-3:e1-2:auto 2:r3-4:e2-4:approved 3:r4-5:e4-4:auto 4:r5-5:e4-5:auto"},
  };
  for (const Case& c : cases) {
    SECTION(c.name) {
      testing::ScratchDir dir;
      auto store = Fresh(dir);
      REQUIRE(Layout(*store) == kStart);
      auto change = c.edit(*store);
      INFO((change.ok() ? "" : change.status().message()));
      REQUIRE(change.ok());
      CHECK(change->action == c.action);
      CHECK(Layout(*store) == c.after);
      CHECK(IndexConsistent(dir / "tm.db"));
      auto undone = tm::UndoLast(*store, "news");
      REQUIRE(undone.ok());
      CHECK(undone->action == "undo");
      CHECK(undone->undone_action == c.action);
      CHECK(Layout(*store) == kStart);
      CHECK(IndexConsistent(dir / "tm.db"));
      auto redone = tm::RedoLast(*store, "news");
      REQUIRE(redone.ok());
      CHECK(redone->undone_action == c.action);
      CHECK(Layout(*store) == c.after);
      CHECK(IndexConsistent(dir / "tm.db"));
      auto history = tm::History(*store, "news");
      REQUIRE(history.ok());
      REQUIRE(history->size() == 4);
      CHECK((*history)[1].action == c.action);
      CHECK((*history)[2].action == "undo");
      CHECK((*history)[2].undoes == (*history)[1].id);
      CHECK((*history)[3].action == "redo");
      CHECK((*history)[3].undoes == (*history)[2].id);
      CHECK((*history)[3].after == (*history)[1].after);
    }
  }
}

TEST_CASE("a merge records both beads before and the joined one after, texts in order",
          "[tm][review]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  auto change = tm::MergeBeads(*store, "news", 1, 2);
  REQUIRE(change.ok());
  REQUIRE(change->before.size() == 2);
  REQUIRE(change->after.size() == 1);
  CHECK(change->after[0].ru == std::vector<std::string>{"Один.", "Два.", "Три."});
  CHECK(change->after[0].en == std::vector<std::string>{"One.", "Two.", "Three."});
  CHECK(change->after[0].score == Approx(0.3));
  auto history = tm::History(*store, "news");
  CHECK(history->back().bead == 1);
  CHECK(history->back().user == "tester");
  CHECK(history->back().after.find(R"("position":1,"ru":[1,4],"en":[1,4])") != std::string::npos);
  CHECK(Hits(*store, "Один Два Три") == 1);
}

TEST_CASE("an edited text is found by search and the old one no longer", "[tm][review][search]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  REQUIRE(tm::EditSentence(*store, "news", 0, "en", 0, "Nought.").ok());
  CHECK(Hits(*store, "Nought") == 1);
  CHECK(Hits(*store, "Zero") == 0);
  REQUIRE(tm::UndoLast(*store, "news").ok());
  CHECK(Hits(*store, "Nought") == 0);
  CHECK(Hits(*store, "Zero") == 1);
  CHECK(IndexConsistent(dir / "tm.db"));
}

TEST_CASE("undo walks back through several edits and redo forward; a new edit ends redo",
          "[tm][review]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  REQUIRE(tm::ChangeStatus(*store, "news", 0, "approved").ok());
  REQUIRE(tm::MergeBeads(*store, "news", 1, 2).ok());
  REQUIRE(tm::SplitBead(*store, "news", 1, 2, 2).ok());
  const std::string three = Layout(*store);
  REQUIRE(tm::UndoLast(*store, "news").ok());
  REQUIRE(tm::UndoLast(*store, "news").ok());
  REQUIRE(tm::UndoLast(*store, "news").ok());
  CHECK(Layout(*store) == kStart);
  CHECK(tm::UndoLast(*store, "news").status().message() ==
        dir / "tm.db" + ": nothing to undo in 'news'");
  REQUIRE(tm::RedoLast(*store, "news").ok());
  REQUIRE(tm::RedoLast(*store, "news").ok());
  REQUIRE(tm::RedoLast(*store, "news").ok());
  CHECK(Layout(*store) == three);
  CHECK(tm::RedoLast(*store, "news").status().message() ==
        dir / "tm.db" + ": nothing to redo in 'news'");
  REQUIRE(tm::UndoLast(*store, "news").ok());
  REQUIRE(tm::ChangeStatus(*store, "news", 3, "rejected").ok());
  CHECK(tm::RedoLast(*store, "news").status().message() ==
        dir / "tm.db" + ": nothing to redo in 'news'");
  // Replacing it is refused while it holds review work (issue 17)…
  const Status reviewed = tm::AddDocument(*store, ReviewDocument(), true);
  CHECK(reviewed.kind() == ErrorKind::kInvalidData);
  CHECK(reviewed.message().ends_with("replacing it would discard that work: give "
                                     "--discard-review to replace it anyway"));
  // …and storing it again with discard_review forgets what could be undone.
  REQUIRE(tm::AddDocument(*store, ReviewDocument(), true, true).ok());
  CHECK(tm::UndoLast(*store, "news").status().kind() == ErrorKind::kInvalidData);
  CHECK(IndexConsistent(dir / "tm.db"));
}

TEST_CASE("review edits refuse what they cannot do, with one line, and change nothing",
          "[tm][review][errors]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  const std::string db = dir / "tm.db";
  using Edit = std::function<Result<tm::BeadChange>(tm::TmStore&)>;
  const std::vector<std::pair<Edit, std::string>> cases = {
      {[](tm::TmStore& s) { return tm::MergeBeads(s, "nope", 0, 1); }, db + ": no document 'nope'"},
      {[](tm::TmStore& s) { return tm::MergeBeads(s, "news", 4, 5); },
       db + ": no bead 5 in document 'news'"},
      {[](tm::TmStore& s) { return tm::MergeBeads(s, "news", 0, 2); },
       db + ": beads 0 and 2 of 'news' are not neighbours; merge joins a bead with the next one"},
      {[](tm::TmStore& s) { return tm::MergeBeads(s, "news", 2, 1); },
       db + ": beads 2 and 1 of 'news' are not neighbours; merge joins a bead with the next one"},
      {[](tm::TmStore& s) { return tm::SplitBead(s, "news", 9, 1, 1); },
       db + ": no bead 9 in document 'news'"},
      {[](tm::TmStore& s) { return tm::SplitBead(s, "news", 0, 1, 1); },
       db + ": bead 0 of 'news' (1-1) cannot be split at 1:1: each part needs a sentence (give "
            "--at RU:EN)"},
      {[](tm::TmStore& s) { return tm::SplitBead(s, "news", 0, 0, 0); },
       db + ": bead 0 of 'news' (1-1) cannot be split at 0:0: each part needs a sentence (give "
            "--at RU:EN)"},
      {[](tm::TmStore& s) { return tm::SplitBead(s, "news", 1, 3, 1); },
       db + ": bead 1 of 'news' (2-1) has 2 Russian and 1 English sentences; cannot split at 3:1"},
      {[](tm::TmStore& s) { return tm::SplitBead(s, "news", 1, -1, 0); },
       db + ": bead 1 of 'news' (2-1) has 2 Russian and 1 English sentences; cannot split at -1:0"},
      {[](tm::TmStore& s) { return tm::MoveSentence(s, "news", 4, "en", tm::MoveDirection::kToNext); },
       db + ": bead 4 of 'news' has no next bead to move a sentence to"},
      {[](tm::TmStore& s) {
         return tm::MoveSentence(s, "news", 0, "ru", tm::MoveDirection::kToPrevious);
       },
       db + ": bead 0 of 'news' has no previous bead to move a sentence to"},
      {[](tm::TmStore& s) { return tm::MoveSentence(s, "news", 3, "en", tm::MoveDirection::kToNext); },
       db + ": bead 3 of 'news' has no English sentence to move"},
      {[](tm::TmStore& s) { return tm::MoveSentence(s, "news", 3, "ru", tm::MoveDirection::kToNext); },
       db + ": moving the only sentence of bead 3 of 'news' would leave it empty; merge instead"},
      {[](tm::TmStore& s) { return tm::MoveSentence(s, "news", 1, "de", tm::MoveDirection::kToNext); },
       "unknown side 'de'; ru or en"},
      {[](tm::TmStore& s) { return tm::EditSentence(s, "news", 1, "ru", 2, "Текст."); },
       db + ": bead 1 of 'news' has no ru sentence 2 (it has 2)"},
      {[](tm::TmStore& s) { return tm::EditSentence(s, "news", 3, "en", 0, "Text."); },
       db + ": bead 3 of 'news' has no en sentence 0 (it has 0)"},
      {[](tm::TmStore& s) { return tm::EditSentence(s, "news", 0, "ru", 0, "Ноль."); },
       db + ": the text of ru sentence 0 of bead 0 is unchanged"},
      {[](tm::TmStore& s) { return tm::EditSentence(s, "news", 0, "ru", 0, "  "); },
       "the new text is empty"},
      {[](tm::TmStore& s) { return tm::EditSentence(s, "news", 0, "ru", 0, "a\nb"); },
       "the new text holds a line break; one sentence is one line"},
      {[](tm::TmStore& s) { return tm::EditSentence(s, "news", 0, "ru", 0, "\xC3"); },
       "the new text is not valid UTF-8"},
      {[](tm::TmStore& s) { return tm::EditSentence(s, "news", 0, "xx", 0, "a"); },
       "unknown side 'xx'; ru or en"},
      {[](tm::TmStore& s) { return tm::ChangeStatus(s, "news", 7, "approved"); },
       db + ": no bead 7 in document 'news'"},
      {[](tm::TmStore& s) { return tm::ChangeStatus(s, "news", 0, "great"); },
       "unknown status 'great'; one of auto, approved, rejected, edited"},
      {[](tm::TmStore& s) { return tm::UndoLast(s, "news"); }, db + ": nothing to undo in 'news'"},
      {[](tm::TmStore& s) { return tm::RedoLast(s, "news"); }, db + ": nothing to redo in 'news'"},
      {[](tm::TmStore& s) { return tm::UndoLast(s, "nope"); }, db + ": no document 'nope'"},
  };
  for (const auto& [edit, message] : cases) {
    auto r = edit(*store);
    REQUIRE_FALSE(r.ok());
    // An unknown document or bead is not found; every other refusal is invalid data.
    const bool unknown = message.find(": no bead ") != std::string::npos ||
                         message.find(": no document ") != std::string::npos;
    CHECK(r.status().kind() == (unknown ? ErrorKind::kNotFound : ErrorKind::kInvalidData));
    CHECK(r.status().message() == message);
  }
  CHECK(Layout(*store) == kStart);
  CHECK(tm::History(*store, "news")->size() == 1);
}

TEST_CASE("undo refuses when the beads changed behind its back", "[tm][review][errors]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  REQUIRE(tm::MergeBeads(*store, "news", 1, 2).ok());
  // Another tool changes the merged bead's status without a history entry.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "UPDATE beads SET status = 'rejected' WHERE position = 1", nullptr,
                       nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto undo = tm::UndoLast(*store, "news");
  REQUIRE_FALSE(undo.ok());
  CHECK(undo.status().message() ==
        dir / "tm.db" +
            ": bead 1 of 'news' changed after history entry 2; undo the later change first");
}

TEST_CASE("stats count beads by type and status, mean score and suspicious beads",
          "[tm][review][stats]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  REQUIRE(tm::ChangeStatus(*store, "news", 0, "approved").ok());
  auto stats = tm::Stats(*store);
  REQUIRE(stats.ok());
  REQUIRE(stats->size() == 1);
  const tm::DocumentStats& s = (*stats)[0];
  CHECK(s.name == "news");
  CHECK(s.beads == 5);
  CHECK(s.by_type ==
        std::map<std::string, int64_t>{{"1-1", 1}, {"2-1", 1}, {"1-2", 1}, {"1-0", 1}, {"0-1", 1}});
  CHECK(s.by_status == std::map<std::string, int64_t>{{"approved", 1}, {"auto", 4}});
  CHECK(s.mean_score == Approx((0.9 + 0.3 + 0.6 + 0.05 + 0.1) / 5));
  CHECK(s.suspicious == 3);
}

TEST_CASE("a version 2 memory gains the review actions on open, its history kept",
          "[tm][store][schema]") {
  testing::ScratchDir dir;
  {
    auto store = Fresh(dir);
    REQUIRE(tm::ChangeStatus(*store, "news", 0, "approved").ok());
  }
  // Back to version 2: the history table with version 2's action list.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &db) == SQLITE_OK);
  const char* kToV2 = R"sql(
    CREATE TABLE h2 (id INTEGER PRIMARY KEY, at TEXT NOT NULL, user TEXT NOT NULL,
      action TEXT NOT NULL CHECK (action IN ('add-document', 'replace-document', 'import', 'set-status', 'undo')),
      document TEXT NOT NULL, bead INTEGER, before TEXT, after TEXT, undoes INTEGER REFERENCES h2(id));
    INSERT INTO h2 SELECT * FROM history; DROP TABLE history; ALTER TABLE h2 RENAME TO history;
    CREATE INDEX history_document ON history (document, bead);
    DROP TABLE bead_stems;
    DROP TABLE bead_text_pending;
    ALTER TABLE sentences DROP COLUMN start_ms; ALTER TABLE sentences DROP COLUMN end_ms;
    PRAGMA user_version = 2;)sql";
  INFO(sqlite3_errmsg(db));
  REQUIRE(sqlite3_exec(db, kToV2, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  auto history = tm::History(*(*store), "news");
  REQUIRE(history->size() == 2);
  CHECK((*history)[1].after == "approved");
  REQUIRE(tm::MergeBeads(*(*store), "news", 1, 2).ok());
  REQUIRE(tm::UndoLast(*(*store), "news").ok());
  REQUIRE(tm::UndoLast(*(*store), "news").ok());
  CHECK(Layout(**store) == kStart);
}

TEST_CASE("data_version changes for another connection's commit, not for one's own",
          "[tm][review][writers]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  auto v0 = store->DataVersion();
  REQUIRE(v0.ok());
  REQUIRE(tm::ChangeStatus(*store, "news", 0, "approved").ok());
  CHECK(*store->DataVersion() == *v0);
  auto other = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite, {.user = "other"});
  REQUIRE(other.ok());
  REQUIRE(tm::ChangeStatus(*(*other), "news", 1, "rejected").ok());
  CHECK(*store->DataVersion() != *v0);
}

TEST_CASE("an edit expecting a data version is refused after another process's commit",
          "[tm][review][writers]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  auto other = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite, {.user = "other"});
  REQUIRE(other.ok());
  auto v0 = store->DataVersion();
  REQUIRE(v0.ok());
  store->ExpectDataVersion(*v0);
  // Its own edits keep the version: a second one is not refused.
  REQUIRE(tm::ChangeStatus(*store, "news", 0, "approved").ok());
  REQUIRE(tm::ChangeStatus(*store, "news", 2, "approved").ok());
  REQUIRE(tm::MergeBeads(*(*other), "news", 3, 4).ok());
  const std::string after_merge = Layout(*store);
  auto refused = tm::ChangeStatus(*store, "news", 1, "rejected");
  REQUIRE(!refused.ok());
  CHECK(refused.status().kind() == ErrorKind::kInvalidData);
  CHECK(refused.status().message() ==
        dir / "tm.db" + ": another process changed the memory since it was read");
  CHECK(!tm::UndoLast(*store, "news").ok());
  CHECK(Layout(*store) == after_merge);
  auto v1 = store->DataVersion();
  REQUIRE(v1.ok());
  store->ExpectDataVersion(*v1);
  CHECK(tm::ChangeStatus(*store, "news", 1, "rejected").ok());
  store->ExpectDataVersion(std::nullopt);
  REQUIRE(tm::ChangeStatus(*(*other), "news", 1, "auto").ok());
  CHECK(tm::ChangeStatus(*store, "news", 1, "approved").ok());
}

TEST_CASE("Stacks names the entries undo and redo would take next", "[tm][review][writers]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  auto a = tm::ChangeStatus(*store, "news", 0, "approved");
  auto m = tm::MergeBeads(*store, "news", 3, 4);
  REQUIRE((a.ok() && m.ok()));
  auto s = tm::Stacks(*store, "news");
  REQUIRE(s.ok());
  CHECK(s->undo == std::vector<int64_t>{a->history_id, m->history_id});
  CHECK(s->redo.empty());
  auto u = tm::UndoLast(*store, "news");
  REQUIRE(u.ok());
  s = tm::Stacks(*store, "news");
  REQUIRE(s.ok());
  CHECK(s->undo == std::vector<int64_t>{a->history_id});
  CHECK(s->redo == std::vector<int64_t>{u->history_id});
  auto none = tm::Stacks(*store, "nothing");
  REQUIRE(none.ok());
  CHECK(none->undo.empty());
}
