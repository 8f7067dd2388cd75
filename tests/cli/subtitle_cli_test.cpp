// Subtitles through the binary (issue 15, item 3): broken and hostile SRT
// and WebVTT files are refused in one line naming the file and line, exit
// 1, nothing stored (doc/hostile-inputs.md, row 34); the times reach
// `segment --format json`, `align --format json` and `batch`.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "cli/cli_run.h"
#include "fixtures.h"
#include "sql_fixtures.h"

using sverka::testing::Corpus;
using sverka::testing::Run;
using sverka::testing::ScratchDir;
using sverka::testing::SqlCount;
using sverka::testing::Sverka;
using sverka::testing::WriteFile;

namespace {

#define kRu Corpus("ntrex/bbc.381647.ru.txt")
#define kEn Corpus("ntrex/bbc.381647.en.txt")

const char* kCue1 = "1\n00:00:01,000 --> 00:00:04,000\nRapper Kanye West is changing his name - to Ye.\n\n";

}  // namespace

TEST_CASE("hostile: broken subtitle files are refused in one line with their line, nothing stored",
          "[cli][hostile][subtitles]") {
  ScratchDir dir;
  const std::string db = dir / "tm.db";
  REQUIRE(Sverka({"align", kRu, kEn, "--db", db, "--name", "a", "-q"}).exit_code == 0);
  std::string huge;
  for (int k = 1; k <= 200001; ++k) huge += std::to_string(k) + "\n00:00:01,000 --> 00:00:02,000\nx\n\n";
  struct Case {
    std::string file, bytes, message;
  };
  const std::vector<Case> cases = {
      {"time.srt", std::string(kCue1) + "2\n00:00:04,500 --> 00:00:0x,000\nHe wrote.\n",
       ":6: malformed cue time line '00:00:04,500 --> 00:00:0x,000' (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm')"},
      {"no-time.srt", std::string(kCue1) + "2\nHe wrote.\n",
       ":6: cue 2 has no time line (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm', found 'He wrote.')"},
      {"backwards.vtt", "WEBVTT\n\n00:05.000 --> 00:04.000\nHe wrote.\n",
       ":3: the cue ends before it starts (00:00:05.000 --> 00:00:04.000)"},
      {"empty-cue.srt", std::string(kCue1) + "2\n00:00:04,500 --> 00:00:05,000\n\n3\n00:00:05,000 --> 00:00:06,000\nHi.\n",
       ":6: the cue 00:00:04.500 --> 00:00:05.000 has no text"},
      {"cut.srt", std::string(kCue1) + "2\n00:00:04,500 --> 00:00:05,000\n",
       ":6: the file ends inside a cue, before its text (truncated?)"},
      {"cut-number.srt", std::string(kCue1) + "2\n", ":5: the file ends inside a cue, before its time line (truncated?)"},
      {"huge.srt", huge, ":800002: more than 200000 cues (a film has a few thousand); refused"},
      {"binary.srt", std::string(kCue1) + std::string("2\n00:00:04,500 --> 00:00:05,000\nELF\x02\x01\x01\0\0\0", 41),
       ":7:4: control byte 0x02 at byte offset 116 (a binary file?)"},
      {"prose.vtt", "Rapper Kanye West is changing his name.\n",
       ":1: a WebVTT file must start with 'WEBVTT', not 'Rapper Kanye West is changing his name.'"},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    WriteFile(dir / c.file, c.bytes);
    const Run r = Sverka({"align", kRu, dir / c.file, "--db", db, "--name", "new", "--force"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.ErrLine() == "sverka: " + dir / c.file + c.message);
    CHECK(SqlCount(db, "SELECT count(*) FROM documents") == 1);
    CHECK(SqlCount(db, "SELECT count(*) FROM sentences WHERE start_ms IS NOT NULL") == 0);
  }
}

TEST_CASE("overlapping and out-of-order cues are read in time order", "[cli][subtitles]") {
  ScratchDir dir;
  WriteFile(dir / "a.srt",
            "2\n00:00:03,000 --> 00:00:05,000\nHe wrote it.\n\n"
            "1\n00:00:01,000 --> 00:00:04,000\nWest changes his name.\n\n"
            "3\n00:00:04,500 --> 00:00:06,000\nThen he left.\n");
  const Run r = Sverka({"segment", "--lang", "en", dir / "a.srt", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out ==
        "{\"file\":\"" + dir / "a.srt" + "\",\"sentences\":[\n"
        "  {\"text\":\"West changes his name.\",\"paragraph\":0,\"start\":78,\"end\":100,\"start_ms\":1000,\"end_ms\":4000},\n"
        "  {\"text\":\"He wrote it.\",\"paragraph\":0,\"start\":32,\"end\":44,\"start_ms\":3000,\"end_ms\":5000},\n"
        "  {\"text\":\"Then he left.\",\"paragraph\":0,\"start\":134,\"end\":147,\"start_ms\":4500,\"end_ms\":6000}]}\n");
}

TEST_CASE("batch pairs .srt and .vtt sides and stores their times", "[cli][subtitles]") {
  ScratchDir dir;
  WriteFile(dir / "film.ru.srt",
            "1\n00:00:01,000 --> 00:00:03,000\nРэппер Канье Уэст придумал\n\n"
            "2\n00:00:03,100 --> 00:00:05,000\nсебе новое имя: Йе. Об этом он объявил в субботу.\n");
  WriteFile(dir / "film.en.vtt",
            "WEBVTT\n\n00:01.100 --> 00:02.900\nRapper Kanye West is changing his name - to Ye.\n\n"
            "00:03.000 --> 00:05.200\nHe announced it on Saturday.\n");
  const std::string db = dir / "tm.db";
  const Run r = Sverka({"batch", dir.path().string(), "--db", db, "-q"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(SqlCount(db, "SELECT count(*) FROM documents") == 1);
  CHECK(SqlCount(db, "SELECT count(*) FROM sentences WHERE start_ms IS NULL") == 0);
  CHECK(SqlCount(db, "SELECT end_ms FROM sentences WHERE side = 'ru' AND position = 0") == 5000);
  CHECK(SqlCount(db, "SELECT start_ms FROM sentences WHERE side = 'en' AND position = 1") == 3000);
}
