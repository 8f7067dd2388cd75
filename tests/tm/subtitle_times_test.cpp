// Schema version 7 (issue 15): sentences read from subtitles keep their
// cues' time span; beads give each side's span; older memories upgrade
// with every row as it was and no times.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "fixtures.h"
#include "sql_fixtures.h"
#include "formats/aligned_jsonl.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/queries.h"
#include "tm/tm_merge.h"
#include "tm/tm_store.h"
#include "common/document.h"
#include "common/document.h"

using namespace sverka;
using testing::SqlCount;

namespace {

DocumentRecord TimedDocument(const std::string& name) {
  DocumentRecord doc;
  doc.name = name;
  doc.ru_file = "a.ru.srt";
  doc.en_file = "a.en.vtt";
  doc.ru_hash = tm::ContentHash("ru");
  doc.en_hash = tm::ContentHash("en");
  doc.ru = {{0, "Первое.", 0, 14, 1000, 2500}, {0, "Второе.", 15, 29, 2500, 4000},
            {1, "Третье.", 31, 45, 9000, 9500}};
  doc.en = {{0, "First and second.", 0, 17, 1100, 3900}, {1, "Third.", 20, 26, 9100, 9600}};
  doc.beads = {{0, 2, 0, 1, 0.9}, {2, 1, 1, 1, 0.8}};
  return doc;
}

std::unique_ptr<tm::TmStore> Open(const std::string& path) {
  auto store = tm::TmStore::Open(path, tm::OpenMode::kCreateOrWrite);
  INFO((store.ok() ? "" : store.status().message()));
  REQUIRE(store.ok());
  return std::move(store).value();
}

std::vector<tm::PairRow> Pairs(tm::TmStore& store) {
  std::vector<tm::PairRow> rows;
  REQUIRE(tm::ForEachPair(store, {}, [&](const tm::PairRow& r) {
    rows.push_back(r);
    return Status::Ok();
  }).ok());
  return rows;
}

// Every row of `table` as text, columns `columns`, in rowid order.
std::string Dump(const std::string& path, const std::string& table, const std::string& columns) {
  return testing::SqlRows(path, "SELECT " + columns + " FROM " + table + " ORDER BY rowid");
}

// A memory of an older version is upgraded to the current one (8) on open: every row as it
// was, no sentence with a time, pairs and export as before.
void CheckUpgrade(const std::string& fixture, int version) {
  testing::ScratchDir dir;
  const std::string path = dir / "tm.db";
  std::filesystem::copy_file(testing::Corpus(fixture), path);
  REQUIRE(SqlCount(path, "PRAGMA user_version") == version);
  const char* kOld = "id, document_id, side, position, paragraph, text, start_offset, end_offset";
  const std::map<std::string, std::string> tables = {
      {"documents", "*"}, {"sentences", kOld}, {"beads", "*"}, {"history", "*"}};
  std::map<std::string, std::string> before;
  for (const auto& [table, columns] : tables) before[table] = Dump(path, table, columns);
  std::vector<tm::PairRow> pairs_before;
  {
    auto store = tm::TmStore::Open(path, tm::OpenMode::kReadOnly);  // as `export` opens it
    INFO((store.ok() ? "" : store.status().message()));
    REQUIRE(store.ok());
    pairs_before = Pairs(**store);
  }
  CHECK(SqlCount(path, "PRAGMA user_version") == tm::kSchemaVersion);
  for (const auto& [table, columns] : tables) {
    INFO(table);
    CHECK(Dump(path, table, columns) == before.at(table));
  }
  CHECK(SqlCount(path, "SELECT count(*) FROM sentences") > 20);
  CHECK(SqlCount(path, "SELECT count(*) FROM sentences WHERE start_ms IS NOT NULL OR end_ms IS NOT NULL") == 0);
  REQUIRE_FALSE(pairs_before.empty());
  for (const tm::PairRow& r : pairs_before) {
    CHECK(r.ru_start_ms == -1);
    CHECK(r.en_end_ms == -1);
  }
  // The upgraded memory takes a timed document beside the old ones.
  auto store = Open(path);
  REQUIRE(tm::AddDocument(*store, TimedDocument("subs"), false).ok());
  CHECK(SqlCount(path, "SELECT count(*) FROM sentences WHERE start_ms IS NOT NULL") == 5);
  CHECK(SqlCount(path, "PRAGMA quick_check = 1") == 0);  // "ok" reads as 0
}

}  // namespace

TEST_CASE("a subtitle document's times are stored and each bead side spans its sentences",
          "[tm][subtitles][schema]") {
  testing::ScratchDir dir;
  auto store = Open(dir / "tm.db");
  REQUIRE(tm::AddDocument(*store, TimedDocument("subs"), false).ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT end_ms FROM sentences WHERE side = 'ru' AND position = 1") == 4000);
  const std::vector<tm::PairRow> rows = Pairs(*store);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].ru_start_ms == 1000);
  CHECK(rows[0].ru_end_ms == 4000);
  CHECK(rows[0].en_start_ms == 1100);
  CHECK(rows[0].en_end_ms == 3900);
  CHECK(rows[1].ru_start_ms == 9000);
  CHECK(rows[1].en_end_ms == 9600);
  // A review merge changes the beads, not the sentences: the span follows.
  REQUIRE(tm::MergeBeads(*store, "subs", 0, 1).ok());
  const std::vector<tm::PairRow> merged = Pairs(*store);
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].ru_start_ms == 1000);
  CHECK(merged[0].ru_end_ms == 9500);
}

TEST_CASE("a text document next to a subtitle one has no times", "[tm][subtitles][schema]") {
  testing::ScratchDir dir;
  auto store = Open(dir / "tm.db");
  DocumentRecord text = TimedDocument("text");
  for (auto* side : {&text.ru, &text.en}) {
    for (SentenceRecord& s : *side) s.start_ms = s.end_ms = -1;
  }
  REQUIRE(tm::AddDocument(*store, text, false).ok());
  REQUIRE(tm::AddDocument(*store, TimedDocument("subs"), false).ok());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM sentences WHERE start_ms IS NULL") == 5);
  const std::vector<tm::PairRow> rows = Pairs(*store);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].document == "subs");
  CHECK(rows[0].ru_start_ms == 1000);
  CHECK(rows[2].document == "text");
  CHECK(rows[2].ru_start_ms == -1);
  CHECK(rows[2].en_end_ms == -1);
}

TEST_CASE("merge carries the sentences' times", "[tm][subtitles][schema]") {
  testing::ScratchDir dir;
  REQUIRE(tm::AddDocument(*Open(dir / "a.db"), TimedDocument("a"), false).ok());
  REQUIRE(tm::AddDocument(*Open(dir / "b.db"), TimedDocument("b"), false).ok());
  auto counts = tm::MergeMemories(dir / "a.db", dir / "b.db", dir / "c.db");
  INFO((counts.ok() ? "" : counts.status().message()));
  REQUIRE(counts.ok());
  CHECK(SqlCount(dir / "c.db", "SELECT sum(start_ms) + sum(end_ms) FROM sentences") ==
        2 * (1000 + 2500 + 2500 + 4000 + 9000 + 9500 + 1100 + 3900 + 9100 + 9600));
}

TEST_CASE("a version 5 memory made by sverka's main binary is upgraded to the current version, losing nothing",
          "[tm][subtitles][schema]") {
  CheckUpgrade("memories/v5-main.db", 5);
}

TEST_CASE("a version 6 memory made by sverka's main binary is upgraded to the current version, losing nothing",
          "[tm][subtitles][schema]") {
  CheckUpgrade("memories/v6-main.db", 6);
}

TEST_CASE("a version 7 memory made by sverka's main binary is upgraded to the current version, losing nothing",
          "[tm][subtitles][schema]") {
  CheckUpgrade("memories/v7-main.db", 7);
}

TEST_CASE("JSON lines carry the sentences' times both ways", "[tm][subtitles][jsonl]") {
  formats::AlignedRecord r;
  r.doc.name = "film";
  r.doc.ru_hash = r.doc.en_hash = "h";
  const DocumentRecord doc = TimedDocument("film");
  r.doc.ru = doc.ru;
  r.doc.en = doc.en;
  r.doc.en[1].start_ms = r.doc.en[1].end_ms = -1;  // a sentence without a time has none in the line
  r.doc.beads = doc.beads;
  const std::string line = formats::FormatAlignedLine(r);
  CHECK(line.find(R"("start":0,"end":14,"start_ms":1000,"end_ms":2500})") != std::string::npos);
  CHECK(line.find(R"("text":"Third.","paragraph":1,"start":20,"end":26})") != std::string::npos);
  Result<formats::AlignedRecord> back = formats::ParseAlignedLine(line);
  REQUIRE(back.ok());
  CHECK(back->doc.ru[2].start_ms == 9000);
  CHECK(back->doc.ru[2].end_ms == 9500);
  CHECK(back->doc.en[1].start_ms == -1);
  std::string half = line;
  half.replace(half.find(R"(,"end_ms":2500)"), 14, "");
  Result<formats::AlignedRecord> refused = formats::ParseAlignedLine(half);
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message() == "member 'ru': sentence 0 needs start_ms <= end_ms (both or neither)");
}
