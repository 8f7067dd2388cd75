#include "align/fixed_beads.h"

#include <catch2/catch.hpp>
#include <vector>

#include "align/aligner.h"

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

namespace {

// `count` sentences of 6 words each; Russian word w translates English word
// w (the table maps id to id), so sentence k of each side translate each
// other unless `skip_en` drops some English ones.
struct Doc {
  std::vector<SentenceFeatures> ru, en;
  TranslationTable table;
};

Doc Parallel(int32_t count, std::vector<int32_t> skip_en = {}) {
  Doc d;
  uint32_t next = 0;
  for (int32_t k = 0; k < count; ++k) {
    SentenceFeatures s;
    s.length = 100;
    for (int w = 0; w < 6; ++w) s.words.push_back(next++);
    d.ru.push_back(s);
    if (std::find(skip_en.begin(), skip_en.end(), k) == skip_en.end()) d.en.push_back(s);
  }
  d.table.targets.resize(next);
  for (uint32_t w = 0; w < next; ++w) d.table.targets[w] = {w};
  return d;
}

// Every sentence of both sides in exactly one bead.
void CheckCovers(const Alignment& beads, size_t n, size_t m) {
  std::vector<int> ru(n, 0), en(m, 0);
  for (const Bead& b : beads) {
    for (int32_t i = b.ru_begin; i < b.ru_end(); ++i) ++ru.at(i);
    for (int32_t j = b.en_begin; j < b.en_end(); ++j) ++en.at(j);
  }
  CHECK(ru == std::vector<int>(n, 1));
  CHECK(en == std::vector<int>(m, 1));
}

// No bead crosses (r, e): each ends at or before it or starts at or after it.
bool PassesThrough(const Alignment& beads, int32_t r, int32_t e) {
  for (const Bead& b : beads) {
    const bool before = b.ru_end() <= r && b.en_end() <= e;
    const bool after = b.ru_begin >= r && b.en_begin >= e;
    if (!before && !after) return false;
  }
  return true;
}

bool Has(const Alignment& beads, const Bead& want) {
  return std::find(beads.begin(), beads.end(), want) != beads.end();
}

}  // namespace

TEST_CASE("the path passes through a waypoint even against the evidence", "[align][realign]") {
  const Doc d = Parallel(8);
  AlignOptions options;
  options.waypoints = {{3, 5}};
  const Alignment beads = Align(d.ru, d.en, d.table, DefaultModel(), options);
  CheckCovers(beads, 8, 8);
  CHECK(PassesThrough(beads, 3, 5));
  // Without it the same document aligns 1-1 throughout.
  const Alignment free = Align(d.ru, d.en, d.table, DefaultModel());
  CHECK_FALSE(PassesThrough(free, 3, 5));
}

TEST_CASE("two waypoints on one row leave the English between them unpaired", "[align][realign]") {
  const Doc d = Parallel(6);
  AlignOptions options;
  options.waypoints = {{3, 3}, {3, 5}};
  const Alignment beads = Align(d.ru, d.en, d.table, DefaultModel(), options);
  CheckCovers(beads, 6, 6);
  CHECK(PassesThrough(beads, 3, 3));
  CHECK(PassesThrough(beads, 3, 5));
  CHECK(Has(beads, Bead{3, 0, 3, 1, 0}));
  CHECK(Has(beads, Bead{3, 0, 4, 1, 0}));
}

TEST_CASE("waypoints that go back on a side are not used", "[align][realign]") {
  const Doc d = Parallel(8);
  AlignOptions options;
  options.waypoints = {{3, 5}, {4, 2}};
  const Alignment beads = Align(d.ru, d.en, d.table, DefaultModel(), options);
  const Alignment free = Align(d.ru, d.en, d.table, DefaultModel());
  CHECK(beads == free);
}

TEST_CASE("aligning around no fixed bead is aligning", "[align][realign]") {
  const Doc d = Parallel(10, {4});
  const Alignment a = AlignAround(d.ru, d.en, {}, d.table, DefaultModel());
  const Alignment b = Align(d.ru, d.en, d.table, DefaultModel());
  REQUIRE(a == b);
  for (size_t k = 0; k < a.size(); ++k) CHECK(a[k].score == b[k].score);
}

TEST_CASE("fixed beads the alignment agrees with change nothing and score 1", "[align][realign]") {
  const Doc d = Parallel(12, {5});
  const Alignment free = Align(d.ru, d.en, d.table, DefaultModel());
  const Alignment fixed = {free[2], free[5], free[9]};
  const Alignment around = AlignAround(d.ru, d.en, fixed, d.table, DefaultModel());
  CHECK(around == free);
  for (const Bead& f : fixed) {
    const auto it = std::find(around.begin(), around.end(), f);
    REQUIRE(it != around.end());
    CHECK(it->score == 1.0);
  }
}

TEST_CASE("a pin off the path: the rest aligns around it", "[align][realign]") {
  const Doc d = Parallel(12);
  // The reviewer pairs Russian 5 with English 6 (whatever the words say).
  const Alignment fixed = {Bead{5, 1, 6, 1, 1.0}};
  const Alignment beads = AlignAround(d.ru, d.en, fixed, d.table, DefaultModel());
  CheckCovers(beads, 12, 12);
  CHECK(Has(beads, Bead{5, 1, 6, 1, 0}));
  CHECK(PassesThrough(beads, 5, 6));
  CHECK(PassesThrough(beads, 6, 7));
  // Far from the pin the translation pairs as before.
  for (int32_t k : {0, 1, 2, 3, 8, 9, 10, 11}) CHECK(Has(beads, Bead{k, 1, k, 1, 0}));
  // Russian order: the beads' Russian ascends.
  int32_t last = -1;
  for (const Bead& b : beads) {
    if (b.ru_count == 0) continue;
    CHECK(b.ru_begin > last);
    last = b.ru_begin;
  }
}

TEST_CASE("a moved fixed bead only takes its sentences out", "[align][realign]") {
  const Doc d = Parallel(10);
  Bead moved{7, 1, 2, 1, 1.0};
  moved.moved = true;
  const Alignment beads = AlignAround(d.ru, d.en, {moved}, d.table, DefaultModel());
  CheckCovers(beads, 10, 10);
  for (int32_t k : {0, 1, 3, 4, 5, 6, 8, 9}) CHECK(Has(beads, Bead{k, 1, k, 1, 0}));
  // Russian 2 and English 7 lost their translations: left unpaired.
  const auto ru2 = std::find_if(beads.begin(), beads.end(), [](const Bead& b) { return b.ru_count == 1 && b.ru_begin == 2; });
  REQUIRE(ru2 != beads.end());
  CHECK(ru2->en_count == 0);
  // The moved bead sits in Russian order, after Russian 6.
  const auto at = std::find(beads.begin(), beads.end(), moved);
  REQUIRE(at != beads.end());
  REQUIRE(at != beads.begin());
  CHECK((at - 1)->ru_end() <= 7);
  CHECK((at + 1)->ru_begin >= 8);
}

TEST_CASE("a bead a moved fixed bead interrupts keeps its first run", "[align][realign]") {
  Bead moved{2, 1, 2, 1, 1.0};
  moved.moved = true;
  const FreeSentences free = FreeOf(4, 3, {moved});
  CHECK(free.ru == std::vector<int32_t>{0, 1, 3});
  CHECK(free.en == std::vector<int32_t>{0, 1});
  CHECK(free.waypoints.empty());
  // The free alignment paired Russian 0, 1, 3 with English 0, 1 in one bead.
  const Alignment out = Expand({Bead{0, 3, 0, 2, 0.8}}, free, {moved});
  REQUIRE(out.size() == 3);
  CHECK(out[0] == Bead{0, 2, 0, 2, 0});
  CHECK(out[0].score == 0.8);
  CHECK(out[1] == moved);
  CHECK(out[2] == Bead{3, 1, 3, 0, 0});
  CHECK(out[2].score == 0.0);
}

TEST_CASE("the fixed beads' waypoints count the free sentences before them", "[align][realign]") {
  // Beads 1-1 at (2, 2) and 2-1 at (3, 3); one moved at (6, 0).
  Bead moved{6, 1, 0, 1, 1.0};
  moved.moved = true;
  const FreeSentences free = FreeOf(8, 8, {Bead{3, 2, 3, 1, 1.0}, Bead{2, 1, 2, 1, 1.0}, moved});
  CHECK(free.ru == std::vector<int32_t>{0, 1, 5, 7});
  CHECK(free.en == std::vector<int32_t>{1, 4, 5, 6, 7});
  const std::vector<std::pair<int32_t, int32_t>> want = {{2, 1}, {2, 1}};
  CHECK(free.waypoints == want);
  CHECK(free.bounding == std::vector<size_t>{1, 0});
}
