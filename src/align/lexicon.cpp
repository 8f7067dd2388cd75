#include "align/lexicon.h"

#include <algorithm>
#include <unordered_map>

namespace sverka::align {

TranslationTable LearnLexicon(std::span<const WordPair> pairs, const LexiconOptions& options) {
  constexpr uint32_t kNull = UINT32_MAX;
  // Index every co-occurring (r, e) once; each pair's cells point into t.
  std::vector<uint32_t> cell_ru, cell_en;  // by cell
  std::vector<uint32_t> cells;             // per pair: |en| x (|ru| + 1) cell ids
  std::vector<size_t> pair_start;
  size_t expected_cells = 0;
  for (const WordPair& p : pairs) expected_cells += p.en.size() * (p.ru.size() + 1);
  uint32_t max_ru = 0;
  for (const WordPair& p : pairs) {
    for (uint32_t r : p.ru) max_ru = std::max(max_ru, r + 1);
  }
  uint32_t max_en = 0;
  for (const WordPair& p : pairs) {
    for (uint32_t e : p.en) max_en = std::max(max_en, e + 1);
  }
  std::vector<int> occurrences(max_ru, 0);
  // The cells are the distinct co-occurring (r, e), NULL as row max_ru,
  // numbered in (r, e) order: the English words of each row are bucketed
  // (counting sort by r), made distinct with a stamp per English word and
  // sorted; each co-occurrence then finds its cell by a binary search in
  // its row. No hash map, no search or sort over all the keys, and 4 bytes
  // per co-occurrence besides `cells` itself.
  const uint32_t rows = max_ru + 1;
  std::vector<size_t> row_start(rows + 1, 0);
  for (const WordPair& p : pairs) {
    for (uint32_t r : p.ru) ++occurrences[r];
    for (uint32_t r : p.ru) row_start[r + 1] += p.en.size();
    row_start[max_ru + 1] += p.en.size();
  }
  for (uint32_t r = 0; r < rows; ++r) row_start[r + 1] += row_start[r];
  std::vector<size_t> row_cells(rows + 1, 0);  // each row's first cell
  {
    std::vector<uint32_t> slot_en(expected_cells);
    std::vector<size_t> fill(row_start.begin(), row_start.end() - 1);
    for (const WordPair& p : pairs) {
      for (uint32_t e : p.en) {
        for (uint32_t r : p.ru) slot_en[fill[r]++] = e;
        slot_en[fill[max_ru]++] = e;
      }
    }
    std::vector<uint32_t> stamp(max_en, UINT32_MAX);
    for (uint32_t r = 0; r < rows; ++r) {
      const size_t first = cell_en.size();
      for (size_t k = row_start[r]; k < row_start[r + 1]; ++k) {
        if (stamp[slot_en[k]] != r) {
          stamp[slot_en[k]] = r;
          cell_en.push_back(slot_en[k]);
        }
      }
      std::sort(cell_en.begin() + static_cast<ptrdiff_t>(first), cell_en.end());
      cell_ru.resize(cell_en.size(), r == max_ru ? kNull : r);
      row_cells[r + 1] = cell_en.size();
    }
  }
  auto cell_of = [&](uint32_t row, uint32_t e) {
    const auto begin = cell_en.begin() + static_cast<ptrdiff_t>(row_cells[row]);
    const auto end = cell_en.begin() + static_cast<ptrdiff_t>(row_cells[row + 1]);
    return static_cast<uint32_t>(std::lower_bound(begin, end, e) - cell_en.begin());
  };
  cells.reserve(expected_cells);
  for (const WordPair& p : pairs) {
    pair_start.push_back(cells.size());
    for (uint32_t e : p.en) {
      for (uint32_t r : p.ru) cells.push_back(cell_of(r, e));
      cells.push_back(cell_of(max_ru, e));
    }
  }
  pair_start.push_back(cells.size());
  TranslationTable table;
  table.targets.resize(max_ru);
  if (cell_ru.empty()) return table;

  // Dense row of every cell's Russian word (NULL last) for the M step.
  std::vector<uint32_t> cell_row(cell_ru.size());
  for (size_t c = 0; c < cell_ru.size(); ++c) cell_row[c] = cell_ru[c] == kNull ? max_ru : cell_ru[c];
  // Floats: probabilities need no more, and the tables are the largest here.
  std::vector<float> t(cell_ru.size(), 1.0f), count(cell_ru.size());
  std::vector<double> total(max_ru + 1);
  for (int iter = 0; iter < options.iterations; ++iter) {
    std::fill(count.begin(), count.end(), 0.0f);
    for (size_t p = 0; p < pairs.size(); ++p) {
      const size_t width = pairs[p].ru.size() + 1;
      for (size_t row = pair_start[p]; row < pair_start[p + 1]; row += width) {
        float z = 0;
        for (size_t k = 0; k < width; ++k) z += t[cells[row + k]];
        if (z <= 0) continue;
        const float inv = 1.0f / z;
        for (size_t k = 0; k < width; ++k) count[cells[row + k]] += t[cells[row + k]] * inv;
      }
    }
    std::fill(total.begin(), total.end(), 0.0);
    for (size_t c = 0; c < count.size(); ++c) total[cell_row[c]] += count[c];
    for (size_t c = 0; c < count.size(); ++c) {
      const double tot = total[cell_row[c]];
      t[c] = tot > 0 ? static_cast<float>(count[c] / tot) : 0.0f;
    }
  }
  // Best targets per Russian word.
  std::vector<std::vector<std::pair<float, uint32_t>>> best(max_ru);
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
