#include "tm/tm_merge.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/history.h"
#include "tm/queries.h"
#include "tm/search.h"
#include "tm/tm_store.h"
#include "common/document.h"

using namespace sverka;

namespace {

DocumentRecord Doc(const std::string& name, const std::string& ru_text = "Первое.") {
  DocumentRecord doc;
  doc.name = name;
  doc.ru_file = name + ".ru.txt";
  doc.en_file = name + ".en.txt";
  doc.ru_hash = tm::ContentHash(ru_text);
  doc.en_hash = tm::ContentHash("en");
  doc.ru = {{0, ru_text, 0, 14}, {0, "Второе.", 15, 29}};
  doc.en = {{0, "First.", 0, 6}};
  doc.beads = {{0, 1, 0, 1, 0.9}, {1, 1, 1, 0, 0.2}};
  return doc;
}

void Make(const std::string& path, const std::vector<DocumentRecord>& docs) {
  Result<std::unique_ptr<tm::TmStore>> store =
      tm::TmStore::Open(path, tm::OpenMode::kCreateOrWrite);
  REQUIRE(store.ok());
  for (const auto& d : docs) REQUIRE(tm::AddDocument(*(*store), d, false).ok());
}

}  // namespace

TEST_CASE("merge keeps A's documents and adds B's new ones with status, history and search",
          "[tm][merge]") {
  testing::ScratchDir dir;
  Make(dir / "a.db", {Doc("one"), Doc("two")});
  Make(dir / "b.db", {Doc("two"), Doc("three")});
  {
    Result<std::unique_ptr<tm::TmStore>> b =
        tm::TmStore::Open(dir / "b.db", tm::OpenMode::kCreateOrWrite);
    REQUIRE(b.ok());
    REQUIRE(tm::ChangeStatus(*(*b), "three", 0, "approved").ok());
  }
  Result<tm::MergeCounts> counts = tm::MergeMemories(dir / "a.db", dir / "b.db", dir / "c.db");
  REQUIRE(counts.ok());
  CHECK(counts->from_a == 2);
  CHECK(counts->from_b == 1);
  CHECK(counts->identical == 1);
  CHECK_FALSE(std::filesystem::exists(dir / "c.db.tmp"));
  Result<std::unique_ptr<tm::TmStore>> c = tm::TmStore::Open(dir / "c.db", tm::OpenMode::kReadOnly);
  REQUIRE(c.ok());
  CHECK(*(*c)->DocumentNames() == std::vector<std::string>{"one", "three", "two"});
  Result<std::vector<tm::StoredDocumentState>> states = tm::DocumentStates(*(*c));
  REQUIRE(states.ok());
  CHECK((*states)[1].reviewed_beads == 1);
  Result<std::vector<tm::HistoryEntry>> history = tm::History(*(*c), std::string("three"));
  REQUIRE(history.ok());
  REQUIRE(history->size() == 2);
  CHECK(history->back().action == "set-status");
  Result<std::vector<tm::SearchHit>> hits = tm::Search(*(*c), "Первое", "[", "]", 10);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 3);
}

TEST_CASE("merge refuses documents that differ, and an output that is an input",
          "[tm][merge][errors]") {
  testing::ScratchDir dir;
  Make(dir / "a.db", {Doc("one")});
  Make(dir / "b.db", {Doc("one", "Другое.")});
  Result<tm::MergeCounts> conflict = tm::MergeMemories(dir / "a.db", dir / "b.db", dir / "c.db");
  REQUIRE_FALSE(conflict.ok());
  CHECK(conflict.status().kind() == ErrorKind::kInvalidData);
  CHECK(conflict.status().message() == dir / "b.db" + ": document 'one' is also in " +
                                           dir / "a.db" +
                                           " with other source texts; merge refused");
  CHECK_FALSE(std::filesystem::exists(dir / "c.db"));
  CHECK_FALSE(std::filesystem::exists(dir / "c.db.tmp"));
  Result<tm::MergeCounts> same = tm::MergeMemories(dir / "a.db", dir / "b.db", dir / "b.db");
  REQUIRE_FALSE(same.ok());
  CHECK(same.status().kind() == ErrorKind::kUsage);
  CHECK(same.status().message() == dir / "b.db" +
                                       ": is the translation memory this command reads; write "
                                       "the output to another file");
  Result<tm::MergeCounts> missing = tm::MergeMemories(dir / "a.db", dir / "none.db", dir / "c.db");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == dir / "none.db" + ": no such translation memory");
}

TEST_CASE("merge of several memories in one pass gives what folding them in order gives",
          "[tm][merge]") {
  testing::ScratchDir dir;
  Make(dir / "a.db", {Doc("one"), Doc("two")});
  Make(dir / "b.db", {Doc("two"), Doc("three")});
  Make(dir / "c.db", {Doc("three"), Doc("four"), Doc("five")});
  {
    Result<std::unique_ptr<tm::TmStore>> c =
        tm::TmStore::Open(dir / "c.db", tm::OpenMode::kCreateOrWrite);
    REQUIRE(c.ok());
    REQUIRE(tm::ChangeStatus(*(*c), "three", 1, "approved").ok());  // c's reviewed copy is taken
  }
  Result<tm::MergeCounts> all =
      tm::MergeMemories({dir / "a.db", dir / "b.db", dir / "c.db"}, dir / "all.db");
  REQUIRE(all.ok());
  CHECK(all->from_a == 2);
  CHECK(all->from_b == 2);  // four and five from c (three: b's copy, then c's reviewed one)
  CHECK(all->identical == 1);
  CHECK(all->reviewed_from_b == 1);
  REQUIRE(tm::MergeMemories(dir / "a.db", dir / "b.db", dir / "ab.db").ok());
  REQUIRE(tm::MergeMemories(dir / "ab.db", dir / "c.db", dir / "fold.db").ok());
  auto contents = [](const std::string& path) {
    Result<std::unique_ptr<tm::TmStore>> m = tm::TmStore::Open(path, tm::OpenMode::kReadOnly);
    REQUIRE(m.ok());
    std::vector<std::string> rows;
    const Result<std::vector<std::string>> names = (*m)->DocumentNames();
    REQUIRE(names.ok());
    for (const std::string& name : *names) {
      const Result<std::vector<tm::BeadView>> beads = tm::Beads(*(*m), name);
      REQUIRE(beads.ok());
      for (const tm::BeadView& b : *beads) {
        rows.push_back(name + " " + std::to_string(b.position) + " " + b.status + " " +
                       std::to_string(b.score));
      }
      rows.push_back(name + " history " + std::to_string(tm::History(*(*m), name)->size()));
    }
    return rows;
  };
  CHECK(contents(dir / "all.db") == contents(dir / "fold.db"));
  CHECK(contents(dir / "all.db").size() == 15);

  // A conflict in a later input names the inputs before it; nothing is written.
  Make(dir / "d.db", {Doc("four", "Другое.")});
  Result<tm::MergeCounts> conflict =
      tm::MergeMemories({dir / "a.db", dir / "c.db", dir / "d.db"}, dir / "x.db");
  REQUIRE_FALSE(conflict.ok());
  CHECK(conflict.status().message() == dir / "d.db" + ": document 'four' is also in " +
                                           dir / "a.db" + " + " + dir / "c.db" +
                                           " with other source texts; merge refused");
  CHECK_FALSE(std::filesystem::exists(dir / "x.db"));
  CHECK(tm::MergeMemories({dir / "a.db"}, dir / "x.db").status().kind() == ErrorKind::kUsage);
}

TEST_CASE("merge leaves unindexed what its inputs left unindexed, and indexes the rest",
          "[tm][merge]") {
  testing::ScratchDir dir;
  Make(dir / "a.db", {Doc("one")});
  {
    // b.db as batch and import --jsonl store: beads pending, not indexed.
    Result<std::unique_ptr<tm::TmStore>> b = tm::TmStore::Open(
        dir / "b.db", tm::OpenMode::kCreateOrWrite, {.defer_index = true});
    REQUIRE(b.ok());
    REQUIRE(tm::AddDocument(*(*b), Doc("two", "Пятое."), false).ok());
    REQUIRE(*tm::UnindexedBeads(*(*b)) == 2);
  }
  Make(dir / "c.db", {Doc("three", "Шестое.")});
  REQUIRE(tm::MergeMemories({dir / "a.db", dir / "b.db", dir / "c.db"}, dir / "m.db").ok());
  Result<std::unique_ptr<tm::TmStore>> m =
      tm::TmStore::Open(dir / "m.db", tm::OpenMode::kCreateOrWrite);
  REQUIRE(m.ok());
  CHECK(*tm::UnindexedBeads(*(*m)) == 2);  // b's two beads; a's and c's are indexed
  int64_t unindexed = -1;
  Result<std::vector<tm::SearchHit>> hits = tm::Search(*(*m), "Шестое", "[", "]", 10, &unindexed);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 1);  // c's bead, from the index
  hits = tm::Search(*(*m), "Пятое", "[", "]", 10, &unindexed);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 1);  // b's, read directly while pending
  REQUIRE(*tm::UpdateIndex(*(*m)) == 2);
  CHECK(*tm::UnindexedBeads(*(*m)) == 0);
  hits = tm::Search(*(*m), "Пятое", "[", "]", 10, &unindexed);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 1);
  CHECK(unindexed == 0);
}
