#include "align/lexicon.h"

#include <algorithm>

namespace sverka::align {

TranslationTable LearnLexicon(std::span<const WordPair> pairs, const LexiconOptions& options) {
  uint32_t max_ru = 0, max_en = 0;
  for (const WordPair& p : pairs) {
    for (uint32_t r : p.ru) max_ru = std::max(max_ru, r + 1);
    for (uint32_t e : p.en) max_en = std::max(max_en, e + 1);
  }
  std::vector<int> occurrences(max_ru, 0);
  // The cells are the distinct co-occurring (r, e), NULL as row max_ru,
  // numbered in (r, e) order. Every co-occurrence has a slot, bucketed by
  // row (counting sort by r) in the order pairs, their English words and
  // their Russian words come; a row's English words are made distinct with
  // a stamp per word and sorted, and each slot then holds its cell. EM
  // walks the pairs in the same order with a cursor per row, so it finds a
  // pair's cells where the bucketing put them: no hash map, no search, no
  // sort over all the keys, 4 bytes per co-occurrence.
  const uint32_t rows = max_ru + 1;
  std::vector<size_t> row_start(rows + 1, 0);
  for (const WordPair& p : pairs) {
    for (uint32_t r : p.ru) ++occurrences[r];
    for (uint32_t r : p.ru) row_start[r + 1] += p.en.size();
    row_start[max_ru + 1] += p.en.size();
  }
  for (uint32_t r = 0; r < rows; ++r) row_start[r + 1] += row_start[r];
  std::vector<uint32_t> slot(row_start[rows]);
  std::vector<size_t> cursor(row_start.begin(), row_start.end() - 1);
  for (const WordPair& p : pairs) {
    for (uint32_t e : p.en) {
      for (uint32_t r : p.ru) slot[cursor[r]++] = e;
      slot[cursor[max_ru]++] = e;
    }
  }
  std::vector<uint32_t> cell_ru, cell_en;  // by cell
  {
    std::vector<uint32_t> stamp(max_en, UINT32_MAX), cell_at(max_en);
    for (uint32_t r = 0; r < rows; ++r) {
      const size_t first = cell_en.size();
      for (size_t k = row_start[r]; k < row_start[r + 1]; ++k) {
        if (stamp[slot[k]] != r) {
          stamp[slot[k]] = r;
          cell_en.push_back(slot[k]);
        }
      }
      std::sort(cell_en.begin() + static_cast<ptrdiff_t>(first), cell_en.end());
      cell_ru.resize(cell_en.size(), r);  // NULL's row is max_ru
      for (size_t c = first; c < cell_en.size(); ++c) cell_at[cell_en[c]] = static_cast<uint32_t>(c);
      for (size_t k = row_start[r]; k < row_start[r + 1]; ++k) slot[k] = cell_at[slot[k]];
    }
  }
  TranslationTable table;
  table.targets.resize(max_ru);
  if (cell_ru.empty()) return table;

  // Floats: probabilities need no more, and the tables are the largest here.
  std::vector<float> t(cell_ru.size(), 1.0f), count(cell_ru.size());
  std::vector<double> total(max_ru + 1);
  std::vector<uint32_t> cells;  // one English word's cells: its Russian words', then NULL's
  for (int iter = 0; iter < options.iterations; ++iter) {
    std::fill(count.begin(), count.end(), 0.0f);
    std::copy(row_start.begin(), row_start.end() - 1, cursor.begin());
    for (const WordPair& p : pairs) {
      for (size_t e = 0; e < p.en.size(); ++e) {
        cells.clear();
        for (uint32_t r : p.ru) cells.push_back(slot[cursor[r]++]);
        cells.push_back(slot[cursor[max_ru]++]);
        float z = 0;
        for (const uint32_t c : cells) z += t[c];
        if (z <= 0) continue;
        const float inv = 1.0f / z;
        for (const uint32_t c : cells) count[c] += t[c] * inv;
      }
    }
    std::fill(total.begin(), total.end(), 0.0);
    for (size_t c = 0; c < count.size(); ++c) total[cell_ru[c]] += count[c];
    for (size_t c = 0; c < count.size(); ++c) {
      const double tot = total[cell_ru[c]];
      t[c] = tot > 0 ? static_cast<float>(count[c] / tot) : 0.0f;
    }
  }
  // Best targets per Russian word.
  std::vector<std::vector<std::pair<float, uint32_t>>> best(max_ru);
  for (size_t c = 0; c < t.size(); ++c) {
    const uint32_t r = cell_ru[c];
    if (r == max_ru || t[c] < options.min_probability) continue;
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
