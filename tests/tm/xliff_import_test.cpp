#include "tm/xliff_import.h"

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "tm/history.h"
#include "tm/queries.h"

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

std::string Xliff12(const std::string& body,
                    const std::string& languages = "source-language=\"ru\" target-language=\"en\"") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
         "<file original=\"a.txt\" datatype=\"plaintext\" " + languages + "><body>\n" + body +
         "</body></file>\n</xliff>\n";
}

}  // namespace

TEST_CASE("an XLIFF file goes to one document named after the file", "[tm][xliff][import]") {
  testing::ScratchDir dir;
  auto store = NewStore(dir / "tm.db");
  testing::WriteFile(
      dir / "article.XLF",
      Xliff12("<trans-unit id=\"1\"><source>Первое.</source><target>First.</target></trans-unit>\n"
              "<trans-unit id=\"2\"><source>Второе.</source></trans-unit>\n"
              "<trans-unit id=\"3\"><source>Третье.</source><target state=\"needs-translation\">"
              "Third?</target></trans-unit>\n"));
  auto summary = tm::ImportXliff(*store, dir / "article.XLF", {});
  REQUIRE(summary.ok());
  CHECK(summary->units == 2);
  CHECK(summary->read.no_target == 1);
  CHECK(summary->documents == std::vector<std::string>{"article"});
  const auto rows = Pairs(*store);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].ru == "Первое.");
  CHECK(rows[0].en == "First.");
  CHECK(rows[0].status == "approved");
  CHECK(rows[0].score == 1.0);
  CHECK(rows[1].status == "auto");
  CHECK(rows[1].position == 1);
  // A stored name is refused, --name chooses another.
  auto again = tm::ImportXliff(*store, dir / "article.XLF", {});
  REQUIRE_FALSE(again.ok());
  auto named = tm::ImportXliff(*store, dir / "article.XLF", {.name = "copy"});
  REQUIRE(named.ok());
  CHECK(named->documents == std::vector<std::string>{"copy"});
}

TEST_CASE("an XLIFF file with nothing to import says why and stores nothing",
          "[tm][xliff][import][errors]") {
  testing::ScratchDir dir;
  auto store = NewStore(dir / "tm.db");
  const std::string unit =
      "<trans-unit id=\"1\"><source>Да.</source><target>Yes.</target></trans-unit>\n";
  testing::WriteFile(dir / "good.xlf", Xliff12(unit));
  REQUIRE(tm::ImportXliff(*store, dir / "good.xlf", {}).ok());
  const size_t history = tm::History(*store)->size();
  struct Case {
    std::string name, bytes, message;
  };
  const Case cases[] = {
      {"de.xlf", Xliff12(unit + unit, "source-language=\"de\" target-language=\"fr\""),
       ":3: the languages are de → fr, not 'ru' and 'en' (2 units); nothing imported; see "
       "--ru-lang, --en-lang"},
      {"none.xlf", Xliff12(""), ": no translation unit (no <trans-unit>); nothing imported"},
      {"none2.xlf",
       "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"ru\" "
       "trgLang=\"en\"><file id=\"f\"/></xliff>\n",
       ": no translation unit (no <unit>); nothing imported"},
      {"untranslated.xlf",
       Xliff12("<trans-unit id=\"1\"><source>Да.</source></trans-unit>\n"
               "<trans-unit id=\"2\" translate=\"no\"><source>Да.</source><target>Yes</target>"
               "</trans-unit>\n"
               "<trans-unit id=\"3\"><source>Да.</source><target>Да.</target></trans-unit>\n"),
       ": no translation unit has both a source and a target (3 units: 1 without a target, 1 "
       "translate=\"no\", 1 whose target is the Russian source copied); nothing imported"},
      {"cut.xlf", Xliff12(unit + unit).substr(0, Xliff12(unit + unit).rfind("<target>") + 9),
       ":5: not well-formed XML: the file ends before </xliff> (truncated?)"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    testing::WriteFile(dir / c.name, c.bytes);
    auto r = tm::ImportXliff(*store, dir / c.name, {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().kind() == ErrorKind::kInvalidData);
    CHECK(r.status().message() == dir / c.name + c.message);
  }
  CHECK(*store->DocumentNames() == std::vector<std::string>{"good"});
  CHECK(tm::History(*store)->size() == history);
  CHECK(Pairs(*store).size() == 1);
}

TEST_CASE("XLIFF document names drop .xlf, .xliff and .sdlxliff", "[tm][xliff][import]") {
  CHECK(tm::DocumentNameFromXliffPath("/a/b/memory.xlf") == "memory");
  CHECK(tm::DocumentNameFromXliffPath("MEMORY.XLIFF") == "MEMORY");
  CHECK(tm::DocumentNameFromXliffPath("d/x.sdlxliff") == "x");
  CHECK(tm::DocumentNameFromXliffPath("dir/notes.xml") == "notes.xml");
  CHECK(tm::DocumentNameFromXliffPath(".xlf") == ".xlf");
}
