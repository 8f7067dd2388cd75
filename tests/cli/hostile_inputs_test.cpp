// The catalogue of hostile inputs (doc/hostile-inputs.md): one test each,
// with the exit code and the one-line message, run through the real binary.
// What a test stores it checks is still whole afterwards; what a failing
// command would have written does not appear.
#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <filesystem>
#include <random>
#include <vector>
#include <algorithm>

#include "cli/cli_run.h"
#include "fixtures.h"
#include "sql_fixtures.h"
#include "zip_fixtures.h"

using sverka::testing::Corpus;
using sverka::testing::Quote;
using sverka::testing::ReadFile;
using sverka::testing::Run;
using sverka::testing::ScratchDir;
using sverka::testing::SqlCount;
using sverka::testing::Shell;
using sverka::testing::Sverka;
using sverka::testing::SverkaCommand;
using sverka::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

// The sample article (looked up inside each test: meson passes its folder).
#define kRu Corpus("ntrex/bbc.381647.ru.txt")
#define kEn Corpus("ntrex/bbc.381647.en.txt")

bool IntegrityOk(const std::string& db_path) {
  return SqlCount(db_path,
                  "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'") == 1;
}

// A memory holding the sample article as document "a".
void StoreSample(const std::string& db) {
  REQUIRE(Sverka({"align", kRu, kEn, "--db", db, "--name", "a", "-q"}).exit_code == 0);
}

// Checks `r` failed with `code` and exactly the one line `message`.
void ExpectRefused(const Run& r, int code, const std::string& message) {
  CHECK(r.exit_code == code);
  CHECK(r.out.empty());
  CHECK(r.ErrLine() == message);
}

// A pair of files in `dir` named NAME.ru.txt / NAME.en.txt; returns the stem.
std::string Pair(const ScratchDir& dir, const std::string& name, const std::string& ru,
                 const std::string& en) {
  WriteFile(dir / (name + ".ru.txt"), ru);
  WriteFile(dir / (name + ".en.txt"), en);
  return dir / name;
}

// One pair "big" of every NTREX article joined (about 140 KB of text).
std::string BigPair(const ScratchDir& dir) {
  std::string ru, en;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(Corpus("ntrex"))) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path& p : files) {
    const std::string f = p.string();
    if (!f.ends_with(".ru.txt")) continue;
    ru += ReadFile(f) + "\n\n";
    en += ReadFile(f.substr(0, f.size() - 7) + ".en.txt") + "\n\n";
  }
  return Pair(dir, "big", ru, en);
}

// Runs `script` (as root: as the user nobody, for whom permissions hold).
Run AsUnprivileged(const std::string& script) {
  if (::geteuid() != 0) return Shell(script);
  return Shell("setpriv --reuid=65534 --regid=65534 --clear-groups sh -c " + Quote(script));
}

}  // namespace

// --- text inputs ---------------------------------------------------------

TEST_CASE("hostile: NUL bytes in a text file are refused with their place", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "a.ru.txt", "Первая фраза." + std::string(3, '\0') + " Вторая.\n");
  ExpectRefused(Sverka({"align", dir / "a.ru.txt", kEn}), 1,
                "sverka: " + dir / "a.ru.txt" + ":1:25: NUL byte in text at byte offset 24 (a binary file?)");
}

TEST_CASE("hostile: a lone UTF-16 surrogate is refused with its byte offset", "[cli][hostile]") {
  ScratchDir dir;
  // BOM, "Hi. ", then 0xD800 alone, then "A."
  WriteFile(dir / "a.en.txt", std::string("\xFF\xFEH\0i\0.\0 \0\x00\xD8" "A\0.\0", 16));
  ExpectRefused(Sverka({"segment", "-l", "en", dir / "a.en.txt"}), 1,
                "sverka: " + dir / "a.en.txt" +
                    ": not valid UTF-16LE text (bytes 0x00 0xD8 at byte offset 10)");
}

TEST_CASE("hostile: UTF-16 cut in the middle of a character is refused", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "a.en.txt", std::string("\xFE\xFF\0H\0i\0", 7));
  ExpectRefused(Sverka({"segment", "-l", "en", dir / "a.en.txt"}), 1,
                "sverka: " + dir / "a.en.txt" +
                    ": not valid UTF-16BE text (the text ends inside a character)");
}

TEST_CASE("hostile: overlong UTF-8 is refused, not decoded", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "a.en.txt", "Путь \xC0\xAF" "etc. Then more.\n");  // an overlong '/'
  ExpectRefused(Sverka({"segment", "-l", "en", dir / "a.en.txt"}), 1,
                "sverka: " + dir / "a.en.txt" +
                    ":1:10: invalid UTF-8 (byte 0xC0 at byte offset 9); name the encoding with "
                    "--encoding, or use --replace-invalid");
}

TEST_CASE("hostile: a UTF-8-encoded surrogate is refused", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "a.ru.txt", "Текст \xED\xA0\x80 дальше.\n");
  ExpectRefused(Sverka({"segment", "-l", "ru", dir / "a.ru.txt"}), 1,
                "sverka: " + dir / "a.ru.txt" +
                    ":1:12: invalid UTF-8 (byte 0xED at byte offset 11); name the encoding with "
                    "--encoding, or use --replace-invalid");
}

TEST_CASE("hostile: a control byte (BEL) in a text file is refused", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "a.en.txt", "Ring \x07 the bell. Twice.\n");
  ExpectRefused(Sverka({"align", kRu, dir / "a.en.txt"}), 1,
                "sverka: " + dir / "a.en.txt" +
                    ":1:6: control byte 0x07 at byte offset 5 (a binary file?)");
}

TEST_CASE("hostile: a 200 MB line is refused as a sentence too long to store", "[cli][hostile][slow]") {
  ScratchDir dir;
  {
    std::string line;
    const std::string words = "слово за словом без единой точки ";
    line.reserve(200u << 20);
    while (line.size() < (200u << 20)) line += words;
    line += "конец.\n";
    WriteFile(dir / "long.ru.txt", line);
  }
  ExpectRefused(Sverka({"align", dir / "long.ru.txt", kEn, "--db", dir / "tm.db"}), 1,
                "sverka: " + dir / "long.ru.txt" +
                    ": a sentence of 200 MiB at byte offset 0 (at most 1 MiB can be stored and "
                    "exported); is the text punctuated?");
  CHECK_FALSE(fs::exists(dir / "tm.db"));
}

TEST_CASE("hostile: /dev/zero as a text file stops at the size limit", "[cli][hostile]") {
  ExpectRefused(Sverka({"align", "/dev/zero", kEn}), 1,
                "sverka: /dev/zero: file too large (over 1024 MiB)");
}

TEST_CASE("hostile: mixed scripts and right-to-left marks are text, kept as they are", "[cli][hostile]") {
  ScratchDir dir;
  // Latin, Cyrillic, Hebrew with RLM/LRM, and a right-to-left override.
  const std::string ru =
      "Компания Apple открыла офис. \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8E "
      "значит «мир». Файл \xE2\x80\xAEtxt.exe\xE2\x80\xAC опасен.\n";
  const std::string en =
      "Apple opened an office. \xE2\x80\x8F\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\xE2\x80\x8E means "
      "'peace'. The file \xE2\x80\xAEtxt.exe\xE2\x80\xAC is dangerous.\n";
  const std::string stem = Pair(dir, "mixed", ru, en);
  const Run r = Sverka({"align", stem + ".ru.txt", stem + ".en.txt", "--db", dir / "tm.db", "-q"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM beads") == 3);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM sentences WHERE text LIKE '%' || "
                             "char(0x200F) || '%' || char(0x200E) || '%'") == 2);
  const Run tsv = Sverka({"export", "--db", dir / "tm.db", "-f", "tsv", "-o", dir / "out.tsv"});
  CHECK(tsv.exit_code == 0);
  CHECK(ReadFile(dir / "out.tsv").find("\xE2\x80\xAEtxt.exe\xE2\x80\xAC") != std::string::npos);
}

TEST_CASE("hostile: ESC sequences stored from a file never reach the terminal", "[cli][hostile]") {
  ScratchDir dir;
  const std::string stem =
      Pair(dir, "esc", "Привет \x1b[2J\x1b[1;1H мир. Второе предложение здесь и там.\n",
           "Hello \x1b[31mred\x1b[0m world. Second sentence here.\n");
  REQUIRE(Sverka({"align", stem + ".ru.txt", stem + ".en.txt", "--db", dir / "tm.db", "-q"})
              .exit_code == 0);
  const Run show = Sverka({"show", "--db", dir / "tm.db", "--doc", "esc"});
  CHECK(show.exit_code == 0);
  CHECK(show.out.find('\x1b') == std::string::npos);
  CHECK(show.out.find("\xE2\x90\x9B[2J") != std::string::npos);  // U+241B, the ESC picture
  const Run search = Sverka({"search", "--db", dir / "tm.db", "Hello"});
  CHECK(search.exit_code == 0);
  CHECK(search.out.find('\x1b') == std::string::npos);
  CHECK(search.out.find("[[Hello]]") != std::string::npos);
  REQUIRE(Sverka({"report", "--db", dir / "tm.db", "--doc", "esc", "-o", dir / "r.html"}).exit_code ==
          0);
  CHECK(ReadFile(dir / "r.html").find('\x1b') == std::string::npos);
  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "-o", dir / "out.tmx"}).exit_code == 0);
  CHECK(ReadFile(dir / "out.tmx").find('\x1b') == std::string::npos);  // not allowed in XML
}

TEST_CASE("hostile: a Russian file given as the English side is refused", "[cli][hostile]") {
  // A copy: the same file given twice is refused before it is read (never_lose_test).
  ScratchDir dir;
  fs::copy_file(kRu, dir / "copy.en.txt");
  ExpectRefused(Sverka({"align", kRu, dir / "copy.en.txt"}), 1,
                "sverka: " + dir / "copy.en.txt" +
                    ": does not look English: 98 % of its letters are Cyrillic; are the Russian "
                    "and English files swapped? (--no-script-check aligns it anyway)");
}

TEST_CASE("hostile: swapped sides are refused, and --no-script-check aligns them anyway", "[cli][hostile]") {
  ScratchDir dir;
  ExpectRefused(Sverka({"align", kEn, kRu, "--db", dir / "tm.db"}), 1,
                "sverka: " + kEn +
                    ": does not look Russian: 0 % of its letters are Cyrillic; are the Russian "
                    "and English files swapped? (--no-script-check aligns it anyway)");
  CHECK_FALSE(fs::exists(dir / "tm.db"));
  CHECK(Sverka({"align", kEn, kRu, "--no-script-check"}).exit_code == 0);
}

TEST_CASE("hostile: a side of white space only is refused as empty", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "blank.en.txt", " \n\t\n \n");
  ExpectRefused(Sverka({"align", kRu, dir / "blank.en.txt"}), 1,
                "sverka: " + dir / "blank.en.txt" + ": empty file (no text to read)");
}

// --- markup ------------------------------------------------------------------

TEST_CASE("hostile: HTML nested deeper than libxml2's limit is refused, not half read", "[cli][hostile]") {
  ScratchDir dir;
  std::string html = "<html><body>";
  for (int k = 0; k < 100000; ++k) html += "<div>";
  html += "Привет. Мир.</body></html>\n";
  WriteFile(dir / "deep.html", html);
  ExpectRefused(Sverka({"segment", "-l", "ru", dir / "deep.html"}), 1,
                "sverka: " + dir / "deep.html" +
                    ":1: elements nested deeper than 256 levels (libxml2's limit); the text after "
                    "that point cannot be read");
}

TEST_CASE("hostile: a TMX nested deeper than libxml2's limit imports nothing", "[cli][hostile]") {
  ScratchDir dir;
  std::string tmx =
      "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"ru\" adminlang=\"en\" "
      "segtype=\"sentence\" datatype=\"plaintext\" o-tmf=\"x\" creationtool=\"x\" "
      "creationtoolversion=\"1\"/><body><tu><tuv xml:lang=\"ru\"><seg>";
  for (int k = 0; k < 5000; ++k) tmx += "<bpt i=\"1\">";
  WriteFile(dir / "deep.tmx", tmx + "a\n");
  ExpectRefused(Sverka({"import", dir / "deep.tmx", "--db", dir / "tm.db"}), 1,
                "sverka: " + dir / "deep.tmx" +
                    ":2: elements nested deeper than 256 levels (libxml2's limit)");
  CHECK_FALSE(fs::exists(dir / "tm.db"));
}

TEST_CASE("hostile: HTML's scripts, styles and external entities give no text", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "page.html",
            "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><head>"
            "<script>alert('Скрипт.')</script><style>p{}</style>"
            "<link rel=stylesheet href=\"http://example.invalid/x.css\"></head>"
            "<body><p>Первая фраза. &x; Вторая фраза.</p></body></html>\n");
  const Run r = Sverka({"segment", "-l", "ru", dir / "page.html"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Скрипт") == std::string::npos);
  CHECK(r.out.find("root:") == std::string::npos);
  CHECK(r.out.find("Первая фраза.") != std::string::npos);
}

TEST_CASE("hostile: zip bombs, escaping paths, encrypted, truncated and renamed DOCX, ODT, EPUB files "
          "are refused in one line, nothing stored",
          "[cli][hostile][package]") {
  using sverka::testing::MakeDocx;
  using sverka::testing::MakeZip;
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  StoreSample(db);
  const std::string docx = MakeDocx("<w:p><w:r><w:t>Первая фраза. Вторая фраза.</w:t></w:r></w:p>");
  struct Case {
    std::string file, bytes, message;
  };
  const std::vector<Case> cases = {
      {"bomb.docx", MakeZip({{"word/document.xml", std::string(size_t{64} << 20, ' ')}}),
       ": zip entry 'word/document.xml' expands "},
      {"escape.docx", MakeZip({{"word/document.xml", "<w:document/>"}, {"../../../tmp/evil", "x"}}),
       ": zip entry '../../../tmp/evil' names a path outside the archive; refused"},
      {"locked.docx", MakeZip({{"word/document.xml", "<w:document/>", false, true}}),
       ": zip entry 'word/document.xml' is encrypted (password-protected document); save it without a password"},
      {"word-encrypted.docx", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(1024, '\0'),
       ": an encrypted (password-protected) Office document or an old binary .doc; save it as DOCX without a "
       "password"},
      {"cut.docx", docx.substr(0, docx.size() * 2 / 3), ": "},
      {"report.docx", "%PDF-1.5\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
       ": a PDF file; sverka reads text, HTML, DOCX, ODT and EPUB (convert it to text first)"},
      {"sheet.odt", MakeZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true}, {"content.xml", "<x/>"}}),
       ": an OpenDocument file that is not a text document (application/vnd.oasis.opendocument.spreadsheet)"},
      {"book.epub", MakeZip({{"mimetype", "application/epub+zip", true}}), ": zip entry 'META-INF/container.xml' is missing"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    WriteFile(dir / c.file, c.bytes);
    const Run r = Sverka({"align", dir / c.file, kEn, "--db", db, "--name", "new"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK_THAT(r.ErrLine(), Catch::StartsWith("sverka: " + dir / c.file + c.message));
    CHECK(SqlCount(db, "SELECT count(*) FROM documents") == 1);
  }
  CHECK(IntegrityOk(db));
}

TEST_CASE("hostile: an SRX file with an external entity is refused without reading it", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "r.srx",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE srx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\"><header segmentsubflows=\"yes\" "
            "cascade=\"no\"/><body><languagerules><languagerule languagerulename=\"x\"><rule "
            "break=\"yes\"><beforebreak>&x;</beforebreak><afterbreak>\\s</afterbreak></rule>"
            "</languagerule></languagerules><maprules><languagemap languagepattern=\".*\" "
            "languagerulename=\"x\"/></maprules></body></srx>\n");
  ExpectRefused(Sverka({"segment", "-l", "ru", "--rules", dir / "r.srx", kRu}), 1,
                "sverka: " + dir / "r.srx" +
                    ": the DOCTYPE declares entities; sverka reads no DTD (write the rules' text "
                    "out)");
}

TEST_CASE("hostile: an SRX rule that backtracks without end is stopped and named", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "r.srx",
            "<?xml version=\"1.0\"?>\n"
            "<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\"><header segmentsubflows=\"yes\" "
            "cascade=\"no\"/><body><languagerules><languagerule languagerulename=\"x\">\n"
            "<rule break=\"yes\"><beforebreak>(a+)+b</beforebreak><afterbreak></afterbreak></rule>\n"
            "</languagerule></languagerules><maprules><languagemap languagepattern=\".*\" "
            "languagerulename=\"x\"/></maprules></body></srx>\n");
  WriteFile(dir / "t.txt", "Первое.\n\nТри " + std::string(60, 'a') + " четыре.\n");
  const Run r = Sverka({"segment", "-l", "ru", "--rules", dir / "r.srx", dir / "t.txt"});
  CHECK(r.exit_code == 1);
  CHECK(r.ErrLine() == "sverka: " + dir / "t.txt" + ": the paragraph at byte offset 15: " + dir /
                           "r.srx" +
                           ":3: regular expression '(a+)+b' takes too long on this text (ICU's "
                           "match limit); simplify the rule");
}

// --- the translation memory ----------------------------------------------------

TEST_CASE("hostile: a file that is not a database is refused and left untouched", "[cli][hostile]") {
  ScratchDir dir;
  const std::string junk = "this is a text file, not an SQLite database\n";
  WriteFile(dir / "tm.db", junk);
  ExpectRefused(Sverka({"align", kRu, kEn, "--db", dir / "tm.db"}), 1,
                "sverka: " + dir / "tm.db" +
                    ": not a sverka translation memory (file is not a database)");
  CHECK(ReadFile(dir / "tm.db") == junk);
}

TEST_CASE("hostile: another application's SQLite database is refused and left untouched", "[cli][hostile]") {
  ScratchDir dir;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir / "other.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)", nullptr, nullptr,
                       nullptr) == SQLITE_OK);
  sqlite3_close(db);
  ExpectRefused(Sverka({"align", kRu, kEn, "--db", dir / "other.db"}), 1,
                "sverka: " + dir / "other.db" + ": an SQLite database, but not a sverka translation memory");
  CHECK(SqlCount(dir / "other.db", "SELECT count(*) FROM sqlite_schema") == 1);
}

TEST_CASE("hostile: a memory from a newer sverka is refused, not downgraded", "[cli][hostile]") {
  ScratchDir dir;
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((dir / "new.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "PRAGMA user_version = 99", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  ExpectRefused(Sverka({"export", "--db", dir / "new.db", "-o", dir / "x.tmx"}), 1,
                "sverka: " + dir / "new.db" +
                    ": translation memory schema version 99 is newer than this sverka's (8); "
                    "upgrade sverka");
  CHECK_FALSE(fs::exists(dir / "x.tmx"));
}

TEST_CASE("hostile: a JSON-lines record that is not JSON stops the filter with its place", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "in.jsonl", "{\"id\": \"a\", \"ru\": \"Привет.\", \"en\": }\n");
  ExpectRefused(Sverka({"align", "--jsonl"}, dir / "in.jsonl"), 1,
                "sverka: <stdin>:1:42: unexpected character '}'");
}

TEST_CASE("hostile: a manifest naming missing files fails that pair with its reason", "[cli][hostile]") {
  ScratchDir dir;
  WriteFile(dir / "m.tsv", "a\t" + dir / "nope.ru.txt" + "\t" + dir / "nope.en.txt" + "\n");
  const Run r = Sverka({"batch", dir / "m.tsv", "--db", dir / "tm.db", "-q"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "sverka: a: " + dir / "nope.ru.txt" +
                     ": cannot open: No such file or directory\nsverka batch: 0 stored, 0 skipped "
                     "(unchanged), 1 failed, of 1 pairs\n");
}

TEST_CASE("hostile: a directory given as the translation memory is refused", "[cli][hostile]") {
  ScratchDir dir;
  ExpectRefused(Sverka({"export", "--db", dir.path().string(), "-o", dir / "x.tmx"}), 1,
                "sverka: " + dir.path().string() + ": is a directory, not a translation memory");
}

TEST_CASE("hostile: a memory in a directory that does not exist is refused", "[cli][hostile]") {
  ScratchDir dir;
  ExpectRefused(Sverka({"align", kRu, kEn, "--db", dir / "no/such/tm.db"}), 1,
                "sverka: " + dir / "no/such/tm.db" +
                    ": cannot create the translation memory: no directory " + dir / "no/such/");
}

TEST_CASE("hostile: a read-only memory is refused before anything is written", "[cli][hostile]") {
  ScratchDir dir;
  // The unprivileged user may not reach the build tree (/root/...): it gets
  // its own copies of the binary and the pair, in a folder it may enter.
  fs::permissions(dir.path(), fs::perms::all);
  fs::copy_file(sverka::testing::SverkaBin(), dir / "sverka");
  fs::copy_file(kRu, dir / "a.ru.txt");
  fs::copy_file(kEn, dir / "a.en.txt");
  for (const char* f : {"sverka", "a.ru.txt", "a.en.txt"}) {
    fs::permissions(dir / f, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                 fs::perms::others_read | fs::perms::others_exec);
  }
  StoreSample(dir / "tm.db");
  fs::permissions(dir / "tm.db", fs::perms::owner_read | fs::perms::group_read |
                                     fs::perms::others_read);
  const std::string bin = Quote(dir / "sverka") + " ";
  const Run r = AsUnprivileged(bin + "align " + Quote(dir / "a.ru.txt") + " " +
                               Quote(dir / "a.en.txt") + " --db " + Quote(dir / "tm.db") +
                               " --name b");
  ExpectRefused(r, 1,
                "sverka: " + dir / "tm.db" +
                    ": cannot write the translation memory: no permission to write it; nothing "
                    "was stored");
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents") == 1);
  // Reading it is still allowed.
  CHECK(AsUnprivileged(bin + "stats --db " + Quote(dir / "tm.db")).exit_code == 0);
}

TEST_CASE("hostile: a memory locked by another writer is waited for, then refused in one line", "[cli][hostile]") {
  ScratchDir dir;
  StoreSample(dir / "tm.db");
  sqlite3* lock = nullptr;
  REQUIRE(sqlite3_open((dir / "tm.db").c_str(), &lock) == SQLITE_OK);
  REQUIRE(sqlite3_exec(lock, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const auto start = std::chrono::steady_clock::now();
  const Run r = Sverka({"align", kRu, kEn, "--db", dir / "tm.db", "--name", "b", "-q"});
  const double waited =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  sqlite3_exec(lock, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(lock);
  ExpectRefused(r, 3,
                "sverka: " + dir / "tm.db" +
                    ": cannot start a transaction: locked by another writer, " +
                    sverka::testing::ThisProcess() +
                    ", which holds its write lock (waited 5 s); try again when it finishes");
  CHECK(waited >= 4.5);  // the busy timeout, not an immediate failure
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents") == 1);
  // Once the other writer is gone, the same command succeeds.
  CHECK(Sverka({"align", kRu, kEn, "--db", dir / "tm.db", "--name", "b", "-q"}).exit_code == 0);
}

TEST_CASE("hostile: a full disk (file-size limit) rolls the document back and says so", "[cli][hostile]") {
  ScratchDir dir;
  StoreSample(dir / "tm.db");
  // A document of every NTREX article: far more than the limit allows.
  const std::string stem = BigPair(dir);
  const uintmax_t before = fs::file_size(dir / "tm.db");
  const Run r = Shell("ulimit -f " + std::to_string(before / 1024 + 40) + "; " +
                      SverkaCommand({"align", stem + ".ru.txt", stem + ".en.txt", "--db",
                                     dir / "tm.db", "--name", "big", "-q"}));
  CHECK(r.exit_code == 3);
  const std::string line = r.ErrLine();
  INFO(line);
  CHECK(line.rfind("sverka: " + dir / "tm.db" + ": cannot ", 0) == 0);
  CHECK((line.find("disk I/O error") != std::string::npos ||
         line.find("database or disk is full") != std::string::npos));
  CHECK(line.ends_with("; the transaction was rolled back, nothing of it was stored"));
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents") == 1);
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents WHERE name = 'big'") == 0);
  CHECK(IntegrityOk(dir / "tm.db"));
}

TEST_CASE("hostile: an export past a file-size limit leaves no file and says so", "[cli][hostile]") {
  ScratchDir dir;
  const std::string stem = BigPair(dir);
  REQUIRE(Sverka({"align", stem + ".ru.txt", stem + ".en.txt", "--db", dir / "tm.db", "-q"})
              .exit_code == 0);
  // 100 KiB: room for the memory's shared-memory file, not for the 250 KB TMX.
  const Run r = Shell("ulimit -f 100; " + SverkaCommand({"export", "--db", dir / "tm.db", "-o",
                                                         dir / "out.tmx"}));
  ExpectRefused(r, 3, "sverka: " + dir / "out.tmx" + ": write failed: File too large; nothing was written");
  CHECK_FALSE(fs::exists(dir / "out.tmx"));
  CHECK_FALSE(fs::exists(dir / "out.tmx.tmp"));
}

// --- names ----------------------------------------------------------------------

TEST_CASE("hostile: paths with spaces and Cyrillic names work end to end", "[cli][hostile]") {
  ScratchDir dir;
  fs::create_directories(dir / "папка с пробелом");
  const std::string stem = Pair(dir, "папка с пробелом/мой файл", ReadFile(kRu), ReadFile(kEn));
  const std::string db = dir / "папка с пробелом/память переводов.db";
  CHECK(Sverka({"align", stem + ".ru.txt", stem + ".en.txt", "--db", db, "-q"}).exit_code == 0);
  CHECK(SqlCount(db, "SELECT count(*) FROM documents WHERE name = 'мой файл'") == 1);
  const std::string tmx = dir / "папка с пробелом/экспорт 1.tmx";
  CHECK(Sverka({"export", "--db", db, "-o", tmx}).exit_code == 0);
  CHECK(ReadFile(tmx).find("мой файл") != std::string::npos);
  CHECK(Sverka({"import", tmx, "--db", dir / "второй.db"}).exit_code == 0);
  // And a missing one is named as given.
  ExpectRefused(Sverka({"align", stem + ".ru.txt", dir / "нет такого.en.txt"}), 1,
                "sverka: " + dir / "нет такого.en.txt" + ": cannot open: No such file or directory");
}

TEST_CASE("hostile: a file name longer than the system allows is refused in one line", "[cli][hostile]") {
  const std::string name = std::string(300, 'x') + ".en.txt";
  ExpectRefused(Sverka({"align", kRu, name}), 1, "sverka: " + name + ": cannot open: File name too long");
}

// --- crash safety -------------------------------------------------------------------

namespace {

// Runs `command` in the background, kills it with SIGKILL after a random
// delay within [0, max_ms), and waits for it.
void KillAtRandom(const std::string& command, int max_ms, std::mt19937& rng) {
  const int delay_ms = std::uniform_int_distribution<int>(0, max_ms - 1)(rng);
  char delay[32];
  std::snprintf(delay, sizeof delay, "%.3f", delay_ms / 1000.0);
  INFO("killed after " << delay_ms << " ms");
  Shell(command + " & pid=$!; sleep " + delay + "; kill -9 $pid; wait $pid; true");
}

}  // namespace

TEST_CASE("crash: align --db killed at random moments leaves the memory whole", "[cli][hostile][kill]") {
  ScratchDir dir;
  StoreSample(dir / "tm.db");
  const int64_t sample_beads = SqlCount(dir / "tm.db", "SELECT count(*) FROM beads");
  std::mt19937 rng(20261201);
  for (int round = 0; round < 6; ++round) {
    const std::string name = "k" + std::to_string(round);
    KillAtRandom(SverkaCommand({"align", kRu, kEn, "--db", dir / "tm.db", "--name", name, "-q"}),
                 250, rng);
    REQUIRE(IntegrityOk(dir / "tm.db"));
    // Committed before the kill: still there. The killed document: all or nothing.
    CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM beads b JOIN documents d ON d.id = "
                               "b.document_id WHERE d.name = 'a'") == sample_beads);
    const int64_t beads = SqlCount(dir / "tm.db", "SELECT count(*) FROM beads b JOIN documents d ON "
                                               "d.id = b.document_id WHERE d.name = '" + name + "'");
    CHECK((beads == 0 || beads == sample_beads));
  }
  // The memory is still usable: a rerun stores, the full-text index agrees.
  CHECK(Sverka({"align", kRu, kEn, "--db", dir / "tm.db", "--name", "after", "-q"}).exit_code == 0);
  CHECK(Sverka({"search", "--db", dir / "tm.db", "Kanye"}).out.find("[[Kanye]]") != std::string::npos);
}

TEST_CASE("crash: import killed at random moments stores the whole file or nothing", "[cli][hostile][kill]") {
  ScratchDir dir;
  // A TMX of every NTREX article (25 documents, one transaction on import).
  for (const auto& e : fs::directory_iterator(Corpus("ntrex"))) {
    const std::string f = e.path().string();
    if (!f.ends_with(".ru.txt")) continue;
    const std::string stem = f.substr(0, f.size() - 7);
    REQUIRE(Sverka({"align", f, stem + ".en.txt", "--db", dir / "all.db", "-q"}).exit_code == 0);
  }
  REQUIRE(Sverka({"export", "--db", dir / "all.db", "-o", dir / "all.tmx"}).exit_code == 0);
  const int64_t units = SqlCount(dir / "all.db", "SELECT count(*) FROM beads WHERE ru_end > ru_begin "
                                              "AND en_end > en_begin");
  StoreSample(dir / "tm.db");
  std::mt19937 rng(7);
  for (int round = 0; round < 6; ++round) {
    KillAtRandom(SverkaCommand({"import", dir / "all.tmx", "--db", dir / "tm.db", "--replace"}),
                 400, rng);
    REQUIRE(IntegrityOk(dir / "tm.db"));
    CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM documents WHERE name = 'a'") == 1);
    const int64_t imported =
        SqlCount(dir / "tm.db", "SELECT count(*) FROM beads b JOIN documents d ON d.id = "
                             "b.document_id WHERE d.name <> 'a'");
    CHECK((imported == 0 || imported == units));
  }
}
