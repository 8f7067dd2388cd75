// Runs the built `sverka` binary (path from SVERKA_BIN): exit codes, messages,
// output, and that nothing is written after a failure.
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include "fixtures.h"

using sverka::testing::Corpus;
using sverka::testing::ReadFile;
using sverka::testing::ScratchDir;
using sverka::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

struct Run {
  int exit_code = -1;
  std::string out, err;
  // stderr without its final newline; checks it is exactly one line.
  std::string ErrLine() const {
    CHECK(std::count(err.begin(), err.end(), '\n') == 1);
    return err.substr(0, err.find('\n'));
  }
};

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

Run Sverka(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null") {
  static int counter = 0;
  const char* bin = std::getenv("SVERKA_BIN");
  REQUIRE(bin != nullptr);
  const fs::path tmp = fs::temp_directory_path();
  const std::string base = (tmp / ("sverka-cli-" + std::to_string(::getpid()) + "-" +
                                   std::to_string(counter++))).string();
  std::string cmd = Quote(bin);
  for (const auto& a : args) cmd += " " + Quote(a);
  cmd += " <" + Quote(stdin_path) + " >" + Quote(base + ".out") + " 2>" + Quote(base + ".err");
  const int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  r.out = ReadFile(base + ".out");
  r.err = ReadFile(base + ".err");
  fs::remove(base + ".out");
  fs::remove(base + ".err");
  INFO("command: " << cmd << "\nstderr: " << r.err);
  return r;
}

std::string XPath(const std::string& path, const std::string& expr) {
  xmlDocPtr doc = xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR);
  REQUIRE(doc != nullptr);
  xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
  xmlXPathObjectPtr obj =
      xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(("string(" + expr + ")").c_str()), ctx);
  std::string out = obj && obj->stringval ? reinterpret_cast<const char*>(obj->stringval) : "";
  xmlXPathFreeObject(obj);
  xmlXPathFreeContext(ctx);
  xmlFreeDoc(doc);
  return out;
}

const std::string kStem = "ntrex/bbc.381694";

}  // namespace

TEST_CASE("sverka without a command is a usage error; --help and --version succeed", "[cli]") {
  CHECK(Sverka({}).exit_code == 2);
  const Run help = Sverka({"--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("align") != std::string::npos);
  CHECK(Sverka({"--version"}).out.rfind("sverka ", 0) == 0);
  const Run unknown = Sverka({"frobnicate"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.ErrLine() == "sverka: unknown command 'frobnicate'; see 'sverka --help'");
}

TEST_CASE("every subcommand has --help", "[cli]") {
  for (const std::string cmd : {"segment", "align", "export"}) {
    const Run r = Sverka({cmd, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("usage: sverka " + cmd, 0) == 0);
  }
}

TEST_CASE("segment prints one sentence per line and a blank line between paragraphs", "[cli][segment]") {
  ScratchDir dir;
  WriteFile(dir / "in.txt", "Заголовок\n\nОдин. Два!\nТри?\n");
  const std::string expected = "Заголовок\n\nОдин.\nДва!\nТри?\n";
  const Run file = Sverka({"segment", "--lang", "ru", dir / "in.txt"});
  CHECK(file.exit_code == 0);
  CHECK(file.out == expected);
  const Run piped = Sverka({"segment", "-l", "ru"}, dir / "in.txt");
  CHECK(piped.out == expected);
}

TEST_CASE("segment usage errors exit 2 with one line", "[cli][segment][errors]") {
  const Run no_lang = Sverka({"segment", Corpus(kStem + ".ru.txt")});
  CHECK(no_lang.exit_code == 2);
  CHECK(no_lang.ErrLine() ==
        "sverka segment: the option '--lang' is required but missing; see 'sverka segment --help'");
  const Run bad_lang = Sverka({"segment", "--lang", "de", Corpus(kStem + ".ru.txt")});
  CHECK(bad_lang.exit_code == 2);
  CHECK(bad_lang.ErrLine() ==
        "sverka segment: --lang must be ru or en, not 'de'; see 'sverka segment --help'");
}

TEST_CASE("align prints links that score.py reads, one bead per line", "[cli][align]") {
  const Run r = Sverka({"align", Corpus(kStem + ".ru.sent"), Corpus(kStem + ".en.sent"),
                        "--presegmented"});
  CHECK(r.exit_code == 0);
  std::istringstream lines(r.out);
  const std::regex bead(R"(^\[(\d+(,\d+)*)?\]:\[(\d+(,\d+)*)?\]:[01]\.\d{3}$)");
  int n = 0;
  for (std::string line; std::getline(lines, line); ++n) {
    INFO(line);
    CHECK(std::regex_match(line, bead));
  }
  CHECK(n >= 3);
}

TEST_CASE("align --format tsv and json show the sentence texts", "[cli][align]") {
  const Run tsv = Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "-f", "tsv"});
  CHECK(tsv.exit_code == 0);
  CHECK(tsv.out.find('\t') != std::string::npos);
  const Run json = Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"),
                           "--format", "json"});
  CHECK(json.exit_code == 0);
  CHECK(json.out.rfind("{\"ru_file\":", 0) == 0);
  CHECK(json.out.find("\"beads\":[") != std::string::npos);
  const Run bad = Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "-f", "xml"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.ErrLine() ==
        "sverka align: --format must be links, tsv or json, not 'xml'; see 'sverka align --help'");
}

TEST_CASE("align --db then export writes TMX with srclang ru and xml:lang everywhere", "[cli][tmx]") {
  ScratchDir dir;
  const Run align = Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "--db",
                            dir / "tm.db", "--quiet"});
  REQUIRE(align.exit_code == 0);
  CHECK(align.out.empty());
  const Run exp = Sverka({"export", "--db", dir / "tm.db", "-o", dir / "out.tmx"});
  REQUIRE(exp.exit_code == 0);
  CHECK(exp.out.find(" translation units") != std::string::npos);
  const std::string tmx = dir / "out.tmx";
  CHECK(XPath(tmx, "/tmx/header/@srclang") == "ru");
  CHECK(XPath(tmx, "count(//tuv[not(@xml:lang)])") == "0");
  CHECK(std::stoi(XPath(tmx, "count(//tu)")) >= 3);
  CHECK(XPath(tmx, "//tu[1]/prop[@type='x-document']") == "bbc.381694");
  CHECK_FALSE(fs::exists(dir / "out.tmx.tmp"));

  const Run one = Sverka({"export", "--db", dir / "tm.db", "--doc", "bbc.381694", "-o",
                          dir / "one.tmx", "--ru-code", "ru-RU"});
  CHECK(one.exit_code == 0);
  CHECK(XPath(dir / "one.tmx", "/tmx/header/@srclang") == "ru-RU");
}

TEST_CASE("align refuses to overwrite a stored document unless --replace", "[cli][align][errors]") {
  ScratchDir dir;
  const std::vector<std::string> base = {"align", Corpus(kStem + ".ru.txt"),
                                         Corpus(kStem + ".en.txt"), "--db", dir / "tm.db",
                                         "--name", "news", "-q"};
  REQUIRE(Sverka(base).exit_code == 0);
  const Run again = Sverka(base);
  CHECK(again.exit_code == 1);
  CHECK(again.ErrLine() == "sverka: " + dir / "tm.db" +
                               ": document 'news' is already stored; give another --name or --replace");
  auto with_replace = base;
  with_replace.push_back("--replace");
  CHECK(Sverka(with_replace).exit_code == 0);
}

TEST_CASE("bad input files exit 1 with one line naming the file and write nothing", "[cli][errors]") {
  ScratchDir dir;
  WriteFile(dir / "empty.txt", "");
  WriteFile(dir / "cp1251.txt", "Hello.\n\xCF\xF0\xE8\xE2\xE5\xF2.\n");
  const std::string good = Corpus(kStem + ".en.txt");
  struct Case {
    std::string ru;
    std::string message;
  };
  const Case cases[] = {
      {dir / "missing.txt", dir / "missing.txt" + ": cannot open: No such file or directory"},
      {dir.path().string(), dir.path().string() + ": is a directory, not a text file"},
      {dir / "empty.txt", dir / "empty.txt" + ": empty file (no text to read)"},
      {dir / "cp1251.txt", dir / "cp1251.txt" +
                               ":2:1: invalid UTF-8 (byte 0xCF); is the file in another encoding, "
                               "such as Windows-1251 or KOI8-R?"},
  };
  for (const Case& c : cases) {
    const Run r = Sverka({"align", c.ru, good, "--db", dir / "tm.db"});
    CHECK(r.exit_code == 1);
    CHECK(r.ErrLine() == "sverka: " + c.message);
    CHECK(r.out.empty());
    CHECK_FALSE(fs::exists(dir / "tm.db"));
    const Run seg = Sverka({"segment", "--lang", "ru", c.ru});
    CHECK(seg.exit_code == 1);
    CHECK(seg.ErrLine() == "sverka: " + c.message);
    CHECK(seg.out.empty());
  }
}

TEST_CASE("align usage errors exit 2", "[cli][align][errors]") {
  CHECK(Sverka({"align", "only-one.txt"}).exit_code == 2);
  const Run name = Sverka({"align", "a", "b", "--name", "x"});
  CHECK(name.exit_code == 2);
  CHECK(name.ErrLine() == "sverka align: --name needs --db; see 'sverka align --help'");
  CHECK(Sverka({"align", "-", "-"}).exit_code == 2);
  CHECK(Sverka({"align", "a", "b", "--no-such-option"}).exit_code == 2);
}

TEST_CASE("export errors exit 1 and leave no TMX behind", "[cli][export][errors]") {
  ScratchDir dir;
  const Run missing = Sverka({"export", "--db", dir / "none.db", "-o", dir / "out.tmx"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.ErrLine() == "sverka: " + dir / "none.db" + ": no such translation memory");
  CHECK_FALSE(fs::exists(dir / "none.db"));

  WriteFile(dir / "notes.db", std::string(2048, 'n'));
  const Run junk = Sverka({"export", "--db", dir / "notes.db", "-o", dir / "out.tmx"});
  CHECK(junk.exit_code == 1);
  CHECK(junk.ErrLine() ==
        "sverka: " + dir / "notes.db" + ": not a sverka translation memory (file is not a database)");

  REQUIRE(Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "--db",
                  dir / "tm.db", "-q"}).exit_code == 0);
  const Run no_doc = Sverka({"export", "--db", dir / "tm.db", "--doc", "nope", "-o", dir / "out.tmx"});
  CHECK(no_doc.exit_code == 1);
  CHECK(no_doc.ErrLine() == "sverka: " + dir / "tm.db" + ": no document named 'nope'");
  const Run bad_dir = Sverka({"export", "--db", dir / "tm.db", "-o", dir / "no/dir/out.tmx"});
  CHECK(bad_dir.exit_code == 1);
  CHECK(bad_dir.ErrLine() ==
        "sverka: " + dir / "no/dir/out.tmx" + ": cannot write: No such file or directory");
  CHECK_FALSE(fs::exists(dir / "out.tmx"));
  CHECK(Sverka({"export", "--db", dir / "tm.db"}).exit_code == 2);
}

namespace {

// Aligns two NTREX articles into `db`.
void MakeMemory(const std::string& db) {
  for (const std::string stem : {"ntrex/bbc.381694", "ntrex/bbc.381647"}) {
    REQUIRE(Sverka({"align", Corpus(stem + ".ru.txt"), Corpus(stem + ".en.txt"), "--db", db, "-q"})
                .exit_code == 0);
  }
}

int CountLines(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

const std::string kUnit =
    "<tu><tuv xml:lang=\"ru\"><seg>а</seg></tuv><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n";

std::string SmallTmx(const std::string& body, const std::string& prolog = "") {
  return "<?xml version=\"1.0\"?>\n" + prolog + "<tmx version=\"1.4\">\n<header/>\n<body>\n" + body +
         "</body>\n</tmx>\n";
}

}  // namespace

TEST_CASE("new subcommands have --help", "[cli]") {
  for (const std::string cmd : {"import", "search"}) {
    const Run r = Sverka({cmd, "--help"});
    CHECK(r.exit_code == 0);
    CHECK(r.out.rfind("usage: sverka " + cmd, 0) == 0);
  }
}

TEST_CASE("export filters by documents, status and score, and writes tu dates", "[cli][export]") {
  ScratchDir dir;
  MakeMemory(dir / "tm.db");
  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "-o", dir / "all.tmx"}).exit_code == 0);
  const int all = std::stoi(XPath(dir / "all.tmx", "count(//tu)"));
  CHECK(std::regex_match(XPath(dir / "all.tmx", "//tu[1]/@creationdate"), std::regex(R"(\d{8}T\d{6}Z)")));
  CHECK(XPath(dir / "all.tmx", "//tu[1]/@changedate") == XPath(dir / "all.tmx", "//tu[1]/@creationdate"));

  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "--doc", "bbc.381694", "--doc", "bbc.381647",
                  "-o", dir / "both.tmx"}).exit_code == 0);
  CHECK(std::stoi(XPath(dir / "both.tmx", "count(//tu)")) == all);
  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "--doc", "bbc.381694", "-o", dir / "one.tmx"}).exit_code == 0);
  const int one = std::stoi(XPath(dir / "one.tmx", "count(//tu)"));
  CHECK(one < all);
  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "--status", "approved,edited", "-o",
                  dir / "none.tmx"}).exit_code == 0);
  CHECK(XPath(dir / "none.tmx", "count(//tu)") == "0");
  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "--min-score", "0.5", "-o", dir / "good.tmx"}).exit_code == 0);
  CHECK(XPath(dir / "good.tmx", "count(//prop[@type='x-score'][number(.) < 0.5])") == "0");
  CHECK(std::stoi(XPath(dir / "good.tmx", "count(//tu)")) <= all);

  const Run status = Sverka({"export", "--db", dir / "tm.db", "--status", "done", "-o", dir / "x.tmx"});
  CHECK(status.exit_code == 2);
  CHECK(status.ErrLine() == "sverka export: --status must be auto, approved, rejected or edited, not "
                            "'done'; see 'sverka export --help'");
  const Run score = Sverka({"export", "--db", dir / "tm.db", "--min-score", "2", "-o", dir / "x.tmx"});
  CHECK(score.exit_code == 2);
  CHECK(score.ErrLine() == "sverka export: --min-score must be between 0 and 1; see 'sverka export --help'");
  const Run format = Sverka({"export", "--db", dir / "tm.db", "-f", "csv", "-o", dir / "x.tmx"});
  CHECK(format.exit_code == 2);
  CHECK(format.ErrLine() ==
        "sverka export: --format must be tmx, tsv or parallel, not 'csv'; see 'sverka export --help'");
  CHECK_FALSE(fs::exists(dir / "x.tmx"));
}

TEST_CASE("export --format tsv and parallel write one pair a line", "[cli][export]") {
  ScratchDir dir;
  MakeMemory(dir / "tm.db");
  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "-o", dir / "all.tmx"}).exit_code == 0);
  const int units = std::stoi(XPath(dir / "all.tmx", "count(//tu)"));
  const Run tsv = Sverka({"export", "--db", dir / "tm.db", "--format", "tsv", "-o", dir / "out.tsv"});
  REQUIRE(tsv.exit_code == 0);
  CHECK(tsv.out == dir / "out.tsv" + ": " + std::to_string(units) + " pairs\n");
  const std::string text = ReadFile(dir / "out.tsv");
  CHECK(CountLines(text) == units);
  CHECK(std::count(text.begin(), text.end(), '\t') == units);
  CHECK(text.substr(0, text.find('\t')) == XPath(dir / "all.tmx", "//tu[1]/tuv[1]/seg"));

  const Run par = Sverka({"export", "--db", dir / "tm.db", "-f", "parallel", "-o", dir / "corpus",
                          "--en-code", "en-US"});
  REQUIRE(par.exit_code == 0);
  CHECK(par.out == dir / "corpus.ru, " + dir / "corpus.en-US: " + std::to_string(units) + " pairs\n");
  CHECK(CountLines(ReadFile(dir / "corpus.ru")) == units);
  CHECK(CountLines(ReadFile(dir / "corpus.en-US")) == units);
  const Run bad = Sverka({"export", "--db", dir / "tm.db", "-f", "parallel", "-o", dir / "no/p"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.ErrLine() == "sverka: " + dir / "no/p.ru" + ": cannot write: No such file or directory");
}

TEST_CASE("import reads a TMX; export, import, export gives the same file", "[cli][import][roundtrip]") {
  ScratchDir dir;
  MakeMemory(dir / "a.db");
  REQUIRE(Sverka({"export", "--db", dir / "a.db", "-o", dir / "a.tmx"}).exit_code == 0);
  const std::string units = XPath(dir / "a.tmx", "count(//tu)");
  const Run imp = Sverka({"import", dir / "a.tmx", "--db", dir / "b.db"});
  REQUIRE(imp.exit_code == 0);
  CHECK(imp.out == dir / "a.tmx" + ": imported " + units + " translation units into 2 documents\n");
  REQUIRE(Sverka({"export", "--db", dir / "b.db", "-o", dir / "b.tmx"}).exit_code == 0);
  // The same units, props and dates; only the header's creationdate may differ.
  const std::regex header_date(R"(<header [^>]*>)");
  CHECK(std::regex_replace(ReadFile(dir / "a.tmx"), header_date, "") ==
        std::regex_replace(ReadFile(dir / "b.tmx"), header_date, ""));

  const Run again = Sverka({"import", dir / "a.tmx", "--db", dir / "b.db"});
  CHECK(again.exit_code == 1);
  CHECK(again.ErrLine() == "sverka: " + dir / "b.db" +
                               ": document 'bbc.381647' is already stored; give another --name or --replace");
  CHECK(Sverka({"import", dir / "a.tmx", "--db", dir / "b.db", "--replace", "-q"}).exit_code == 0);
  const Run named = Sverka({"import", dir / "a.tmx", "--db", dir / "b.db", "--name", "all"});
  CHECK(named.out == dir / "a.tmx" + ": imported " + units + " translation units into document 'all'\n");
}

TEST_CASE("import reads the LISA compliance files with their languages", "[cli][import][lisa]") {
  ScratchDir dir;
  struct Case {
    std::string file, ru_lang;
    int units;
    std::string first_ru, first_en;
  };
  const Case cases[] = {
      {"ImportTest1A", "fr", 2, "Premier segment avec [\t\t   ]", "First segment with [\t\t   ]"},
      {"ImportTest1I", "ja", 1, "Japanese segment with [\u3000\u3000]", "English segment with [    ]"},
      {"ImportTest1L", "fr", 1, "Texte du segment.", "Text of the segment."},
      {"ImportTest2A", "fr-ca", 7, "Le gros chat noir dors.", "The big black cat sleeps."},
  };
  for (const Case& c : cases) {
    const Run r = Sverka({"import", Corpus("tmx/lisa/" + c.file + ".tmx"), "--db", dir / "lisa.db",
                         "--ru-lang", c.ru_lang, "--en-lang", "en-US"});
    INFO(c.file);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out == Corpus("tmx/lisa/" + c.file + ".tmx") + ": imported " + std::to_string(c.units) +
                       " translation units into document '" + c.file + "'\n");
    REQUIRE(Sverka({"export", "--db", dir / "lisa.db", "--doc", c.file, "-o", dir / "x.tmx"}).exit_code == 0);
    CHECK(XPath(dir / "x.tmx", "count(//tu)") == std::to_string(c.units));
    CHECK(XPath(dir / "x.tmx", "//tu[1]/tuv[1]/seg") == c.first_ru);
    CHECK(XPath(dir / "x.tmx", "//tu[1]/tuv[2]/seg") == c.first_en);
  }
  const Run keep = Sverka({"import", Corpus("tmx/lisa/ImportTest2A.tmx"), "--db", dir / "lisa.db",
                           "--ru-lang", "fr", "--inline", "keep", "--name", "kept"});
  REQUIRE(keep.exit_code == 0);
  REQUIRE(Sverka({"export", "--db", dir / "lisa.db", "--doc", "kept", "-o", dir / "k.tmx"}).exit_code == 0);
  CHECK(XPath(dir / "k.tmx", "//tu[1]/tuv[2]/seg") == "The big <b>black</b> <u>cat</u> sleeps.");
  const Run bad = Sverka({"import", Corpus("tmx/lisa/ImportTest2A.tmx"), "--db", dir / "x.db",
                          "--inline", "drop"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.ErrLine() == "sverka import: --inline must be strip or keep, not 'drop'; see 'sverka import --help'");
}

TEST_CASE("hostile TMX files: exit 1, one line naming the place, nothing stored", "[cli][import][errors]") {
  ScratchDir dir;
  WriteFile(dir / "secret.txt", "secret");
  WriteFile(dir / "evil.dtd", "<!ENTITY xxe SYSTEM \"file://" + dir / "secret.txt" + "\">\n");
  std::string laughs = "<!DOCTYPE tmx [\n<!ENTITY l0 \"lol\">\n";
  for (int k = 1; k <= 9; ++k) {
    laughs += "<!ENTITY l" + std::to_string(k) + " \"";
    for (int j = 0; j < 10; ++j) laughs += "&l" + std::to_string(k - 1) + ";";
    laughs += "\">\n";
  }
  laughs += "]>\n";
  const std::string full = SmallTmx(kUnit + kUnit + kUnit);
  struct Case {
    std::string name, bytes, message;
  };
  const std::string unit_with = "<tu><tuv xml:lang=\"ru\"><seg>&xxe;</seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>\n";
  const Case cases[] = {
      {"external-dtd.tmx", SmallTmx(unit_with, "<!DOCTYPE tmx SYSTEM \"" + dir / "evil.dtd" + "\">\n"),
       ":6: reference to the undeclared entity '&xxe;' (sverka reads no DTD)"},
      {"external-entity.tmx",
       SmallTmx(unit_with, "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file://" + dir / "secret.txt" + "\">]>\n"),
       ": the DOCTYPE declares entities; refused (a TMX needs none, and entities can read local "
       "files or expand without bound)"},
      {"laughs.tmx", SmallTmx("<tu><tuv xml:lang=\"ru\"><seg>&l9;</seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>\n", laughs),
       ":17: entity expansion refused (libxml2: Detected an entity reference loop)"},
      {"truncated.tmx", full.substr(0, full.rfind("<seg>a") + 6),
       ":7: not well-formed XML: the file ends before </tmx> (truncated?)"},
      {"one-language.tmx", SmallTmx("<tu><tuv xml:lang=\"ru\"><seg>Только русский.</seg></tuv></tu>\n"),
       ": no translation unit has both a 'ru' and an 'en' segment (1 units; languages: ru); see "
       "--ru-lang, --en-lang"},
      {"50mb.tmx", SmallTmx("<tu><tuv xml:lang=\"ru\"><seg>" + std::string(50 << 20, 'a') +
                            "</seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>\n"),
       ":5: a text of over 10 MB (libxml2's limit); a segment is at most 1 MiB"},
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
  // An existing memory keeps what it had: the truncated file's first units are not stored.
  WriteFile(dir / "good.tmx", SmallTmx(kUnit));
  REQUIRE(Sverka({"import", dir / "good.tmx", "--db", dir / "tm.db", "-q"}).exit_code == 0);
  CHECK(Sverka({"import", dir / "truncated.tmx", "--db", dir / "tm.db"}).exit_code == 1);
  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "-f", "tsv", "-o", dir / "out.tsv"}).exit_code == 0);
  CHECK(ReadFile(dir / "out.tsv") == "а\ta\n");
  // A unit with one language next to good ones is skipped and counted.
  WriteFile(dir / "mixed.tmx", SmallTmx(kUnit + "<tu><tuv xml:lang=\"en\"><seg>only</seg></tuv></tu>\n"));
  const Run mixed = Sverka({"import", dir / "mixed.tmx", "--db", dir / "tm.db"});
  CHECK(mixed.exit_code == 0);
  CHECK(mixed.out == dir / "mixed.tmx" + ": imported 1 translation units into document 'mixed'; "
                                          "skipped 1 without both languages\n");
  const Run missing = Sverka({"import", dir / "none.tmx", "--db", dir / "tm.db"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.ErrLine() == "sverka: " + dir / "none.tmx" + ": cannot open: No such file or directory");
}

TEST_CASE("search shows the pairs containing a phrase with the match marked", "[cli][search]") {
  ScratchDir dir;
  WriteFile(dir / "d.tmx",
            SmallTmx("<tu><tuv xml:lang=\"ru\"><seg>Культурная дипломатия важна.</seg></tuv>"
                     "<tuv xml:lang=\"en\"><seg>Cultural diplomacy matters.</seg></tuv></tu>\n"
                     "<tu><tuv xml:lang=\"ru\"><seg>Другое.</seg></tuv>"
                     "<tuv xml:lang=\"en\"><seg>Something else about diplomacy.</seg></tuv></tu>\n"));
  REQUIRE(Sverka({"import", dir / "d.tmx", "--db", dir / "tm.db", "-q"}).exit_code == 0);
  const Run ru = Sverka({"search", "--db", dir / "tm.db", "культурная дипломатия"});
  CHECK(ru.exit_code == 0);
  CHECK(ru.out == "d #0 (approved, 1.000)\n  ru: [[Культурная дипломатия]] важна.\n"
                  "  en: Cultural diplomacy matters.\n");
  const Run en = Sverka({"search", "--db", dir / "tm.db", "DIPLOMACY"});
  CHECK(CountLines(en.out) == 6);
  CHECK(en.out.find("about [[diplomacy]].") != std::string::npos);
  CHECK(Sverka({"search", "--db", dir / "tm.db", "nothing"}).out.empty());
  const Run empty = Sverka({"search", "--db", dir / "tm.db", "--"});
  CHECK(empty.exit_code == 2);
  const Run noword = Sverka({"search", "--db", dir / "tm.db", "!!"});
  CHECK(noword.exit_code == 1);
  CHECK(noword.ErrLine() == "sverka: search: '!!' holds no word to look for");
  const Run nodb = Sverka({"search", "--db", dir / "none.db", "x"});
  CHECK(nodb.exit_code == 1);
  CHECK(nodb.ErrLine() == "sverka: " + dir / "none.db" + ": no such translation memory");
}
