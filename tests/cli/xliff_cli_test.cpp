// `sverka import` of XLIFF files through the binary (issue 15, item 4): the
// format told by content, exit codes, one-line messages, nothing stored
// after a failure and a memory's documents untouched.
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli/cli_run.h"
#include "fixtures.h"

using sverka::testing::ReadFile;
using sverka::testing::Run;
using sverka::testing::ScratchDir;
using sverka::testing::Sverka;
using sverka::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

const std::string kUnit12 =
    "<trans-unit id=\"1\"><source>а</source><target>a</target></trans-unit>\n";

// XLIFF 1.2 around `body`; the body starts on line 4 (5 with a one-line prolog).
std::string Xliff12(const std::string& body, const std::string& prolog = "",
                    const std::string& languages = "source-language=\"ru\" target-language=\"en\"") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog +
         "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
         "<file original=\"a.txt\" datatype=\"plaintext\" " + languages + "><body>\n" + body +
         "</body></file>\n</xliff>\n";
}

std::string Xliff20(const std::string& units) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"en\" "
         "trgLang=\"ru\">\n<file id=\"f1\">\n" + units + "</file>\n</xliff>\n";
}

std::string Tsv(const std::string& db, const std::string& out) {
  REQUIRE(Sverka({"export", "--db", db, "-f", "tsv", "-o", out}).exit_code == 0);
  return ReadFile(out);
}

}  // namespace

TEST_CASE("import reads XLIFF 1.2 and 2.0, told from TMX by content", "[cli][import][xliff]") {
  ScratchDir dir;
  // XLIFF named .xml and .tmx: read as XLIFF all the same.
  WriteFile(dir / "one.xml",
            Xliff12(kUnit12 + "<trans-unit id=\"2\"><source>б</source></trans-unit>\n"
                    "<trans-unit id=\"3\" translate=\"no\"><source>в</source><target>c</target>"
                    "</trans-unit>\n"
                    "<trans-unit id=\"4\"><source>г</source><target state=\"new\">d</target>"
                    "</trans-unit>\n"
                    "<trans-unit id=\"5\"><source>д</source><target>д</target></trans-unit>\n"));
  const Run one = Sverka({"import", dir / "one.xml", "--db", dir / "tm.db"});
  CHECK(one.exit_code == 0);
  CHECK(one.err.empty());
  CHECK(one.out == dir / "one.xml" +
                       ": imported 2 translation units into document 'one.xml'; skipped 1 without "
                       "a target, 1 translate=\"no\", 1 whose target is the Russian source copied; 1 marked unfinished in the file, stored as "
                       "'auto'\n");
  WriteFile(dir / "two.tmx",
            Xliff20("<unit id=\"u1\"><segment><source>Hello <pc id=\"1\">world</pc>.</source>"
                    "<target>Привет, <pc id=\"1\">мир</pc>.</target></segment>"
                    "<segment><source>Bye.</source><target>Пока.</target></segment></unit>\n"));
  const Run two = Sverka({"import", dir / "two.tmx", "--db", dir / "tm.db", "-q"});
  CHECK(two.exit_code == 0);
  CHECK(two.out.empty());
  CHECK(Tsv(dir / "tm.db", dir / "out.tsv") == "а\ta\nг\td\nПривет, мир.\tHello world.\nПока.\tBye.\n");
  // The name is taken: refused, nothing added. Imported pairs count as
  // reviewed (approved), as TMX import's: --replace needs --discard-review.
  const Run again = Sverka({"import", dir / "one.xml", "--db", dir / "tm.db"});
  CHECK(again.exit_code == 1);
  CHECK(again.ErrLine() == "sverka: " + dir / "tm.db" +
                               ": document 'one.xml' is already stored; give another --name or --replace");
  CHECK(Sverka({"import", dir / "one.xml", "--db", dir / "tm.db", "--replace", "--discard-review",
                "-q"}).exit_code == 0);
  // po2xliff's kind of file: no target language, so --xliff-source says it.
  WriteFile(dir / "po.xlf", Xliff12(kUnit12, "", "source-language=\"en-US\""));
  const Run po = Sverka({"import", dir / "po.xlf", "--db", dir / "tm.db"});
  CHECK(po.exit_code == 1);
  CHECK(po.ErrLine() == "sverka: " + dir / "po.xlf" +
                            ":3: <file> has no target-language; say which side its <source> is "
                            "with --xliff-source ru or en");
  const Run named = Sverka({"import", dir / "po.xlf", "--db", dir / "tm.db", "--xliff-source", "ru",
                            "--name", "po"});
  CHECK(named.out == dir / "po.xlf" + ": imported 1 translation units into document 'po'\n");
  // Usage errors: exit 2.
  const Run bad = Sverka({"import", dir / "po.xlf", "--db", dir / "x.db", "--xliff-source", "de"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.ErrLine() ==
        "sverka import: --xliff-source must be ru or en, not 'de'; see 'sverka import --help'");
  WriteFile(dir / "t.tmx", "<tmx version=\"1.4\"><header/><body/></tmx>\n");
  const Run tmx = Sverka({"import", dir / "t.tmx", "--db", dir / "x.db", "--xliff-source", "ru"});
  CHECK(tmx.exit_code == 2);
  CHECK(tmx.ErrLine() == "sverka import: --xliff-source is for XLIFF files; " + dir / "t.tmx" +
                             " is read as TMX; see 'sverka import --help'");
  CHECK_FALSE(fs::exists(dir / "x.db"));
}

TEST_CASE("hostile XLIFF files: exit 1, one line naming the place, nothing stored",
          "[cli][import][xliff][errors]") {
  ScratchDir dir;
  WriteFile(dir / "secret.txt", "secret");
  WriteFile(dir / "evil.dtd", "<!ENTITY xxe SYSTEM \"file://" + dir / "secret.txt" + "\">\n");
  std::string laughs = "<!DOCTYPE xliff [\n<!ENTITY l0 \"lol\">\n";
  for (int k = 1; k <= 9; ++k) {
    laughs += "<!ENTITY l" + std::to_string(k) + " \"";
    for (int j = 0; j < 10; ++j) laughs += "&l" + std::to_string(k - 1) + ";";
    laughs += "\">\n";
  }
  laughs += "]>\n";
  const std::string full = Xliff12(kUnit12 + kUnit12 + kUnit12);
  const std::string with_entity =
      "<trans-unit id=\"x\"><source>&xxe;</source><target>x</target></trans-unit>\n";
  std::string utf16;  // without a byte-order mark or declaration
  for (const char c : full.substr(full.find('\n') + 1)) utf16 += std::string(1, c) + '\0';
  struct Case {
    std::string name, bytes, message;
  };
  const std::vector<Case> cases = {
      {"external-entity.xlf",
       Xliff12(with_entity, "<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file://" + dir / "secret.txt" + "\">]>\n"),
       ": the DOCTYPE declares entities; refused (an XLIFF needs none, and entities can read local "
       "files or expand without bound)"},
      {"external-dtd.xlf", Xliff12(with_entity, "<!DOCTYPE xliff SYSTEM \"" + dir / "evil.dtd" + "\">\n"),
       ":5: reference to the undeclared entity '&xxe;' (sverka reads no DTD)"},
      {"laughs.xlf",
       Xliff12("<trans-unit id=\"l\"><source>&l9;</source><target>x</target></trans-unit>\n", laughs),
       ":16: entity expansion refused (libxml2: Detected an entity reference loop)"},
      {"truncated.xlf", full.substr(0, full.rfind("<target>") + 8),
       ":6: not well-formed XML: the file ends before </xliff> (truncated?)"},
      {"text.xlf", "Привет\n", ":1: not well-formed XML: Document is empty"},
      {"html.xlf", "<html><body/></html>\n", ":1: not an XLIFF file (the root element is <html>, not <xliff>)"},
      {"utf16.xlf", utf16,
       ":1: not well-formed XML: a NUL byte (UTF-16 without a byte-order mark or an XML declaration?)"},
      {"empty.xlf", "", ": empty file (no XLIFF to read)"},
      {"2mb.xlf",
       Xliff12(kUnit12 + "<trans-unit id=\"big\"><source>" + std::string(2 << 20, 'a') +
               "</source><target>b</target></trans-unit>\n"),
       ":5: unit 'big': a segment of over 1 MiB; refused (a translation unit holds a sentence)"},
      {"50mb.xlf",
       Xliff12("<trans-unit id=\"huge\"><source>" + std::string(50 << 20, 'a') +
               "</source><target>b</target></trans-unit>\n"),
       ":4: a text of over 10 MB (libxml2's limit); a segment is at most 1 MiB"},
      {"no-target-language.xlf", Xliff12(kUnit12, "", "source-language=\"ru\""),
       ":3: <file> has no target-language; say which side its <source> is with --xliff-source ru or en"},
      {"no-units.xlf", Xliff12(""), ": no translation unit (no <trans-unit>); nothing imported"},
      {"no-targets.xlf", Xliff12("<trans-unit id=\"1\"><source>а</source><target></target></trans-unit>\n"),
       ": no translation unit has both a source and a target (1 units: 1 without a target); nothing "
       "imported"},
      {"german.xlf", Xliff12(kUnit12, "", "source-language=\"de\" target-language=\"fr\""),
       ":3: the languages are de → fr, not 'ru' and 'en' (1 units); nothing imported; see --ru-lang, "
       "--en-lang"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    WriteFile(dir / c.name, c.bytes);
    const Run r = Sverka({"import", dir / c.name, "--db", dir / "tm.db"});
    CHECK(r.exit_code == 1);
    CHECK(r.ErrLine() == "sverka: " + dir / c.name + c.message);
    CHECK(r.out.empty());
    CHECK_FALSE(fs::exists(dir / "tm.db"));  // a new memory is not left behind
  }
  // A memory that has documents keeps them, and gains nothing, whatever fails.
  WriteFile(dir / "good.xlf", Xliff12(kUnit12));
  REQUIRE(Sverka({"import", dir / "good.xlf", "--db", dir / "tm.db", "-q"}).exit_code == 0);
  const std::string before = Tsv(dir / "tm.db", dir / "before.tsv");
  CHECK(before == "а\ta\n");
  for (const Case& c : cases) {
    INFO(c.name);
    const Run r = Sverka({"import", dir / c.name, "--db", dir / "tm.db"});
    CHECK(r.exit_code == 1);
    CHECK(r.ErrLine() == "sverka: " + dir / c.name + c.message);
  }
  CHECK(Tsv(dir / "tm.db", dir / "after.tsv") == before);
  const Run stats = Sverka({"stats", "--db", dir / "tm.db"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.out.rfind("good: 1 beads;", 0) == 0);
}
