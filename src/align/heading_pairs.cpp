#include "align/heading_pairs.h"

#include <algorithm>
#include <cmath>

namespace sverka::align {
namespace {

constexpr int32_t kBareNumber = 0;  // text::HeadingKind::kNumber
constexpr size_t kMaxPairs = size_t{16} << 20;  // 16 MB of way back

// Where each sentence starts, as a share of its side's characters.
std::vector<double> StartShares(std::span<const SentenceFeatures> side) {
  std::vector<double> share(side.size() + 1, 0.0);
  double total = 0;
  for (const SentenceFeatures& f : side) total += f.length;
  double at = 0;
  for (size_t k = 0; k < side.size(); ++k) {
    share[k] = total > 0 ? at / total : 0.0;
    at += side[k].length;
  }
  return share;
}

// Whether two headings by markup alone say the same: enough of their
// units match (shared anchors, English words a Russian word translates to).
bool WordsMatch(const SentenceFeatures& ru, const SentenceFeatures& en, const TranslationTable& table,
                const HeadingPairOptions& options) {
  size_t match = options.use_anchors ? IntersectionSize(ru.anchors, en.anchors) : 0;
  std::vector<uint32_t> targets;
  for (uint32_t w : ru.words) table.AppendTargets(w, targets);
  std::sort(targets.begin(), targets.end());
  targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
  match += IntersectionSize(targets, en.words);
  const size_t units = std::max(ru.anchors.size() + ru.words.size(), en.anchors.size() + en.words.size());
  return match >= 1 && static_cast<double>(match) >= options.min_word_cover * static_cast<double>(units);
}

bool SameHeading(const HeadingMark& ru, const HeadingMark& en, const SentenceFeatures& ru_f,
                 const SentenceFeatures& en_f, const TranslationTable& table,
                 const HeadingPairOptions& options) {
  if (ru.kind < 0 || en.kind < 0) {
    return ru.kind < 0 && en.kind < 0 && WordsMatch(ru_f, en_f, table, options);
  }
  const bool kinds = ru.kind == en.kind || ru.kind == kBareNumber || en.kind == kBareNumber;
  return kinds && ru.number == en.number;
}

}  // namespace

std::vector<std::pair<int32_t, int32_t>> PairHeadings(std::span<const HeadingMark> ru,
                                                      std::span<const HeadingMark> en,
                                                      std::span<const SentenceFeatures> ru_features,
                                                      std::span<const SentenceFeatures> en_features,
                                                      const TranslationTable& table,
                                                      const HeadingPairOptions& options) {
  const size_t a = ru.size(), b = en.size();
  if (a == 0 || b == 0 || a * b > kMaxPairs) return {};
  const std::vector<double> ru_share = StartShares(ru_features), en_share = StartShares(en_features);
  // Longest common subsequence of the headings that may pair; a pair's
  // shift breaks ties. best[i][j]: headings ru[i..], en[j..].
  struct Cell {
    int32_t count = 0;
    double shift = 0;
    bool Better(const Cell& o) const { return count != o.count ? count > o.count : shift < o.shift; }
  };
  // Two rows of cells (i + 1 and i) and one byte a cell for the way back.
  const size_t w = b + 1;
  std::vector<Cell> next(w), cur(w);
  std::vector<uint8_t> take((a + 1) * w, 0);  // 0: skip ru, 1: skip en, 2: pair
  for (size_t i = a; i-- > 0;) {
    cur[b] = Cell{};
    for (size_t j = b; j-- > 0;) {
      Cell c = next[j];
      uint8_t how = 0;
      if (cur[j + 1].Better(c)) {
        c = cur[j + 1];
        how = 1;
      }
      const HeadingMark& r = ru[i];
      const HeadingMark& e = en[j];
      const double shift = std::abs(ru_share[r.sentence] - en_share[e.sentence]);
      if (shift <= options.max_shift &&
          SameHeading(r, e, ru_features[r.sentence], en_features[e.sentence], table, options)) {
        Cell p = next[j + 1];
        p.count += 1;
        p.shift += shift;
        if (p.Better(c)) {
          c = p;
          how = 2;
        }
      }
      cur[j] = c;
      take[i * w + j] = how;
    }
    std::swap(cur, next);
  }
  std::vector<std::pair<int32_t, int32_t>> pairs;
  for (size_t i = 0, j = 0; i < a && j < b;) {
    const uint8_t how = take[i * w + j];
    if (how == 2) {
      pairs.emplace_back(ru[i].sentence, en[j].sentence);
      ++i;
      ++j;
    } else if (how == 1) {
      ++j;
    } else {
      ++i;
    }
  }
  return pairs;
}

}  // namespace sverka::align
