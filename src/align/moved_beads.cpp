#include "align/moved_beads.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace sverka::align {
namespace {

bool IsPair(const Bead& b) { return b.ru_count > 0 && b.en_count > 0; }

// Prefix maximum over positions 0..size-1 of (weight, -index) pairs: the
// heaviest chain ending at or before a position, the earliest on ties.
class PrefixMax {
 public:
  explicit PrefixMax(size_t size) : tree_(size + 1, {0, 0}) {}
  void Update(size_t pos, std::pair<int64_t, int64_t> v) {
    for (size_t k = pos + 1; k < tree_.size(); k += k & (~k + 1)) tree_[k] = std::max(tree_[k], v);
  }
  std::pair<int64_t, int64_t> Query(size_t pos) const {  // max over [0, pos]
    std::pair<int64_t, int64_t> best{0, 0};
    for (size_t k = pos + 1; k > 0; k -= k & (~k + 1)) best = std::max(best, tree_[k]);
    return best;
  }

 private:
  std::vector<std::pair<int64_t, int64_t>> tree_;
};

}  // namespace

bool IsMonotone(const Alignment& beads) {
  int32_t end = 0;
  for (const Bead& b : beads) {
    if (!IsPair(b)) continue;
    if (b.en_begin < end) return false;
    end = b.en_end();
  }
  return true;
}

std::vector<bool> MovedBeads(const std::vector<Bead>& beads) {
  std::vector<bool> moved(beads.size(), false);
  if (IsMonotone(beads)) return moved;
  int32_t max_end = 0;
  for (const Bead& b : beads) max_end = std::max(max_end, b.en_end());
  // chain[k]: weight of the heaviest ascending chain ending with pair k;
  // the tree is keyed by English end, so a pair starting at e extends any
  // chain ending at or before e.
  PrefixMax tree(static_cast<size_t>(max_end) + 1);
  std::vector<int64_t> chain(beads.size(), 0), pred(beads.size(), -1);
  int64_t best = 0, best_at = -1;
  for (size_t k = 0; k < beads.size(); ++k) {
    const Bead& b = beads[k];
    if (!IsPair(b)) continue;
    const auto [w, neg_index] = tree.Query(static_cast<size_t>(b.en_begin));
    chain[k] = w + b.ru_count + b.en_count;
    pred[k] = w > 0 ? -neg_index : -1;
    tree.Update(static_cast<size_t>(b.en_end()), {chain[k], -static_cast<int64_t>(k)});
    if (chain[k] > best) {
      best = chain[k];
      best_at = static_cast<int64_t>(k);
    }
  }
  std::vector<bool> on_chain(beads.size(), false);
  for (int64_t k = best_at; k >= 0; k = pred[k]) on_chain[k] = true;
  for (size_t k = 0; k < beads.size(); ++k) moved[k] = IsPair(beads[k]) && !on_chain[k];
  return moved;
}

void MarkMoved(Alignment& beads) {
  const std::vector<bool> moved = MovedBeads(beads);
  for (size_t k = 0; k < beads.size(); ++k) beads[k].moved = moved[k];
}

}  // namespace sverka::align
