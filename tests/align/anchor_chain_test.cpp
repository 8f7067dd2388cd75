#include "align/anchor_chain.h"

#include <catch2/catch.hpp>

using namespace sverka::align;

namespace {
SentenceFeatures S(int32_t length, std::vector<uint32_t> anchors = {}) {
  return {length, std::move(anchors), {}};
}
}  // namespace

TEST_CASE("the anchor chain keeps unique anchors in a monotone chain", "[align][chain]") {
  // Anchors 1..4 unique on both sides; 9 occurs twice in Russian (not unique);
  // 5 pairs ru 1 with en 5, crossing the others: dropped.
  const std::vector<SentenceFeatures> ru = {S(10, {1}), S(10, {5}), S(10, {2, 9}), S(10, {9}), S(10, {3}), S(10, {4})};
  const std::vector<SentenceFeatures> en = {S(10, {1}), S(10, {2}), S(10, {9}), S(10, {3}), S(10, {4}), S(10, {5})};
  const auto chain = AnchorChain(ru, en);
  const std::vector<std::pair<int32_t, int32_t>> expected = {{0, 0}, {2, 1}, {4, 3}, {5, 4}};
  CHECK(chain == expected);
}

TEST_CASE("the length diagonal follows cumulative characters, not sentence counts", "[align][chain]") {
  // One long Russian sentence translated by four short English ones, then 1-1.
  const std::vector<SentenceFeatures> ru = {S(400), S(100), S(100)};
  const std::vector<SentenceFeatures> en = {S(100), S(100), S(100), S(100), S(100), S(100)};
  CHECK(LengthDiagonal(ru, en) == std::vector<int32_t>{0, 4, 5, 6});
}

TEST_CASE("the expected path moves towards chain points near the diagonal only", "[align][chain]") {
  std::vector<SentenceFeatures> ru, en;
  for (uint32_t k = 0; k < 100; ++k) {
    ru.push_back(S(50));
    en.push_back(S(50));
  }
  ru[50].anchors = {7};
  en[53].anchors = {7};  // 3 off the diagonal
  const auto near = ExpectedPath(ru, en, 5);
  CHECK(near[50] == 53);
  CHECK(near[25] > 25);  // shift interpolated from the start
  CHECK(near[100] == 100);
  const auto far = ExpectedPath(ru, en, 2);  // beyond the tolerance: ignored
  CHECK(far[50] == 50);
  for (size_t i = 1; i < near.size(); ++i) CHECK(near[i] >= near[i - 1]);
}
