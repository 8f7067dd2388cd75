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
  const std::string same = "sverka: " + db + ": is the translation memory this command reads; "
                           "write the output to another file";
  auto other = [&](const std::string& out) {
    return "sverka: " + out + ": is the translation memory " + db +
           ", which this command reads; write the output to another file";
  };
  for (const std::string format : {"tmx", "tsv"}) {
    INFO(format);
    ExpectRefused(Sverka({"export", "--db", db, "-f", format, "-o", db}), 2, same);
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
  ExpectRefused(Sverka({"report", "--db", db, "--doc", "a", "-o", db}), 2, same);
  ExpectRefused(Sverka({"report", "--db", db, "--doc", "a", "-o", dir / "hard.tmx"}), 2,
                other(dir / "hard.tmx"));
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
                  "sverka: " + dir / "out" + ": is a directory; name the file to write");
  }
  ExpectRefused(Sverka({"report", "--db", db, "--doc", "a", "-o", dir / "out"}), 2,
                "sverka: " + dir / "out" + ": is a directory; name the file to write");
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
                "sverka: " + db + ": is the translation memory this command reads; "
                "write the output to another file");
  ExpectIntact(db, 1);  // refused before any pair is stored
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

