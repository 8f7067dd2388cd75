#include "align/anchor_chain.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_map>

namespace sverka::align {
namespace {
// A key may occur once per this many sentences of the longer side and
// still pair its occurrences in order: in a news article a repeated name is
// everywhere (pairing its occurrences cost ntrex 0.02 F1), in a long book,
// or a batch of documents joined, a name or date recurring a few times
// chapters apart still marks the path; with unique keys only, a text made
// of four copies of a book had no anchors at all and its band had to widen
// over the whole text (doc/align.md, "Speed").
constexpr size_t kSentencesPerOccurrence = 5000;
}  // namespace

std::vector<std::pair<int32_t, int32_t>> AnchorChain(std::span<const SentenceFeatures> ru,
                                                     std::span<const SentenceFeatures> en) {
  // key -> the sentences it occurs in, per side
  std::unordered_map<uint32_t, std::vector<int32_t>> in_ru, in_en;
  for (int32_t i = 0; i < static_cast<int32_t>(ru.size()); ++i) {
    for (uint32_t k : ru[i].anchors) in_ru[k].push_back(i);
  }
  for (int32_t j = 0; j < static_cast<int32_t>(en.size()); ++j) {
    for (uint32_t k : en[j].anchors) in_en[k].push_back(j);
  }
  // A rare key occurring as often on both sides pairs its occurrences in
  // order (k-th with k-th); the chain below drops the pairs that cross.
  std::vector<std::pair<int32_t, int32_t>> points;
  const size_t max_occurrences = std::max<size_t>(1, std::max(ru.size(), en.size()) / kSentencesPerOccurrence);
  for (const auto& [key, rs] : in_ru) {
    if (rs.size() > max_occurrences) continue;
    auto it = in_en.find(key);
    if (it == in_en.end() || it->second.size() != rs.size()) continue;
    for (size_t k = 0; k < rs.size(); ++k) points.emplace_back(rs[k], it->second[k]);
  }
  return LongestChain(std::move(points));
}

std::vector<std::pair<int32_t, int32_t>> LongestChain(std::vector<std::pair<int32_t, int32_t>> points) {
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  // Longest strictly increasing subsequence in j (i is sorted; equal i are
  // kept out by strictness in j plus the order of ties).
  std::vector<int32_t> tail_j, tail_idx, parent(points.size(), -1);
  for (int32_t p = 0; p < static_cast<int32_t>(points.size()); ++p) {
    const int32_t j = points[p].second;
    const auto pos = std::lower_bound(tail_j.begin(), tail_j.end(), j) - tail_j.begin();
    if (pos > 0) parent[p] = tail_idx[pos - 1];
    if (pos == static_cast<long>(tail_j.size())) {
      tail_j.push_back(j);
      tail_idx.push_back(p);
    } else {
      tail_j[pos] = j;
      tail_idx[pos] = p;
    }
  }
  std::vector<std::pair<int32_t, int32_t>> chain;
  for (int32_t p = tail_idx.empty() ? -1 : tail_idx.back(); p >= 0; p = parent[p]) {
    chain.push_back(points[p]);
  }
  std::reverse(chain.begin(), chain.end());
  // Two chain points in one Russian sentence: keep the first.
  chain.erase(std::unique(chain.begin(), chain.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              chain.end());
  return chain;
}

std::vector<int32_t> LengthDiagonal(std::span<const SentenceFeatures> ru,
                                    std::span<const SentenceFeatures> en) {
  const auto n = static_cast<int32_t>(ru.size());
  const auto m = static_cast<int32_t>(en.size());
  double total_ru = 0, total_en = 0;
  for (const auto& s : ru) total_ru += s.length;
  for (const auto& s : en) total_en += s.length;
  std::vector<int32_t> center(n + 1, 0);
  if (total_ru <= 0 || total_en <= 0) {
    for (int32_t i = 0; i <= n; ++i) center[i] = n == 0 ? m : static_cast<int32_t>(int64_t{i} * m / n);
    return center;
  }
  double ru_done = 0, en_done = 0;
  int32_t j = 0;
  for (int32_t i = 0; i <= n; ++i) {
    if (i > 0) ru_done += ru[i - 1].length;
    const double target = ru_done / total_ru * total_en;
    // Advance while the next English sentence's midpoint is still before the target.
    while (j < m && en_done + en[j].length / 2.0 <= target) en_done += en[j++].length;
    center[i] = j;
  }
  center[n] = m;
  return center;
}

std::vector<int32_t> ExpectedPath(std::span<const SentenceFeatures> ru,
                                  std::span<const SentenceFeatures> en, int32_t tolerance) {
  std::vector<int32_t> path = LengthDiagonal(ru, en);
  const auto n = static_cast<int32_t>(ru.size());
  const auto m = static_cast<int32_t>(en.size());
  // Knots: (position, shift from the diagonal), pinned to 0 at both ends.
  std::vector<std::pair<int32_t, int32_t>> knots = {{0, 0}};
  for (const auto& [i, j] : AnchorChain(ru, en)) {
    const int32_t shift = j - path[i];
    if (i > knots.back().first && std::abs(shift) <= tolerance) knots.emplace_back(i, shift);
  }
  knots.emplace_back(n, 0);
  for (size_t k = 1; k < knots.size(); ++k) {
    const auto [i0, s0] = knots[k - 1];
    const auto [i1, s1] = knots[k];
    for (int32_t i = i0; i < i1; ++i) {
      const int32_t shift = s0 + static_cast<int32_t>(int64_t{s1 - s0} * (i - i0) / (i1 - i0));
      path[i] = std::clamp(path[i] + shift, 0, m);
    }
  }
  for (int32_t i = 1; i <= n; ++i) path[i] = std::max(path[i], path[i - 1]);
  return path;
}

}  // namespace sverka::align
