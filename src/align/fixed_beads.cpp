#include "align/fixed_beads.h"

#include <algorithm>
#include <numeric>

#include "align/moved_beads.h"

namespace sverka::align {

namespace {

// How many entries of `taken` before each index 0..size are false.
std::vector<int32_t> FreeBefore(const std::vector<bool>& taken) {
  std::vector<int32_t> before(taken.size() + 1, 0);
  for (size_t k = 0; k < taken.size(); ++k) before[k + 1] = before[k] + (taken[k] ? 0 : 1);
  return before;
}

std::vector<int32_t> Unmarked(const std::vector<bool>& taken) {
  std::vector<int32_t> out;
  for (size_t k = 0; k < taken.size(); ++k) {
    if (!taken[k]) out.push_back(static_cast<int32_t>(k));
  }
  return out;
}

struct Taken {
  std::vector<bool> ru, en;
};

Taken TakenBy(int32_t n, int32_t m, const Alignment& fixed) {
  Taken t{std::vector<bool>(n, false), std::vector<bool>(m, false)};
  for (const Bead& b : fixed) {
    for (int32_t i = b.ru_begin; i < b.ru_end() && i < n; ++i) t.ru[i] = true;
    for (int32_t j = b.en_begin; j < b.en_end() && j < m; ++j) t.en[j] = true;
  }
  return t;
}

// The fixed beads that bound the alignment, in Russian order, and their
// waypoints: those not moved whose waypoints ascend on both sides (one out
// of order is treated as moved, not trusted to bound anything).
struct Placed {
  std::vector<size_t> beads;  // indices into fixed
  std::vector<std::pair<int32_t, int32_t>> waypoints;
};

Placed PlaceFixed(const Alignment& fixed, const std::vector<int32_t>& ru_before,
                  const std::vector<int32_t>& en_before) {
  std::vector<size_t> order(fixed.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return fixed[a].ru_begin != fixed[b].ru_begin ? fixed[a].ru_begin < fixed[b].ru_begin
                                                  : fixed[a].en_begin < fixed[b].en_begin;
  });
  Placed placed;
  for (const size_t k : order) {
    const Bead& b = fixed[k];
    if (b.moved) continue;
    const auto r = static_cast<size_t>(std::clamp<int32_t>(b.ru_begin, 0, static_cast<int32_t>(ru_before.size()) - 1));
    const auto e = static_cast<size_t>(std::clamp<int32_t>(b.en_begin, 0, static_cast<int32_t>(en_before.size()) - 1));
    const std::pair<int32_t, int32_t> w{ru_before[r], en_before[e]};
    if (!placed.waypoints.empty() && w.second < placed.waypoints.back().second) continue;
    placed.beads.push_back(k);
    placed.waypoints.push_back(w);
  }
  return placed;
}

// Runs of consecutive document indices among free[begin, begin + count).
std::vector<std::pair<int32_t, int32_t>> Runs(const std::vector<int32_t>& free, int32_t begin, int32_t count) {
  std::vector<std::pair<int32_t, int32_t>> runs;  // (first, count)
  for (int32_t k = begin; k < begin + count; ++k) {
    const int32_t at = free[k];
    if (!runs.empty() && runs.back().first + runs.back().second == at) {
      ++runs.back().second;
    } else {
      runs.emplace_back(at, 1);
    }
  }
  return runs;
}

// Appends `b` (free numbering) to `out` in document numbering.
void AppendMapped(const Bead& b, const FreeSentences& free, Alignment& out) {
  const auto ru = Runs(free.ru, b.ru_begin, b.ru_count);
  const auto en = Runs(free.en, b.en_begin, b.en_count);
  Bead first{ru.empty() ? 0 : ru[0].first, ru.empty() ? 0 : ru[0].second,
             en.empty() ? 0 : en[0].first, en.empty() ? 0 : en[0].second, b.score};
  first.moved = b.moved;
  out.push_back(first);
  for (size_t k = 1; k < ru.size(); ++k) {
    for (int32_t i = 0; i < ru[k].second; ++i) out.push_back({ru[k].first + i, 1, 0, 0, 0.0});
  }
  for (size_t k = 1; k < en.size(); ++k) {
    for (int32_t j = 0; j < en[k].second; ++j) out.push_back({0, 0, en[k].first + j, 1, 0.0});
  }
}

// Whether the path passes waypoint `w` before bead `b` (free numbering)
// starts: a pair or a 1-0 bead by its Russian, a 0-1 bead by both sides.
bool Before(const std::pair<int32_t, int32_t>& w, const Bead& b) {
  if (b.ru_count == 0) return w.first <= b.ru_begin && w.second <= b.en_begin;
  return w.first <= b.ru_begin;
}

// FreeOf, given the sentences `fixed` takes and the free ones before each.
FreeSentences FreeFrom(const Taken& taken, const std::vector<int32_t>& ru_before,
                       const std::vector<int32_t>& en_before, const Alignment& fixed) {
  Placed placed = PlaceFixed(fixed, ru_before, en_before);
  return {Unmarked(taken.ru), Unmarked(taken.en), std::move(placed.waypoints), std::move(placed.beads)};
}

}  // namespace

FreeSentences FreeOf(int32_t n, int32_t m, const Alignment& fixed) {
  const Taken taken = TakenBy(n, m, fixed);
  return FreeFrom(taken, FreeBefore(taken.ru), FreeBefore(taken.en), fixed);
}

Alignment Expand(const Alignment& reduced, const FreeSentences& free, const Alignment& fixed) {
  Alignment out;
  out.reserve(reduced.size() + fixed.size());
  size_t w = 0;
  for (const Bead& b : reduced) {
    while (w < free.waypoints.size() && Before(free.waypoints[w], b)) out.push_back(fixed[free.bounding[w++]]);
    AppendMapped(b, free, out);
  }
  while (w < free.waypoints.size()) out.push_back(fixed[free.bounding[w++]]);
  // The fixed beads that bound nothing go by their Russian sentences.
  std::vector<bool> is_placed(fixed.size(), false);
  for (const size_t k : free.bounding) is_placed[k] = true;
  for (size_t k = 0; k < fixed.size(); ++k) {
    if (is_placed[k]) continue;
    const Bead& f = fixed[k];
    auto at = std::find_if(out.begin(), out.end(), [&](const Bead& b) {
      return b.ru_count > 0 && f.ru_count > 0 ? b.ru_begin > f.ru_begin
                                              : b.en_count > 0 && f.en_count > 0 && !b.moved && b.en_begin > f.en_begin;
    });
    out.insert(at, f);
  }
  PlaceUnpaired(out);
  return out;
}

void PlaceUnpaired(Alignment& beads) {
  MarkMoved(beads);
  int32_t ru = 0, en = 0;
  for (Bead& b : beads) {
    if (b.ru_count == 0) {
      b.ru_begin = ru;
    } else {
      ru = std::max(ru, b.ru_end());
    }
    if (b.en_count == 0) {
      b.en_begin = en;
    } else if (!b.moved) {
      en = std::max(en, b.en_end());
    }
  }
}

Alignment AlignAround(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                      const Alignment& fixed, const TranslationTable& table, const AlignModel& model,
                      const AlignOptions& options, AlignStats* stats, EvidenceRates* rates) {
  if (fixed.empty()) return Align(ru, en, table, model, options, stats, rates);
  const auto n = static_cast<int32_t>(ru.size()), m = static_cast<int32_t>(en.size());
  const Taken taken = TakenBy(n, m, fixed);
  const std::vector<int32_t> ru_before = FreeBefore(taken.ru), en_before = FreeBefore(taken.en);
  const FreeSentences free = FreeFrom(taken, ru_before, en_before, fixed);
  std::vector<SentenceFeatures> free_ru, free_en;
  for (const int32_t i : free.ru) free_ru.push_back(ru[i]);
  for (const int32_t j : free.en) free_en.push_back(en[j]);
  const auto fn = static_cast<int32_t>(free_ru.size()), fm = static_cast<int32_t>(free_en.size());
  AlignOptions o = options;
  o.waypoints = free.waypoints;
  o.boundaries.clear();
  for (const auto& [r, e] : options.boundaries) {
    if (r < 0 || e < 0 || r >= n || e >= m || taken.ru[r] || taken.en[e]) continue;
    const std::pair<int32_t, int32_t> b{ru_before[r], en_before[e]};
    if (!o.boundaries.empty() && (b.first <= o.boundaries.back().first || b.second <= o.boundaries.back().second)) continue;
    o.boundaries.push_back(b);
  }
  if (!options.expected_path.empty()) {
    o.expected_path.assign(fn + 1, fm);
    for (int32_t k = 0; k < fn; ++k) {
      const int32_t e = std::clamp(options.expected_path[std::min<size_t>(free.ru[k], options.expected_path.size() - 1)], 0, m);
      o.expected_path[k] = en_before[e];
      if (k > 0) o.expected_path[k] = std::max(o.expected_path[k], o.expected_path[k - 1]);
    }
  }
  // A free sentence right after a fixed 1-0 / 0-1 bead continues its omission.
  std::vector<bool> ru_omitted(n, false), en_omitted(m, false);
  for (const Bead& b : fixed) {
    if (b.en_count == 0) for (int32_t i = b.ru_begin; i < b.ru_end() && i < n; ++i) ru_omitted[i] = true;
    if (b.ru_count == 0) for (int32_t j = b.en_begin; j < b.en_end() && j < m; ++j) en_omitted[j] = true;
  }
  o.ru_continues.assign(fn, false);
  o.en_continues.assign(fm, false);
  for (int32_t k = 0; k < fn; ++k) o.ru_continues[k] = free.ru[k] > 0 && ru_omitted[free.ru[k] - 1];
  for (int32_t k = 0; k < fm; ++k) o.en_continues[k] = free.en[k] > 0 && en_omitted[free.en[k] - 1];
  if (!options.ru_divisible.empty()) {
    o.ru_divisible.assign(fn, false);
    for (int32_t k = 0; k < fn; ++k) o.ru_divisible[k] = options.ru_divisible[free.ru[k]];
  }
  if (!options.en_divisible.empty()) {
    o.en_divisible.assign(fm, false);
    for (int32_t k = 0; k < fm; ++k) o.en_divisible[k] = options.en_divisible[free.en[k]];
  }
  Alignment reduced;
  if (fn > 0 || fm > 0) reduced = Align(free_ru, free_en, table, model, o, stats, rates);
  Alignment certain = fixed;
  for (Bead& b : certain) b.score = 1.0;
  return Expand(reduced, free, certain);
}

}  // namespace sverka::align
