#include "align/heading_pairs.h"

#include <catch2/catch.hpp>
#include <vector>

#include "align/aligner.h"

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

namespace {

constexpr int32_t kChapter = 1;  // text::HeadingKind::kChapter
constexpr int32_t kPart = 2;     // text::HeadingKind::kPart

// `count` sentences of `length` code points each, no words.
std::vector<SentenceFeatures> Plain(int count, int32_t length = 60) {
  return std::vector<SentenceFeatures>(count, SentenceFeatures{length, {}, {}});
}

}  // namespace

TEST_CASE("chapter headings pair by number and order, a chapter one side lacks pairs with nothing", "[align][structure]") {
  // Russian: chapters 1, 2, 4 (chapter 3 dropped), ten sentences each
  // after a heading; English: chapters 1 to 4.
  const std::vector<SentenceFeatures> ru = Plain(33), en = Plain(44);
  const std::vector<HeadingMark> ru_h = {{0, kChapter, 1}, {11, kChapter, 2}, {22, kChapter, 4}};
  const std::vector<HeadingMark> en_h = {{0, kChapter, 1}, {11, kChapter, 2}, {22, kChapter, 3}, {33, kChapter, 4}};
  const auto pairs = PairHeadings(ru_h, en_h, ru, en, TranslationTable{});
  const std::vector<std::pair<int32_t, int32_t>> want = {{0, 0}, {11, 11}, {22, 33}};
  CHECK(pairs == want);
}

TEST_CASE("headings of another kind, or too far apart in the texts, are not paired", "[align][structure]") {
  const std::vector<SentenceFeatures> ru = Plain(100), en = Plain(100);
  // "Часть 1" is not "Chapter 1"; chapter 2 at 10 % of one text and 90 %
  // of the other is a repeated number, not the same heading.
  const std::vector<HeadingMark> ru_h = {{5, kPart, 1}, {10, kChapter, 2}};
  const std::vector<HeadingMark> en_h = {{5, kChapter, 1}, {90, kChapter, 2}};
  CHECK(PairHeadings(ru_h, en_h, ru, en, TranslationTable{}).empty());
  // A bare number pairs with a chapter of the same number.
  const std::vector<HeadingMark> bare = {{5, 0, 1}};
  const std::vector<HeadingMark> chapter = {{6, kChapter, 1}};
  CHECK(PairHeadings(bare, chapter, ru, en, TranslationTable{}).size() == 1);
}

TEST_CASE("headings by markup alone pair only when their words translate each other", "[align][structure]") {
  std::vector<SentenceFeatures> ru = Plain(20), en = Plain(20);
  ru[10].words = {7};  // "Введение"
  en[10].words = {3};  // "Introduction"
  en[12].words = {4};  // "Conclusion"
  TranslationTable table;
  table.targets.resize(8);
  table.targets[7] = {3};
  const std::vector<HeadingMark> ru_h = {{10, -1, 0}};
  CHECK(PairHeadings(ru_h, std::vector<HeadingMark>{{10, -1, 0}}, ru, en, table) ==
        std::vector<std::pair<int32_t, int32_t>>{{10, 10}});
  CHECK(PairHeadings(ru_h, std::vector<HeadingMark>{{12, -1, 0}}, ru, en, table).empty());
  CHECK(PairHeadings(ru_h, std::vector<HeadingMark>{{10, -1, 0}}, ru, en, TranslationTable{}).empty());
}

TEST_CASE("no bead crosses a boundary, and the headings at it are one 1-1 bead", "[align][structure]") {
  // Lengths that do not line up one to one before the boundary (4, 4):
  // Russian 2 is about English 2 and 3 together.
  const std::vector<int32_t> ru_len = {50, 60, 70, 80, 20, 90, 40};
  const std::vector<int32_t> en_len = {50, 60, 30, 45, 20, 90, 40};
  std::vector<SentenceFeatures> ru, en;
  for (int32_t l : ru_len) ru.push_back({l, {}, {}});
  for (int32_t l : en_len) en.push_back({l, {}, {}});
  AlignOptions options;
  options.boundaries = {{4, 4}};
  const Alignment beads = Align(ru, en, TranslationTable{}, DefaultModel(), options);
  bool heading_pair = false;
  for (const Bead& b : beads) {
    INFO("bead ru " << b.ru_begin << "+" << b.ru_count << " en " << b.en_begin << "+" << b.en_count);
    const bool before = b.ru_end() <= 4 && b.en_end() <= 4;
    const bool after = b.ru_begin >= 4 && b.en_begin >= 4;
    CHECK((before || after));
    if (b.ru_begin == 4 && b.ru_count == 1 && b.en_begin == 4 && b.en_count == 1) heading_pair = true;
  }
  CHECK(heading_pair);
}

TEST_CASE("a boundary forces the path through it even far from the length diagonal", "[align][structure]") {
  // English has 20 extra sentences before its second section: without the
  // boundary the diagonal would pair across it.
  std::vector<SentenceFeatures> ru = Plain(40), en = Plain(60);
  AlignOptions options;
  options.boundaries = {{20, 40}};
  const Alignment beads = Align(ru, en, TranslationTable{}, DefaultModel(), options);
  for (const Bead& b : beads) {
    const bool before = b.ru_end() <= 20 && b.en_end() <= 40;
    const bool after = b.ru_begin >= 20 && b.en_begin >= 40;
    CHECK((before || after));
  }
  const auto heading = std::find_if(beads.begin(), beads.end(), [](const Bead& b) { return b.ru_begin == 20 && b.ru_count > 0; });
  REQUIRE(heading != beads.end());
  CHECK(heading->en_begin == 40);
  CHECK(heading->en_count == 1);
}

TEST_CASE("boundaries out of order or outside the texts are ignored", "[align][structure]") {
  const std::vector<SentenceFeatures> ru = Plain(10), en = Plain(10);
  AlignOptions none, bad;
  bad.boundaries = {{5, 5}, {3, 7}, {20, 20}};
  CHECK(Align(ru, en, TranslationTable{}, DefaultModel(), bad) ==
        Align(ru, en, TranslationTable{}, DefaultModel(), none));
}

TEST_CASE("more heading pairs than the bound pair nothing rather than use unbounded memory", "[align][structure]") {
  const std::vector<SentenceFeatures> ru = Plain(4100), en = Plain(4100);
  std::vector<HeadingMark> ru_h, en_h;
  for (int32_t k = 0; k < 4097; ++k) {
    ru_h.push_back({k, kChapter, k + 1});
    en_h.push_back({k, kChapter, k + 1});
  }
  CHECK(PairHeadings(ru_h, en_h, ru, en, TranslationTable{}).empty());
  ru_h.resize(4000);
  en_h.resize(4000);
  CHECK(PairHeadings(ru_h, en_h, ru, en, TranslationTable{}).size() == 4000);
}
