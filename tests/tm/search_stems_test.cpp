// The stem index bead_stems (schema version 6, issue 16): search finds a
// phrase's words in other forms after the exact hits, and every path that
// writes bead text keeps the index in step (checked against the stems made
// anew from the stored text, and by SQLite's and FTS5's own checks).
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "fixtures.h"
#include "sql_fixtures.h"
#include "stem/search_words.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/search.h"
#include "tm/tm_merge.h"
#include "tm/tm_store.h"
#include "common/document.h"

using namespace sverka;
using testing::IndexConsistent;
using testing::SqlCount;

namespace {

// Document `name`: four 1-1 beads, one sentence a side each.
DocumentRecord Doc(const std::string& name, const std::vector<std::string>& ru,
                       const std::vector<std::string>& en) {
  DocumentRecord doc;
  doc.name = name;
  doc.ru_file = name + ".ru.txt";
  doc.en_file = name + ".en.txt";
  doc.ru_hash = tm::ContentHash(name + "ru");
  doc.en_hash = tm::ContentHash(name + "en");
  for (size_t k = 0; k < ru.size(); ++k) {
    doc.ru.push_back({0, ru[k], 0, 0});
    doc.en.push_back({0, en[k], 0, 0});
    doc.beads.push_back({static_cast<int32_t>(k), 1, static_cast<int32_t>(k), 1, 0.9});
  }
  return doc;
}

const std::vector<std::string> kRu = {"Культурная дипломатия важна.", "Права человека защищены.",
                                      "Он говорил о культурной дипломатии.",
                                      "Защита прав человека."};
const std::vector<std::string> kEn = {"Cultural diplomacy matters.", "Human rights are protected.",
                                      "He spoke of cultural diplomacy.",
                                      "The defence of a human right."};

std::unique_ptr<tm::TmStore> Open(const std::string& path, bool defer = false) {
  auto store = tm::TmStore::Open(path, tm::OpenMode::kCreateOrWrite,
                                 {.user = "tester", .defer_index = defer});
  INFO((store.ok() ? "" : store.status().message()));
  REQUIRE(store.ok());
  return std::move(*store);
}

// Each hit as "document#position" with "~" for a hit in other forms.
std::vector<std::string> Hits(tm::TmStore& store, const std::string& phrase,
                              tm::SearchMatch match = tm::SearchMatch::kExactThenStemmed,
                              size_t limit = 100) {
  auto hits = tm::Search(store, phrase, "[", "]", limit, nullptr, match);
  INFO((hits.ok() ? "" : hits.status().message()));
  REQUIRE(hits.ok());
  std::vector<std::string> out;
  for (const tm::SearchHit& h : *hits) {
    out.push_back(h.document + "#" + std::to_string(h.position) + (h.exact ? "" : "~"));
  }
  return out;
}

// The stem index holds exactly the indexed beads (not the pending ones),
// each with the stems of its text as stored now; SQLite's integrity_check
// and FTS5's integrity-check of bead_stems pass, and of bead_text when no
// bead is pending.
bool StemIndexConsistent(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  auto stemmer = stem::SearchStemmer::Create();
  REQUIRE(stemmer.ok());
  std::map<int64_t, std::string> want, have;
  auto read = [&](const char* sql, bool make) {
    sqlite3_stmt* q = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql, -1, &q, nullptr) == SQLITE_OK);
    while (sqlite3_step(q) == SQLITE_ROW) {
      const std::string ru = reinterpret_cast<const char*>(sqlite3_column_text(q, 1));
      const std::string en = reinterpret_cast<const char*>(sqlite3_column_text(q, 2));
      (make ? want : have)[sqlite3_column_int64(q, 0)] =
          make ? (*stemmer)->Stems(ru) + "|" + (*stemmer)->Stems(en) : ru + "|" + en;
    }
    sqlite3_finalize(q);
  };
  read("SELECT id, ru, en FROM bead_pairs WHERE id NOT IN (SELECT bead_id FROM "
       "bead_text_pending)",
       true);
  read("SELECT rowid, ru, en FROM bead_stems", false);
  sqlite3_close(db);
  CHECK(want == have);
  CHECK(SqlCount(path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") == 0);
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  const int rc = sqlite3_exec(db, "INSERT INTO bead_stems (bead_stems, rank) VALUES ('integrity-check', 1)",
                              nullptr, nullptr, nullptr);
  sqlite3_close(db);
  CHECK(rc == SQLITE_OK);
  // bead_text's own check fails while beads are pending (doc/schema.md).
  const bool pending = SqlCount(path, "SELECT count(*) FROM bead_text_pending") > 0;
  return want == have && rc == SQLITE_OK && (pending || IndexConsistent(path));
}

}  // namespace

TEST_CASE("search finds other inflections after the exact phrase; --exact finds only it",
          "[tm][search][stem]") {
  testing::ScratchDir dir;
  auto store = Open(dir / "tm.db");
  REQUIRE(tm::AddDocument(*store, Doc("d", kRu, kEn), false).ok());
  CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"d#0", "d#2~"});
  CHECK(Hits(*store, "культурной дипломатии") == std::vector<std::string>{"d#2", "d#0~"});
  CHECK(Hits(*store, "права человека") == std::vector<std::string>{"d#1", "d#3~"});
  CHECK(Hits(*store, "human rights") == std::vector<std::string>{"d#1", "d#3~"});
  CHECK(Hits(*store, "КУЛЬТУРНАЯ ДИПЛОМАТИЯ", tm::SearchMatch::kExact) ==
        std::vector<std::string>{"d#0"});
  // The limit counts both kinds; the exact ones come first.
  CHECK(Hits(*store, "культурной дипломатии", tm::SearchMatch::kExactThenStemmed, 1) ==
        std::vector<std::string>{"d#2"});
  // Words in other forms are marked where they stand.
  auto hits = tm::Search(*store, "права человека", "[", "]", 10);
  REQUIRE(hits.ok());
  REQUIRE(hits->size() == 2);
  CHECK((*hits)[1].ru == "Защита [прав человека].");
  CHECK((*hits)[1].en == "The defence of a human right.");
  CHECK_FALSE((*hits)[1].exact);
  // Not the same words: no hit in other forms.
  CHECK(Hits(*store, "культурная политика").empty());
  CHECK(StemIndexConsistent(dir / "tm.db"));
}

TEST_CASE("the stem index follows edits, merges, splits, undo, redo, replace and import",
          "[tm][search][stem][review]") {
  testing::ScratchDir dir;
  auto store = Open(dir / "tm.db");
  REQUIRE(tm::AddDocument(*store, Doc("d", kRu, kEn), false).ok());
  REQUIRE(StemIndexConsistent(dir / "tm.db"));
  // Text edit: the old words go, the new ones are found in other forms.
  REQUIRE(tm::EditSentence(*store, "d", 0, "ru", 0, "Культурный обмен важен.").ok());
  CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"d#2~"});
  CHECK(Hits(*store, "культурного обмена") == std::vector<std::string>{"d#0~"});
  CHECK(StemIndexConsistent(dir / "tm.db"));
  // Merge: beads 1 and 2 become bead 1; bead 3 becomes 2.
  REQUIRE(tm::MergeBeads(*store, "d", 1, 2).ok());
  CHECK(Hits(*store, "права человека") == std::vector<std::string>{"d#1", "d#2~"});
  CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"d#1~"});
  CHECK(StemIndexConsistent(dir / "tm.db"));
  // Split it again at 1:1.
  REQUIRE(tm::SplitBead(*store, "d", 1, 1, 1).ok());
  CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"d#2~"});
  CHECK(StemIndexConsistent(dir / "tm.db"));
  // Undo the split, undo the merge, undo the edit: as stored at first.
  REQUIRE(tm::UndoLast(*store, "d").ok());
  REQUIRE(tm::UndoLast(*store, "d").ok());
  REQUIRE(tm::UndoLast(*store, "d").ok());
  CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"d#0", "d#2~"});
  CHECK(Hits(*store, "культурного обмена").empty());
  CHECK(StemIndexConsistent(dir / "tm.db"));
  // Redo the edit.
  REQUIRE(tm::RedoLast(*store, "d").ok());
  CHECK(Hits(*store, "культурного обмена") == std::vector<std::string>{"d#0~"});
  CHECK(StemIndexConsistent(dir / "tm.db"));
  // Move a sentence across a boundary (the region is written anew).
  REQUIRE(tm::MoveSentence(*store, "d", 2, "en", tm::MoveDirection::kToNext).ok());
  CHECK(StemIndexConsistent(dir / "tm.db"));
  // Replace the document: the old text's stems go.
  REQUIRE(tm::AddDocument(*store, Doc("d", {"Новый текст о правах."}, {"New text on rights."}), true,
                             true)
              .ok());
  CHECK(Hits(*store, "права человека").empty());
  CHECK(Hits(*store, "право") == std::vector<std::string>{"d#0~"});
  CHECK(StemIndexConsistent(dir / "tm.db"));
  // Import (TMX units) stems its units as it stores them.
  auto counts = tm::ImportUnits(*store, {.source_file = "x.tmx", .source_hash = "h"},
                                   [](const tm::UnitSink& add) {
                                     return add({.document = "x",
                                                 .ru = "Культурной дипломатией.",
                                                 .en = "Diplomacies."});
                                   });
  REQUIRE(counts.ok());
  CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"x#0~"});
  CHECK(Hits(*store, "diplomacy") == std::vector<std::string>{"x#0~"});
  CHECK(StemIndexConsistent(dir / "tm.db"));
}

TEST_CASE("pending beads are found in other forms, and indexed with their stems",
          "[tm][search][stem][index]") {
  testing::ScratchDir dir;
  {
    auto store = Open(dir / "tm.db", /*defer=*/true);
    REQUIRE(tm::AddDocument(*store, Doc("d", kRu, kEn), false).ok());
    CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_stems") == 0);
    CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"d#0", "d#2~"});
    CHECK(StemIndexConsistent(dir / "tm.db"));
    // An edit of a pending bead indexes what it writes.
    REQUIRE(tm::MergeBeads(*store, "d", 2, 3).ok());
    CHECK(StemIndexConsistent(dir / "tm.db"));
    CHECK(Hits(*store, "права человека") == std::vector<std::string>{"d#1", "d#2~"});
  }
  auto store = Open(dir / "tm.db");
  REQUIRE(*tm::UpdateIndex(*store) == 2);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_stems") == 3);
  CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"d#0", "d#2~"});
  CHECK(StemIndexConsistent(dir / "tm.db"));
}

// Both temporary indexes of a search read the beads' texts from one table
// (search.cpp): an indexed bead with a soft hyphen goes into the exact one
// only, the pending beads into both; each bead is found once.
TEST_CASE("an indexed bead with a soft hyphen and pending beads are searched together",
          "[tm][search][stem][index]") {
  testing::ScratchDir dir;
  {
    auto store = Open(dir / "tm.db");
    REQUIRE(tm::AddDocument(*store, Doc("a", {"Культурная дипло\u00ADматия важна.", "Права человека."},
                                        {"Cultural diplo\u00ADmacy matters.", "Human rights."}),
                            false)
                .ok());
  }
  auto store = Open(dir / "tm.db", /*defer=*/true);
  REQUIRE(tm::AddDocument(*store, Doc("p", kRu, kEn), false).ok());
  REQUIRE(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 4);
  CHECK(Hits(*store, "культурная дипломатия") == std::vector<std::string>{"a#0", "p#0", "p#2~"});
  CHECK(Hits(*store, "cultural diplomacy", tm::SearchMatch::kExact) ==
        std::vector<std::string>{"a#0", "p#0", "p#2"});
  CHECK(Hits(*store, "прав человека") == std::vector<std::string>{"p#3", "a#1~", "p#1~"});
  // The soft-hyphen bead's stems are in the stem index already: found once.
  CHECK(Hits(*store, "культурной дипломатии") == std::vector<std::string>{"p#2", "a#0~", "p#0~"});
  auto hits = tm::Search(*store, "дипломатия", "[", "]", 100, nullptr, tm::SearchMatch::kExact);
  REQUIRE(hits.ok());
  REQUIRE(!hits->empty());
  CHECK((*hits)[0].ru == "Культурная [дипломатия] важна.");  // shown without the soft hyphen
}

TEST_CASE("merge of memories carries and makes the stem index", "[tm][search][stem][merge]") {
  testing::ScratchDir dir;
  {
    auto a = Open(dir / "a.db");
    REQUIRE(tm::AddDocument(*a, Doc("a", {kRu[0]}, {kEn[0]}), false).ok());
    REQUIRE(tm::AddDocument(*a, Doc("shared", {kRu[1]}, {kEn[1]}), false).ok());
    auto b = Open(dir / "b.db", /*defer=*/true);  // B's beads pending: stems made by the merge
    REQUIRE(tm::AddDocument(*b, Doc("b", {kRu[2]}, {kEn[2]}), false).ok());
    REQUIRE(tm::AddDocument(*b, Doc("shared", {kRu[1]}, {kEn[1]}), false).ok());
    REQUIRE(tm::ChangeStatus(*b, "shared", 0, "approved").ok());  // B's review replaces A's copy
  }
  auto counts = tm::MergeMemories(dir / "a.db", dir / "b.db", dir / "c.db");
  INFO((counts.ok() ? "" : counts.status().message()));
  REQUIRE(counts.ok());
  CHECK(counts->reviewed_from_b == 1);
  auto c = Open(dir / "c.db");
  CHECK(Hits(*c, "культурная дипломатия") == std::vector<std::string>{"a#0", "b#0~"});
  CHECK(Hits(*c, "прав человека") == std::vector<std::string>{"shared#0~"});
  CHECK(StemIndexConsistent(dir / "c.db"));
}

TEST_CASE("a version 5 memory made by sverka before issue 16 is upgraded, losing nothing",
          "[tm][search][stem][schema]") {
  // corpora/memories/v5-main.db: written by the main binary of 3 Dec 2026
  // (schema 5): an aligned article with review edits (merge, approve, split,
  // undo, text edit), an imported TMX with ё and a soft hyphen, and an
  // article stored by batch, its 21 beads pending.
  testing::ScratchDir dir;
  std::filesystem::copy_file(testing::Corpus("memories/v5-main.db"), dir / "tm.db");
  const char* kTables[] = {"documents", "sentences", "beads", "history", "bead_text_pending"};
  std::map<std::string, std::string> before;
  auto dump = [&](const std::string& table) {
    // Schema 7 adds the sentences' times (NULL here): the columns of version 5 compared.
    const std::string columns = table == "sentences"
        ? "id, document_id, side, position, paragraph, text, start_offset, end_offset" : "*";
    return testing::SqlRows(dir / "tm.db", "SELECT " + columns + " FROM " + table + " ORDER BY rowid");
  };
  CHECK(SqlCount(dir / "tm.db", "PRAGMA user_version") == 5);
  for (const char* t : kTables) before[t] = dump(t);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 21);
  {
    auto store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kReadOnly);  // as `search` opens it
    INFO((store.ok() ? "" : store.status().message()));
    REQUIRE(store.ok());
    CHECK(Hits(**store, "культурная дипломатия") == std::vector<std::string>{"terms#1~"});
    CHECK(Hits(**store, "human right") == std::vector<std::string>{"bbc#5~", "terms#0~"});
    CHECK(Hits(**store, "еще раз") == std::vector<std::string>{"terms#1"});
  }
  CHECK(SqlCount(dir / "tm.db", "PRAGMA user_version") == tm::kSchemaVersion);
  for (const char* t : kTables) {
    INFO(t);
    CHECK(dump(t) == before[t]);
  }
  // Every indexed bead has its stems; the pending ones get theirs when indexed.
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_stems") == 15);
  CHECK(StemIndexConsistent(dir / "tm.db"));
  auto store = Open(dir / "tm.db");
  REQUIRE(*tm::UpdateIndex(*store) == 21);
  CHECK(StemIndexConsistent(dir / "tm.db"));
}
