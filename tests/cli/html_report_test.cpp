#include "cli/html_report.h"

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "tm/bead_edits.h"
#include "tm/queries.h"

using namespace sverka;

namespace {

tm::BeadView ViewOf(int32_t position, double score, const char* status, const char* ru,
                  const char* en) {
  tm::BeadView b;
  b.position = position;
  b.score = score;
  b.status = status;
  b.ru = {ru};
  b.en = {en};
  b.ru_begin = b.en_begin = position;
  b.ru_end = b.en_end = position + 1;
  return b;
}

}  // namespace

TEST_CASE("the report escapes text, marks the spans it is given, classes rows by score and status",
          "[tm][report]") {
  tm::DocumentStats stats;
  stats.beads = 2;
  stats.suspicious = 1;
  stats.by_status = {{"auto", 1}, {"approved", 1}};
  // Bead 0: "Москве" (bytes 18-30) and "5" marked on the Russian side,
  // "Moscow" on the English; a span past the end or overlapping is ignored.
  const auto marks = [](const tm::BeadView& b) {
    pipeline::BeadMarks m;
    if (b.position == 0) {
      m.ru = {{{18, 30}, {20, 25}, {46, 47}, {50, 400}}};
      m.en = {{{11, 17}}};
    }
    return m;
  };
  const std::string page = cli::RenderReport(
      "a<b",
      {ViewOf(0, 0.2, "auto", "Встреча в Москве <важна> & 5 раз.", "Meeting in Moscow."),
       ViewOf(1, 0.9, "approved", "«Лондон» далеко.", "London is far.")},
      stats, {.marks = marks});
  CHECK(page.find("<h1>a&lt;b</h1>") != std::string::npos);
  CHECK(page.find("<p>Встреча в <mark>Москве</mark> &lt;важна&gt; &amp; <mark>5</mark> раз.</p>") !=
        std::string::npos);
  CHECK(page.find("<p>Meeting in <mark>Moscow</mark>.</p>") != std::string::npos);
  CHECK(page.find("<tr id=\"b0\" class=\"low auto\">") != std::string::npos);
  CHECK(page.find("<tr id=\"b1\" class=\"high approved\">") != std::string::npos);
  CHECK(page.find("<p>«Лондон» далеко.</p>") != std::string::npos);  // no marks given: none shown
  // Without a matcher nothing is marked.
  const std::string plain = cli::RenderReport("d", {ViewOf(0, 0.2, "auto", "Встреча 5.", "Meeting 5.")}, stats, {});
  CHECK(plain.find("<mark>") == std::string::npos);
  CHECK(page.find("http") == std::string::npos);
}

TEST_CASE("the report has a type column and links from the summary to the beads to check", "[tm][report]") {
  tm::BeadView unpaired = ViewOf(2, 0.55, "auto", "Лишнее.", "");
  unpaired.en.clear();
  unpaired.en_end = unpaired.en_begin;
  tm::BeadView moved = ViewOf(3, 0.95, "auto", "Абзац.", "Paragraph.");
  moved.moved = true;
  const std::string page = cli::RenderReport(
      "d",
      {ViewOf(0, 0.3, "auto", "Один.", "One."), ViewOf(1, 0.2, "approved", "Два.", "Two."), unpaired, moved,
       ViewOf(4, 0.1, "auto", "Пять.", "Five.")},
      tm::DocumentStats{}, {});
  // Unreviewed beads that are low, unpaired or moved, lowest score first;
  // the approved bead 1 is not listed.
  CHECK(page.find("to check (4): <a href=\"#b4\">#4</a> <a href=\"#b0\">#0</a> <a href=\"#b2\">#2</a> "
                  "<a href=\"#b3\">#3</a></span>") != std::string::npos);
  CHECK(page.find("<th class=\"t\">type</th>") != std::string::npos);
  CHECK(page.find("<td class=\"t\">1-0</td>") != std::string::npos);
  CHECK(page.find("<tr id=\"b3\" class=\"high auto moved\">") != std::string::npos);
  CHECK(page.find("&#x2195; moved</span> <p>Paragraph.</p>") != std::string::npos);
  CHECK(page.find("<span>moved: 1 (&#x2195;)</span>") != std::string::npos);
}

TEST_CASE("the report file appears only whole; a missing directory is bad input",
          "[tm][report][errors]") {
  testing::ScratchDir dir;
  REQUIRE(WriteFileAtomically(dir / "r.html", "<p/>").ok());
  CHECK(testing::ReadFile(dir / "r.html") == "<p/>");
  CHECK_FALSE(std::filesystem::exists(dir / "r.html.tmp"));
  const Status s = WriteFileAtomically(dir / "no/r.html", "x");
  CHECK(s.kind() == ErrorKind::kInvalidData);
  CHECK(s.message() == dir / "no/r.html" + ": cannot write: No such file or directory");
}
