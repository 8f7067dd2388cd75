#include "align/lexicon.h"

#include <algorithm>
#include <unordered_map>

namespace sverka::align {

TranslationTable LearnLexicon(std::span<const WordPair> pairs, const LexiconOptions& options) {
  constexpr uint32_t kNull = UINT32_MAX;
  // Index every co-occurring (r, e) once; each pair's cells point into t.
  std::unordered_map<uint64_t, uint32_t> index;
  std::vector<uint32_t> cell_ru, cell_en;  // by cell
  std::vector<uint32_t> cells;             // per pair: |en| x (|ru| + 1) cell ids
  std::vector<size_t> pair_start;
  std::unordered_map<uint32_t, int> occurrences;
  uint32_t max_ru = 0;
  for (const WordPair& p : pairs) {
    pair_start.push_back(cells.size());
    for (uint32_t r : p.ru) {
      ++occurrences[r];
      max_ru = std::max(max_ru, r + 1);
    }
    for (uint32_t e : p.en) {
      for (size_t k = 0; k <= p.ru.size(); ++k) {
        const uint32_t r = k < p.ru.size() ? p.ru[k] : kNull;
        const uint64_t key = (static_cast<uint64_t>(r) << 32) | e;
        auto [it, inserted] = index.emplace(key, static_cast<uint32_t>(cell_ru.size()));
        if (inserted) {
          cell_ru.push_back(r);
          cell_en.push_back(e);
        }
        cells.push_back(it->second);
      }
    }
  }
  pair_start.push_back(cells.size());
  TranslationTable table;
  table.targets.resize(max_ru);
  if (cell_ru.empty()) return table;

  std::vector<double> t(cell_ru.size(), 1.0), count(cell_ru.size());
  std::unordered_map<uint32_t, double> total;
  for (int iter = 0; iter < options.iterations; ++iter) {
    std::fill(count.begin(), count.end(), 0.0);
    for (size_t p = 0; p < pairs.size(); ++p) {
      const size_t width = pairs[p].ru.size() + 1;
      for (size_t row = pair_start[p]; row < pair_start[p + 1]; row += width) {
        double z = 0;
        for (size_t k = 0; k < width; ++k) z += t[cells[row + k]];
        if (z <= 0) continue;
        for (size_t k = 0; k < width; ++k) count[cells[row + k]] += t[cells[row + k]] / z;
      }
    }
    total.clear();
    for (size_t c = 0; c < count.size(); ++c) total[cell_ru[c]] += count[c];
    for (size_t c = 0; c < count.size(); ++c) {
      const double tot = total[cell_ru[c]];
      t[c] = tot > 0 ? count[c] / tot : 0.0;
    }
  }
  // Best targets per Russian word.
  std::vector<std::vector<std::pair<double, uint32_t>>> best(max_ru);
  for (size_t c = 0; c < t.size(); ++c) {
    const uint32_t r = cell_ru[c];
    if (r == kNull || t[c] < options.min_probability) continue;
    if (occurrences[r] < options.min_occurrences) continue;
    best[r].push_back({t[c], cell_en[c]});
  }
  for (uint32_t r = 0; r < max_ru; ++r) {
    auto& b = best[r];
    std::sort(b.begin(), b.end(), [](const auto& x, const auto& y) {
      return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    if (b.size() > static_cast<size_t>(options.max_targets)) b.resize(options.max_targets);
    for (const auto& [prob, e] : b) table.targets[r].push_back(e);
    std::sort(table.targets[r].begin(), table.targets[r].end());
  }
  return table;
}

TranslationTable MergeTables(const TranslationTable& a, const TranslationTable& b) {
  TranslationTable out;
  out.targets.resize(std::max(a.targets.size(), b.targets.size()));
  for (size_t r = 0; r < out.targets.size(); ++r) {
    auto& dst = out.targets[r];
    if (r < a.targets.size()) dst.insert(dst.end(), a.targets[r].begin(), a.targets[r].end());
    if (r < b.targets.size()) dst.insert(dst.end(), b.targets[r].begin(), b.targets[r].end());
    std::sort(dst.begin(), dst.end());
    dst.erase(std::unique(dst.begin(), dst.end()), dst.end());
  }
  return out;
}

}  // namespace sverka::align
