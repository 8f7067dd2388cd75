#include "align/alignment_score.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <utility>

namespace sverka::align {
namespace {

using BeadKey = std::tuple<int32_t, int32_t, int32_t, int32_t>;

BeadKey Key(const Bead& b) {
  // An empty side has no position in score.py's tuples: normalise it.
  return {b.ru_count == 0 ? -1 : b.ru_begin, b.ru_count, b.en_count == 0 ? -1 : b.en_begin,
          b.en_count};
}

std::set<std::pair<int32_t, int32_t>> Links(const Alignment& beads) {
  std::set<std::pair<int32_t, int32_t>> links;
  for (const Bead& b : beads) {
    for (int32_t i = b.ru_begin; i < b.ru_end(); ++i) {
      for (int32_t j = b.en_begin; j < b.en_end(); ++j) links.insert({i, j});
    }
  }
  return links;
}

PrecisionRecall Prf(int64_t tp, int64_t npred, int64_t ngold) {
  PrecisionRecall r;
  r.precision = npred ? static_cast<double>(tp) / npred : 0.0;
  r.recall = ngold ? static_cast<double>(tp) / ngold : 0.0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0.0;
  return r;
}

}  // namespace

void ScoreTally::Add(const Alignment& gold, const Alignment& predicted) {
  std::set<BeadKey> g, p;
  for (const Bead& b : gold) g.insert(Key(b));
  for (const Bead& b : predicted) p.insert(Key(b));
  strict_tp += std::count_if(p.begin(), p.end(), [&](const BeadKey& k) { return g.count(k) > 0; });
  strict_pred += static_cast<int64_t>(p.size());
  strict_gold += static_cast<int64_t>(g.size());
  const auto gl = Links(gold), pl = Links(predicted);
  lax_tp += std::count_if(pl.begin(), pl.end(), [&](const auto& k) { return gl.count(k) > 0; });
  lax_pred += static_cast<int64_t>(pl.size());
  lax_gold += static_cast<int64_t>(gl.size());
  ++documents;
}

PrecisionRecall Strict(const ScoreTally& t) { return Prf(t.strict_tp, t.strict_pred, t.strict_gold); }
PrecisionRecall Lax(const ScoreTally& t) { return Prf(t.lax_tp, t.lax_pred, t.lax_gold); }

}  // namespace sverka::align
