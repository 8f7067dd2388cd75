#include "tm/tmx_import.h"

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "formats/tmx_writer.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/history.h"
#include "tm/queries.h"
#include "common/document.h"

using namespace sverka;

namespace {

std::unique_ptr<tm::TmStore> NewStore(const std::string& path) {
  auto store = tm::TmStore::Open(path, tm::OpenMode::kCreateOrWrite, {.user = "t"});
  REQUIRE(store.ok());
  return std::move(*store);
}

std::vector<tm::PairRow> Pairs(tm::TmStore& store) {
  std::vector<tm::PairRow> rows;
  REQUIRE(tm::ForEachPair(store, {},
                           [&](const tm::PairRow& r) {
                             rows.push_back(r);
                             return Status::Ok();
                           })
              .ok());
  return rows;
}

// Writes the store's pairs as sverka's export does (tests/cli covers the command).
void Export(tm::TmStore& store, const std::string& path) {
  auto writer =
      formats::TmxWriter::Create(path, {.tool_version = "t", .creation_date = "20260101T000000Z"});
  REQUIRE(writer.ok());
  REQUIRE(tm::ForEachPair(store, {},
                           [&](const tm::PairRow& r) {
                             char score[32];
                             std::snprintf(score, sizeof score, "%.3f", r.score);
                             return (*writer)->Add({r.ru,
                                                    r.en,
                                                    {{"x-document", r.document},
                                                     {"x-bead", std::to_string(r.position)},
                                                     {"x-score", score},
                                                     {"x-status", r.status}},
                                                    formats::TmxDateFromIso(r.created),
                                                    formats::TmxDateFromIso(r.changed)});
                           })
              .ok());
  REQUIRE((*writer)->Commit().ok());
}

}  // namespace

TEST_CASE("export, import, export gives the same units", "[tm][tmx][roundtrip]") {
  testing::ScratchDir dir;
  auto first = NewStore(dir / "a.db");
  DocumentRecord doc;
  doc.name = "news";
  doc.ru = {{0, "Первое «предложение» & <теги>.", 0, 1},
            {0, "Второе.", 1, 2},
            {0, "Третье.", 2, 3},
            {0, "Лишнее.", 3, 4}};
  doc.en = {{0, "First \"sentence\" & <tags>.", 0, 1}, {0, "Second and third.", 1, 2}};
  doc.beads = {
      {0, 1, 0, 1, 0.91}, {1, 1, 1, 0, 0.1}, {2, 2, 1, 1, 0.4}};  // a 1-0 bead in the middle
  REQUIRE(tm::AddDocument(*first, doc, false).ok());
  REQUIRE(tm::ChangeStatus(*first, "news", 2, "approved").ok());
  Export(*first, dir / "a.tmx");

  auto second = NewStore(dir / "b.db");
  auto summary = tm::ImportTmx(*second, dir / "a.tmx", {});
  REQUIRE(summary.ok());
  CHECK(summary->units == 2);
  CHECK(summary->documents == std::vector<std::string>{"news"});
  Export(*second, dir / "b.tmx");
  CHECK(testing::ReadFile(dir / "a.tmx") == testing::ReadFile(dir / "b.tmx"));
  const auto rows = Pairs(*second);
  REQUIRE(rows.size() == 2);
  CHECK(rows[1].position == 2);
  CHECK(rows[1].ru == "Третье. Лишнее.");
  CHECK(rows[1].status == "approved");
  CHECK(rows[1].score == Approx(0.4));
}

TEST_CASE("a foreign TMX goes to one document named after the file, approved",
          "[tm][tmx][import]") {
  testing::ScratchDir dir;
  auto store = NewStore(dir / "tm.db");
  auto summary = tm::ImportTmx(*store, testing::Corpus("tmx/lisa/ImportTest2A.tmx"),
                               {.read = {.ru_lang = "fr-CA", .en_lang = "en-US"}});
  REQUIRE(summary.ok());
  CHECK(summary->units == 7);
  CHECK(summary->documents == std::vector<std::string>{"ImportTest2A"});
  const auto rows = Pairs(*store);
  REQUIRE(rows.size() == 7);
  CHECK(rows[0].ru == "Le gros chat noir dors.");
  CHECK(rows[0].status == "approved");
  CHECK(rows[0].score == 1.0);
  CHECK(rows[6].position == 6);

  auto named = tm::ImportTmx(*store, testing::Corpus("tmx/lisa/ImportTest1L.tmx"),
                             {.name = "lisa", .read = {.ru_lang = "fr", .en_lang = "en"}});
  REQUIRE(named.ok());
  tm::PairFilter only;
  only.documents = {"lisa"};
  std::vector<tm::PairRow> lisa;
  REQUIRE(tm::ForEachPair(*store, only,
                            [&](const tm::PairRow& r) {
                              lisa.push_back(r);
                              return Status::Ok();
                            })
              .ok());
  REQUIRE(lisa.size() == 1);
  CHECK(lisa[0].created == "2002-05-23T09:12:00Z");
}

TEST_CASE("import fails without a unit in both languages, and stores nothing on error",
          "[tm][tmx][import][errors]") {
  testing::ScratchDir dir;
  auto store = NewStore(dir / "tm.db");
  const std::string lisa = testing::Corpus("tmx/lisa/ImportTest2A.tmx");
  auto none = tm::ImportTmx(*store, lisa, {});
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().message() ==
        lisa +
            ": no translation unit has both a 'ru' and an 'en' segment (7 units; languages: "
            "en-us, fr-ca); see --ru-lang, --en-lang");
  testing::WriteFile(
      dir / "cut.tmx",
      "<tmx version=\"1.4\"><header/><body>\n"
      "<tu><tuv xml:lang=\"ru\"><seg>а</seg></tuv><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n"
      "<tu><tuv xml:lang=\"ru\"><seg>б</seg></tuv><tuv xml:lang=\"en\"><seg>b");
  auto cut = tm::ImportTmx(*store, dir / "cut.tmx", {});
  REQUIRE_FALSE(cut.ok());
  CHECK(cut.status().message().rfind(dir / "cut.tmx:3: not well-formed XML: ", 0) == 0);
  CHECK(store->DocumentNames()->empty());
  CHECK(tm::History(*store)->empty());
}

TEST_CASE("document names come from the TMX file name", "[tm][tmx][import]") {
  CHECK(tm::DocumentNameFromTmxPath("/a/b/memory.tmx") == "memory");
  CHECK(tm::DocumentNameFromTmxPath("MEMORY.TMX") == "MEMORY");
  CHECK(tm::DocumentNameFromTmxPath("dir/notes.xml") == "notes.xml");
  CHECK(tm::DocumentNameFromTmxPath(".tmx") == ".tmx");
}
