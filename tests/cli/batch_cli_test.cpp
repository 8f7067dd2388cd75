// Runs the built `sverka batch` (and the JSON-lines path) on pairs built from
// corpora/ntrex in a scratch directory: the acceptance checks of issue 7.
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <set>
#include <sstream>

#include "common/json.h"
#include "cli/cli_run.h"
#include "fixtures.h"
#include "sql_fixtures.h"

using sverka::testing::Corpus;
using sverka::testing::ReadFile;
using sverka::testing::ScratchDir;
using sverka::testing::WriteFile;
using sverka::testing::Quote;
using sverka::testing::Run;
using sverka::testing::Shell;
using sverka::testing::Sverka;
using sverka::testing::UsageLine;
namespace fs = std::filesystem;

namespace {

// The ntrex pairs, sorted by name.
std::vector<std::string> Stems() {
  std::vector<std::string> stems;
  for (const auto& e : fs::directory_iterator(Corpus("ntrex"))) {
    const std::string f = e.path().filename().string();
    if (f.ends_with(".ru.txt")) stems.push_back(f.substr(0, f.size() - 7));
  }
  std::sort(stems.begin(), stems.end());
  return stems;
}

// `good` ntrex pairs copied into `dir`; with `broken`, three more that fail:
// an empty file, invalid UTF-8, and a Russian file without its partner.
void MakePairs(const fs::path& dir, size_t good, bool broken) {
  fs::create_directories(dir);
  const std::vector<std::string> stems = Stems();
  REQUIRE(stems.size() >= good);
  for (size_t k = 0; k < good; ++k) {
    for (const char* side : {".ru.txt", ".en.txt"}) {
      fs::copy_file(Corpus("ntrex/" + stems[k] + side), dir / (stems[k] + side));
    }
  }
  if (!broken) return;
  WriteFile(dir / "zz-empty.ru.txt", "");
  WriteFile(dir / "zz-empty.en.txt", "Some text.\n");
  WriteFile(dir / "zz-badutf8.ru.txt", "Привет \xC3\x28 мир.\n");
  WriteFile(dir / "zz-badutf8.en.txt", "Hello world.\n");
  WriteFile(dir / "zz-lonely.ru.txt", "Одинокий файл.\n");
}

// Every stored bead with its document, sentences' texts and score; one line each.
std::string Dump(const std::string& db_path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(
              db,
              "SELECT d.name, b.position, b.ru_begin, b.ru_end, b.en_begin, b.en_end, "
              "printf('%.6f', b.score), p.ru, p.en, b.status FROM beads b "
              "JOIN documents d ON d.id = b.document_id JOIN bead_pairs p ON p.id = b.id "
              "ORDER BY d.name, b.position",
              -1, &stmt, nullptr) == SQLITE_OK);
  std::string out;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    for (int c = 0; c < 10; ++c) {
      const auto* t = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
      out += (c ? "\t" : "") + std::string(t ? t : "");
    }
    out += "\n";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

std::string IntegrityCheck(const std::string& db_path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(db_path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, nullptr) == SQLITE_OK);
  std::string out;
  if (sqlite3_step(stmt) == SQLITE_ROW)
    out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

size_t CountLines(const std::string& s) {
  return static_cast<size_t>(std::count(s.begin(), s.end(), '\n'));
}

}  // namespace

TEST_CASE("batch: 20 pairs of which 3 broken store 17, report 3 with reasons, exit 1",
          "[cli][batch]") {
  ScratchDir dir;
  MakePairs(dir / "in", 17, true);
  const Run r = Sverka({"batch", dir / "in", "--db", dir / "tm.db", "-j", "2", "--report",
                        dir / "report.tsv", "--no-dict"});
  CHECK(r.exit_code == 1);
  // Not a terminal: one JSON line per pair on stdout.
  CHECK(CountLines(r.out) == 20);
  CHECK(r.out.find("{\"name\":\"zz-empty\",\"status\":\"failed\",\"reason\":") !=
        std::string::npos);
  CHECK(r.err.find("sverka: zz-empty: " + dir / "in/zz-empty.ru.txt: empty file") !=
        std::string::npos);
  CHECK(r.err.find("sverka: zz-badutf8: " + dir / "in/zz-badutf8.ru.txt:1:14: invalid UTF-8") !=
        std::string::npos);
  CHECK(r.err.find("sverka: zz-lonely: zz-lonely.ru.txt: no English partner") != std::string::npos);
  CHECK(r.err.ends_with("sverka batch: 17 stored, 0 skipped (unchanged), 3 failed, of 20 pairs\n"));
  const std::string report = ReadFile(dir / "report.tsv");
  CHECK(CountLines(report) == 21);
  CHECK(report.starts_with(
      "name\tru_sentences\ten_sentences\tbeads_1-1\tbeads_1-0\tbeads_0-1\t"
      "beads_2-1\tbeads_1-2\tbeads_other\tmean_score\tsuspicious\tstatus\treason\n"));
  CHECK(std::count(report.begin(), report.end(), '\t') == 21 * 12);
  CHECK(report.find("\tfailed\tzz-lonely.ru.txt: no English partner") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "report.tsv.tmp"));
  const std::string beads = Dump(dir / "tm.db");
  std::set<std::string> docs;
  std::istringstream lines(beads);
  for (std::string line; std::getline(lines, line);) docs.insert(line.substr(0, line.find('\t')));
  CHECK(docs.size() == 17);

  SECTION("an idempotent rerun stores nothing new and exits 0 without the broken pairs") {
    for (const char* f : {"zz-empty.ru.txt", "zz-empty.en.txt", "zz-badutf8.ru.txt",
                          "zz-badutf8.en.txt", "zz-lonely.ru.txt"}) {
      fs::remove(fs::path(dir / "in") / f);
    }
    const Run again = Sverka({"batch", dir / "in", "--db", dir / "tm.db", "--no-dict"});
    CHECK(again.exit_code == 0);
    CHECK(again.err == "sverka batch: 0 stored, 17 skipped (unchanged), 0 failed, of 17 pairs\n");
    CHECK(Dump(dir / "tm.db") == beads);
    const Run quiet = Sverka({"batch", dir / "in", "--db", dir / "tm.db", "--no-dict", "-q"});
    CHECK(quiet.exit_code == 0);
    CHECK(quiet.out.empty());
    CHECK(quiet.err.empty());
  }
}

TEST_CASE("batch killed (SIGKILL) at a random moment, then rerun, holds the beads of one run",
          "[cli][batch][kill]") {
  ScratchDir dir;
  // Every ntrex pair, three times under other names: long enough a run that
  // most kills land in the middle of it.
  const fs::path in = dir / "in";
  MakePairs(in, Stems().size(), false);
  for (const std::string& stem : Stems()) {
    for (const char* copy : {"copy1-", "copy2-"}) {
      for (const char* side : {".ru.txt", ".en.txt"})
        fs::copy_file(in / (stem + side), in / (copy + stem + side));
    }
  }
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(Sverka({"batch", in.string(), "--db", dir / "whole.db", "-q", "-j", "2"}).exit_code == 0);
  // Kill moments are drawn from the length of this run; nothing is asserted about time.
  const int run_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                          std::chrono::steady_clock::now() - start)
                                          .count());
  const std::string whole = Dump(dir / "whole.db");
  REQUIRE(CountLines(whole) > 500);
  std::random_device seed;
  std::mt19937 random(seed());
  for (int round = 0; round < 4; ++round) {
    const std::string db = dir / ("killed" + std::to_string(round) + ".db");
    const int delay_ms = std::uniform_int_distribution<int>(0, run_ms)(random);
    INFO("killed after " << delay_ms << " of " << run_ms << " ms");
    Shell(Quote(sverka::testing::SverkaBin()) + " batch " + Quote(in.string()) + " --db " + Quote(db) +
          " -q -j 2 & pid=$!; sleep " + std::to_string(delay_ms / 1000.0) +
          "; kill -9 $pid; wait $pid; true");
    if (fs::exists(db)) CHECK(IntegrityCheck(db) == "ok");
    const Run rerun = Sverka({"batch", in.string(), "--db", db, "-j", "2"});
    CHECK(rerun.exit_code == 0);
    CHECK(Dump(db) == whole);
  }
}

TEST_CASE("batch reads a manifest; usage errors exit 2", "[cli][batch][errors]") {
  ScratchDir dir;
  MakePairs(dir / "in", 2, false);
  const std::vector<std::string> stems = Stems();
  WriteFile(dir / "m.tsv", "a\tin/" + stems[0] + ".ru.txt\tin/" + stems[0] + ".en.txt\n" +
                               "b\tin/" + stems[1] + ".ru.txt\tin/" + stems[1] + ".en.txt\n");
  const Run r = Sverka({"batch", dir / "m.tsv", "--db", dir / "tm.db", "--no-dict"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "sverka batch: 2 stored, 0 skipped (unchanged), 0 failed, of 2 pairs\n");
  CHECK(Dump(dir / "tm.db").starts_with("a\t0\t"));

  WriteFile(dir / "bad.tsv", "a\tb\n");
  const Run bad = Sverka({"batch", dir / "bad.tsv", "--db", dir / "tm2.db"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err ==
        "sverka: " + dir / "bad.tsv" +
            ":1: expected 3 tab-separated fields (name, Russian path, English path), found 2\n");
  CHECK_FALSE(fs::exists(dir / "tm2.db"));

  fs::create_directories(dir / "none");
  const Run none = Sverka({"batch", dir / "none", "--db", dir / "tm2.db"});
  CHECK(none.exit_code == 1);
  CHECK(none.err == "sverka: " + dir / "none" + ": no pairs found\n");

  const Run jobs = Sverka({"batch", dir / "in", "--db", dir / "tm2.db", "-j", "0"});
  CHECK(jobs.exit_code == 2);
  CHECK(jobs.err ==
        "sverka batch: --jobs must be between 1 and 256, not 0; see 'sverka batch --help'\n");
  CHECK(Sverka({"batch", dir / "in"}).exit_code == 2);
  const Run help = Sverka({"batch", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.starts_with("usage: sverka batch"));

  const Run report =
      Sverka({"batch", dir / "in", "--db", dir / "tm.db", "-q", "--report", dir / "no/r.tsv"});
  CHECK(report.exit_code == 1);
  CHECK(report.err == "sverka: " + dir / "no/r.tsv" + ": cannot write: No such file or directory\n");
}

TEST_CASE("batch --list-pairs prints the pairs batch would align and stores nothing",
          "[cli][batch]") {
  ScratchDir dir;
  MakePairs(dir / "in", 2, true);
  const std::vector<std::string> stems = Stems();
  const Run r = Sverka({"batch", dir / "in", "--list-pairs"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const std::string in = fs::absolute(dir / "in").lexically_normal().string();
  // Sorted by name, absolute paths, a reason where there is no pair.
  CHECK(r.out == stems[0] + "\t" + in + "/" + stems[0] + ".ru.txt\t" + in + "/" + stems[0] + ".en.txt\t\n" +
                     stems[1] + "\t" + in + "/" + stems[1] + ".ru.txt\t" + in + "/" + stems[1] + ".en.txt\t\n" +
                     "zz-badutf8\t" + in + "/zz-badutf8.ru.txt\t" + in + "/zz-badutf8.en.txt\t\n" +
                     "zz-empty\t" + in + "/zz-empty.ru.txt\t" + in + "/zz-empty.en.txt\t\n" +
                     "zz-lonely\t" + in + "/zz-lonely.ru.txt\t\tzz-lonely.ru.txt: no English partner "
                     "(zz-lonely.en.txt, .html, .htm, .xhtml, .docx, .odt, .epub, .srt or .vtt)\n");
  // A manifest: its relative paths from the manifest's directory.
  WriteFile(dir / "m.tsv", "b\tin/" + stems[1] + ".ru.txt\tin/" + stems[1] + ".en.txt\n");
  const Run m = Sverka({"batch", dir / "m.tsv", "--list-pairs"});
  CHECK(m.exit_code == 0);
  CHECK(m.out == "b\t" + in + "/" + stems[1] + ".ru.txt\t" + in + "/" + stems[1] + ".en.txt\t\n");
  // Refusals as batch's: a bad manifest line (exit 1), a --db beside it (exit 2).
  WriteFile(dir / "bad.tsv", "a\tb\n");
  const Run bad = Sverka({"batch", dir / "bad.tsv", "--list-pairs"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.empty());
  CHECK(bad.err == "sverka: " + dir / "bad.tsv" +
                       ":1: expected 3 tab-separated fields (name, Russian path, English path), found 2\n");
  const Run both = Sverka({"batch", dir / "in", "--list-pairs", "--db", dir / "tm.db"});
  CHECK(both.exit_code == 2);
  CHECK(both.err == "sverka batch: --list-pairs stores nothing: no --db with it; see 'sverka batch --help'\n");
  CHECK_FALSE(fs::exists(dir / "tm.db"));
  const Run no_db = Sverka({"batch", dir / "in"});
  CHECK(no_db.exit_code == 2);
  CHECK(no_db.err == "sverka batch: the option '--db' is required but missing; see 'sverka batch --help'\n");
}

TEST_CASE("batch --pool-lexicon stores every pair and reruns idempotently", "[cli][batch]") {
  ScratchDir dir;
  MakePairs(dir / "in", 6, false);
  const Run r =
      Sverka({"batch", dir / "in", "--db", dir / "tm.db", "-j", "2", "--pool-lexicon", "-q"});
  CHECK(r.exit_code == 0);
  const std::string beads = Dump(dir / "tm.db");
  const Run again =
      Sverka({"batch", dir / "in", "--db", dir / "tm.db", "-j", "2", "--pool-lexicon"});
  CHECK(again.exit_code == 0);
  CHECK(again.err == "sverka batch: 0 stored, 6 skipped (unchanged), 0 failed, of 6 pairs\n");
  CHECK(Dump(dir / "tm.db") == beads);
}

TEST_CASE("align --jsonl | import --jsonl stores the beads batch stores; reruns skip",
          "[cli][jsonl]") {
  ScratchDir dir;
  MakePairs(dir / "in", 8, false);
  std::string jsonl;
  const std::vector<std::string> stems = Stems();
  for (const std::string& stem : std::vector<std::string>(stems.begin(), stems.begin() + 8)) {
    jsonl += "{\"id\":" + sverka::JsonQuote(stem) +
             ",\"ru\":" + sverka::JsonQuote(ReadFile(fs::path(dir / "in") / (stem + ".ru.txt"))) +
             ",\"en\":" + sverka::JsonQuote(ReadFile(fs::path(dir / "in") / (stem + ".en.txt"))) +
             "}\n";
  }
  WriteFile(dir / "pairs.jsonl", jsonl);
  const Run aligned = Shell(Quote(sverka::testing::SverkaBin()) + " align --jsonl <" + Quote(dir / "pairs.jsonl") + " >" +
                            Quote(dir / "aligned.jsonl"));
  CHECK(aligned.exit_code == 0);
  CHECK(CountLines(ReadFile(dir / "aligned.jsonl")) == 8);
  const Run imported = Sverka({"import", "--jsonl", dir / "aligned.jsonl", "--db", dir / "j.db"});
  CHECK(imported.exit_code == 0);
  CHECK(imported.err ==
        dir / "aligned.jsonl" + ": imported 8 documents, 0 skipped (unchanged), 0 failed\n");
  REQUIRE(Sverka({"batch", dir / "in", "--db", dir / "b.db", "-q"}).exit_code == 0);
  CHECK(Dump(dir / "j.db") == Dump(dir / "b.db"));
  const Run again = Sverka({"import", "--jsonl", dir / "aligned.jsonl", "--db", dir / "j.db"});
  CHECK(again.err ==
        dir / "aligned.jsonl" + ": imported 0 documents, 8 skipped (unchanged), 0 failed\n");
  // A document of the same name with other texts is refused unless --replace.
  std::string changed = ReadFile(dir / "aligned.jsonl");
  changed = changed.substr(0, changed.find('\n') + 1);
  const size_t hash = changed.find("\"ru_hash\":\"fnv1a64:") + 20;
  changed[hash] = changed[hash] == '0' ? '1' : '0';
  WriteFile(dir / "changed.jsonl", changed);
  const Run refused = Sverka({"import", "--jsonl", dir / "changed.jsonl", "--db", dir / "j.db"});
  CHECK(refused.exit_code == 1);
  CHECK(refused.err == "sverka: " + dir / "changed.jsonl" + ":1: " + dir / "j.db" + ": document '" +
                           stems[0] + "' is already stored; give another --name or --replace\n" +
                           dir / "changed.jsonl" + ": imported 0 documents, 0 skipped (unchanged), 1 failed\n");
  const Run replaced = Sverka({"import", "--jsonl", dir / "changed.jsonl", "--db", dir / "j.db", "--replace", "-q"});
  CHECK(replaced.exit_code == 0);
  CHECK(replaced.err.empty());
  REQUIRE(Sverka({"import", "--jsonl", dir / "aligned.jsonl", "--db", dir / "j.db", "--replace", "-q"}).exit_code == 0);
  // batch on a memory the JSON-lines path built finds every pair unchanged.
  const Run batch = Sverka({"batch", dir / "in", "--db", dir / "j.db"});
  CHECK(batch.err == "sverka batch: 0 stored, 8 skipped (unchanged), 0 failed, of 8 pairs\n");
}

// `n` short aligned documents d000, d001… (align --jsonl --no-dict), one line each.
std::vector<std::string> AlignedLines(const fs::path& dir, int n) {
  std::string pairs;
  for (int k = 0; k < n; ++k) {
    const std::string a = std::to_string(2000 + k), b = std::to_string(k + 3),
                      c = std::to_string(k + 10);
    char id[8];
    std::snprintf(id, sizeof id, "d%03d", k);
    pairs += "{\"id\":\"" + std::string(id) + "\",\"ru\":" +
             sverka::JsonQuote("В " + a + " году пришли " + b + " человека.\n\nОни пошли домой в " +
                               c + " часов.") +
             ",\"en\":" +
             sverka::JsonQuote("In " + a + ", " + b + " people came.\n\nThey went home at " + c +
                               " o'clock.") +
             "}\n";
  }
  WriteFile(dir / "pairs.jsonl", pairs);
  const Run aligned = Sverka({"align", "--jsonl", "--no-dict", dir / "pairs.jsonl"});
  REQUIRE(aligned.exit_code == 0);
  std::vector<std::string> lines;
  std::istringstream in(aligned.out);
  for (std::string line; std::getline(in, line);) lines.push_back(line + "\n");
  REQUIRE(lines.size() == static_cast<size_t>(n));
  return lines;
}

// `line` with the first digit of its Russian hash changed: the same name, other texts.
std::string ChangedHash(std::string line) {
  const size_t hash = line.find("\"ru_hash\":\"fnv1a64:") + 20;
  line[hash] = line[hash] == '0' ? '1' : '0';
  return line;
}

TEST_CASE("import --jsonl stores more than a group's documents and reports failures in input order",
          "[cli][jsonl]") {
  ScratchDir dir;
  const std::vector<std::string> lines = AlignedLines(dir.path(), 150);
  // Groups are 64 documents: failures in the first group, in the last, and
  // an error record between; names read twice within one group.
  std::string input;
  for (size_t k = 0; k < lines.size(); ++k) {
    input += lines[k];
    if (k == 2) input += ChangedHash(lines[0]);  // line 4: d000 again, other texts: refused
    if (k == 4) input += lines[1];                // line 6: d001 again, unchanged: skipped
    if (k == 69) input += "{\"id\":\"bad\",\"error\":\"boom\"}\n";  // line 73
    if (k == 139) input += ChangedHash(lines[139]);                // line 144
  }
  WriteFile(dir / "in.jsonl", input);
  const std::string db = dir / "tm.db";
  const Run r = Sverka({"import", "--jsonl", dir / "in.jsonl", "--db", db});
  CHECK(r.exit_code == 1);
  const std::string refused = "' is already stored; give another --name or --replace\n";
  CHECK(r.err == "sverka: " + dir / "in.jsonl" + ":4: " + db + ": document 'd000" + refused +
                     "sverka: " + dir / "in.jsonl" + ":73: 'bad' was not aligned: boom\n" +
                     "sverka: " + dir / "in.jsonl" + ":144: " + db + ": document 'd139" +
                     refused + dir / "in.jsonl" +
                     ": imported 150 documents, 1 skipped (unchanged), 3 failed\n");
  CHECK(sverka::testing::SqlCount(db, "SELECT count(*) FROM documents") == 150);
  CHECK(sverka::testing::SqlCount(db, "SELECT count(*) FROM beads") == 300);

  // With --replace the changed texts replace the stored ones, in order: the
  // last line of a name wins, as when each line was its own transaction.
  const Run replaced =
      Sverka({"import", "--jsonl", dir / "in.jsonl", "--db", dir / "r.db", "--replace", "-q"});
  CHECK(replaced.exit_code == 1);  // the error record
  CHECK(sverka::testing::SqlCount(dir / "r.db", "SELECT count(*) FROM documents") == 150);
  const std::string changed = ChangedHash(lines[139]);
  const size_t at = changed.find("fnv1a64:");
  CHECK(sverka::testing::SqlCount(dir / "r.db", "SELECT count(*) FROM documents WHERE name = "
                                                 "'d139' AND ru_hash = '" +
                                                     changed.substr(at, 24) + "'") == 1);
  CHECK(sverka::testing::SqlCount(
            dir / "r.db", "SELECT count(*) FROM history WHERE action = 'replace-document'") == 2);
}

TEST_CASE("import --jsonl leaves the index to 'sverka index' (or --index); search finds the beads",
          "[cli][jsonl][index]") {
  ScratchDir dir;
  const std::vector<std::string> lines = AlignedLines(dir.path(), 70);
  std::string input;
  for (const std::string& line : lines) input += line;
  WriteFile(dir / "in.jsonl", input);
  REQUIRE(Sverka({"import", "--jsonl", dir / "in.jsonl", "--db", dir / "tm.db", "-q"}).exit_code == 0);
  CHECK(sverka::testing::SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 140);
  const Run before = Sverka({"search", "--db", dir / "tm.db", "2069"});
  CHECK(before.exit_code == 0);
  CHECK(before.out.find("d069") != std::string::npos);

  REQUIRE(Sverka({"import", "--jsonl", dir / "in.jsonl", "--db", dir / "now.db", "-q", "--index"})
              .exit_code == 0);
  CHECK(sverka::testing::SqlCount(dir / "now.db", "SELECT count(*) FROM bead_text_pending") == 0);
  CHECK(Dump(dir / "now.db") == Dump(dir / "tm.db"));
  const Run after = Sverka({"search", "--db", dir / "now.db", "2069"});
  CHECK(after.err.empty());
  CHECK(after.out == before.out);
  CHECK(Sverka({"index", "--db", dir / "tm.db"}).err ==
        dir / "tm.db" + ": 140 beads indexed; the full-text index is up to date\n");
}

TEST_CASE("import --jsonl stopped by a malformed line keeps the documents read before it",
          "[cli][jsonl][errors]") {
  ScratchDir dir;
  const std::vector<std::string> lines = AlignedLines(dir.path(), 10);
  std::string input;
  for (const std::string& line : lines) input += line;
  input += "{\"id\":\"x\",\"error\":\"not aligned\"}\n{\"id\": oops}\n" + lines[0];
  WriteFile(dir / "in.jsonl", input);
  const Run r = Sverka({"import", "--jsonl", dir / "in.jsonl", "--db", dir / "tm.db", "-q"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.starts_with("sverka: " + dir / "in.jsonl" + ":11: 'x' was not aligned: not aligned\n" +
                          "sverka: " + dir / "in.jsonl" + ":12:"));
  CHECK(CountLines(r.err) == 2);
  CHECK(sverka::testing::SqlCount(dir / "tm.db", "SELECT count(*) FROM documents") == 10);
  // A rerun of the input fixed stores nothing again.
  WriteFile(dir / "fixed.jsonl", input.substr(0, input.find("{\"id\": oops}")));
  const Run again = Sverka({"import", "--jsonl", dir / "fixed.jsonl", "--db", dir / "tm.db"});
  CHECK(again.err.ends_with(": imported 0 documents, 10 skipped (unchanged), 1 failed\n"));
}

TEST_CASE("align --jsonl reports a broken record and goes on; bad JSON stops it",
          "[cli][jsonl][errors]") {
  ScratchDir dir;
  WriteFile(dir / "in.jsonl",
            "{\"id\":\"a\",\"ru\":\"Привет. Как дела?\",\"en\":\"Hello. How are you?\"}\n"
            "{\"id\":\"b\",\"ru\":\"\",\"en\":\"Hello.\"}\n"
            "\n"
            "{\"id\":\"c\",\"ru\":\"Да.\",\"en\":\"Yes.\"}\n");
  const Run r = Shell(Quote(sverka::testing::SverkaBin()) + " align --jsonl " + Quote(dir / "in.jsonl"));
  CHECK(r.exit_code == 1);
  CHECK(r.err == "sverka: " + dir / "in.jsonl" + ":2: b.ru: empty file (no text to read)\n");
  CHECK(CountLines(r.out) == 3);
  CHECK(r.out.find("{\"id\":\"b\",\"error\":\"b.ru: empty file (no text to read)\"}\n") !=
        std::string::npos);
  WriteFile(dir / "aligned.jsonl", r.out);
  const Run imported = Sverka({"import", "--jsonl", dir / "aligned.jsonl", "--db", dir / "tm.db"});
  CHECK(imported.exit_code == 1);
  CHECK(imported.err == "sverka: " + dir / "aligned.jsonl" +
                            ":2: 'b' was not aligned: b.ru: empty file (no text to read)\n" +
                            dir / "aligned.jsonl" +
                            ": imported 2 documents, 0 skipped (unchanged), 1 failed\n");

  WriteFile(dir / "bad.jsonl",
            "{\"id\":\"a\",\"ru\":\"Да.\",\"en\":\"Yes.\"}\n{\"id\":\"b\",\"ru\":\"x\"\n");
  const Run bad = Shell(Quote(sverka::testing::SverkaBin()) + " align --jsonl <" + Quote(dir / "bad.jsonl"));
  CHECK(bad.exit_code == 1);
  CHECK(CountLines(bad.out) == 1);
  CHECK(bad.err == "sverka: <stdin>:2:19: expected ',' or '}'\n");
  WriteFile(dir / "unknown.jsonl", "{\"id\":\"a\",\"ru\":\"x\",\"en\":\"y\",\"x\":1}\n");
  const Run unknown = Shell(Quote(sverka::testing::SverkaBin()) + " align --jsonl <" + Quote(dir / "unknown.jsonl"));
  CHECK(unknown.err == "sverka: <stdin>:1: unknown member 'x' (expected id, ru, en)\n");

  WriteFile(dir / "bad-aligned.jsonl", "{\"id\":\"a\",\"ru_hash\":\"h\"}\n");
  const Run bad_import =
      Sverka({"import", "--jsonl", dir / "bad-aligned.jsonl", "--db", dir / "tm.db"});
  CHECK(bad_import.exit_code == 1);
  CHECK(bad_import.err == "sverka: " + dir / "bad-aligned.jsonl" +
                              ":1: members 'ru_hash' and 'en_hash' must be strings\n");
  const Run missing = Sverka({"import", "--jsonl", dir / "none.jsonl", "--db", dir / "tm.db"});
  CHECK(missing.err == "sverka: " + dir / "none.jsonl" + ": cannot open\n");
  const Run missing_align = Sverka({"align", "--jsonl", dir / "none.jsonl"});
  CHECK(missing_align.exit_code == 1);
  CHECK(missing_align.err == "sverka: " + dir / "none.jsonl" + ": cannot open\n");
}

TEST_CASE("batch stopped by SIGINT stores whole pairs, exits 130, and a rerun finishes",
          "[cli][batch][kill]") {
  ScratchDir dir;
  const fs::path in = dir / "in";
  MakePairs(in, Stems().size(), false);
  REQUIRE(Sverka({"batch", in.string(), "--db", dir / "whole.db", "-q"}).exit_code == 0);
  const std::string whole = Dump(dir / "whole.db");
  // The interrupt may land before, during or after the run; each ends whole.
  for (const char* delay : {"0.05", "0.15"}) {
    INFO("SIGINT after " << delay << " s");
    const std::string db = dir / (std::string("int") + delay + ".db");
    const Run r =
        Shell(Quote(sverka::testing::SverkaBin()) + " batch " + Quote(in.string()) + " --db " + Quote(db) +
              " -q & pid=$!; sleep " + delay + "; kill -INT $pid; wait $pid; echo \"exit $?\"");
    const bool interrupted = r.out.find("exit 130") != std::string::npos;
    CHECK((interrupted || r.out.find("exit 0") != std::string::npos));
    if (interrupted) {
      CHECK(r.err.find("; interrupted after ") != std::string::npos);
      CHECK(r.err.ends_with(" pairs: run again to finish\n"));
    }
    if (fs::exists(db)) CHECK(IntegrityCheck(db) == "ok");
    CHECK(Sverka({"batch", in.string(), "--db", db, "-q"}).exit_code == 0);
    CHECK(Dump(db) == whole);
  }
}

TEST_CASE("merge of two halves aligned apart holds the beads of one batch", "[cli][merge]") {
  ScratchDir dir;
  MakePairs(dir / "all", 10, false);
  const std::vector<std::string> stems = Stems();
  for (size_t k = 0; k < 10; ++k) {
    const fs::path half = dir / (k < 6 ? "x" : "y");  // both hold pair 5
    fs::create_directories(half);
    for (const char* side : {".ru.txt", ".en.txt"}) {
      fs::copy_file(fs::path(dir / "all") / (stems[k] + side), half / (stems[k] + side));
      if (k == 6)
        fs::copy_file(fs::path(dir / "all") / (stems[5] + side), half / (stems[5] + side));
    }
  }
  REQUIRE(Sverka({"batch", dir / "all", "--db", dir / "all.db", "-q"}).exit_code == 0);
  REQUIRE(Sverka({"batch", dir / "x", "--db", dir / "x.db", "-q"}).exit_code == 0);
  REQUIRE(Sverka({"batch", dir / "y", "--db", dir / "y.db", "-q"}).exit_code == 0);
  const Run r = Sverka({"merge", dir / "x.db", dir / "y.db", "-o", dir / "c.db"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == dir / "c.db" + ": 6 documents from " + dir / "x.db" + ", 4 from " + dir / "y.db" +
                     " (1 in both, identical)\n");
  CHECK(Dump(dir / "c.db") == Dump(dir / "all.db"));
  const Run same = Sverka({"merge", dir / "x.db", dir / "y.db", "-o", dir / "x.db"});
  CHECK(same.exit_code == 2);
  CHECK(same.err == UsageLine("merge", dir / "x.db" +
                                           ": is the translation memory this command reads; write "
                                           "the output to another file") +
                        "\n");
  CHECK(Sverka({"merge", dir / "x.db"}).exit_code == 2);
}

TEST_CASE("merge --index writes the merged memory indexed, as merge then index would", "[cli][merge][index]") {
  ScratchDir dir;
  MakePairs(dir / "all", 8, false);
  const std::vector<std::string> stems = Stems();
  for (size_t k = 0; k < 8; ++k) {
    const fs::path half = dir / (k < 3 ? "x" : "y");
    fs::create_directories(half);
    for (const char* side : {".ru.txt", ".en.txt"}) {
      fs::copy_file(fs::path(dir / "all") / (stems[k] + side), half / (stems[k] + side));
    }
  }
  // x indexed as it is stored, y left pending as batch leaves it.
  REQUIRE(Sverka({"batch", dir / "x", "--db", dir / "x.db", "-q", "--index"}).exit_code == 0);
  REQUIRE(Sverka({"batch", dir / "y", "--db", dir / "y.db", "-q"}).exit_code == 0);
  using sverka::testing::SqlCount;
  const int64_t pending_y = SqlCount(dir / "y.db", "SELECT count(*) FROM bead_text_pending");
  REQUIRE(pending_y > 20);
  REQUIRE(Sverka({"merge", dir / "x.db", dir / "y.db", "-o", dir / "then.db", "-q"}).exit_code == 0);
  CHECK(SqlCount(dir / "then.db", "SELECT count(*) FROM bead_text_pending") == pending_y);
  REQUIRE(Sverka({"index", "--db", dir / "then.db", "-q"}).exit_code == 0);

  const Run r = Sverka({"merge", dir / "x.db", dir / "y.db", "-o", dir / "now.db", "--index"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == dir / "now.db" + ": 3 documents from " + dir / "x.db" + ", 5 from " + dir / "y.db" +
                     " (0 in both, identical)\n");
  for (const char* suffix : {"-wal", "-shm", "-journal", ".tmp"}) {
    INFO(suffix);  // nothing left beside it
    CHECK_FALSE(fs::exists(dir / "now.db" + suffix));
  }
  CHECK(SqlCount(dir / "now.db", "SELECT count(*) FROM bead_text_pending") == 0);
  CHECK(sverka::testing::IndexConsistent(dir / "now.db"));
  CHECK(Dump(dir / "now.db") == Dump(dir / "then.db"));
  // A memory like any other: in WAL, the same entries and hits.
  CHECK(SqlCount(dir / "now.db", "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'") == 1);
  for (const char* sql : {"SELECT count(*) FROM bead_stems", "SELECT count(*) FROM bead_text WHERE bead_text MATCH 'the'",
                          "SELECT count(*) FROM bead_stems WHERE bead_stems MATCH 'en:the'"}) {
    INFO(sql);
    CHECK(SqlCount(dir / "now.db", sql) == SqlCount(dir / "then.db", sql));
    CHECK(SqlCount(dir / "now.db", sql) > 0);
  }
  const Run then_hits = Sverka({"search", "--db", dir / "then.db", "the", "--limit", "100000"});
  const Run now_hits = Sverka({"search", "--db", dir / "now.db", "the", "--limit", "100000"});
  CHECK(now_hits.exit_code == 0);
  CHECK(now_hits.err.empty());
  CHECK(now_hits.out == then_hits.out);
  CHECK(CountLines(now_hits.out) > 30);
}

TEST_CASE("on a terminal batch draws a progress bar instead of JSON lines", "[cli][batch]") {
  if (Shell("command -v script").exit_code != 0) {
    WARN("util-linux 'script' missing: no terminal to test the progress bar on");
    return;
  }
  ScratchDir dir;
  MakePairs(dir / "in", 3, false);
  // `script` runs the command on a pseudo-terminal (stdout and stderr both).
  const Run r =
      Shell("script -qec " +
            Quote(Quote(sverka::testing::SverkaBin()) + " batch " + Quote(dir / "in") + " --db " + Quote(dir / "tm.db")) +
            " /dev/null");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\r[##########....................] 1/3  ") != std::string::npos);
  CHECK(r.out.find("] 3/3  ") != std::string::npos);
  CHECK(r.out.find(" sentences/s  0:0") != std::string::npos);
  CHECK(r.out.find(" elapsed  ETA ") != std::string::npos);
  CHECK(r.out.find("{\"name\"") == std::string::npos);
  CHECK(r.out.find("sverka batch: 3 stored, 0 skipped (unchanged), 0 failed, of 3 pairs") !=
        std::string::npos);
}

TEST_CASE("batch leaves the index to 'sverka index' (or --index); search finds the beads meanwhile",
          "[cli][batch][index]") {
  ScratchDir dir;
  MakePairs(dir / "in", 4, false);
  REQUIRE(Sverka({"batch", dir / "in", "--db", dir / "tm.db", "-j", "2", "-q"}).exit_code == 0);
  const int64_t beads = sverka::testing::SqlCount(dir / "tm.db", "SELECT count(*) FROM beads");
  REQUIRE(beads > 20);
  CHECK(sverka::testing::SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == beads);
  // Search reads the pending beads directly, says so, and gives what it gives once indexed.
  const Run before = Sverka({"search", "--db", dir / "tm.db", "the", "--limit", "100000"});
  CHECK(before.exit_code == 0);
  CHECK(before.ErrLine() == "sverka: " + dir / "tm.db" + ": " + std::to_string(beads) +
                                " beads are not in the full-text index yet; searched them "
                                "directly (slower): 'sverka index --db " +
                                dir / "tm.db" + "' indexes them");
  CHECK(CountLines(before.out) > 30);
  const std::string pending_line = "full-text index: " + std::to_string(beads) +
                                   " beads not yet indexed (stored by batch or import --jsonl); 'sverka index --db " +
                                   dir / "tm.db" + "' indexes them\n";
  CHECK(Sverka({"stats", "--db", dir / "tm.db"}).out.ends_with(pending_line));

  const Run index = Sverka({"index", "--db", dir / "tm.db"});
  CHECK(index.exit_code == 0);
  CHECK(index.err == dir / "tm.db" + ": " + std::to_string(beads) +
                         " beads indexed; the full-text index is up to date\n");
  CHECK(sverka::testing::SqlCount(dir / "tm.db", "SELECT count(*) FROM bead_text_pending") == 0);
  const Run after = Sverka({"search", "--db", dir / "tm.db", "the", "--limit", "100000"});
  CHECK(after.exit_code == 0);
  CHECK(after.err.empty());
  CHECK(after.out == before.out);
  const Run stats = Sverka({"stats", "--db", dir / "tm.db"});
  CHECK(stats.exit_code == 0);
  CHECK(stats.out.find("full-text index:") == std::string::npos);
  CHECK(Sverka({"index", "--db", dir / "tm.db"}).err ==
        dir / "tm.db" + ": 0 beads indexed; the full-text index is up to date\n");

  // --index: indexed at the end; the same beads.
  REQUIRE(Sverka({"batch", dir / "in", "--db", dir / "now.db", "-j", "2", "-q", "--index"})
              .exit_code == 0);
  CHECK(sverka::testing::SqlCount(dir / "now.db", "SELECT count(*) FROM bead_text_pending") == 0);
  CHECK(Dump(dir / "now.db") == Dump(dir / "tm.db"));
  CHECK(Sverka({"search", "--db", dir / "now.db", "the", "--limit", "100000"}).out == before.out);
}

TEST_CASE("index refuses a missing memory and a file that is not one",
          "[cli][index][errors]") {
  ScratchDir dir;
  const Run missing = Sverka({"index", "--db", dir / "none.db"});
  CHECK(missing.exit_code == 1);
  CHECK(missing.ErrLine() == "sverka: " + dir / "none.db" + ": no such translation memory");
  CHECK_FALSE(fs::exists(dir / "none.db"));
  WriteFile(dir / "text.db", "not a database at all, just text\n");
  const Run text = Sverka({"index", "--db", dir / "text.db"});
  CHECK(text.exit_code == 1);
  CHECK(text.ErrLine().starts_with("sverka: " + dir / "text.db" + ": "));
  CHECK(Sverka({"index"}).exit_code == 2);
}

TEST_CASE("batch fails a pair that is not a translation, stores the others, exits 1; --force stores it",
          "[cli][batch][errors]") {
  ScratchDir dir;
  const std::string a = sverka::testing::Corpus("ntrex/bbc.381647"), b = sverka::testing::Corpus("ntrex/upi.176275");
  WriteFile(dir / "pairs.tsv", "good\t" + a + ".ru.txt\t" + a + ".en.txt\n" +
                                   "mixed\t" + a + ".ru.txt\t" + b + ".en.txt\n");
  const Run r = Sverka({"batch", dir / "pairs.tsv", "--db", dir / "tm.db", "--report", dir / "r.tsv"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("sverka: mixed: " + a + ".ru.txt and " + b +
                   ".en.txt: not a translation of each other (") != std::string::npos);
  CHECK(r.err.ends_with("sverka batch: 1 stored, 0 skipped (unchanged), 1 failed, of 2 pairs\n"));
  CHECK(ReadFile(dir / "r.tsv").find("\tfailed\t" + a + ".ru.txt and ") != std::string::npos);
  const Run forced = Sverka({"batch", dir / "pairs.tsv", "--db", dir / "tm.db", "--force"});
  CHECK(forced.exit_code == 0);
  CHECK(forced.err.ends_with("sverka batch: 1 stored, 1 skipped (unchanged), 0 failed, of 2 pairs\n"));
}
