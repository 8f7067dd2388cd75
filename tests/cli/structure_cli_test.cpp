// Headings as hard boundaries through the binary (issue 15, item 5): a
// book of three corpora articles as chapters, one chapter dropped from the
// English, made at test time.
#include <catch2/catch.hpp>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_run.h"
#include "fixtures.h"

using sverka::testing::Corpus;
using sverka::testing::ReadFile;
using sverka::testing::Run;
using sverka::testing::ScratchDir;
using sverka::testing::Sverka;
using sverka::testing::WriteFile;

namespace {

const char* const kArticles[] = {"ntrex/abcnews.306774", "ntrex/bbc.381647", "ntrex/bbc.381746"};

struct Bead {
  std::vector<int> ru, en;
};

std::vector<Bead> ParseLinks(const std::string& out) {
  std::vector<Bead> beads;
  const std::regex bead(R"(^\[([0-9,]*)\]:\[([0-9,]*)\])");
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_search(line, m, bead)) continue;
    Bead b;
    for (auto [s, v] : {std::pair{m[1].str(), &b.ru}, std::pair{m[2].str(), &b.en}}) {
      std::istringstream in(s);
      for (std::string n; std::getline(in, n, ',');) v->push_back(std::stoi(n));
    }
    beads.push_back(std::move(b));
  }
  return beads;
}

// The sentence number of each line of `headings` in `file` as `sverka
// segment` cuts it (the aligner's sentences).
std::vector<int> HeadingSentences(const std::string& file, const char* lang, const std::vector<std::string>& headings) {
  const Run seg = Sverka({"segment", "--lang", lang, file});
  REQUIRE(seg.exit_code == 0);
  std::vector<int> at;
  std::istringstream lines(seg.out);
  int k = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.empty()) continue;
    for (const std::string& h : headings) {
      if (line == h) at.push_back(k);
    }
    ++k;
  }
  REQUIRE(at.size() == headings.size());
  return at;
}

// Which section sentence `s` lies in, given the sections' first sentences.
int Section(int s, const std::vector<int>& starts) {
  int k = 0;
  while (k < static_cast<int>(starts.size()) && starts[k] <= s) ++k;
  return k;
}

}  // namespace

TEST_CASE("no bead crosses a heading both sides share, and a chapter one side lacks stays unpaired",
          "[cli][align][structure]") {
  ScratchDir dir;
  std::string ru, en;
  for (int c = 0; c < 3; ++c) {
    const std::string number = std::to_string(c + 1);
    ru += "Глава " + number + "\n\n" + ReadFile(Corpus(std::string(kArticles[c]) + ".ru.txt")) + "\n\n";
    if (c == 1) continue;  // the English drops chapter 2
    en += "Chapter " + number + "\n\n" + ReadFile(Corpus(std::string(kArticles[c]) + ".en.txt")) + "\n\n";
  }
  WriteFile(dir / "book.ru.txt", ru);
  WriteFile(dir / "book.en.txt", en);
  const std::vector<int> ru_h = HeadingSentences(dir / "book.ru.txt", "ru", {"Глава 1", "Глава 2", "Глава 3"});
  const std::vector<int> en_h = HeadingSentences(dir / "book.en.txt", "en", {"Chapter 1", "Chapter 3"});

  const Run run = Sverka({"align", dir / "book.ru.txt", dir / "book.en.txt", "--format", "links"});
  REQUIRE(run.exit_code == 0);
  const std::vector<Bead> beads = ParseLinks(run.out);
  REQUIRE(!beads.empty());
  // The shared boundaries: chapters 1 and 3. Sections on the Russian side
  // by those two headings only (chapter 2 lies inside section 1).
  const std::vector<int> ru_starts = {ru_h[0], ru_h[2]}, en_starts = {en_h[0], en_h[1]};
  bool heading1 = false, heading3 = false;
  for (const Bead& b : beads) {
    INFO("bead ru " << (b.ru.empty() ? -1 : b.ru.front()) << " en " << (b.en.empty() ? -1 : b.en.front()));
    int section = -1;
    for (int i : b.ru) {
      if (section < 0) section = Section(i, ru_starts);
      CHECK(Section(i, ru_starts) == section);
    }
    for (int j : b.en) {
      if (section < 0) section = Section(j, en_starts);
      CHECK(Section(j, en_starts) == section);
    }
    if (b.ru == std::vector<int>{ru_h[0]}) heading1 = b.en == std::vector<int>{en_h[0]};
    if (b.ru == std::vector<int>{ru_h[2]}) heading3 = b.en == std::vector<int>{en_h[1]};
    // Chapter 2 (its heading too) has no English: 1-0 beads only.
    const bool in_chapter2 = !b.ru.empty() && b.ru.front() >= ru_h[1] && b.ru.front() < ru_h[2];
    if (in_chapter2) CHECK(b.en.empty());
  }
  CHECK(heading1);
  CHECK(heading3);
}

TEST_CASE("--no-structure aligns across headings: a heading is then a sentence like any other",
          "[cli][align][structure]") {
  ScratchDir dir;
  // Chapter 5 of the Russian is chapter 6 of the English: numbers disagree,
  // so no boundary is paired, and the two outputs are the same.
  WriteFile(dir / "a.ru.txt", "Глава 5\n\n" + ReadFile(Corpus(std::string(kArticles[0]) + ".ru.txt")));
  WriteFile(dir / "a.en.txt", "Chapter 6\n\n" + ReadFile(Corpus(std::string(kArticles[0]) + ".en.txt")));
  const Run with = Sverka({"align", dir / "a.ru.txt", dir / "a.en.txt", "--format", "links"});
  const Run without = Sverka({"align", dir / "a.ru.txt", dir / "a.en.txt", "--format", "links", "--no-structure"});
  REQUIRE(with.exit_code == 0);
  REQUIRE(without.exit_code == 0);
  CHECK(with.out == without.out);
  const Run help = Sverka({"align", "--help"});
  CHECK(help.out.find("--no-structure") != std::string::npos);
}
