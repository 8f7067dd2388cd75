// Issue 17, "Never lose a memory", through the real binary: outputs that
// cannot overwrite inputs, merges that keep review work, memories that are
// created, locked or sent by others. Every memory that was there before a
// refused command still passes integrity_check and keeps its documents.
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "cli/cli_run.h"
#include "fixtures.h"
#include "sql_fixtures.h"

using sverka::testing::Corpus;
using sverka::testing::Quote;
using sverka::testing::ReadFile;
using sverka::testing::Run;
using sverka::testing::ScratchDir;
using sverka::testing::Shell;
using sverka::testing::SqlCount;
using sverka::testing::Sverka;
using sverka::testing::UsageLine;
using sverka::testing::SverkaCommand;
using sverka::testing::WriteFile;
namespace fs = std::filesystem;

namespace {

#define kRu Corpus("ntrex/bbc.381647.ru.txt")
#define kEn Corpus("ntrex/bbc.381647.en.txt")
#define kRu2 Corpus("ntrex/bbc.381694.ru.txt")
#define kEn2 Corpus("ntrex/bbc.381694.en.txt")

bool IntegrityOk(const std::string& db) {
  return SqlCount(db, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check = 'ok'") ==
         1;
}

int64_t Documents(const std::string& db) { return SqlCount(db, "SELECT count(*) FROM documents"); }

// A memory holding the sample article as document `name`.
void Store(const std::string& db, const std::string& name = "a") {
  REQUIRE(Sverka({"align", kRu, kEn, "--db", db, "--name", name, "-q"}).exit_code == 0);
}

// `r` failed with `code`, printed nothing and exactly the one line `message`.
void ExpectRefused(const Run& r, int code, const std::string& message) {
  CHECK(r.exit_code == code);
  CHECK(r.out.empty());
  CHECK(r.ErrLine() == message);
}

// The memory `db` is still whole, with its `docs` documents, and nothing is beside it.
void ExpectIntact(const std::string& db, int64_t docs) {
  CHECK(IntegrityOk(db));
  CHECK(Documents(db) == docs);
  CHECK_FALSE(fs::exists(db + ".tmp"));
}

}  // namespace

// --- outputs that cannot overwrite inputs -------------------------------------

TEST_CASE("export and report refuse the memory they read as their output", "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "e.db";
  Store(db);
  REQUIRE(::link(db.c_str(), (dir / "hard.tmx").c_str()) == 0);
  fs::create_symlink(db, dir / "sym.tsv");
  // Usage errors (exit 2): they name the command and its --help.
  auto same = [&](const std::string& command) {
    return UsageLine(command, db + ": is the translation memory this command reads; "
                                   "write the output to another file");
  };
  auto other = [&](const std::string& out, const std::string& command = "export") {
    return UsageLine(command, out + ": is the translation memory " + db +
                                  ", which this command reads; write the output to another file");
  };
  for (const std::string format : {"tmx", "tsv"}) {
    INFO(format);
    ExpectRefused(Sverka({"export", "--db", db, "-f", format, "-o", db}), 2, same("export"));
    ExpectRefused(Sverka({"export", "--db", db, "-f", format, "-o", dir / "./e.db"}), 2,
                  other(dir / "./e.db"));
    ExpectRefused(Sverka({"export", "--db", db, "-f", format, "-o", dir / "hard.tmx"}), 2,
                  other(dir / "hard.tmx"));
    ExpectRefused(Sverka({"export", "--db", db, "-f", format, "-o", dir / "sym.tsv"}), 2,
                  other(dir / "sym.tsv"));
  }
  // parallel: PREFIX.en is a hard link to the memory; neither file is written.
  REQUIRE(::link(db.c_str(), (dir / "p.en").c_str()) == 0);
  ExpectRefused(Sverka({"export", "--db", db, "-f", "parallel", "-o", dir / "p"}), 2,
                other(dir / "p.en"));
  CHECK_FALSE(fs::exists(dir / "p.ru"));
  CHECK_FALSE(fs::exists(dir / "p.ru.tmp"));
  ExpectRefused(Sverka({"report", "--db", db, "--doc", "a", "-o", db}), 2, same("report"));
  ExpectRefused(Sverka({"report", "--db", db, "--doc", "a", "-o", dir / "hard.tmx"}), 2,
                other(dir / "hard.tmx", "report"));
  ExpectIntact(db, 1);
  CHECK(fs::hard_link_count(db) == 3);  // the links are still links to the memory
}

TEST_CASE("export -o DIR and report -o DIR are usage errors", "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "e.db";
  Store(db);
  fs::create_directory(dir / "out");
  for (const std::string format : {"tmx", "tsv"}) {
    ExpectRefused(Sverka({"export", "--db", db, "-f", format, "-o", dir / "out"}), 2,
                  UsageLine("export", dir / "out" + ": is a directory; name the file to write"));
  }
  ExpectRefused(Sverka({"report", "--db", db, "--doc", "a", "-o", dir / "out"}), 2,
                UsageLine("report", dir / "out" + ": is a directory; name the file to write"));
  CHECK(fs::is_empty(dir / "out"));
  CHECK_FALSE(fs::exists(dir / "out.tmp"));
  ExpectIntact(db, 1);
}

TEST_CASE("batch --report refuses the memory as its report", "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  fs::create_directory(dir / "in");
  fs::copy_file(kRu, dir / "in/a.ru.txt");
  fs::copy_file(kEn, dir / "in/a.en.txt");
  Store(db, "x");
  ExpectRefused(Sverka({"batch", dir / "in", "--db", db, "-q", "--report", db}), 2,
                UsageLine("batch", db + ": is the translation memory this command reads; "
                                        "write the output to another file"));
  ExpectIntact(db, 1);  // refused before any pair is stored
}

TEST_CASE("merge -o refuses its inputs, and an existing file unless --force", "[cli][never-lose]") {
  ScratchDir dir;
  Store(dir / "a.db", "a");
  REQUIRE(Sverka({"align", kRu2, kEn2, "--db", dir / "b.db", "--name", "b", "-q"}).exit_code == 0);
  REQUIRE(::link((dir / "b.db").c_str(), (dir / "b-link.db").c_str()) == 0);
  ExpectRefused(Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / "a.db", "--force"}), 2,
                UsageLine("merge", dir / "a.db" +
                                       ": is the translation memory this command reads; write "
                                       "the output to another file"));
  ExpectRefused(Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / "b-link.db", "--force"}),
                2,
                UsageLine("merge", dir / "b-link.db" + ": is the translation memory " + dir / "b.db" +
                                       ", which this command reads; write the output to another file"));
  // Another memory, or any file: not replaced without --force.
  Store(dir / "victim.db", "v");
  WriteFile(dir / "notes.txt", "my notes\n");
  for (const std::string target : {"victim.db", "notes.txt"}) {
    ExpectRefused(Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / target}), 2,
                  UsageLine("merge", dir / target +
                                         ": already exists; merge writes a new memory (--force replaces it)"));
  }
  CHECK(ReadFile(dir / "notes.txt") == "my notes\n");
  ExpectIntact(dir / "victim.db", 1);
  ExpectIntact(dir / "a.db", 1);
  ExpectIntact(dir / "b.db", 1);
  // --force replaces it; what a killed merge left beside its temporary file is not read.
  WriteFile(dir / "notes.txt.tmp-wal", std::string(8192, 'x'));
  WriteFile(dir / "notes.txt.tmp-journal", std::string(8192, 'y'));
  const Run forced = Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / "notes.txt", "--force"});
  CHECK(forced.exit_code == 0);
  ExpectIntact(dir / "notes.txt", 2);
  CHECK_FALSE(fs::exists(dir / "notes.txt.tmp-wal"));
  CHECK_FALSE(fs::exists(dir / "notes.txt.tmp-journal"));
}

TEST_CASE("a disk filling during export and merge leaves the old file whole", "[cli][never-lose]") {
  ScratchDir dir;
  // A memory of every NTREX article: its TMX and its merged copy exceed 100 KiB.
  int n = 0;
  for (const auto& e : fs::directory_iterator(Corpus("ntrex"))) {
    const std::string f = e.path().string();
    if (!f.ends_with(".ru.txt")) continue;
    REQUIRE(Sverka({"align", f, f.substr(0, f.size() - 7) + ".en.txt", "--db", dir / "big.db",
                    "--name", "d" + std::to_string(n++), "-q", "--no-dict"})
                .exit_code == 0);
  }
  Store(dir / "small.db", "s");
  WriteFile(dir / "old.tmx", "old\n");
  const Run exported = Shell("ulimit -f 100; " + SverkaCommand({"export", "--db", dir / "big.db",
                                                                "-o", dir / "old.tmx"}));
  ExpectRefused(exported, 3,
                "sverka: " + dir / "old.tmx" + ": write failed: File too large; nothing was written");
  CHECK(ReadFile(dir / "old.tmx") == "old\n");
  CHECK_FALSE(fs::exists(dir / "old.tmx.tmp"));

  Store(dir / "old.db", "old");
  REQUIRE(fs::file_size(dir / "big.db") > 150 * 1024);
  const Run merged = Shell("ulimit -f 100; " +
                           SverkaCommand({"merge", dir / "big.db", dir / "small.db", "-o",
                                          dir / "old.db", "--force"}));
  CHECK(merged.exit_code == 3);
  CHECK(merged.ErrLine().starts_with("sverka: " + dir / "old.db" + ": cannot merge: "));
  ExpectIntact(dir / "old.db", 1);
  ExpectIntact(dir / "big.db", n);
  for (const char* suffix : {".tmp-wal", ".tmp-journal", ".tmp-shm"}) {
    CHECK_FALSE(fs::exists(dir / ("old.db" + std::string(suffix))));
  }
}

TEST_CASE("TMX import says which of several variants of a unit it took", "[cli][never-lose]") {
  ScratchDir dir;
  WriteFile(dir / "v.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n"
            "<tu><tuv xml:lang=\"ru\"><seg>Цвет.</seg></tuv><tuv xml:lang=\"en-GB\"><seg>Colour.</seg>"
            "</tuv><tuv xml:lang=\"en-US\"><seg>Color.</seg></tuv></tu>\n"
            "<tu><tuv xml:lang=\"ru\"><seg>Ещё.</seg></tuv><tuv xml:lang=\"ru\"><seg>Еще.</seg></tuv>"
            "<tuv xml:lang=\"en\"><seg>More.</seg></tuv></tu>\n</body></tmx>\n");
  const Run r = Sverka({"import", dir / "v.tmx", "--db", dir / "tm.db", "-q"});
  CHECK(r.exit_code == 0);
  CHECK(r.ErrLine() == "sverka: " + dir / "v.tmx" +
                           ": 2 units have more than one Russian or English variant (the first at "
                           "line 3: en-GB, en-US); the first of each was taken (--ru-lang or "
                           "--en-lang with a region, as en-GB, takes that variant)");
  CHECK(SqlCount(dir / "tm.db", "SELECT count(*) FROM sentences WHERE text IN ('Colour.', 'Ещё.')") == 2);
  // Chosen by its region: that variant is stored, and nothing is said.
  const Run us = Sverka({"import", dir / "v.tmx", "--db", dir / "us.db", "--en-lang", "en-US", "-q"});
  CHECK(us.exit_code == 0);
  CHECK(us.err.empty());
  CHECK(SqlCount(dir / "us.db", "SELECT count(*) FROM sentences WHERE text = 'Color.'") == 1);
}

TEST_CASE("search finds ещё as еще and a word with a soft hyphen inside", "[cli][never-lose]") {
  ScratchDir dir;
  auto unit = [](const std::string& ru, const std::string& en) {
    return "<tu><tuv xml:lang=\"ru\"><seg>" + ru + "</seg></tuv><tuv xml:lang=\"en\"><seg>" + en +
           "</seg></tuv></tu>\n";
  };
  WriteFile(dir / "t.tmx", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>\n" +
                               unit("Он ещё здесь.", "He is still here.") +
                               unit("Еще раз.", "Once more.") +
                               unit("Это пере\u00ADвод.", "This is a trans\u00ADlation.") +
                               unit("Перевод готов.", "The translation is ready.") +
                               "</body></tmx>\n");
  const std::string db = dir / "tm.db";
  REQUIRE(Sverka({"import", dir / "t.tmx", "--db", db, "--name", "t", "-q"}).exit_code == 0);
  auto hits = [&](const std::string& phrase) {
    const Run r = Sverka({"search", "--db", db, phrase});
    CHECK(r.exit_code == 0);
    return r.out;
  };
  for (const std::string phrase : {"еще", "ещё", "ЕЩЁ"}) {
    INFO(phrase);
    const std::string out = hits(phrase);
    CHECK(out.find("ru: Он [[ещё]] здесь.") != std::string::npos);
    CHECK(out.find("ru: [[Еще]] раз.") != std::string::npos);
  }
  // Stored with a soft hyphen, looked for with or without one: found, and
  // shown without it (it is invisible anyway); the pair without one too.
  for (const std::string phrase : {"перевод", "пере\u00ADвод"}) {
    INFO(phrase);
    const std::string out = hits(phrase);
    CHECK(out.find("ru: Это [[перевод]].") != std::string::npos);
    CHECK(out.find("ru: [[Перевод]] готов.") != std::string::npos);
  }
  CHECK(hits("translation").find("en: This is a [[translation]].") != std::string::npos);
  // A soft hyphen alone is no word.
  CHECK(Sverka({"search", "--db", db, "\u00AD"}).exit_code == 1);
}

TEST_CASE("tools/run-sample counts the units of a TMX that export wrote", "[cli][never-lose]") {
  ScratchDir dir;
  Store(dir / "tm.db");
  REQUIRE(Sverka({"export", "--db", dir / "tm.db", "-o", dir / "x.tmx"}).exit_code == 0);
  const std::string lib = fs::path(Corpus("")).parent_path().parent_path() / "tools/lib.sh";
  const Run r = Shell("bash -c " + Quote(". " + Quote(lib) + "; sverka_tmx_units " + Quote(dir / "x.tmx")));
  REQUIRE(r.exit_code == 0);
  // export writes one unit a bead with both sides (doc/tmx.md)
  const int64_t beads = SqlCount(dir / "tm.db", "SELECT count(*) FROM beads WHERE ru_end > ru_begin "
                                                "AND en_end > en_begin");
  REQUIRE(beads > 0);
  CHECK(r.out == std::to_string(beads) + "\n");
}

TEST_CASE("eval makes a missing output directory", "[cli][never-lose]") {
  ScratchDir dir;
  const Run r = Sverka({"eval", Corpus("ntrex"), dir / "out", "--no-dict"});
  CHECK(r.exit_code == 0);
  CHECK(fs::exists(dir / "out/bbc.381647.links"));
  WriteFile(dir / "file", "x");
  ExpectRefused(Sverka({"eval", Corpus("ntrex"), dir / "file", "--no-dict"}), 1,
                "sverka: " + dir / "file" + ": not a directory");
  ExpectRefused(Sverka({"eval", Corpus("ntrex"), dir / "no/out", "--no-dict"}), 1,
                "sverka: " + dir / "no/out" +
                    ": cannot create the directory: No such file or directory");
}

// --- merges that keep review work ---------------------------------------------

namespace {

int64_t Approved(const std::string& db, const std::string& doc) {
  return SqlCount(db, "SELECT count(*) FROM beads b JOIN documents d ON d.id = b.document_id "
                      "WHERE d.name = '" + doc + "' AND b.status = 'approved'");
}

int64_t ReviewHistory(const std::string& db, const std::string& doc) {
  return SqlCount(db, "SELECT count(*) FROM history WHERE document = '" + doc +
                      "' AND action = 'set-status'");
}

void Approve(const std::string& db, const std::string& bead) {
  REQUIRE(Sverka({"edit", "--db", db, "--doc", "a", "approve", bead}).exit_code == 0);
}

}  // namespace

TEST_CASE("merge takes the reviewed copy of a document with equal texts", "[cli][never-lose]") {
  ScratchDir dir;
  Store(dir / "plain.db");
  fs::copy_file(dir / "plain.db", dir / "reviewed.db");
  for (const std::string bead : {"0", "1", "2", "3", "4"}) Approve(dir / "reviewed.db", bead);
  // B reviewed, A not: B's copy, with its history.
  const Run r = Sverka({"merge", dir / "plain.db", dir / "reviewed.db", "-o", dir / "c.db"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == dir / "c.db" + ": 0 documents from " + dir / "plain.db" + ", 0 from " +
                     dir / "reviewed.db" + " (0 in both, identical; 1 in both, taken from " +
                     dir / "reviewed.db" + " for its review)\n");
  CHECK(Approved(dir / "c.db", "a") == 5);
  CHECK(ReviewHistory(dir / "c.db", "a") == 5);
  CHECK(SqlCount(dir / "c.db", "SELECT count(*) FROM history WHERE action = 'add-document'") == 1);
  CHECK(IntegrityOk(dir / "c.db"));
  // The index follows: a search finds the document's text once.
  CHECK(SqlCount(dir / "c.db", "SELECT count(*) FROM bead_text") ==
        SqlCount(dir / "c.db", "SELECT count(*) FROM beads"));
  // A reviewed, B not: A's copy.
  CHECK(Sverka({"merge", dir / "reviewed.db", dir / "plain.db", "-o", dir / "d.db", "-q"})
            .exit_code == 0);
  CHECK(Approved(dir / "d.db", "a") == 5);
  CHECK(ReviewHistory(dir / "d.db", "a") == 5);
  ExpectIntact(dir / "plain.db", 1);
  CHECK(Approved(dir / "plain.db", "a") == 0);
}

TEST_CASE("merge refuses a document reviewed differently on both sides", "[cli][never-lose]") {
  ScratchDir dir;
  Store(dir / "a.db");
  fs::copy_file(dir / "a.db", dir / "b.db");
  Approve(dir / "a.db", "0");
  Approve(dir / "b.db", "1");
  ExpectRefused(Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / "c.db"}), 1,
                "sverka: " + dir / "b.db" + ": document 'a' was reviewed in both " + dir / "a.db" +
                    " and " + dir / "b.db" +
                    ", differently; merge refused, nothing written (--prefer a or --prefer b "
                    "keeps that side's review of such documents)");
  CHECK_FALSE(fs::exists(dir / "c.db"));
  CHECK_FALSE(fs::exists(dir / "c.db.tmp"));
  ExpectIntact(dir / "a.db", 1);
  ExpectIntact(dir / "b.db", 1);
  CHECK(Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / "c.db", "--prefer", "b", "-q"})
            .exit_code == 0);
  CHECK(SqlCount(dir / "c.db", "SELECT b.position FROM beads b WHERE b.status = 'approved'") == 1);
  CHECK(Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / "d.db", "--prefer", "a", "-q"})
            .exit_code == 0);
  CHECK(SqlCount(dir / "d.db", "SELECT b.position FROM beads b WHERE b.status = 'approved'") == 0);
  ExpectRefused(Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / "e.db", "--prefer", "c"}),
                2, "sverka merge: --prefer must be a or b, not 'c'; see 'sverka merge --help'");
  // The same review on both sides is no conflict.
  Approve(dir / "b.db", "0");
  Approve(dir / "a.db", "1");
  CHECK(Sverka({"merge", dir / "a.db", dir / "b.db", "-o", dir / "f.db", "-q"}).exit_code == 0);
  CHECK(Approved(dir / "f.db", "a") == 2);
}

TEST_CASE("align --replace refuses a reviewed document unless --discard-review", "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  Store(db);
  Approve(db, "0");
  Approve(db, "2");
  ExpectRefused(Sverka({"align", kRu, kEn, "--db", db, "--name", "a", "--replace", "-q"}), 1,
                "sverka: " + db + ": document 'a' has been reviewed (2 beads approved, edited or "
                "rejected; 2 review edits in its history); replacing it would discard that work: "
                "give --discard-review to replace it anyway");
  CHECK(Approved(db, "a") == 2);
  ExpectIntact(db, 1);
  ExpectRefused(Sverka({"align", kRu, kEn, "--db", db, "--name", "a", "--discard-review"}), 2,
                "sverka align: --discard-review goes with --replace; see 'sverka align --help'");
  CHECK(Sverka({"align", kRu, kEn, "--db", db, "--name", "a", "--replace", "--discard-review", "-q"})
            .exit_code == 0);
  CHECK(Approved(db, "a") == 0);
  ExpectIntact(db, 1);
  // Unreviewed, --replace alone is enough.
  CHECK(Sverka({"align", kRu, kEn, "--db", db, "--name", "a", "--replace", "-q"}).exit_code == 0);
}

// --- memories created, locked, or not files at all ----------------------------

TEST_CASE("four processes creating one new memory at once all succeed", "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "new.db";
  std::string script;
  for (int k = 0; k < 4; ++k) {
    script += "(" + SverkaCommand({"align", kRu, kEn, "--db", db, "--name", "d" + std::to_string(k),
                                   "-q"}) +
              "; echo $? > " + Quote(dir / ("rc" + std::to_string(k))) + ") & ";
  }
  const Run r = Shell(script + "wait");
  // Compared with "", not .empty(): a failure shows the processes' lines (it
  // failed once in a fresh Debian root, exit 3, with nothing to say why).
  CHECK(r.err == "");
  for (int k = 0; k < 4; ++k) CHECK(ReadFile(dir / ("rc" + std::to_string(k))) == "0\n");
  ExpectIntact(db, 4);
  CHECK(SqlCount(db, "SELECT count(*) FROM history WHERE action = 'add-document'") == 4);
}

TEST_CASE("a FIFO or a device as the memory is refused at once", "[cli][never-lose]") {
  ScratchDir dir;
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  for (const std::vector<std::string> args :
       {std::vector<std::string>{"stats"}, {"search", "x"}, {"show", "--doc", "a"},
        {"export", "-o", dir / "out.tmx"}}) {
    std::vector<std::string> cmd = {args[0], "--db", dir / "fifo"};
    cmd.insert(cmd.end(), args.begin() + 1, args.end());
    // `timeout` turns the old hang into exit 124.
    const Run r = Shell("timeout 20 " + SverkaCommand(cmd));
    INFO(args[0]);
    ExpectRefused(r, 1, "sverka: " + dir / "fifo" + ": is a FIFO (named pipe), not a translation memory");
  }
  CHECK_FALSE(fs::exists(dir / "out.tmx"));
  for (const std::vector<std::string> args :
       {std::vector<std::string>{"stats", "--db", "/dev/full"},
        {"align", kRu, kEn, "--db", "/dev/full", "-q"}}) {
    ExpectRefused(Sverka(args), 1, "sverka: /dev/full: is a character device, not a translation memory");
  }
  CHECK_FALSE(fs::exists("/dev/full-journal"));
  CHECK_FALSE(fs::exists("/dev/full-wal"));
}

TEST_CASE("import --jsonl into a locked memory waits once and fails with exit 3", "[cli][never-lose]") {
  ScratchDir dir;
  const std::string ru = ReadFile(kRu), en = ReadFile(kEn);
  auto json = [](const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\n') {
        out += "\\n";
        continue;
      }
      out += c;
    }
    return out + "\"";
  };
  std::string lines;
  for (const char* id : {"x", "y", "z"}) {
    lines += "{\"id\": \"" + std::string(id) + "\", \"ru\": " + json(ru) + ", \"en\": " + json(en) + "}\n";
  }
  WriteFile(dir / "pairs.jsonl", lines);
  const Run aligned = Sverka({"align", "--jsonl", dir / "pairs.jsonl"});
  REQUIRE(aligned.exit_code == 0);
  WriteFile(dir / "aligned.jsonl", aligned.out);
  const std::string db = dir / "tm.db";
  Store(db);
  sqlite3* lock = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &lock) == SQLITE_OK);
  REQUIRE(sqlite3_exec(lock, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  const Run r = Sverka({"import", "--jsonl", dir / "aligned.jsonl", "--db", db, "-q"});
  sqlite3_exec(lock, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(lock);
  // One line: the first record's wait, not one per record.
  ExpectRefused(r, 3,
                "sverka: " + dir / "aligned.jsonl" + ":1: " + db +
                    ": cannot start a transaction: locked by another writer, " +
                    sverka::testing::ThisProcess() +
                    ", which holds its write lock (waited 5 s); try again when it finishes");
  ExpectIntact(db, 1);
}

// --- memories from elsewhere are untrusted --------------------------------------

namespace {

void Sql(const std::string& db, const std::string& sql) {
  sqlite3* c = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &c) == SQLITE_OK);
  char* error = nullptr;
  const int rc = sqlite3_exec(c, sql.c_str(), nullptr, nullptr, &error);
  INFO((error ? error : ""));
  sqlite3_free(error);
  sqlite3_close(c);
  REQUIRE(rc == SQLITE_OK);
}

}  // namespace

TEST_CASE("a memory holding a trigger, a view or a table sverka did not create is refused",
          "[cli][never-lose]") {
  ScratchDir dir;
  const std::string kTrust = "', which sverka does not create (refused: a memory from elsewhere is "
                             "not trusted)";
  struct Case {
    std::string sql, what;
  };
  const std::vector<Case> cases = {
      {"CREATE TABLE marker (x); CREATE TRIGGER spy AFTER INSERT ON beads "
       "BEGIN INSERT INTO marker VALUES (1); END;",
       "table 'marker"},
      {"CREATE TRIGGER spy AFTER INSERT ON beads BEGIN DELETE FROM documents; END;",
       "trigger 'spy"},
      {"CREATE VIEW peek AS SELECT * FROM documents;", "view 'peek"},
      {"DROP VIEW bead_pairs; CREATE VIEW bead_pairs AS SELECT b.id, b.document_id, b.position, "
       "'x' AS ru, 'y' AS en FROM beads b;",
       "view 'bead_pairs"},
  };
  const std::string kTmx = dir / "u.tmx";
  WriteFile(kTmx, "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body><tu><tuv "
                  "xml:lang=\"ru\"><seg>Да.</seg></tuv><tuv xml:lang=\"en\"><seg>Yes.</seg>"
                  "</tuv></tu></body></tmx>\n");
  int k = 0;
  for (const Case& c : cases) {
    const std::string db = dir / ("m" + std::to_string(k++) + ".db");
    Store(db);
    Sql(db, c.sql);
    INFO(c.what);
    const std::string line = "sverka: " + db + ": not a sverka translation memory: it holds the " +
                             c.what + kTrust;
    ExpectRefused(Sverka({"stats", "--db", db}), 1, line);
    ExpectRefused(Sverka({"align", kRu2, kEn2, "--db", db, "--name", "b", "-q"}), 1, line);
    ExpectRefused(Sverka({"merge", db, dir / "none.db", "-o", dir / "c.db"}), 1, line);
    CHECK_FALSE(fs::exists(dir / "c.db"));
    // import, and edit: the memory `review` opens the same way (review itself
    // needs a terminal: tests/acceptance/review_tui.py).
    ExpectRefused(Sverka({"import", kTmx, "--db", db, "-q"}), 1, line);
    ExpectRefused(Sverka({"edit", "--db", db, "--doc", "a", "approve", "0"}), 1, line);
    ExpectIntact(db, 1);
  }
}

TEST_CASE("a memory from a newer sverka, a truncated one and a WAL file are refused",
          "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  Store(db);
  fs::copy_file(db, dir / "future.db");
  Sql(dir / "future.db", "PRAGMA user_version = 99");
  ExpectRefused(Sverka({"stats", "--db", dir / "future.db"}), 1,
                "sverka: " + dir / "future.db" +
                    ": translation memory schema version 99 is newer than this sverka's (8); "
                    "upgrade sverka");
  // Truncated to half: refused before reading (merge), adding (align) or
  // at its first read (stats), the same one line; the file is left as it was.
  const std::string bytes = ReadFile(db);
  const std::string half_bytes = bytes.substr(0, bytes.size() / 2);
  WriteFile(dir / "half.db", half_bytes);
  const std::string malformed =
      "sverka: " + dir / "half.db" +
      ": not a sverka translation memory (database disk image is malformed)";
  ExpectRefused(Sverka({"merge", dir / "half.db", db, "-o", dir / "c.db"}), 1, malformed);
  ExpectRefused(Sverka({"stats", "--db", dir / "half.db"}), 1, malformed);
  ExpectRefused(Sverka({"align", kRu2, kEn2, "--db", dir / "half.db", "--name", "b", "-q"}), 1,
                malformed);
  CHECK(ReadFile(dir / "half.db") == half_bytes);
  CHECK_FALSE(fs::exists(dir / "c.db"));
  // A damaged page (its type byte): quick_check's report of several lines
  // becomes one (found by tests/fuzz/memory_fuzz).
  fs::copy_file(db, dir / "damaged.db");
  {
    std::string damaged = ReadFile(dir / "damaged.db");
    REQUIRE(damaged.size() > 16 * 4096);
    damaged[15 * 4096] = '\x07';
    WriteFile(dir / "damaged.db", damaged);
  }
  const Run page = Sverka({"merge", dir / "damaged.db", db, "-o", dir / "c.db"});
  CHECK(page.exit_code == 1);
  CHECK(page.ErrLine().starts_with("sverka: " + dir / "damaged.db" +
                                   ": a damaged translation memory (SQLite's quick_check: Page "));
  CHECK(page.err.find("\xE2\x90\x8A") == std::string::npos);  // no line break shown as U+240A
  CHECK_FALSE(fs::exists(dir / "c.db"));
  // A write-ahead log file given as the memory.
  sqlite3* hold = nullptr;  // keeps tm.db-wal there while it is copied
  REQUIRE(sqlite3_open(db.c_str(), &hold) == SQLITE_OK);
  REQUIRE(sqlite3_exec(hold, "PRAGMA wal_autocheckpoint = 0; BEGIN; "
                             "UPDATE beads SET score = score / 2 WHERE id = 1; COMMIT;",
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  REQUIRE(fs::exists(db + "-wal"));
  fs::copy_file(db + "-wal", dir / "wal.db");
  sqlite3_close(hold);
  const std::string not_db =
      "sverka: " + dir / "wal.db" + ": not a sverka translation memory (file is not a database)";
  ExpectRefused(Sverka({"stats", "--db", dir / "wal.db"}), 1, not_db);
  ExpectRefused(Sverka({"merge", dir / "wal.db", db, "-o", dir / "c.db"}), 1, not_db);
  const std::string wal_bytes = ReadFile(dir / "wal.db");
  ExpectRefused(Sverka({"align", kRu2, kEn2, "--db", dir / "wal.db", "--name", "b", "-q"}), 1,
                not_db);
  CHECK(ReadFile(dir / "wal.db") == wal_bytes);
  CHECK_FALSE(fs::exists(dir / "c.db"));
  ExpectIntact(db, 1);
}

namespace {

// Damages the page type byte of the root page of `table` in `db`: what
// PRAGMA quick_check reports ("Page N: btreeInitPage() returns error code 11").
void DamageRootPage(const std::string& db, const std::string& table) {
  const int64_t root =
      SqlCount(db, "SELECT rootpage FROM sqlite_schema WHERE name = '" + table + "'");
  REQUIRE(root > 1);
  std::string bytes = ReadFile(db);
  REQUIRE(bytes.size() >= static_cast<size_t>(root) * 4096);
  bytes[static_cast<size_t>(root - 1) * 4096] = '\x07';
  WriteFile(db, bytes);
}

}  // namespace

TEST_CASE("a damaged memory is refused before a command adds to it or upgrades it",
          "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  Store(db);
  DamageRootPage(db, "beads");
  const std::string bytes = ReadFile(db);
  const std::string line = "sverka: " + db + ": a damaged translation memory (SQLite's quick_check: Page " +
                           std::to_string(SqlCount(db, "SELECT rootpage FROM sqlite_schema WHERE name = 'beads'")) +
                           ": btreeInitPage() returns error code 11)";
  // Every command that adds documents checks first (doc/decisions.md).
  ExpectRefused(Sverka({"align", kRu2, kEn2, "--db", db, "--name", "b", "-q"}), 1, line);
  WriteFile(dir / "u.tmx", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header/><body>"
                          "<tu><tuv xml:lang=\"ru\"><seg>Да.</seg></tuv>"
                          "<tuv xml:lang=\"en\"><seg>Yes.</seg></tuv></tu></body></tmx>\n");
  ExpectRefused(Sverka({"import", dir / "u.tmx", "--db", db, "-q"}), 1, line);
  WriteFile(dir / "pairs.tsv", "b\t" + kRu2 + "\t" + kEn2 + "\n");
  const Run batch = Sverka({"batch", dir / "pairs.tsv", "--db", db, "-q"});
  CHECK(batch.exit_code == 1);
  CHECK(batch.err.find(line.substr(8)) != std::string::npos);
  CHECK(ReadFile(db) == bytes);  // nothing written
  // A memory of an older schema is checked before it is upgraded in place.
  const std::string old_db = dir / "v4.db";
  Store(old_db);
  Sql(old_db, "DROP TABLE bead_stems; DROP TABLE bead_text_pending; PRAGMA user_version = 4");
  DamageRootPage(old_db, "beads");
  const std::string old_bytes = ReadFile(old_db);
  const Run stats = Sverka({"stats", "--db", old_db});
  CHECK(stats.exit_code == 1);
  CHECK(stats.ErrLine().starts_with("sverka: " + old_db + ": a damaged translation memory (SQLite's quick_check: Page "));
  CHECK(ReadFile(old_db) == old_bytes);
  CHECK(SqlCount(old_db, "PRAGMA user_version") == 4);
}

// --- control characters never reach the terminal ---------------------------------

TEST_CASE("edit text refuses control characters; stats and search show names safely",
          "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  REQUIRE(Sverka({"align", kRu, kEn, "--db", db, "--name", "evil\x1b[2Jname", "-q"}).exit_code == 0);
  for (const std::string bad : {"Hello \x1b[31mred", "Bell \x07 here"}) {
    const Run r = Sverka({"edit", "--db", db, "--doc", "evil\x1b[2Jname", "text", "0", "en", "0", bad});
    const std::string byte = bad.find('\x07') != std::string::npos ? "0x07 at byte offset 5"
                                                                   : "0x1B at byte offset 6";
    ExpectRefused(r, 1,
                  "sverka: the new text holds control byte " + byte +
                      "; a sentence holds no control characters");
  }
  CHECK(SqlCount(db, "SELECT count(*) FROM history WHERE action = 'edit-text'") == 0);
  const Run stats = Sverka({"stats", "--db", db});
  CHECK(stats.exit_code == 0);
  CHECK(stats.out.find('\x1b') == std::string::npos);
  CHECK(stats.out.starts_with("evil\xE2\x90\x9B[2Jname: "));  // U+241B, the ESC picture
  const Run search = Sverka({"search", "--db", db, "Kanye"});
  CHECK(search.out.find('\x1b') == std::string::npos);
  CHECK(search.out.starts_with("evil\xE2\x90\x9B[2Jname #"));
  const Run edit = Sverka({"edit", "--db", db, "--doc", "evil\x1b[2Jname", "approve", "0"});
  CHECK(edit.exit_code == 0);
  CHECK(edit.out.find('\x1b') == std::string::npos);
  // Ids and errors from a JSON-lines stream, and a batch pair's name.
  WriteFile(dir / "err.jsonl", "{\"id\": \"x\\u001b[2J\", \"error\": \"boom\\u0007\\u001b[31m\"}\n");
  const Run jsonl = Sverka({"import", "--jsonl", dir / "err.jsonl", "--db", db});
  CHECK(jsonl.exit_code == 1);
  CHECK(jsonl.err.find('\x1b') == std::string::npos);
  CHECK(jsonl.err.find('\x07') == std::string::npos);
  CHECK(jsonl.err.starts_with("sverka: " + dir / "err.jsonl" +
                              ":1: 'x\xE2\x90\x9B[2J' was not aligned: boom\xE2\x90\x87"));
  fs::create_directory(dir / "in");
  WriteFile(dir / "in/b\x1b[2J.ru.txt", "");
  WriteFile(dir / "in/b\x1b[2J.en.txt", "Text.\n");
  const Run batch = Sverka({"batch", dir / "in", "--db", dir / "b.db", "-q"});
  CHECK(batch.exit_code == 1);
  CHECK(batch.err.find('\x1b') == std::string::npos);
  CHECK(batch.err.starts_with("sverka: b\xE2\x90\x9B[2J: "));
  // An error naming it: shown, not sent.
  const Run missing = Sverka({"show", "--db", db, "--doc", "no\x1b[2Jsuch"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.err.find('\x1b') == std::string::npos);
  ExpectIntact(db, 1);
}

// --- also met by a new user --------------------------------------------------------

TEST_CASE("small traps of a new user are said plainly", "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  Store(db);
  // --dict naming a directory; an empty .dict (not its .index).
  fs::create_directory(dir / "dicts");
  ExpectRefused(Sverka({"align", kRu, kEn, "--dict", dir / "dicts"}), 1,
                "sverka: " + dir / "dicts" + ": is a directory, not a dictionary");
  WriteFile(dir / "x.dict", "");
  ExpectRefused(Sverka({"align", kRu, kEn, "--dict", dir / "x.dict"}), 1,
                "sverka: " + dir / "x.dict" + ": empty dictionary file");
  WriteFile(dir / "y.dict", "word\n");
  ExpectRefused(Sverka({"align", kRu, kEn, "--dict", dir / "y.dict"}), 1,
                "sverka: " + dir / "y.dict" + ": a dictd dictionary needs its index " +
                    dir / "y.index" + " (" + dir / "y.index" +
                    ": cannot open: No such file or directory)");
  // align - EN --db: a name is needed; the same file on both sides.
  const Run dash = Sverka({"align", "-", kEn, "--db", db, "-q"}, kRu);
  ExpectRefused(dash, 2,
                "sverka align: the Russian text comes from standard input: give --name; see "
                "'sverka align --help'");
  CHECK(SqlCount(db, "SELECT count(*) FROM documents WHERE name = '-'") == 0);
  CHECK(Sverka({"align", "-", kEn, "--db", db, "--name", "from-stdin", "-q"}, kRu).exit_code == 0);
  ExpectRefused(Sverka({"align", kRu, kRu}), 2,
                "sverka align: " + kRu + " is the same file as " + kRu +
                    "; give the Russian text and its English translation; see 'sverka align --help'");
  // show --below nan, as export --min-score nan.
  ExpectRefused(Sverka({"show", "--db", db, "--doc", "a", "--below", "nan"}), 2,
                "sverka show: --below must be in [0, 1]; see 'sverka show --help'");
  // search: no hits, and more hits than --limit, are said on standard error.
  const Run none = Sverka({"search", "--db", db, "zzzqqq"});
  CHECK(none.exit_code == 0);
  CHECK(none.out.empty());
  CHECK(none.ErrLine() == "sverka: " + db + ": no pair contains 'zzzqqq' or its words in other forms");
  const Run all = Sverka({"search", "--db", db, "the"});
  const Run cut = Sverka({"search", "--db", db, "the", "--limit", "1"});
  CHECK(cut.exit_code == 0);
  CHECK(cut.out == all.out.substr(0, cut.out.size()));
  CHECK(cut.ErrLine() == "sverka: more than 1 pairs contain 'the'; the first 1 are shown "
                         "(--limit N shows more)");
  CHECK(all.err.empty());
  ExpectIntact(db, 2);
}

// --- killed writers -----------------------------------------------------------------

TEST_CASE("export and merge killed at random moments leave the old file or the whole new one",
          "[cli][never-lose][kill]") {
  ScratchDir dir;
  int n = 0;
  for (const auto& e : fs::directory_iterator(Corpus("ntrex"))) {
    const std::string f = e.path().string();
    if (!f.ends_with(".ru.txt") || n == 6) continue;
    REQUIRE(Sverka({"align", f, f.substr(0, f.size() - 7) + ".en.txt", "--db", dir / "a.db",
                    "--name", "d" + std::to_string(n++), "-q", "--no-dict"})
                .exit_code == 0);
  }
  Store(dir / "b.db", "b");
  Store(dir / "out.db", "old");
  WriteFile(dir / "out.tmx", "old\n");
  REQUIRE(Sverka({"export", "--db", dir / "a.db", "-o", dir / "whole.tmx"}).exit_code == 0);
  const std::string whole = ReadFile(dir / "whole.tmx");
  std::mt19937 rng(20261203);
  for (int round = 0; round < 8; ++round) {
    const int delay_ms = std::uniform_int_distribution<int>(0, 119)(rng);
    char delay[32];
    std::snprintf(delay, sizeof delay, "%.3f", delay_ms / 1000.0);
    INFO("killed after " << delay_ms << " ms");
    Shell(SverkaCommand({"export", "--db", dir / "a.db", "-o", dir / "out.tmx"}) +
          " & pid=$!; sleep " + delay + "; kill -9 $pid; wait $pid; true");
    const std::string now = ReadFile(dir / "out.tmx");
    // The TMX carries its creation date: compare what follows the header.
    const auto body = [](const std::string& s) { return s.substr(s.find("<body>")); };
    CHECK((now == "old\n" || (now.find("<body>") != std::string::npos && body(now) == body(whole))));
    Shell(SverkaCommand({"merge", dir / "a.db", dir / "b.db", "-o", dir / "out.db", "--force",
                         "-q"}) +
          " & pid=$!; sleep " + delay + "; kill -9 $pid; wait $pid; true");
    REQUIRE(IntegrityOk(dir / "out.db"));
    const int64_t docs = Documents(dir / "out.db");
    CHECK((docs == 1 || docs == 7));
  }
  ExpectIntact(dir / "a.db", 6);
}

TEST_CASE("no -wal or -shm is left beside a memory after a command", "[cli][never-lose]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  Store(db);
  const std::vector<std::vector<std::string>> commands = {
      {"stats", "--db", db},
      {"search", "--db", db, "Kanye"},
      {"show", "--db", db, "--doc", "a"},
      {"export", "--db", db, "-o", dir / "out.tmx"},
      {"report", "--db", db, "--doc", "a", "-o", dir / "r.html"},
      {"edit", "--db", db, "--doc", "a", "approve", "0"},
      {"align", kRu2, kEn2, "--db", db, "--name", "b", "-q"},
  };
  for (const auto& args : commands) {
    INFO(args[0]);
    CHECK(Sverka(args).exit_code == 0);
    CHECK_FALSE(fs::exists(db + "-wal"));
    CHECK_FALSE(fs::exists(db + "-shm"));
  }
  ExpectIntact(db, 2);
}
