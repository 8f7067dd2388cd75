// Whole-document edits: a reviewer's pin, realign's beads, and
// TmStore::ReplaceBeads writing them as one undoable edit.
#include "tm/whole_edits.h"

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "sql_fixtures.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/tm_store.h"
#include "common/document.h"

using namespace sverka;
using testing::IndexConsistent;

namespace {

// Six sentences a side in six 1-1 beads, the third approved.
DocumentRecord Document() {
  DocumentRecord doc;
  doc.name = "news";
  doc.ru_hash = tm::ContentHash("ru");
  doc.en_hash = tm::ContentHash("en");
  for (const char* t : {"Ноль.", "Один.", "Два.", "Три.", "Четыре.", "Пять."}) doc.ru.push_back({0, t, 0, 0});
  for (const char* t : {"Zero.", "One.", "Two.", "Three.", "Four.", "Five."}) doc.en.push_back({0, t, 0, 0});
  for (int32_t k = 0; k < 6; ++k) doc.beads.push_back({k, 1, k, 1, 0.5 + 0.05 * k});
  return doc;
}

std::string Layout(const std::vector<tm::BeadView>& beads) {
  std::string out;
  for (const tm::BeadView& b : beads) {
    if (!out.empty()) out += ' ';
    out += std::to_string(b.position) + ":r" + std::to_string(b.ru_begin) + "-" + std::to_string(b.ru_end) +
           ":e" + std::to_string(b.en_begin) + "-" + std::to_string(b.en_end) + ":" + b.status;
  }
  return out;
}

std::unique_ptr<tm::TmStore> Fresh(const testing::ScratchDir& dir) {
  auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite, {.user = "tester"});
  REQUIRE(store.ok());
  REQUIRE(tm::AddDocument(*(*store), Document(), false).ok());
  REQUIRE(tm::ChangeStatus(*(*store), "news", 2, "approved").ok());
  return std::move(*store);
}

std::vector<tm::BeadView> Beads(tm::TmStore& store) {
  auto beads = tm::Beads(store, "news");
  REQUIRE(beads.ok());
  return *beads;
}

}  // namespace

TEST_CASE("a pin makes its sentences one edited bead and leaves the rest of their beads unscored", "[tm][realign]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  const auto before = Beads(*store);
  // Russian 3 goes with English 4: beads 3 and 4 each lose a sentence.
  auto pinned = tm::Pinned(before, 3, 4, 4, 5);
  REQUIRE(pinned.ok());
  // English 3 left alone comes before the pin, Russian 4 after it.
  CHECK(Layout(*pinned) ==
        "0:r0-1:e0-1:auto 1:r1-2:e1-2:auto 2:r2-3:e2-3:approved 3:r3-3:e3-4:auto 4:r3-4:e4-5:edited "
        "5:r4-5:e5-5:auto 6:r5-6:e5-6:auto");
  CHECK((*pinned)[4].score == 1.0);
  CHECK((*pinned)[3].score == 0.0);
  CHECK((*pinned)[5].score == 0.0);
  CHECK((*pinned)[6].score == before[5].score);
  auto change = tm::ReplaceBeads(*store, "news", "pair", before, *pinned);
  REQUIRE(change.ok());
  CHECK(change->action == "pair");
  CHECK(change->before.size() == 2);  // beads 3 and 4 became three
  CHECK(change->after.size() == 3);
  CHECK(Layout(Beads(*store)) == Layout(*pinned));
  CHECK(IndexConsistent(dir / "tm.db"));
  // One undo restores the document.
  REQUIRE(tm::UndoLast(*store, "news").ok());
  CHECK(Layout(Beads(*store)) == Layout(before));
  CHECK(IndexConsistent(dir / "tm.db"));
}

TEST_CASE("a pin with no English goes by its Russian, past English-only beads", "[tm][realign]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  const auto before = Beads(*store);
  // Russian 4 left untranslated: English 4 stays alone, before it.
  auto pinned = tm::Pinned(before, 4, 5, 0, 0);
  REQUIRE(pinned.ok());
  CHECK(Layout(*pinned) == "0:r0-1:e0-1:auto 1:r1-2:e1-2:auto 2:r2-3:e2-3:approved 3:r3-4:e3-4:auto "
                           "4:r4-4:e4-5:auto 5:r4-5:e5-5:edited 6:r5-6:e5-6:auto");
  // And once more further on: Russian 5, with English 4 and 5 alone before it.
  auto again = tm::Pinned(*pinned, 5, 6, 0, 0);
  REQUIRE(again.ok());
  CHECK(Layout(*again) == "0:r0-1:e0-1:auto 1:r1-2:e1-2:auto 2:r2-3:e2-3:approved 3:r3-4:e3-4:auto "
                          "4:r4-4:e4-5:auto 5:r4-5:e5-5:edited 6:r5-5:e5-6:auto 7:r5-6:e6-6:edited");
}

TEST_CASE("a pin refuses empty and out-of-document ranges", "[tm][realign]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  const auto before = Beads(*store);
  CHECK(tm::Pinned(before, 2, 2, 3, 3).status().message() == "a pin needs a sentence");
  CHECK(tm::Pinned(before, 2, 7, 3, 4).status().message() ==
        "Russian sentence 6 is past the document's last, 5");
  CHECK(tm::Pinned(before, 2, 3, 3, 9).status().message() ==
        "English sentence 8 is past the document's last, 5");
  CHECK(tm::Pinned(before, 3, 2, 3, 4).status().message() == "a sentence range must go forward");
}

TEST_CASE("realigned beads keep what a reviewer decided about the same sentences", "[tm][realign]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  REQUIRE(tm::ChangeStatus(*store, "news", 5, "rejected").ok());
  const auto before = Beads(*store);
  // The aligner's answer: 0 and 1 merged, 2 as it was, 3 4 5 as they were.
  const Alignment beads = {{0, 2, 0, 2, 0.7}, {2, 1, 2, 1, 0.9}, {3, 1, 3, 1, 0.8},
                                  {4, 1, 4, 1, 0.85}, {5, 1, 5, 1, 0.2}};
  const auto next = tm::Realigned(before, beads);
  CHECK(Layout(next) == "0:r0-2:e0-2:auto 1:r2-3:e2-3:approved 2:r3-4:e3-4:auto 3:r4-5:e4-5:auto "
                        "4:r5-6:e5-6:rejected");
  CHECK(next[0].score == 0.7);               // the aligner's, next to the approved bead
  CHECK(next[1].score == before[2].score);  // a reviewed bead keeps its score
  CHECK(next[2].score == before[3].score);  // a bead the aligner left as it was stays as stored
  CHECK(next[2].created == before[3].created);
  auto change = tm::ReplaceBeads(*store, "news", "realign", before, next);
  REQUIRE(change.ok());
  // The region that differs: beads 0 and 1 became one.
  CHECK(change->before.size() == 2);
  CHECK(change->after.size() == 1);
  CHECK(Layout(Beads(*store)) == Layout(next));
  CHECK(IndexConsistent(dir / "tm.db"));
  auto stacks = tm::Stacks(*store, "news");
  REQUIRE(stacks.ok());
  CHECK(stacks->undo.back() == change->history_id);
  // The same again changes nothing and writes nothing.
  const auto now = Beads(*store);
  auto again = tm::ReplaceBeads(*store, "news", "realign", now, tm::Realigned(now, beads));
  REQUIRE(again.ok());
  CHECK(again->history_id == 0);
  REQUIRE(tm::UndoLast(*store, "news").ok());
  CHECK(Layout(Beads(*store)) == Layout(before));
}

TEST_CASE("realign changes nothing far from every fix", "[tm][realign]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);  // bead 2 approved
  const auto before = Beads(*store);
  // The aligner would merge beads 4 and 5, two beads away from the approved one.
  const Alignment far = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 1, 0.9}, {2, 1, 2, 1, 0.9},
                                {3, 1, 3, 1, 0.9}, {4, 2, 4, 2, 0.9}};
  CHECK(Layout(tm::Realigned(before, far)) == Layout(before));
  // Next to it (beads 3 and 4 merged, bead 3 touching the approved bead 2) it is taken.
  const Alignment near = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 1, 0.9}, {2, 1, 2, 1, 0.9},
                                 {3, 2, 3, 2, 0.9}, {5, 1, 5, 1, 0.9}};
  CHECK(Layout(tm::Realigned(before, near)) ==
        "0:r0-1:e0-1:auto 1:r1-2:e1-2:auto 2:r2-3:e2-3:approved 3:r3-5:e3-5:auto 4:r5-6:e5-6:auto");
}

TEST_CASE("replacing beads is refused when the document changed since it was read, or the beads do not cover it",
          "[tm][realign]") {
  testing::ScratchDir dir;
  auto store = Fresh(dir);
  const auto seen = Beads(*store);
  auto pinned = tm::Pinned(seen, 0, 1, 1, 2);
  REQUIRE(pinned.ok());
  REQUIRE(tm::ChangeStatus(*store, "news", 4, "approved").ok());  // another edit meanwhile
  auto stale = tm::ReplaceBeads(*store, "news", "pair", seen, *pinned);
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.status().message() == dir / "tm.db" + ": 'news' changed meanwhile; nothing changed");
  const auto now = Beads(*store);
  std::vector<tm::BeadView> short_of_one(now.begin(), now.end() - 1);
  auto uncovered = tm::ReplaceBeads(*store, "news", "realign", now, short_of_one);
  REQUIRE_FALSE(uncovered.ok());
  CHECK(uncovered.status().message() ==
        dir / "tm.db" + ": the new beads of 'news' do not hold every sentence once; nothing changed");
  CHECK(Layout(Beads(*store)) == Layout(now));
}
