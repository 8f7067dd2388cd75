#include "align/length_model.h"

#include <catch2/catch.hpp>
#include <vector>

using namespace sverka::align;

TEST_CASE("length ratio is estimated from the pair", "[align]") {
  const std::vector<int32_t> ru = {100, 200, 100};
  const std::vector<int32_t> en = {90, 180, 90};
  CHECK(EstimateLengthModel(ru, en).ratio == Approx(0.9));
  CHECK(EstimateLengthModel({}, en).ratio == 1.0);
}

TEST_CASE("length match probability falls as lengths diverge", "[align]") {
  LengthModel model;
  CHECK(LengthMatchProbability(model, 100, 100) == Approx(1.0));
  const double close = LengthMatchProbability(model, 100, 110);
  const double far = LengthMatchProbability(model, 100, 200);
  CHECK(close < 1.0);
  CHECK(far < close);
  CHECK(far < 0.01);
  CHECK(LengthMatchProbability(model, 0, 0) == 1.0);
}

TEST_CASE("bead priors follow Gale and Church", "[align]") {
  CHECK(BeadPrior(1, 1) == Approx(0.89));
  CHECK(BeadPrior(1, 0) == BeadPrior(0, 1));
  CHECK(BeadPrior(2, 1) == BeadPrior(1, 2));
  CHECK(BeadPrior(1, 1) + BeadPrior(1, 0) + BeadPrior(0, 1) + BeadPrior(2, 1) + BeadPrior(1, 2) +
            BeadPrior(2, 2) ==
        Approx(1.0).epsilon(0.001));  // Gale and Church's figures sum to 0.9999
  CHECK(BeadPrior(3, 3) == 0.0);
}
