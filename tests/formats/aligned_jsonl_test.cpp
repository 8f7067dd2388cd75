#include "formats/aligned_jsonl.h"

#include <catch2/catch.hpp>

using namespace sverka;

namespace {

// Each line of `cases` is refused by `parse` as bad input with its message.
template <typename Parse, size_t N>
void ExpectRefused(Parse parse, const std::pair<std::string, std::string> (&cases)[N]) {
  for (const auto& [line, message] : cases) {
    INFO(line);
    const auto r = parse(line, {});
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().kind() == ErrorKind::kInvalidData);
    CHECK(r.status().message() == message);
  }
}

}  // namespace

TEST_CASE("a text pair line gives id, ru and en", "[tm][jsonl]") {
  Result<formats::TextPairRecord> r =
      formats::ParseTextPairLine(R"({"id":"a1","ru":"Привет.\n","en":"Hi."})");
  REQUIRE(r.ok());
  CHECK(r->id == "a1");
  CHECK(r->ru == "Привет.\n");
  CHECK(r->en == "Hi.");
}

TEST_CASE("text pair lines that are not {id, ru, en} are refused", "[tm][jsonl][errors]") {
  const std::pair<std::string, std::string> cases[] = {
      {R"({"id":"a","ru":"x"})", "expected an object with string members id, ru, en"},
      {R"({"id":1,"ru":"x","en":"y"})", "expected an object with string members id, ru, en"},
      {R"(["a"])", "expected an object with string members id, ru, en"},
      {R"({"id":"a","ru":"x","en":"y","de":"z"})", "unknown member 'de' (expected id, ru, en)"},
      {R"({"id":"","ru":"x","en":"y"})", "empty id"},
      {R"({"id":"a",)", "column 11: expected a string key"},
  };
  ExpectRefused(formats::ParseTextPairLine, cases);
}

TEST_CASE("a line's place begins the message: FILE:LINE:COLUMN for bad JSON, FILE:LINE else",
          "[tm][jsonl][errors]") {
  CHECK(formats::ParseTextPairLine(R"({"id":"a",)", "in.jsonl:3").status().message() ==
        "in.jsonl:3:11: expected a string key");
  CHECK(formats::ParseTextPairLine(R"({"id":"","ru":"x","en":"y"})", "in.jsonl:3").status().message() ==
        "in.jsonl:3: empty id");
  CHECK(formats::ParseAlignedLine("[1,]", "<stdin>:2").status().message() ==
        "<stdin>:2:4: unexpected character ']'");
  CHECK(formats::ParseAlignedLine(R"({"id":""})", "<stdin>:2").status().message() ==
        "<stdin>:2: expected an object with a string member 'id'");
}

TEST_CASE("an aligned record reads back exactly as written, empty sides included", "[tm][jsonl]") {
  formats::AlignedRecord r;
  r.doc.name = "doc \"1\"";
  r.doc.ru_hash = "fnv1a64:0000000000000001";
  r.doc.en_hash = "fnv1a64:0000000000000002";
  r.doc.ru = {{0, "Один.", 0, 9}, {0, "Два.", 10, 17}, {1, "Три.", 19, 26}};
  r.doc.en = {{0, "One. Two.", 0, 9}, {1, "Extra.", 11, 17}};
  r.doc.beads = {{0, 2, 0, 1, 0.1234567890123456789}, {2, 1, 1, 0, 0.05}, {3, 0, 1, 1, 1.0 / 3}};
  const std::string line = formats::FormatAlignedLine(r);
  CHECK(line.find('\n') == std::string::npos);
  Result<formats::AlignedRecord> back = formats::ParseAlignedLine(line);
  REQUIRE(back.ok());
  CHECK(back->doc.name == r.doc.name);
  CHECK(back->doc.ru_hash == r.doc.ru_hash);
  CHECK(back->doc.en_hash == r.doc.en_hash);
  REQUIRE(back->doc.ru.size() == 3);
  CHECK(back->doc.ru[2].text == "Три.");
  CHECK(back->doc.ru[2].paragraph == 1);
  CHECK(back->doc.ru[2].start_offset == 19);
  CHECK(back->doc.en[1].end_offset == 17);
  REQUIRE(back->doc.beads.size() == 3);
  for (size_t k = 0; k < 3; ++k) {
    CHECK(back->doc.beads[k] == r.doc.beads[k]);
    CHECK(back->doc.beads[k].score == r.doc.beads[k].score);
  }
  CHECK(back->doc.beads[1].en_begin == 1);
  CHECK(back->doc.beads[2].ru_begin == 3);
}

TEST_CASE("an error record carries the reason", "[tm][jsonl]") {
  formats::AlignedRecord r;
  r.doc.name = "x";
  r.error = "x.ru: empty file (no text to read)";
  CHECK(formats::FormatAlignedLine(r) == R"j({"id":"x","error":"x.ru: empty file (no text to read)"})j");
  Result<formats::AlignedRecord> back = formats::ParseAlignedLine(formats::FormatAlignedLine(r));
  REQUIRE(back.ok());
  CHECK(back->error == r.error);
}

TEST_CASE("aligned lines with bad members or beads are refused", "[tm][jsonl][errors]") {
  const std::string head =
      R"({"id":"d","ru_hash":"h","en_hash":"h","ru":[{"text":"a","paragraph":0,"start":0,"end":1}],"en":[{"text":"b","paragraph":0,"start":0,"end":1}],)";
  const std::pair<std::string, std::string> cases[] = {
      {R"({"ru_hash":"h"})", "expected an object with a string member 'id'"},
      {R"({"id":"d","ru":[]})", "members 'ru_hash' and 'en_hash' must be strings"},
      {R"({"id":"d","ru_hash":"h","en_hash":"h","ru":{}})",
       "member 'ru' must be an array of sentences"},
      {R"({"id":"d","ru_hash":"h","en_hash":"h","ru":[{"text":"a","paragraph":0,"start":5,"end":1}]})",
       "member 'ru': sentence 0 needs text, paragraph, start <= end"},
      {R"({"id":"d","ru_hash":"h","en_hash":"h","ru":[],"en":[{"text":"a","paragraph":-1,"start":0,"end":1}]})",
       "member 'en': sentence 0 needs text, paragraph, start <= end"},
      {head + R"("beads":{}})", "member 'beads' must be an array"},
      {head + R"("beads":[{"ru":[1],"en":[0],"score":0.5}]})",
       "bead 0: needs ru and en runs of existing sentences and a score in [0, 1]"},
      {head + R"("beads":[{"ru":[0],"en":[0],"score":1.5}]})",
       "bead 0: needs ru and en runs of existing sentences and a score in [0, 1]"},
      {head + R"("beads":[{"ru":[0],"en":[0.5],"score":0.5}]})",
       "bead 0: needs ru and en runs of existing sentences and a score in [0, 1]"},
      {"{", "column 2: expected a string key"},
  };
  ExpectRefused(formats::ParseAlignedLine, cases);
  CHECK(formats::ParseAlignedLine(head + R"("beads":[{"ru":[0],"en":[0],"score":0.5}]})").ok());
}

TEST_CASE("aligned lines whose beads skip, repeat or leave out sentences are refused",
          "[tm][jsonl][errors]") {
  // Found by tests/fuzz/jsonl_fuzz: such beads were stored as they were.
  const std::string head =
      R"({"id":"d","ru_hash":"h","en_hash":"h","ru":[{"text":"a","paragraph":0,"start":0,"end":1},{"text":"b","paragraph":0,"start":2,"end":3}],"en":[{"text":"c","paragraph":0,"start":0,"end":1},{"text":"d","paragraph":0,"start":2,"end":3}],)";
  const std::pair<std::string, std::string> cases[] = {
      {head + R"("beads":[{"ru":[0],"en":[0],"score":0.5},{"ru":[0],"en":[1],"score":0.5}]})",
       "bead 1: does not begin where the bead before it ends (ru 1, en 1)"},
      {head + R"("beads":[{"ru":[1],"en":[0,1],"score":0.5}]})",
       "bead 0: does not begin where the bead before it ends (ru 0, en 0)"},
      {head + R"("beads":[{"ru":[0,1],"en":[0,1],"score":0.5},{"ru":[],"en":[],"score":0.5}]})",
       "bead 1: has no sentence on either side"},
      {head + R"("beads":[{"ru":[0,1],"en":[0],"score":0.5}]})",
       "the beads end at ru 2 and cover 1 English of 2, 2 sentences; every sentence must be in a bead"},
      {head + R"("beads":[]})",
       "the beads end at ru 0 and cover 0 English of 2, 2 sentences; every sentence must be in a bead"},
      {head + R"("beads":[{"ru":[0],"en":[0,1],"score":0.5},{"ru":[1],"en":[1],"score":0.5}]})",
       "bead 1: English sentence 1 is already in another bead"},
  };
  ExpectRefused(formats::ParseAlignedLine, cases);
  CHECK(formats::ParseAlignedLine(
            head + R"("beads":[{"ru":[0],"en":[],"score":0.5},{"ru":[1],"en":[0,1],"score":0.5}]})")
            .ok());
  // A moved bead: the English out of the Russian order, each sentence once.
  Result<formats::AlignedRecord> crossing = formats::ParseAlignedLine(
      head + R"("beads":[{"ru":[0],"en":[1],"score":0.5},{"ru":[1],"en":[0],"score":0.5,"moved":true}]})");
  REQUIRE(crossing.ok());
  CHECK(crossing->doc.beads[1].en_begin == 0);
}
