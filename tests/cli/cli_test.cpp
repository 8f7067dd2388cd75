// Runs the built `sverka` binary (path from SVERKA_BIN): exit codes, messages,
// output, and that nothing is written after a failure.
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "cli/cli_run.h"
#include "common/json.h"
#include "fixtures.h"
#include "text/display_text.h"
#include "formats/dictionary_reader.h"

using sverka::testing::Corpus;
using sverka::testing::ReadFile;
using sverka::testing::ScratchDir;
using sverka::testing::WriteFile;
using sverka::testing::Run;
using sverka::testing::SverkaCommand;
using sverka::testing::Shell;
using sverka::testing::Quote;
using sverka::testing::Sverka;
namespace fs = std::filesystem;

namespace {

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

// Every command's --help: tests/cli/command_table_test.cpp walks the command table.
TEST_CASE("align --help names the default dictionary where --dict is described", "[cli]") {
  const Run align = Sverka({"align", "--help"});
  CHECK(align.out.find("mueller7-dict when installed") != std::string::npos);
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

TEST_CASE("align refuses two texts that are not a translation of each other, stores nothing; --force aligns them",
          "[cli][align][errors]") {
  ScratchDir dir;
  const std::string ru = Corpus("ntrex/bbc.381647.ru.txt"), en = Corpus("ntrex/upi.176275.en.txt");
  const Run r = Sverka({"align", ru, en, "--db", dir / "tm.db"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  const std::regex line("sverka: " + std::regex_replace(ru, std::regex(R"([.\[\]()+*?^$|{}])"), R"(\$&)") +
                        " and .*upi\\.176275\\.en\\.txt: not a translation of each other \\(\\d+ % of the "
                        "sentences paired with confidence, a translation pairs at least 25 %\\); --force aligns "
                        "them anyway\n");
  CHECK(std::regex_match(r.err, line));
  CHECK_FALSE(fs::exists(dir / "tm.db"));
  const Run forced = Sverka({"align", ru, en, "--force"});
  CHECK(forced.exit_code == 0);
  CHECK_FALSE(forced.out.empty());
  // The real pair is not refused.
  CHECK(Sverka({"align", ru, Corpus("ntrex/bbc.381647.en.txt")}).exit_code == 0);
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
  WriteFile(dir / "bad-utf8.txt", "Привет.\n\xCF\xF0\xE8\xE2\xE5\xF2.\n");
  WriteFile(dir / "binary.bin", std::string("\x7F" "ELF\0\0\0", 7));
  WriteFile(dir / "unknown.txt", "Hello \x80\x81\x82\x83\x84\x85\x86\x87\x88\x89.\n");
  const std::string good = Corpus(kStem + ".en.txt");
  struct Case {
    std::string ru;
    std::string message;
  };
  const Case cases[] = {
      {dir / "missing.txt", dir / "missing.txt" + ": cannot open: No such file or directory"},
      {dir.path().string(), dir.path().string() + ": is a directory, not a text file"},
      {dir / "empty.txt", dir / "empty.txt" + ": empty file (no text to read)"},
      {dir / "bad-utf8.txt", dir / "bad-utf8.txt" +
                                 ":2:1: invalid UTF-8 (byte 0xCF at byte offset 14); name the "
                                 "encoding with --encoding, or use --replace-invalid"},
      {dir / "binary.bin", dir / "binary.bin" + ":1:5: NUL byte in text at byte offset 4 (a binary file?)"},
      {dir / "unknown.txt", dir / "unknown.txt" +
                                ": cannot recognise the encoding (not UTF-8, UTF-16, Windows-1251 "
                                "or KOI8-R); name it with --encoding"},
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

TEST_CASE("eval scores a gold directory as score.py prints it", "[cli][eval]") {
  ScratchDir dir;
  const Run r = Sverka({"eval", Corpus("ntrex"), dir.path().string()});
  REQUIRE(r.exit_code == 0);
  const std::regex format(
      R"(docs 25  gold beads 351\nstrict P (\d\.\d{4}) R \d\.\d{4} F1 (\d\.\d{4})\nlax    P \d\.\d{4} R \d\.\d{4} F1 \d\.\d{4}\n)");
  std::smatch m;
  REQUIRE(std::regex_match(r.out, m, format));
  // Issue 4's bar for this set (hunalign with FreeDict: 0.871).
  CHECK(std::stod(m[2]) >= 0.95);
  CHECK(fs::exists(dir / "bbc.381694.links"));
  const Run missing = Sverka({"eval", dir / "nowhere"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.ErrLine() == "sverka: " + dir / "nowhere" + ": not a directory");
  fs::create_directory(dir / "empty");
  const Run empty = Sverka({"eval", dir / "empty"});
  CHECK(empty.exit_code == 1);
  CHECK(empty.ErrLine() == "sverka: " + dir / "empty" + ": no NAME.links files");
  // A gold file without its sentences names the missing file.
  fs::create_directory(dir / "half");
  WriteFile(dir / "half/a.links", "[0]:[0]\n");
  const Run half = Sverka({"eval", dir / "half"});
  CHECK(half.exit_code == 1);
  CHECK(half.ErrLine() == "sverka: " + dir / "half/a.ru.sent" + ": cannot open: No such file or directory");
}

TEST_CASE("the same input gives the same output, byte for byte", "[cli][align]") {
  const std::vector<std::string> args = {"align", Corpus("ntrex/guardian.221762.ru.txt"),
                                         Corpus("ntrex/guardian.221762.en.txt"), "-f", "json"};
  const Run first = Sverka(args);
  const Run second = Sverka(args);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == second.out);
}

TEST_CASE("align takes a user's dictionary and reports a broken one", "[cli][align][dict]") {
  ScratchDir dir;
  WriteFile(dir / "dict.txt", "prosecutor @ прокурор\ndeath\tсмерть\n");
  const Run ok = Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "--dict",
                         dir / "dict.txt"});
  CHECK(ok.exit_code == 0);
  WriteFile(dir / "bad.txt", "prosecutor прокурор\n");
  const Run bad = Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "--dict",
                          dir / "bad.txt", "--db", dir / "tm.db"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.ErrLine() == "sverka: " + dir / "bad.txt" +
                             ":1: expected 'english @ russian' or two tab-separated columns, not "
                             "'prosecutor прокурор'");
  CHECK_FALSE(fs::exists(dir / "tm.db"));
  const Run both = Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "--dict",
                           dir / "dict.txt", "--no-dict"});
  CHECK(both.exit_code == 2);
}

TEST_CASE("segment reads Windows-1251, KOI8-R and UTF-16, recognised or named", "[cli][segment][encoding]") {
  ScratchDir dir;
  // "Да. Нет." in Windows-1251, KOI8-R and UTF-16LE with BOM.
  WriteFile(dir / "w.txt", "\xC4\xE0. \xCD\xE5\xF2.\n");
  WriteFile(dir / "k.txt", "\xE4\xC1. \xEE\xC5\xD4.\n");
  WriteFile(dir / "u16.txt", std::string("\xFF\xFE\x14\x04\x30\x04.\0 \0\x1D\x04\x35\x04\x42\x04.\0", 18));
  const std::string expected = "Да.\nНет.\n";
  CHECK(Sverka({"segment", "-l", "ru", "--encoding", "windows-1251", dir / "w.txt"}).out == expected);
  CHECK(Sverka({"segment", "-l", "ru", "--encoding", "koi8-r", dir / "k.txt"}).out == expected);
  CHECK(Sverka({"segment", "-l", "ru", dir / "u16.txt"}).out == expected);
  const Run json = Sverka({"segment", "-l", "ru", "--format", "json", dir / "u16.txt"});
  CHECK(json.exit_code == 0);
  // "Нет." starts after the BOM and four UTF-16 code units ("Да. ").
  CHECK(json.out.find("\"text\":\"Нет.\",\"paragraph\":0,\"start\":10,\"end\":18") != std::string::npos);
}

TEST_CASE("segment --replace-invalid keeps going past bad bytes", "[cli][segment][encoding]") {
  ScratchDir dir;
  WriteFile(dir / "a.txt", "Привет. Мир\xC3 тут.\n");
  const Run r = Sverka({"segment", "-l", "ru", "--replace-invalid", dir / "a.txt"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Привет.\nМир\xEF\xBF\xBD тут.\n");
}

TEST_CASE("segment reads HTML: blocks are paragraphs, head and scripts dropped, offsets into the file",
          "[cli][segment][html]") {
  ScratchDir dir;
  const std::string html =
      "<!DOCTYPE html><html><head><title>T</title><script>var x = 'Нет. Нет.';</script></head>"
      "<body><h1>Заголовок</h1><p>Один &amp; два. Три.</p><ul><li>Пункт<li>Ещё</ul>"
      "<p>Строка<br>Новая</p></body></html>";
  WriteFile(dir / "a.html", html);
  const Run r = Sverka({"segment", "-l", "ru", dir / "a.html"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Заголовок\n\nОдин & два.\nТри.\n\nПункт\n\nЕщё\n\nСтрока\n\nНовая\n");
  const Run json = Sverka({"segment", "-l", "ru", "-f", "json", dir / "a.html"});
  const size_t three = html.find("Три.");
  CHECK(json.out.find("\"text\":\"Три.\",\"paragraph\":1,\"start\":" + std::to_string(three) +
                      ",\"end\":" + std::to_string(three + std::string("Три.").size())) !=
        std::string::npos);
}

TEST_CASE("align accepts the UDHR as HTML on both sides", "[cli][align][html]") {
  const Run r = Sverka({"align", Corpus("udhr/rus.html"), Corpus("udhr/eng.html"), "-f", "tsv"});
  CHECK(r.exit_code == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') > 50);
  CHECK(r.out.find("Всеобщая декларация прав человека\tUniversal Declaration of Human Rights") !=
        std::string::npos);
}

TEST_CASE("segment --paragraphs lines takes every line as a paragraph", "[cli][segment]") {
  ScratchDir dir;
  WriteFile(dir / "a.txt", "Первый абзац\nВторой абзац\n");
  CHECK(Sverka({"segment", "-l", "ru", dir / "a.txt"}).out == "Первый абзац Второй абзац\n");
  CHECK(Sverka({"segment", "-l", "ru", "--paragraphs", "lines", dir / "a.txt"}).out ==
        "Первый абзац\n\nВторой абзац\n");
}

TEST_CASE("segment input option errors exit 2 with one line", "[cli][segment][errors]") {
  const std::string in = Corpus(kStem + ".ru.txt");
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const Case cases[] = {
      {{"--paragraphs", "pages"},
       "sverka segment: --paragraphs must be auto, blank-lines or lines, not 'pages'; see 'sverka segment --help'"},
      {{"--input", "pdf"}, "sverka segment: --input must be auto, text or html, not 'pdf'; see 'sverka segment --help'"},
      {{"--engine", "razdel"},
       "sverka segment: --engine must be rules or icu, not 'razdel'; see 'sverka segment --help'"},
      {{"--format", "xml"}, "sverka segment: --format must be text or json, not 'xml'; see 'sverka segment --help'"},
      {{"--encoding", "klingon"}, "sverka segment: unknown encoding 'klingon'; see 'sverka segment --help'"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = {"segment", "-l", "ru", in};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const Run r = Sverka(args);
    CHECK(r.exit_code == 2);
    CHECK(r.ErrLine() == c.message);
    CHECK(r.out.empty());
  }
}

TEST_CASE("segment --rules FILE.srx segments as the SRX rules say; bad SRX exits 1", "[cli][segment][srx]") {
  ScratchDir dir;
  WriteFile(dir / "in.txt", "Это т. е. всё. Конец.\n");
  WriteFile(dir / "r.srx",
            "<?xml version=\"1.0\"?>\n<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">"
            "<header cascade=\"yes\"/><body><languagerules><languagerule languagerulename=\"D\">"
            "<rule break=\"yes\"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>"
            "</languagerule></languagerules><maprules>"
            "<languagemap languagepattern=\".*\" languagerulename=\"D\"/></maprules></body></srx>\n");
  WriteFile(dir / "bad.srx", "<srx>\n<body>\n");
  const Run r = Sverka({"segment", "-l", "ru", "--rules", dir / "r.srx", dir / "in.txt"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "Это т.\nе.\nвсё.\nКонец.\n");
  const Run bad = Sverka({"segment", "-l", "ru", "--rules", dir / "bad.srx", dir / "in.txt"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.ErrLine() == "sverka: " + dir / "bad.srx" +
                             ":3: not well-formed XML: Premature end of data in tag body line 2");
  CHECK(bad.out.empty());
  WriteFile(dir / "in2.txt", "Это т. е. всё. Конец.\n");  // two files: one given twice is refused first
  const Run missing = Sverka({"align", dir / "in.txt", dir / "in2.txt", "--rules", dir / "no.srx"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.ErrLine() == "sverka: " + dir / "no.srx" + ": cannot open: No such file or directory");
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


// Issue 16, item 7: on a memory of the 25 NTREX articles, each phrase finds
// the stored sentences holding its words in another form (checked in the
// texts first: each "other" form occurs in corpora/ntrex/*.txt), listed
// after the exact hits and marked "other form"; --exact finds none of them.
TEST_CASE("search finds 20 Russian and English phrases in their other inflections",
          "[cli][search][stem]") {
  ScratchDir dir;
  REQUIRE(Sverka({"batch", Corpus("ntrex"), "--db", dir / "tm.db", "--index", "-q"}).exit_code == 0);
  struct Case {
    const char* phrase;
    const char* other;  // as marked in a hit in other forms
  };
  const Case cases[] = {
      {"западная вирджиния", "[[Западной Вирджинии]]"},
      {"смертная казнь", "[[смертной казни]]"},
      {"игра престолов", "[[Игры престолов]]"},
      {"новая политика", "[[новой политике]]"},
      {"мировой войне", "[[мировой войны]]"},
      {"военный корабль", "[[военные корабли]]"},
      {"токсичную маскулинность", "[[токсичной маскулинности]]"},
      {"медицинская помощь", "[[медицинскую помощь]]"},
      {"член парламента", "[[Члены Парламента]]"},
      {"предоставление убежища", "[[предоставлении убежища]]"},
      {"ножевые ранения", "[[ножевых ранений]]"},
      {"возвращение беженцев", "[[возвращению беженцев]]"},
      {"family member", "[[family members]]"},
      {"taxi driver", "[[taxi drivers]]"},
      {"what happens", "[[what happened]]"},
      {"never looked", "[[never look]]"},
      {"looking like", "[[looked like]]"},
      {"draft legislation", "[[drafting legislation]]"},
      {"knowing that", "[[know that]]"},
      {"frigate", "[[frigates]]"},
  };
  int found = 0;
  for (const Case& c : cases) {
    INFO(c.phrase);
    const Run r = Sverka({"search", "--db", dir / "tm.db", c.phrase});
    REQUIRE(r.exit_code == 0);
    // Hits: a header line and two text lines each; the exact ones first.
    std::vector<std::string> lines;
    for (size_t at = 0; at < r.out.size();) {
      const size_t nl = r.out.find('\n', at);
      lines.push_back(r.out.substr(at, nl - at));
      at = nl + 1;
    }
    REQUIRE(lines.size() % 3 == 0);
    bool other_seen = false, exact_after_other = false, other_found = false;
    for (size_t k = 0; k < lines.size(); k += 3) {
      const bool other = lines[k].ends_with(", other form)");
      exact_after_other = exact_after_other || (other_seen && !other);
      other_seen = other_seen || other;
      const std::string text = lines[k + 1] + "\n" + lines[k + 2];
      if (other && text.find(c.other) != std::string::npos) other_found = true;
    }
    CHECK(other_found);
    CHECK_FALSE(exact_after_other);
    found += other_found;
    const Run exact = Sverka({"search", "--db", dir / "tm.db", c.phrase, "--exact"});
    CHECK(exact.out.find(c.other) == std::string::npos);
    CHECK(exact.out.find("other form") == std::string::npos);
  }
  CHECK(found == 20);
}

TEST_CASE("search --help tells of other forms and --exact; bad limits and wordless phrases are refused",
          "[cli][search][stem]") {
  ScratchDir dir;
  const Run help = Sverka({"search", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--exact") != std::string::npos);
  CHECK(help.out.find("other forms") != std::string::npos);
  WriteFile(dir / "d.tmx",
            SmallTmx("<tu><tuv xml:lang=\"ru\"><seg>Права человека.</seg></tuv>"
                     "<tuv xml:lang=\"en\"><seg>Human rights.</seg></tuv></tu>\n"));
  REQUIRE(Sverka({"import", dir / "d.tmx", "--db", dir / "tm.db", "-q"}).exit_code == 0);
  const Run other = Sverka({"search", "--db", dir / "tm.db", "прав человека"});
  CHECK(other.exit_code == 0);
  CHECK(other.out == "d #0 (approved, 1.000, other form)\n  ru: [[Права человека]].\n"
                     "  en: Human rights.\n");
  const Run none = Sverka({"search", "--db", dir / "tm.db", "прав человека", "--exact"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
  CHECK(none.ErrLine() == "sverka: " + dir / "tm.db" + ": no pair contains 'прав человека'");
  const Run neither = Sverka({"search", "--db", dir / "tm.db", "левых прав"});
  CHECK(neither.ErrLine() == "sverka: " + dir / "tm.db" +
                                 ": no pair contains 'левых прав' or its words in other forms");
  struct Refusal {
    std::vector<std::string> args;
    int exit_code;
    std::string line;
  };
  const Refusal refusals[] = {
      {{"--limit", "0", "права"}, 2, "sverka search: --limit must be 1 or more; see 'sverka search --help'"},
      {{"--limit", "-1", "права"}, 2, "sverka search: --limit must be 1 or more; see 'sverka search --help'"},
      {{"--exact=yes", "права"}, 2, ""},
      {{"--exact", "--", "!!"}, 1, "sverka: search: '!!' holds no word to look for"},
      {{"\u00AB\u2014\u00BB"}, 1, "sverka: search: '\u00AB\u2014\u00BB' holds no word to look for"},
  };
  for (const Refusal& r : refusals) {
    std::vector<std::string> args = {"search", "--db", dir / "tm.db"};
    args.insert(args.end(), r.args.begin(), r.args.end());
    const Run run = Sverka(args);
    INFO(run.err);
    CHECK(run.exit_code == r.exit_code);
    CHECK(CountLines(run.err) == 1);
    if (!r.line.empty()) CHECK(run.ErrLine() == r.line);
    CHECK(run.out.empty());
  }
}

namespace {

// A memory with document "d" of four 1-1 beads (from TMX: one sentence a side each).
std::string ReviewMemory(const ScratchDir& dir) {
  std::string units;
  const char* ru[] = {"Первое предложение.", "Второе, про Москву.", "Третье 2026 года.", "Четвёртое."};
  const char* en[] = {"First sentence.", "Second, about Moscow.", "Third of 2026.", "Fourth."};
  for (int k = 0; k < 4; ++k) {
    units += std::string("<tu><tuv xml:lang=\"ru\"><seg>") + ru[k] + "</seg></tuv><tuv xml:lang=\"en\"><seg>" +
             en[k] + "</seg></tuv></tu>\n";
  }
  WriteFile(dir / "d.tmx", SmallTmx(units));
  REQUIRE(Sverka({"import", dir / "d.tmx", "--db", dir / "tm.db", "-q"}).exit_code == 0);
  return dir / "tm.db";
}

std::string Query(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  std::string out;
  sqlite3_exec(
      db, sql.c_str(),
      [](void* p, int n, char** values, char**) {
        auto* s = static_cast<std::string*>(p);
        for (int k = 0; k < n; ++k) *s += std::string(k ? "|" : "") + (values[k] ? values[k] : "NULL");
        *s += "\n";
        return 0;
      },
      &out, nullptr);
  sqlite3_close(db);
  return out;
}

const char* kBeadsSql = "SELECT position, ru_begin, ru_end, en_begin, en_end, status FROM beads ORDER BY position";

}  // namespace

TEST_CASE("edit approves, merges, splits, moves, retypes, undoes and redoes, printing each change", "[cli][edit]") {
  ScratchDir dir;
  const std::string db = ReviewMemory(dir);
  auto edit = [&](std::vector<std::string> words) {
    std::vector<std::string> a = {"edit", "--db", db, "--doc", "d"};
    a.insert(a.end(), words.begin(), words.end());
    return Sverka(a);
  };
  Run r = edit({"reject", "3"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("d: set-status (history entry 2)\n- #3 [3]:[3] 1-1 1.000 approved\n", 0) == 0);
  CHECK(r.out.find("+ #3 [3]:[3] 1-1 1.000 rejected\n    ru: Четвёртое.\n    en: Fourth.\n") != std::string::npos);
  r = edit({"merge", "0", "1"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("d: merge (history entry 3); the beads after it renumbered by -1\n", 0) == 0);
  CHECK(r.out.find("+ #0 [0,1]:[0,1] 2-2 1.000 edited\n    ru: Первое предложение. Второе, про Москву.\n") !=
        std::string::npos);
  CHECK(Query(db, kBeadsSql) == "0|0|2|0|2|edited\n1|2|3|2|3|approved\n2|3|4|3|4|rejected\n");
  r = edit({"split", "0", "--at", "1:2"});
  CHECK(r.exit_code == 0);
  CHECK(Query(db, kBeadsSql) == "0|0|1|0|2|edited\n1|1|2|2|2|edited\n2|2|3|2|3|approved\n3|3|4|3|4|rejected\n");
  r = edit({"move", "0", "en", "next"});
  CHECK(r.exit_code == 0);
  CHECK(Query(db, kBeadsSql) == "0|0|1|0|1|edited\n1|1|2|1|2|edited\n2|2|3|2|3|approved\n3|3|4|3|4|rejected\n");
  r = edit({"text", "2", "en", "0", "Third, of the year 2026."});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("- #2 [2]:[2] 1-1 1.000 approved\n    ru: Третье 2026 года.\n    en: Third of 2026.\n") !=
        std::string::npos);
  CHECK(Query(db, "SELECT text FROM sentences WHERE side = 'en' AND position = 2") == "Third, of the year 2026.\n");
  r = edit({"undo"});
  CHECK(r.out.rfind("d: undo of edit-text (history entry 7)", 0) == 0);
  CHECK(Query(db, "SELECT text FROM sentences WHERE side = 'en' AND position = 2") == "Third of 2026.\n");
  r = edit({"redo"});
  CHECK(r.out.rfind("d: redo of edit-text (history entry 8)", 0) == 0);
  for (int k = 0; k < 5; ++k) CHECK(edit({"undo"}).exit_code == 0);
  CHECK(Query(db, kBeadsSql) == "0|0|1|0|1|approved\n1|1|2|1|2|approved\n2|2|3|2|3|approved\n3|3|4|3|4|approved\n");
  CHECK(Query(db, "SELECT action, coalesce(undoes, '') FROM history ORDER BY id") ==
        "import|\nset-status|\nmerge|\nsplit|\nmove|\nedit-text|\nundo|6\nredo|7\nundo|8\nundo|5\nundo|4\n"
        "undo|3\nundo|2\n");
  const Run none = edit({"undo"});
  CHECK(none.exit_code == 1);
  CHECK(none.ErrLine() == "sverka: " + db + ": nothing to undo in 'd'");
}

TEST_CASE("edit refusals: bad data exits 1, a wrong command line 2, one line each, nothing changed", "[cli][edit][errors]") {
  ScratchDir dir;
  const std::string db = ReviewMemory(dir);
  const std::string before = Query(db, kBeadsSql);
  struct Case {
    std::vector<std::string> words;
    int code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"approve", "9"}, 1, "sverka: " + db + ": no bead 9 in document 'd'"},
      {{"merge", "0", "2"}, 1, "sverka: " + db + ": beads 0 and 2 of 'd' are not neighbours; merge joins a bead with the next one"},
      {{"split", "0", "--at", "1"}, 1,
       "sverka: " + db + ": bead 0 of 'd' (1-1) cannot be split at 1:1: each part needs a sentence (give --at RU:EN)"},
      {{"move", "0", "ru", "prev"}, 1, "sverka: " + db + ": bead 0 of 'd' has no previous bead to move a sentence to"},
      {{"redo"}, 1, "sverka: " + db + ": nothing to redo in 'd'"},
      {{"text", "0", "ru", "0", ""}, 1, "sverka: the new text is empty"},
      {{"dance", "1"}, 2, "sverka edit: unknown action 'dance' (approve, reject, reset, merge, split, move, text, pair, undo, redo); see 'sverka edit --help'"},
      {{"approve", "x"}, 2, "sverka edit: the bead must be a number (0, 1, 2…), not 'x'; see 'sverka edit --help'"},
      {{"approve"}, 2, "sverka edit: 'approve' takes: approve BEAD; see 'sverka edit --help'"},
      {{"split", "0"}, 2, "sverka edit: split needs --at R[:E]; see 'sverka edit --help'"},
      {{"merge", "0", "1", "--at", "1"}, 2, "sverka edit: --at belongs to split; see 'sverka edit --help'"},
      {{"move", "0", "fr", "next"}, 2, "sverka edit: the side must be ru or en, not 'fr'; see 'sverka edit --help'"},
      {{"move", "0", "ru", "up"}, 2, "sverka edit: the direction must be next or prev, not 'up'; see 'sverka edit --help'"},
      {{}, 2, "sverka edit: no action (approve, reject, merge, split, move, text, pair, undo, redo); see 'sverka edit --help'"},
      {{"pair", "9", "0"}, 1, "sverka: " + db + ": pair in 'd': Russian sentence 9 is past the document's last, 3"},
      {{"pair", "0", "2-7"}, 1, "sverka: " + db + ": pair in 'd': English sentence 7 is past the document's last, 3"},
      {{"pair", "-", "-"}, 2, "sverka edit: 'pair - -' pairs nothing; see 'sverka edit --help'"},
      {{"pair", "3-1", "0"}, 2, "sverka edit: Russian range '3-1' goes backwards; see 'sverka edit --help'"},
      {{"pair", "x", "0"}, 2, "sverka edit: Russian sentence must be a number (0, 1, 2…), not 'x'; see 'sverka edit --help'"},
      {{"pair", "0"}, 2, "sverka edit: 'pair' takes: pair R[-R2] E[-E2] (sentence numbers; '-' for none); see 'sverka edit --help'"},
      {{"approve", "--before", "2", "--all"}, 2, "sverka edit: --before and --all exclude each other; see 'sverka edit --help'"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> a = {"edit", "--db", db, "--doc", "d"};
    a.insert(a.end(), c.words.begin(), c.words.end());
    const Run r = Sverka(a);
    CHECK(r.exit_code == c.code);
    CHECK(r.ErrLine() == c.message);
  }
  const Run nodoc = Sverka({"edit", "--db", db, "--doc", "x", "undo"});
  CHECK(nodoc.ErrLine() == "sverka: " + db + ": no document 'x'");
  const Run nodb = Sverka({"edit", "--db", dir / "none.db", "--doc", "d", "undo"});
  CHECK(nodb.exit_code == 1);
  CHECK(nodb.ErrLine() == "sverka: " + dir / "none.db" + ": no such translation memory");
  CHECK_FALSE(fs::exists(dir / "none.db"));
  CHECK(Query(db, kBeadsSql) == before);
  CHECK(Query(db, "SELECT count(*) FROM history") == "1\n");
}

TEST_CASE("show piped has no escape codes and fits 80 display columns", "[cli][show]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  REQUIRE(Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "--db", db, "--name", "a",
                  "-q", "--no-dict"}).exit_code == 0);
  ::setenv("COLUMNS", "80", 1);
  const Run r = Sverka({"show", "--db", db, "--doc", "a"});
  ::unsetenv("COLUMNS");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find('\x1b') == std::string::npos);
  CHECK(r.out.rfind("#0 ", 0) == 0);
  std::istringstream lines(r.out);
  size_t n = 0, widest = 0;
  for (std::string line; std::getline(lines, line); ++n) widest = std::max(widest, sverka::text::DisplayWidth(line));
  CHECK(n > 10);
  CHECK(widest <= 80);
  CHECK(widest > 70);  // the columns use the width
  const Run narrow = Sverka({"show", "--db", db, "--doc", "a", "--width", "40"});
  std::istringstream narrow_lines(narrow.out);
  for (std::string line; std::getline(narrow_lines, line);) CHECK(sverka::text::DisplayWidth(line) <= 40);
  // Every word of the stored text appears.
  CHECK(r.out.find("Бристоля") != std::string::npos);

  ScratchDir dir2;
  const std::string small = ReviewMemory(dir2);
  REQUIRE(Sverka({"edit", "--db", small, "--doc", "d", "reject", "1"}).exit_code == 0);
  const Run rejected = Sverka({"show", "--db", small, "--doc", "d", "--status", "rejected"});
  // 80 columns: an 11-column margin, two columns of 33 around " │ ".
  CHECK(rejected.out == "#1 1.000 x Второе, про Москву." + std::string(14, ' ') + " │ Second, about Moscow.\n");
  CHECK(Sverka({"show", "--db", small, "--doc", "d", "--below", "0.5"}).out.empty());
  const Run bad = Sverka({"show", "--db", small, "--doc", "d", "--status", "done"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.ErrLine() == "sverka show: --status takes auto, approved, rejected, edited, not 'done'; see 'sverka show --help'");
  CHECK(Sverka({"show", "--db", small, "--doc", "zz"}).ErrLine() == "sverka: " + small + ": no document 'zz'");
}

TEST_CASE("stats counts beads by type and status per document", "[cli][stats]") {
  ScratchDir dir;
  const std::string db = ReviewMemory(dir);
  REQUIRE(Sverka({"edit", "--db", db, "--doc", "d", "merge", "0", "1"}).exit_code == 0);
  const Run r = Sverka({"stats", "--db", db});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "d: 3 beads; mean score 1.000; suspicious 0\n  types: 1-1 2 2-2 1\n"
                 "  status: auto 0 approved 2 rejected 0 edited 1\n");
  CHECK(Sverka({"stats", "--db", dir / "none.db"}).exit_code == 1);
}

TEST_CASE("report marks only what both sides of a bead share: anchors and dictionary translations",
          "[cli][report]") {
  ScratchDir dir;
  const std::string units =
      "<tu><tuv xml:lang=\"ru\"><seg>Иван приехал в город Лондон 5 мая.</seg></tuv>"
      "<tuv xml:lang=\"en\"><seg>Peter came to the city of Paris on 5 May.</seg></tuv></tu>\n";
  WriteFile(dir / "d.tmx", SmallTmx(units));
  REQUIRE(Sverka({"import", dir / "d.tmx", "--db", dir / "tm.db", "-q"}).exit_code == 0);
  WriteFile(dir / "dict.tsv", "city\tгород\nlondon\tдом\n");
  const Run r = Sverka({"report", "--db", dir / "tm.db", "--doc", "d", "-o", dir / "r.html", "--dict", dir / "dict.tsv"});
  REQUIRE(r.exit_code == 0);
  // The number, the month and the dictionary pair город/city; not the
  // names that differ (Иван/Peter, Лондон/Paris), however capitalised.
  const auto marks = [&](const std::string& file, int column) {
    std::string all;
    const std::string cell = "//tr[@id='b0']/td[" + std::to_string(column) + "]//mark";
    const int n = std::stoi(XPath(dir / file, "count(" + cell + ")"));
    for (int k = 1; k <= n; ++k) all += (k > 1 ? "|" : "") + XPath(dir / file, "(" + cell + ")[" + std::to_string(k) + "]");
    return all;
  };
  CHECK(marks("r.html", 5) == "город|5|мая");
  CHECK(marks("r.html", 6) == "city|5|May");
  // Without a dictionary the translation is not marked; the anchors are.
  REQUIRE(Sverka({"report", "--db", dir / "tm.db", "--doc", "d", "-o", dir / "n.html", "--no-dict"}).exit_code == 0);
  CHECK(marks("n.html", 5) == "5|мая");
  CHECK(marks("n.html", 6) == "5|May");
  CHECK(Sverka({"report", "--db", dir / "tm.db", "--doc", "d", "-o", dir / "x.html", "--no-dict", "--dict", "a"})
            .exit_code == 2);
}

TEST_CASE("report writes one well-formed self-contained page, atomically", "[cli][report]") {
  ScratchDir dir;
  const std::string db = ReviewMemory(dir);
  REQUIRE(Sverka({"edit", "--db", db, "--doc", "d", "reject", "3"}).exit_code == 0);
  const Run r = Sverka({"report", "--db", db, "--doc", "d", "-o", dir / "review.html"});
  CHECK(r.exit_code == 0);
  const std::string page = ReadFile(dir / "review.html");
  // Well-formed: libxml2's XML parser (no recovery, no network) reads it.
  xmlDocPtr doc = xmlReadFile((dir / "review.html").c_str(), nullptr,
                              XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  CHECK(doc != nullptr);
  xmlFreeDoc(doc);
  for (const char* external : {"http", "src=", "href=", "url(", "@import", "<script", "<link"}) {
    INFO(external);
    CHECK(page.find(external) == std::string::npos);
  }
  CHECK(XPath(dir / "review.html", "count(//tbody/tr)") == "4");
  CHECK(XPath(dir / "review.html", "//tr[@id='b3']/@class") == "high rejected");
  // An anchor both sides hold is marked, the word only (the next test has more).
  CHECK(XPath(dir / "review.html", "count(//tr[@id='b2']/td[6]/p/mark[.='2026'])") == "1");
  CHECK(page.find("suspicious (score &lt; 0.5): 0") != std::string::npos);
  // A failure leaves nothing behind.
  const Run missing = Sverka({"report", "--db", db, "--doc", "zz", "-o", dir / "zz.html"});
  CHECK(missing.exit_code == 1);
  CHECK_FALSE(fs::exists(dir / "zz.html"));
  const Run nodir = Sverka({"report", "--db", db, "--doc", "d", "-o", dir / "no/such/dir.html"});
  CHECK(nodir.exit_code == 1);
  CHECK(nodir.ErrLine() == "sverka: " + dir / "no/such/dir.html" + ": cannot write: No such file or directory");
}

TEST_CASE("review without a terminal is a usage error pointing to edit", "[cli][review][errors]") {
  ScratchDir dir;
  const std::string db = ReviewMemory(dir);
  const Run r = Sverka({"review", "--db", db, "--doc", "d"});
  CHECK(r.exit_code == 2);
  CHECK(r.ErrLine() ==
        "sverka review: review needs a terminal; use 'sverka edit' in scripts; see 'sverka review --help'");
  CHECK(Query(db, "SELECT count(*) FROM history") == "1\n");
}

namespace {

const std::string kMoved = "adapted/reordered.bbc.381647";

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("an abridged translation: dropped paragraphs left unpaired, every pair true (Mueller)",
          "[cli][align][adapted]") {
  // The English drops four paragraphs (36 % of its text): the ratio of the
  // texts' lengths is 0.68 where the translated sentences run at 0.96. With
  // the texts' ratio the aligner paired Russian 2-3 with English 2 and left
  // the lead unpaired (strict F1 0.72); the ratio of the pairs the dictionary
  // singles out gives the gold exactly (doc/align.md, "Length ratio").
  if (!fs::exists(sverka::formats::kMuellerPath)) {
    WARN("mueller7-dict is not installed (tools/lib.sh installs it): not run");
    return;
  }
  const std::string stem = "adapted/abridged.newsweek.51330";
  const Run links = Sverka({"align", Corpus(stem + ".ru.sent"), Corpus(stem + ".en.sent"), "--presegmented"});
  REQUIRE(links.exit_code == 0);
  std::vector<std::string> got;
  for (const std::string& l : Lines(links.out)) got.push_back(l.substr(0, l.rfind(':')));
  CHECK(got == Lines(ReadFile(Corpus(stem + ".links"))));
}

TEST_CASE("a title and the lead that repeats its words are two 1-1 beads, not one 2-2", "[cli][align]") {
  // "«Ливингстон» 1 - 0 «Рейнджерс»: Гол Менга приносит победу над командой
  // Джеррарда" and the lead after it share their names and words with both
  // English sentences: summed pair by pair, a 2-2 bead counted them twice
  // and won, with a dictionary and without (doc/align.md, "Model").
  for (const std::vector<std::string>& extra : {std::vector<std::string>{}, std::vector<std::string>{"--no-dict"}}) {
    std::vector<std::string> args = {"align", Corpus("ntrex/scotsman.133791.ru.sent"),
                                     Corpus("ntrex/scotsman.133791.en.sent"), "--presegmented"};
    args.insert(args.end(), extra.begin(), extra.end());
    const Run links = Sverka(args);
    REQUIRE(links.exit_code == 0);
    const std::vector<std::string> out = Lines(links.out);
    REQUIRE(out.size() > 2);
    CHECK(out[0].starts_with("[0]:[0]:"));
    CHECK(out[1].starts_with("[1]:[1]:"));
  }
}

TEST_CASE("a paragraph the translation moved is paired as moved beads, in Russian order",
          "[cli][align][moved]") {
  // The English moves Russian paragraph 10-13 two paragraphs earlier
  // (English 4-6); the gold's crossing links are those of the translation.
  const Run links = Sverka({"align", Corpus(kMoved + ".ru.sent"), Corpus(kMoved + ".en.sent"),
                            "--presegmented"});
  REQUIRE(links.exit_code == 0);
  std::set<std::pair<int, int>> gold, got;
  const std::regex bead(R"(^\[([0-9,]*)\]:\[([0-9,]*)\])");
  auto add = [&](const std::string& line, std::set<std::pair<int, int>>& to) {
    std::smatch m;
    REQUIRE(std::regex_search(line, m, bead));
    std::vector<int> ru, en;
    for (auto [s, v] : {std::pair{m[1].str(), &ru}, std::pair{m[2].str(), &en}}) {
      std::istringstream in(s);
      for (std::string n; std::getline(in, n, ',');) v->push_back(std::stoi(n));
    }
    for (int i : ru)
      for (int j : en) to.insert({i, j});
  };
  for (const std::string& l : Lines(ReadFile(Corpus(kMoved + ".links")))) add(l, gold);
  std::vector<std::string> out = Lines(links.out);
  for (const std::string& l : out) add(l, got);
  int crossing = 0;
  for (const auto& [i, j] : got) {
    INFO("link " << i << "-" << j);
    CHECK(gold.count({i, j}) == 1);  // no false link, moved or not
    crossing += i >= 10 && j < 7;
  }
  CHECK(crossing >= 3);
  // Russian order: the Russian numbers of the lines ascend.
  int last = -1;
  for (const std::string& l : out) {
    const int first = l[1] == ']' ? last : std::stoi(l.substr(1));
    CHECK(first >= last);
    last = first;
  }

  const Run json = Sverka({"align", Corpus(kMoved + ".ru.sent"), Corpus(kMoved + ".en.sent"),
                           "--presegmented", "--format", "json"});
  REQUIRE(json.exit_code == 0);
  int moved = 0;
  for (size_t at = 0; (at = json.out.find("\"moved\":true", at)) != std::string::npos; ++at) ++moved;
  CHECK(moved >= 2);
  CHECK(moved < static_cast<int>(out.size()) / 2);
  // A translation in order has no moved bead and the same JSON as before.
  const Run plain = Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "-f", "json"});
  CHECK(plain.out.find("\"moved\":") == std::string::npos);
}

TEST_CASE("moved beads are stored, shown, reported and exported; edits keep them whole",
          "[cli][align][moved]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  REQUIRE(Sverka({"align", Corpus(kMoved + ".ru.sent"), Corpus(kMoved + ".en.sent"), "--presegmented",
                  "--db", db, "--name", "moved", "--quiet"})
              .exit_code == 0);
  const Run show = Sverka({"show", "--db", db, "--doc", "moved", "--width", "200"});
  REQUIRE(show.exit_code == 0);
  // The moved bead of Russian 12 and English 5: its English marked.
  const std::string en5 = Lines(ReadFile(Corpus(kMoved + ".en.sent")))[5];
  const std::string ru12 = Lines(ReadFile(Corpus(kMoved + ".ru.sent")))[12];
  std::string row;
  int marks = 0;
  for (const std::string& l : Lines(show.out)) {
    marks += l.find("\u2195 ") != std::string::npos;
    if (l.find(ru12.substr(0, 30)) != std::string::npos) row = l;
  }
  CHECK(row.find("\u2195 " + en5.substr(0, 20)) != std::string::npos);
  CHECK(marks >= 2);

  const Run report = Sverka({"report", "--db", db, "--doc", "moved", "-o", dir / "r.html"});
  REQUIRE(report.exit_code == 0);
  const std::string html = ReadFile(dir / "r.html");
  CHECK(html.find(" moved\"><td") != std::string::npos);
  CHECK(html.find("<span>moved: ") != std::string::npos);

  REQUIRE(Sverka({"export", "--db", db, "-o", dir / "out.tmx"}).exit_code == 0);
  const std::string tu =
      "//tu[tuv[@xml:lang='ru']/seg='" + ru12 + "']/tuv[@xml:lang='en']/seg";
  CHECK(XPath(dir / "out.tmx", tu) == en5);

  // The bead before the moved Russian 10-11 holds Russian 9 and English 11:
  // a merge would pair English 11 with 4, which stand apart.
  int before = -1;
  for (const std::string& l : Lines(show.out)) {
    if (l.find(Lines(ReadFile(Corpus(kMoved + ".ru.sent")))[9].substr(0, 30)) != std::string::npos)
      before = std::stoi(l.substr(1));
  }
  REQUIRE(before >= 0);
  const Run merge = Sverka({"edit", "--db", db, "--doc", "moved", "merge", std::to_string(before),
                            std::to_string(before + 1)});
  CHECK(merge.exit_code == 1);
  CHECK(merge.ErrLine().find("cannot be merged: their English sentences are not consecutive (one of them "
                             "is a moved bead)") != std::string::npos);
  const Run move = Sverka({"edit", "--db", db, "--doc", "moved", "move", std::to_string(before), "en", "next"});
  CHECK(move.exit_code == 1);
  CHECK(move.ErrLine().find("are not consecutive (one of them is a moved bead); cannot move a sentence") !=
        std::string::npos);
  CHECK(Sverka({"show", "--db", db, "--doc", "moved", "--width", "200"}).out == show.out);
}

namespace {

// A memory of two documents for `check`: an article aligned from its text,
// and the corpus pair with a moved paragraph.
void AlignCheckMemory(const std::string& db) {
  REQUIRE(Sverka({"align", Corpus(kStem + ".ru.txt"), Corpus(kStem + ".en.txt"), "--db", db, "-q"}).exit_code == 0);
  REQUIRE(Sverka({"align", Corpus(kMoved + ".ru.sent"), Corpus(kMoved + ".en.sent"), "--presegmented", "--db", db,
                  "--name", "moved", "-q"})
              .exit_code == 0);
}

}  // namespace

TEST_CASE("check lists the doubtful beads of every document, lowest score first", "[cli][check]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  AlignCheckMemory(db);
  const Run all = Sverka({"check", "--db", db, "--limit", "0", "-f", "tsv"});
  REQUIRE(all.exit_code == 0);
  std::vector<std::string> rows = Lines(all.out);
  REQUIRE(rows.size() >= 3);
  CHECK(rows[0] == "document\tbead\tscore\tshape\tstatus\treasons\tru\ten");
  double last = -1;
  std::set<std::string> docs, reasons;
  for (size_t k = 1; k < rows.size(); ++k) {
    std::vector<std::string> f;
    std::istringstream in(rows[k]);
    for (std::string c; std::getline(in, c, '\t');) f.push_back(c);
    INFO(rows[k]);
    REQUIRE(f.size() >= 7);
    const double score = std::stod(f[2]);
    CHECK(score >= last);
    last = score;
    docs.insert(f[0]);
    CHECK(f[4] == "auto");
    std::istringstream rs(f[5]);
    for (std::string r; std::getline(rs, r, ',');) reasons.insert(r);
    // Every listed bead has a reason that holds: low means below 0.5, unpaired an empty side.
    if (f[5].find("low") != std::string::npos) CHECK(score < 0.5);
    if (f[5].find("unpaired") != std::string::npos) CHECK((f[3].front() == '0' || f[3].back() == '0'));
  }
  CHECK(docs == std::set<std::string>{"bbc.381694", "moved"});
  CHECK(reasons.count("moved") == 1);
  CHECK(reasons.count("unpaired") == 1);

  // stats ends with the totals over the memory.
  const Run stats = Sverka({"stats", "--db", db});
  REQUIRE(stats.exit_code == 0);
  int sum = 0;
  const std::regex doc_line(R"(^(bbc\.381694|moved): ([0-9]+) beads;)");
  for (const std::string& l : Lines(stats.out)) {
    std::smatch m;
    if (std::regex_search(l, m, doc_line)) sum += std::stoi(m[2].str());
  }
  CHECK(sum > 0);
  CHECK(stats.out.find("memory: 2 documents, " + std::to_string(sum) + " beads; mean score ") != std::string::npos);

  const Run moved = Sverka({"check", "--db", db, "--kind", "moved"});
  REQUIRE(moved.exit_code == 0);
  for (const std::string& l : Lines(moved.out)) {
    if (l.rfind("    ", 0) != 0) CHECK(l.find("moved") != std::string::npos);
  }
  // Once reviewed, a bead is not listed unless asked for.
  REQUIRE(Sverka({"edit", "--db", db, "--doc", "bbc.381694", "approve", "--all"}).exit_code == 0);
  const Run after = Sverka({"check", "--db", db, "--doc", "bbc.381694"});
  CHECK(after.exit_code == 0);
  CHECK(after.out.empty());
  CHECK(after.ErrLine() == "sverka: " + db + ": no doubtful bead among the auto ones");
  CHECK_FALSE(Sverka({"check", "--db", db, "--doc", "bbc.381694", "--status", "all"}).out.empty());
  const Run limited = Sverka({"check", "--db", db, "--limit", "1"});
  CHECK(Lines(limited.out).size() == 3);
  CHECK(limited.ErrLine().find("doubtful beads; the first 1 shown (--limit 0 shows all)") != std::string::npos);

  const Run unknown = Sverka({"check", "--db", db, "--doc", "nope"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.ErrLine() == "sverka: " + db + ": no document 'nope'; it holds 'bbc.381694', 'moved'");
  const Run kind = Sverka({"check", "--db", db, "--kind", "odd"});
  CHECK(kind.exit_code == 2);
  CHECK(kind.ErrLine() ==
        "sverka check: --kind takes low, unpaired, length, numbers, moved, not 'odd'; see 'sverka check --help'");
  CHECK(Sverka({"check", "--db", db, "-f", "xml"}).exit_code == 2);
  CHECK(Sverka({"check", "--db", dir / "missing.db"}).exit_code == 1);
}

TEST_CASE("check --format html writes one page for the memory, the same beads as the tsv", "[cli][check][report]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  AlignCheckMemory(db);
  const Run tsv = Sverka({"check", "--db", db, "--limit", "0", "-f", "tsv", "-o", dir / "c.tsv"});
  REQUIRE(tsv.exit_code == 0);
  CHECK(tsv.out.empty());  // written to the file
  const std::vector<std::string> rows = Lines(ReadFile(dir / "c.tsv"));
  REQUIRE(rows.size() >= 3);
  const Run html = Sverka({"check", "--db", db, "--limit", "0", "-f", "html", "-o", dir / "c.html"});
  REQUIRE(html.exit_code == 0);
  CHECK(html.out == dir / "c.html" + ": " + std::to_string(rows.size() - 1) + " doubtful beads\n");
  // One row per doubtful bead, in the tsv's order, with its document and reasons.
  CHECK(XPath(dir / "c.html", "count(//tbody/tr)") == std::to_string(rows.size() - 1));
  for (size_t k = 1; k < rows.size(); ++k) {
    std::vector<std::string> f;
    std::istringstream in(rows[k]);
    for (std::string c; std::getline(in, c, '\t');) f.push_back(c);
    const std::string row = "//tbody/tr[" + std::to_string(k) + "]";
    INFO(rows[k]);
    CHECK(XPath(dir / "c.html", row + "/td[1]") == f[0]);
    CHECK(XPath(dir / "c.html", row + "/td[2]") == f[1]);
    std::string reasons = f[5];
    for (size_t p = reasons.find(','); p != std::string::npos; p = reasons.find(',', p + 2)) reasons.insert(p + 1, " ");
    CHECK(XPath(dir / "c.html", row + "/td[6]") == reasons);
  }
  // Marks only where both sides share something: every marked row has marks on both sides.
  const int marked = std::stoi(XPath(dir / "c.html", "count(//tbody/tr[td[7]//mark])"));
  CHECK(marked > 0);
  CHECK(XPath(dir / "c.html", "count(//tbody/tr[td[7]//mark][not(td[8]//mark)])") == "0");
  const Run no_file = Sverka({"check", "--db", db, "-f", "html"});
  CHECK(no_file.exit_code == 2);
  CHECK(no_file.ErrLine() == "sverka check: --format html needs -o FILE; see 'sverka check --help'");
  CHECK(Sverka({"check", "--db", db, "-f", "html", "-o", db}).exit_code == 2);  // never over the memory
}

// ReviewMemory's four sentence pairs aligned from text, every bead "auto".
std::string AlignedReviewMemory(const ScratchDir& dir) {
  WriteFile(dir / "a.ru.txt", "Первое предложение.\nВторое, про Москву.\nТретье 2026 года.\nЧетвёртое.\n");
  WriteFile(dir / "a.en.txt", "First sentence.\nSecond, about Moscow.\nThird of 2026.\nFourth.\n");
  REQUIRE(Sverka({"align", dir / "a.ru.txt", dir / "a.en.txt", "--db", dir / "tm.db", "--name", "d", "--no-dict", "-q"})
              .exit_code == 0);
  REQUIRE(Query(dir / "tm.db", "SELECT count(*) FROM beads WHERE status = 'auto'") == "4\n");
  return dir / "tm.db";
}

TEST_CASE("edit pair pins sentences, realign pairs the rest around them, undo takes each back", "[cli][edit][realign]") {
  ScratchDir dir;
  const std::string db = AlignedReviewMemory(dir);
  const std::string before = Query(db, kBeadsSql);
  auto run = [&](std::vector<std::string> words) {
    std::vector<std::string> a = {"edit", "--db", db, "--doc", "d"};
    a.insert(a.end(), words.begin(), words.end());
    return Sverka(a);
  };
  // show --numbers gives the sentence numbers pair takes.
  const Run numbered = Sverka({"show", "--db", db, "--doc", "d", "--numbers", "--width", "100"});
  REQUIRE(numbered.exit_code == 0);
  CHECK(numbered.out.find("[1] Второе, про Москву.") != std::string::npos);
  CHECK(numbered.out.find("[2] Third of 2026.") != std::string::npos);
  CHECK(Sverka({"show", "--db", db, "--doc", "d", "--width", "100"}).out.find("[1] ") == std::string::npos);
  // Russian 1 goes with English 2: beads 1 and 2 each keep one sentence.
  const Run pair = run({"pair", "1", "2"});
  REQUIRE(pair.exit_code == 0);
  CHECK(pair.out.rfind("d: pair (history entry ", 0) == 0);
  CHECK(Query(db, "SELECT count(*) FROM beads WHERE ru_begin = 1 AND ru_end = 2 AND en_begin = 2 AND en_end = 3 "
                  "AND status = 'edited'") == "1\n");
  const std::string pinned = Query(db, kBeadsSql);
  // Realign: the pin stays, the fragments are scored again.
  const Run realign = Sverka({"realign", "--db", db, "--doc", "d", "--no-dict"});
  REQUIRE(realign.exit_code == 0);
  CHECK(realign.out.rfind("d: realigned around 1 fixed beads: ", 0) == 0);
  CHECK(Query(db, "SELECT count(*) FROM beads WHERE ru_begin = 1 AND en_begin = 2 AND status = 'edited'") == "1\n");
  CHECK(Query(db, "SELECT count(*) FROM beads WHERE status = 'auto' AND score = 0") == "0\n");
  CHECK(Query(db, "SELECT action FROM history ORDER BY id DESC LIMIT 1") == "realign\n");
  // Again: nothing to change, nothing written.
  const Run again = Sverka({"realign", "--db", db, "--doc", "d", "--no-dict"});
  CHECK(again.exit_code == 0);
  CHECK(again.out == "d: realign changed nothing (1 fixed beads of " +
                         Query(db, "SELECT count(*) FROM beads").substr(0, 1) + ")\n");
  REQUIRE(run({"undo"}).exit_code == 0);
  CHECK(Query(db, kBeadsSql) == pinned);
  REQUIRE(run({"undo"}).exit_code == 0);
  CHECK(Query(db, kBeadsSql) == before);
  // Refusals: one line, exit 1 for data, 2 for the command line.
  const Run nodoc = Sverka({"realign", "--db", db, "--doc", "x", "--no-dict"});
  CHECK(nodoc.exit_code == 1);
  CHECK(nodoc.ErrLine() == "sverka: " + db + ": no document 'x'");
  const Run nodb = Sverka({"realign", "--db", dir / "none.db", "--doc", "d"});
  CHECK(nodb.exit_code == 1);
  CHECK(nodb.ErrLine() == "sverka: " + dir / "none.db" + ": no such translation memory");
  const Run usage = Sverka({"realign", "--db", db});
  CHECK(usage.exit_code == 2);
  CHECK(usage.ErrLine() == "sverka realign: the option '--doc' is required but missing; see 'sverka realign --help'");
  const Run help = Sverka({"realign", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.rfind("usage: sverka realign --db TM --doc NAME", 0) == 0);
}

TEST_CASE("edit approve --before approves what the reviewer has read, as one edit", "[cli][edit]") {
  ScratchDir dir;
  const std::string db = AlignedReviewMemory(dir);
  const Run r = Sverka({"edit", "--db", db, "--doc", "d", "approve", "--before", "2"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.rfind("d: approved 2 beads before bead 2 (history entry ", 0) == 0);
  CHECK(Query(db, "SELECT group_concat(status, ' ') FROM (SELECT status FROM beads ORDER BY position)") ==
        "approved approved auto auto\n");
  const Run none = Sverka({"edit", "--db", db, "--doc", "d", "approve", "--before", "2"});
  CHECK(none.exit_code == 1);
  CHECK(none.ErrLine() == "sverka: " + db + ": no unreviewed bead of 'd' before bead 2; nothing changed");
}

TEST_CASE("edit approve --min-score approves every unreviewed bead above it as one edit", "[cli][edit]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  REQUIRE(Sverka({"align", Corpus(kMoved + ".ru.sent"), Corpus(kMoved + ".en.sent"), "--presegmented", "--db", db,
                  "--name", "d", "-q"})
              .exit_code == 0);
  REQUIRE(Sverka({"edit", "--db", db, "--doc", "d", "reject", "0"}).exit_code == 0);
  const std::string before = Sverka({"show", "--db", db, "--doc", "d", "--width", "300"}).out;
  // "#12 0.873 + …": bead, score, status mark (blank: auto).
  const std::regex margin(R"(^#[0-9]+ +([0-9.]+) (.))");
  int high_auto = 0, approved_before = 0;
  for (const std::string& l : Lines(before)) {
    std::smatch m;
    if (!std::regex_search(l, m, margin)) continue;
    const double score = std::stod(m[1].str());
    const char mark = m[2].str()[0];
    // 0.9005 lies between two printed scores: 0.901 and above are above it.
    high_auto += score > 0.9005 && mark == ' ';
    approved_before += mark == '+';
  }
  REQUIRE(high_auto >= 2);
  CHECK(approved_before == 0);
  const Run bulk = Sverka({"edit", "--db", db, "--doc", "d", "approve", "--min-score", "0.9005"});
  REQUIRE(bulk.exit_code == 0);
  CHECK(bulk.out == "d: approved " + std::to_string(high_auto) +
                        " beads scored at least 0.9005 (history entry 3); 'sverka edit --db TM --doc NAME undo' "
                        "reverts them all\n");
  int approved = 0;
  for (const std::string& l : Lines(Sverka({"show", "--db", db, "--doc", "d", "--width", "300"}).out)) {
    std::smatch m;
    if (!std::regex_search(l, m, margin)) continue;
    const double score = std::stod(m[1].str());
    const char mark = m[2].str()[0];
    if (mark == '+') {
      ++approved;
      CHECK(score > 0.9005);
    }
  }
  CHECK(approved == high_auto);
  // The rejected bead stays rejected; one undo reverts the whole approval.
  CHECK(Sverka({"show", "--db", db, "--doc", "d", "--status", "rejected"}).out.rfind("#0 ", 0) == 0);
  REQUIRE(Sverka({"edit", "--db", db, "--doc", "d", "undo"}).exit_code == 0);
  CHECK(Sverka({"show", "--db", db, "--doc", "d", "--width", "300"}).out == before);

  const Run none = Sverka({"edit", "--db", db, "--doc", "d", "approve", "--min-score", "1"});
  CHECK(none.exit_code == 1);
  CHECK(none.ErrLine() == "sverka: " + db + ": no unreviewed bead of 'd' scores at least 1; nothing changed");
  const Run wrong = Sverka({"edit", "--db", db, "--doc", "d", "reject", "--min-score", "0.5"});
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.ErrLine() == "sverka edit: --min-score, --all and --before belong to approve; see 'sverka edit --help'");
  CHECK(Sverka({"edit", "--db", db, "--doc", "d", "approve", "3", "--all"}).exit_code == 2);
  CHECK(Sverka({"edit", "--db", db, "--doc", "d", "approve", "--min-score", "2"}).exit_code == 2);
}

TEST_CASE("align --jsonl fails a record whose texts are not a translation of each other; --force aligns it",
          "[cli][jsonl][errors]") {
  ScratchDir dir;
  auto record = [](const std::string& id, const std::string& ru, const std::string& en) {
    return "{\"id\":" + sverka::JsonQuote(id) + ",\"ru\":" + sverka::JsonQuote(ReadFile(Corpus(ru))) +
           ",\"en\":" + sverka::JsonQuote(ReadFile(Corpus(en))) + "}\n";
  };
  WriteFile(dir / "in.jsonl", record("real", "ntrex/bbc.381647.ru.txt", "ntrex/bbc.381647.en.txt") +
                                  record("mixed", "ntrex/bbc.381647.ru.txt", "ntrex/upi.176275.en.txt"));
  const Run r = Sverka({"align", "--jsonl", dir / "in.jsonl"});
  CHECK(r.exit_code == 1);
  const std::vector<std::string> out = Lines(r.out);
  REQUIRE(out.size() == 2);
  CHECK(out[0].find("\"beads\":[") != std::string::npos);
  CHECK(out[1].rfind("{\"id\":\"mixed\",\"error\":", 0) == 0);
  CHECK(out[1].find("not a translation of each other") != std::string::npos);
  CHECK(std::regex_match(r.err, std::regex("sverka: .*in\\.jsonl:2: mixed\\.ru and mixed\\.en: not a translation of "
                                           "each other .*--force aligns them anyway\n")));
  const Run forced = Sverka({"align", "--jsonl", dir / "in.jsonl", "--force"});
  CHECK(forced.exit_code == 0);
  CHECK(Lines(forced.out).size() == 2);
  CHECK(forced.out.find("\"error\"") == std::string::npos);
}

TEST_CASE("Mueller's dictionary read from sverka's cache gives the beads of the file itself",
          "[cli][align][dict]") {
  // The first run writes the stems to the cache, the second reads them; a
  // run with SVERKA_CACHE_DIR empty reads the dictionary file. The beads
  // and scores of all three are the same (pipeline/dictionary_cache.h).
  if (!fs::exists(sverka::formats::kMuellerPath)) {
    WARN("mueller7-dict is not installed (tools/lib.sh installs it): not run");
    return;
  }
  ScratchDir dir;
  const std::string align = SverkaCommand({"align", Corpus("ntrex/bbc.381647.ru.txt"),
                                           Corpus("ntrex/bbc.381647.en.txt"), "--format", "json"});
  const Run direct = Shell("SVERKA_CACHE_DIR= " + align);
  const Run cold = Shell("SVERKA_CACHE_DIR=" + Quote(dir / "cache") + " " + align);
  REQUIRE(fs::exists(dir / "cache"));
  REQUIRE(!fs::is_empty(dir / "cache"));
  const Run warm = Shell("SVERKA_CACHE_DIR=" + Quote(dir / "cache") + " " + align);
  REQUIRE(direct.exit_code == 0);
  REQUIRE(direct.out.size() > 1000);
  CHECK(cold.exit_code == 0);
  CHECK(warm.exit_code == 0);
  CHECK(cold.out == direct.out);
  CHECK(warm.out == direct.out);
}

TEST_CASE("a quotation the segmenter kept whole is cut where the translation has two sentences",
          "[cli][align][pieces]") {
  // «Идя на заседание, я говорил, что разговаривал с судьей Кавано. Я
  // позвонил ему…» is one sentence to the segmenter (a quotation); the
  // English has a sentence at each period, and each half carries its own
  // words, so the aligner cuts the quotation there (issue 20). The cut
  // sentences keep exact offsets into the file, and the memory and the TMX
  // hold the finer units.
  ScratchDir dir;
  const std::string ru = Corpus("ntrex/cbsnews.248471.ru.txt"), en = Corpus("ntrex/cbsnews.248471.en.txt");
  const Run segment = Sverka({"segment", "--lang", "ru", ru});
  REQUIRE(segment.exit_code == 0);
  REQUIRE(segment.out.find("Кавано. Я позвонил") != std::string::npos);

  const Run json = Sverka({"align", ru, en, "--format", "json", "--db", dir / "tm.db"});
  REQUIRE(json.exit_code == 0);
  sverka::Result<sverka::JsonValue> doc = sverka::ParseJson(json.out);
  REQUIRE(doc.ok());
  const std::string bytes = ReadFile(ru);
  bool found = false;
  for (const sverka::JsonValue& s : doc->Find("ru")->array) {
    const std::string& text = s.Find("text")->string;
    const auto start = static_cast<size_t>(s.Find("start")->number), end = static_cast<size_t>(s.Find("end")->number);
    // The file's bytes at the offsets are the sentence (line breaks aside).
    std::string source = bytes.substr(start, end - start);
    for (char& c : source) c = c == '\n' ? ' ' : c;
    CHECK(source == text);
    found = found || text == "«Идя на заседание, я говорил, что разговаривал с судьей Кавано.";
  }
  CHECK(found);

  const Run tsv = Sverka({"align", ru, en, "--format", "tsv"});
  REQUIRE(tsv.exit_code == 0);
  CHECK(tsv.out.find("«Идя на заседание, я говорил, что разговаривал с судьей Кавано.\t"
                     "\"I said going into the hearing, I said, I've talked to Judge Kavanaugh.\n") !=
        std::string::npos);
  CHECK(tsv.out.find("Этой истории уже 36 лет.\tIt's 36 years old.\n") != std::string::npos);

  const Run tmx = Sverka({"export", "--db", dir / "tm.db", "--out", dir / "tm.tmx"});
  REQUIRE(tmx.exit_code == 0);
  CHECK(ReadFile(dir / "tm.tmx").find("<seg>Этой истории уже 36 лет.</seg>") != std::string::npos);
}

TEST_CASE("a date's 'г.' before a capital is a sentence end where the English ends one there",
          "[cli][align][pieces]") {
  const Run tsv = Sverka({"align", Corpus("ntrex/newsweek.51310.ru.txt"), Corpus("ntrex/newsweek.51310.en.txt"),
                          "--format", "tsv"});
  REQUIRE(tsv.exit_code == 0);
  CHECK(tsv.out.find("в субботу, 29 сентября 2018 г.\t") != std::string::npos);
  CHECK(tsv.out.find("\nВы можете посмотреть") != std::string::npos);
}

TEST_CASE("segment --format json lists what a web page left out, with its bytes and why",
          "[cli][segment][html]") {
  ScratchDir dir;
  const std::string page =
      "<!DOCTYPE html><html><head><title>Новости</title></head><body>"
      "<nav><a href=\"/\">Главная</a> <a href=\"/sport\">Спорт</a></nav>"
      "<article><p>Первая фраза статьи. Вторая фраза.</p></article>"
      "<div id=\"newsletter\">Подпишитесь на рассылку</div>"
      "<footer>© 2026 Редакция</footer></body></html>\n";
  WriteFile(dir / "page.html", page);
  const Run r = Sverka({"segment", "-l", "ru", "--format", "json", dir / "page.html"});
  REQUIRE(r.exit_code == 0);
  sverka::Result<sverka::JsonValue> json = sverka::ParseJson(r.out);
  REQUIRE(json.ok());
  REQUIRE(json->Find("sentences")->array.size() == 2);
  const sverka::JsonValue* left = json->Find("left_out");
  REQUIRE(left != nullptr);
  REQUIRE(left->array.size() == 3);
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"nav", "Главная</a> <a href=\"/sport\">Спорт"},
      {"id 'newsletter'", "Подпишитесь на рассылку"},
      {"footer", "© 2026 Редакция"}};
  for (size_t k = 0; k < 3; ++k) {
    const sverka::JsonValue& l = left->array[k];
    CHECK(l.Find("why")->string == expected[k].first);
    const size_t start = static_cast<size_t>(l.Find("start")->number);
    const size_t end = static_cast<size_t>(l.Find("end")->number);
    CHECK(page.substr(start, end - start) == expected[k].second);
  }
  CHECK(left->array[0].Find("text")->string == "Главная Спорт");
  // Text output and --keep-boilerplate are unchanged by it.
  CHECK(Sverka({"segment", "-l", "ru", dir / "page.html"}).out == "Первая фраза статьи.\nВторая фраза.\n");
  const Run whole = Sverka({"segment", "-l", "ru", "--format", "json", "--keep-boilerplate", dir / "page.html"});
  CHECK(whole.out.find("left_out") == std::string::npos);
}
