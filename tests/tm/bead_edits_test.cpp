#include "tm/bead_edits.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "tm/history_json.h"

using namespace sverka;
using tm::BeadView;

namespace {

const tm::EditPlace kAt{"tm.db", "news"};

// A bead at `position` with sentence ranges [rb, re) and [eb, ee).
BeadView B(int32_t position, int32_t rb, int32_t re, int32_t eb, int32_t ee, double score = 0.9,
           std::string status = "auto") {
  BeadView b;
  b.position = position;
  b.ru_begin = rb, b.ru_end = re, b.en_begin = eb, b.en_end = ee;
  b.score = score;
  b.status = std::move(status);
  b.created = "2026-11-28T11:30:00Z";
  return b;
}

// "position:ru_begin-ru_end/en_begin-en_end status" for each bead, joined by spaces.
std::string Layout(const std::vector<BeadView>& beads) {
  std::string out;
  for (const BeadView& b : beads) {
    if (!out.empty()) out += ' ';
    out += std::to_string(b.position) + ":" + std::to_string(b.ru_begin) + "-" +
           std::to_string(b.ru_end) + "/" + std::to_string(b.en_begin) + "-" +
           std::to_string(b.en_end) + " " + b.status;
  }
  return out;
}

}  // namespace

TEST_CASE("merge joins two beads into one edited bead with the lower score", "[tm][edits]") {
  struct Case {
    BeadView a, b;
    std::string merged;  // Layout of the result, or the error message
  };
  const std::vector<Case> cases = {
      {B(0, 0, 1, 0, 1), B(1, 1, 2, 1, 2), "0:0-2/0-2 edited"},
      {B(0, 0, 1, 0, 0), B(1, 1, 2, 0, 1), "0:0-2/0-1 edited"},   // a 1-0 and a 1-1
      {B(0, 0, 0, 0, 1), B(1, 0, 0, 1, 2), "0:0-0/0-2 edited"},   // both without Russian
      {B(0, 0, 1, 0, 1), B(1, 1, 2, 5, 6),
       "tm.db: beads 0 and 1 of 'news' cannot be merged: their English sentences are not "
       "consecutive (one of them is a moved bead)"},
      {B(0, 0, 1, 0, 1), B(1, 3, 4, 1, 2),
       "tm.db: beads 0 and 1 of 'news' cannot be merged: their Russian sentences are not "
       "consecutive (one of them is a moved bead)"},
  };
  for (const Case& c : cases) {
    Result<tm::Edit> e = tm::MergeEdit(kAt, c.a, c.b);
    INFO(c.merged);
    if (!e.ok()) {
      CHECK(e.status().message() == c.merged);
      continue;
    }
    CHECK(Layout(e->to.beads) == c.merged);
    CHECK(e->from.beads.size() == 2);
  }
  BeadView low = B(1, 1, 2, 1, 2, 0.3);
  Result<tm::Edit> e = tm::MergeEdit(kAt, B(0, 0, 1, 0, 1, 0.8), low);
  REQUIRE(e.ok());
  CHECK(e->to.beads[0].score == 0.3);
}

TEST_CASE("split keeps the first sentences in the first part and refuses an empty part", "[tm][edits]") {
  struct Case {
    int32_t ru_keep, en_keep;
    std::string result;
  };
  const BeadView b = B(3, 4, 6, 2, 4, 0.7, "approved");
  const std::vector<Case> cases = {
      {1, 1, "3:4-5/2-3 edited 4:5-6/3-4 edited"},
      {2, 0, "3:4-6/2-2 edited 4:6-6/2-4 edited"},
      {0, 0, "tm.db: bead 3 of 'news' (2-2) cannot be split at 0:0: each part needs a sentence "
             "(give --at RU:EN)"},
      {2, 2, "tm.db: bead 3 of 'news' (2-2) cannot be split at 2:2: each part needs a sentence "
             "(give --at RU:EN)"},
      {3, 0, "tm.db: bead 3 of 'news' (2-2) has 2 Russian and 2 English sentences; cannot split "
             "at 3:0"},
      {-1, 1, "tm.db: bead 3 of 'news' (2-2) has 2 Russian and 2 English sentences; cannot split "
              "at -1:1"},
  };
  for (const Case& c : cases) {
    Result<tm::Edit> e = tm::SplitEdit(kAt, b, c.ru_keep, c.en_keep);
    INFO(c.result);
    if (e.ok()) {
      CHECK(Layout(e->to.beads) == c.result);
      CHECK(e->to.beads[1].score == 0.7);
    } else {
      CHECK(e.status().message() == c.result);
    }
  }
}

TEST_CASE("move takes a sentence across a bead boundary, never emptying a bead", "[tm][edits]") {
  struct Case {
    BeadView b;
    std::optional<BeadView> other;
    std::string side;
    tm::MoveDirection direction;
    std::string result;
  };
  using tm::MoveDirection;
  const std::vector<Case> cases = {
      {B(0, 0, 2, 0, 1), B(1, 2, 3, 1, 2), "ru", MoveDirection::kToNext,
       "0:0-1/0-1 edited 1:1-3/1-2 edited"},
      {B(1, 2, 3, 1, 3), B(0, 0, 2, 0, 1), "en", MoveDirection::kToPrevious,
       "0:0-2/0-2 edited 1:2-3/2-3 edited"},
      {B(0, 0, 2, 0, 1), B(1, 2, 3, 1, 1), "ru", MoveDirection::kToNext,
       "0:0-1/0-1 edited 1:1-3/1-1 edited"},  // into a bead without English
      {B(0, 0, 2, 0, 1), std::nullopt, "ru", MoveDirection::kToNext,
       "tm.db: bead 0 of 'news' has no next bead to move a sentence to"},
      {B(0, 0, 1, 0, 0), B(1, 1, 2, 0, 1), "ru", MoveDirection::kToNext,
       "tm.db: moving the only sentence of bead 0 of 'news' would leave it empty; merge instead"},
      {B(0, 0, 2, 0, 0), B(1, 2, 3, 0, 1), "en", MoveDirection::kToNext,
       "tm.db: bead 0 of 'news' has no English sentence to move"},
      {B(0, 0, 2, 0, 1), B(1, 2, 3, 4, 5), "en", MoveDirection::kToNext,
       "tm.db: the English sentences of bead 0 of 'news' and bead 1 are not consecutive (one of "
       "them is a moved bead); cannot move a sentence between them"},
  };
  for (const Case& c : cases) {
    Result<tm::Edit> e = tm::MoveEdit(kAt, c.b, c.other, c.side, c.direction);
    INFO(c.result);
    if (e.ok()) {
      CHECK(Layout(e->to.beads) == c.result);
    } else {
      CHECK(e.status().message() == c.result);
    }
  }
}

TEST_CASE("a new sentence text is refused when empty, broken or unchanged", "[tm][edits]") {
  CHECK(tm::CheckNewText("Новый текст.").ok());
  CHECK(tm::CheckNewText("  ").message() == "the new text is empty");
  CHECK(tm::CheckNewText("a\nb").message() ==
        "the new text holds a line break; one sentence is one line");
  CHECK(tm::CheckNewText("\xC3").message() == "the new text is not valid UTF-8");
  CHECK(tm::CheckNewText("a\x1b").message() ==
        "the new text holds control byte 0x1B at byte offset 1; a sentence holds no control "
        "characters");
  BeadView b = B(2, 3, 5, 1, 2);
  b.ru = {"Один.", "Два."};
  b.en = {"One. Two."};
  Result<tm::Edit> e = tm::EditTextEdit(kAt, b, "ru", 1, "Три.");
  REQUIRE(e.ok());
  REQUIRE(e->to.sentences.size() == 1);
  CHECK(e->to.sentences[0].position == 4);
  CHECK(e->to.sentences[0].text == "Три.");
  CHECK(e->from.sentences[0].text == "Два.");
  CHECK(e->to.beads[0].status == "edited");
  CHECK(tm::EditTextEdit(kAt, b, "ru", 1, "Два.").status().message() ==
        "tm.db: the text of ru sentence 1 of bead 2 is unchanged");
  CHECK(tm::EditTextEdit(kAt, b, "en", 1, "x").status().message() ==
        "tm.db: bead 2 of 'news' has no en sentence 1 (it has 1)");
}

TEST_CASE("statuses in bulk change only auto beads above the floor and before the limit", "[tm][edits]") {
  const std::vector<BeadView> all = {B(0, 0, 1, 0, 1, 0.9), B(1, 1, 2, 1, 2, 0.4),
                                     B(2, 2, 3, 2, 3, 0.95, "rejected"), B(3, 3, 4, 3, 4, 0.85)};
  struct Case {
    std::optional<double> min_score;
    std::optional<int32_t> before;
    std::string result;
  };
  const std::vector<Case> cases = {
      {std::nullopt, std::nullopt, "0:0-1/0-1 approved 1:1-2/1-2 approved 3:3-4/3-4 approved"},
      {0.8, std::nullopt, "0:0-1/0-1 approved 3:3-4/3-4 approved"},
      {0.8, 3, "0:0-1/0-1 approved"},
      {0.99, std::nullopt, "tm.db: no unreviewed bead of 'news' scores at least 0.99; nothing changed"},
      {std::nullopt, 0, "tm.db: no unreviewed bead of 'news' before bead 0; nothing changed"},
  };
  for (const Case& c : cases) {
    Result<tm::Edit> e = tm::StatusesEdit(kAt, all, "approved", c.min_score, c.before);
    INFO(c.result);
    if (e.ok()) {
      CHECK(Layout(e->to.beads) == c.result);
    } else {
      CHECK(e.status().message() == c.result);
    }
  }
}

TEST_CASE("a replacement keeps the beads that did not change out of its region", "[tm][edits]") {
  const std::vector<BeadView> now = {B(0, 0, 1, 0, 1), B(1, 1, 2, 1, 2), B(2, 2, 3, 2, 3)};
  std::vector<BeadView> beads = {B(0, 0, 1, 0, 1), B(1, 1, 3, 1, 3, 0.9, "edited")};
  Result<std::optional<tm::Edit>> e = tm::ReplaceEdit(kAt, now, now, beads);
  REQUIRE(e.ok());
  REQUIRE(e->has_value());
  CHECK(Layout((*e)->from.beads) == "1:1-2/1-2 auto 2:2-3/2-3 auto");
  CHECK(Layout((*e)->to.beads) == "1:1-3/1-3 edited");
  Result<std::optional<tm::Edit>> same = tm::ReplaceEdit(kAt, now, now, now);
  REQUIRE(same.ok());
  CHECK_FALSE(same->has_value());
  std::vector<BeadView> seen = now;
  seen[1].status = "approved";
  CHECK(tm::ReplaceEdit(kAt, now, seen, beads).status().message() ==
        "tm.db: 'news' changed meanwhile; nothing changed");
  beads.pop_back();
  CHECK(tm::ReplaceEdit(kAt, now, now, beads).status().message() ==
        "tm.db: the new beads of 'news' do not hold every sentence once; nothing changed");
}

TEST_CASE("the undo and redo stacks follow edits, undos, redos and new stores", "[tm][edits]") {
  struct Case {
    std::vector<tm::HistoryStep> steps;
    std::vector<int64_t> undo, redo;
  };
  const std::vector<Case> cases = {
      {{{1, "add-document", 0}}, {}, {}},
      {{{1, "add-document", 0}, {2, "merge", 0}, {3, "set-status", 0}}, {2, 3}, {}},
      {{{1, "add-document", 0}, {2, "merge", 0}, {3, "undo", 2}}, {}, {3}},
      {{{1, "add-document", 0}, {2, "merge", 0}, {3, "undo", 2}, {4, "redo", 3}}, {4}, {}},
      {{{1, "add-document", 0}, {2, "merge", 0}, {3, "undo", 2}, {4, "split", 0}}, {4}, {}},
      {{{2, "merge", 0}, {3, "undo", 2}, {4, "replace-document", 0}}, {}, {}},
  };
  for (const Case& c : cases) {
    const tm::EditStacks s = tm::StacksOf(c.steps);
    CHECK(s.undo == c.undo);
    CHECK(s.redo == c.redo);
  }
}

TEST_CASE("history snapshots keep their bytes and read back", "[tm][edits][history]") {
  tm::Snapshot s;
  s.beads = {B(4, 1, 3, 2, 2, 0.1), B(5, 3, 4, 2, 3, 1)};
  s.sentences = {{"en", 2, "Say \"hi\"."}};
  const std::string json = tm::SnapshotJson(s);
  CHECK(json ==
        R"({"beads":[{"position":4,"ru":[1,3],"en":[2,2],"score":0.10000000000000001,)"
        R"("status":"auto","created":"2026-11-28T11:30:00Z"},{"position":5,"ru":[3,4],)"
        R"("en":[2,3],"score":1,"status":"auto","created":"2026-11-28T11:30:00Z"}],)"
        R"("sentences":[{"side":"en","position":2,"text":"Say \"hi\"."}]})");
  Result<tm::Snapshot> back = tm::ParseSnapshot(json);
  REQUIRE(back.ok());
  REQUIRE(back->beads.size() == 2);
  CHECK(tm::SameBeadState(back->beads[0], s.beads[0]));
  CHECK(tm::SameBeadState(back->beads[1], s.beads[1]));
  CHECK(back->beads[0].created == "2026-11-28T11:30:00Z");
  REQUIRE(back->sentences.size() == 1);
  CHECK(back->sentences[0].text == "Say \"hi\".");
  CHECK(tm::IsJsonEntry(json));
  CHECK_FALSE(tm::IsJsonEntry("approved"));
  CHECK(tm::StoredDocumentJson(3, "a.ru.txt", "a.en.txt") ==
        R"({"beads":3,"ru_file":"a.ru.txt","en_file":"a.en.txt"})");
  CHECK(tm::ImportedDocumentJson(2, "x.tmx") == R"({"beads":2,"file":"x.tmx"})");
  CHECK(tm::ReplacedDocumentJson(7) == R"({"beads":7})");
  CHECK(tm::ParseSnapshot(R"({"beads":[]})").status().message() == "history entry without beads");
}
