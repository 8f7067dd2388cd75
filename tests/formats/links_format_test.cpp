#include "formats/links_format.h"

#include <catch2/catch.hpp>

using namespace sverka;

TEST_CASE("links lines are formatted as score.py reads them", "[tm][links]") {
  CHECK(formats::FormatLinksLine({0, 2, 0, 1, 0.8734}) == "[0,1]:[0]:0.873");
  CHECK(formats::FormatLinksLine({5, 1, 3, 0, 0.41}) == "[5]:[]:0.410");
  CHECK(formats::FormatLinksLine({6, 0, 3, 1, 0.0}) == "[]:[3]:0.000");
}

TEST_CASE("links files parse back, with or without scores and spaces", "[tm][links]") {
  auto beads = formats::ParseLinks("g.links", "[0, 1]:[0]\n\n[2]:[]:0.5\r\n[]:[1,2]\n");
  REQUIRE(beads.ok());
  REQUIRE(beads->size() == 3);
  CHECK((*beads)[0] == Bead{0, 2, 0, 1, 0});
  CHECK((*beads)[1].ru_count == 1);
  CHECK((*beads)[1].en_count == 0);
  CHECK((*beads)[2] == Bead{0, 0, 1, 2, 0});
}

TEST_CASE("links parser names the file and line of a bad bead", "[tm][links][errors]") {
  auto bad = formats::ParseLinks("g.links", "[0]:[0]\n[1]-[1]\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message() == "g.links:2: not a bead: '[1]-[1]'");
  auto gap = formats::ParseLinks("g.links", "[0,2]:[0]\n");
  REQUIRE_FALSE(gap.ok());
  CHECK(gap.status().message() == "g.links:1: sentence numbers must be consecutive: '[0,2]:[0]'");
  auto negative = formats::ParseLinks("g.links", "[-1]:[0]\n");
  CHECK_FALSE(negative.ok());
}
