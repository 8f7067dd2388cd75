#include "align/gap_pairs.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "align/cost_terms.h"

namespace sverka::align {
namespace {

bool IsPair(const Bead& b) { return b.ru_count > 0 && b.en_count > 0; }

// True when the path must pass through a point of `points` inside the gap
// (any but its two corners, where it enters and leaves), or across the gap
// on one side: a pairing may then break it.
bool Crosses(const std::vector<std::pair<int32_t, int32_t>>& points, int32_t ru_begin, int32_t ru_end,
             int32_t en_begin, int32_t en_end) {
  for (const auto& [r, e] : points) {
    const bool corner = (r == ru_begin && e == en_begin) || (r == ru_end && e == en_end);
    if (corner) continue;
    const bool in_ru = r >= ru_begin && r <= ru_end, in_en = e >= en_begin && e <= en_end;
    if ((in_ru && in_en) || (r > ru_begin && r < ru_end) || (e > en_begin && e < en_end)) return true;
  }
  return false;
}

bool AnySet(const std::vector<bool>& flags, int32_t begin, int32_t end) {
  for (int32_t k = begin; k < end && k < static_cast<int32_t>(flags.size()); ++k) {
    if (flags[k]) return true;
  }
  return false;
}

// The best beads for Russian sentences [rb, re) and English [eb, ee): a
// dynamic program over the pairing shapes and single 1-0 / 0-1 beads, each
// pairing priced -log prior + the length term, as the search prices them
// without evidence.
Alignment AlignGap(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                   const AlignModel& model, int32_t rb, int32_t re, int32_t eb, int32_t ee) {
  const int32_t n = re - rb, m = ee - eb;
  const auto at = [m](int32_t i, int32_t j) { return static_cast<size_t>(i) * (m + 1) + j; };
  std::vector<double> cost((n + 1) * (m + 1), kInf);
  std::vector<int8_t> shape_of((n + 1) * (m + 1), -1);
  cost[at(0, 0)] = 0;
  const auto side_length = [](std::span<const SentenceFeatures> side, int32_t begin, int32_t count) {
    double length = count - 1;  // the spaces that join them, as MergeFeatures counts
    for (int32_t k = begin; k < begin + count; ++k) length += side[k].length;
    return length;
  };
  for (int32_t i = 0; i <= n; ++i) {
    for (int32_t j = 0; j <= m; ++j) {
      const double here = cost[at(i, j)];
      if (here == kInf) continue;
      for (int s = 0; s < kBaseShapes; ++s) {
        const BeadShape shape = kBeadShapes[s];
        if (i + shape.ru > n || j + shape.en > m) continue;
        double c = -std::log(model.priors[s]);
        if (shape.ru > 0 && shape.en > 0) {
          c += LengthCost(model.length, side_length(ru, rb + i, shape.ru), side_length(en, eb + j, shape.en));
        }
        double& next = cost[at(i + shape.ru, j + shape.en)];
        if (here + c < next) {
          next = here + c;
          shape_of[at(i + shape.ru, j + shape.en)] = static_cast<int8_t>(s);
        }
      }
    }
  }
  Alignment out;
  for (int32_t i = n, j = m; i > 0 || j > 0;) {
    const BeadShape shape = kBeadShapes[shape_of[at(i, j)]];
    i -= shape.ru;
    j -= shape.en;
    out.push_back({rb + i, shape.ru, eb + j, shape.en, 0.0});
  }
  return {out.rbegin(), out.rend()};
}

}  // namespace

void PairGaps(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
              const AlignModel& model, const AlignOptions& options, Alignment& beads) {
  Alignment out;
  out.reserve(beads.size());
  const Bead* before = nullptr;  // the last pair kept, when the beads since are all 1-0 / 0-1
  size_t run_start = 0;          // in `out`: the first bead after `before`
  for (const Bead& b : beads) {
    if (!IsPair(b) || b.moved) {
      if (b.moved) before = nullptr;
      out.push_back(b);
      continue;
    }
    if (before != nullptr && out.size() > run_start) {
      const int32_t rb = before->ru_end(), re = b.ru_begin, eb = before->en_end(), ee = b.en_begin;
      // The run holds exactly the sentences between the two pairs (1-0 /
      // 0-1 beads hold one sentence each after SplitRuns).
      bool whole = static_cast<int32_t>(out.size() - run_start) == (re - rb) + (ee - eb);
      for (size_t k = run_start; whole && k < out.size(); ++k) {
        const Bead& o = out[k];
        whole = o.ru_count + o.en_count == 1 &&
                (o.ru_count == 1 ? o.ru_begin >= rb && o.ru_begin < re : o.en_begin >= eb && o.en_begin < ee);
      }
      if (whole && re > rb && ee > eb && re - rb <= kMaxGapSentences && ee - eb <= kMaxGapSentences &&
          !Crosses(options.boundaries, rb, re, eb, ee) && !Crosses(options.waypoints, rb, re, eb, ee) &&
          !AnySet(options.ru_continues, rb, re) && !AnySet(options.en_continues, eb, ee) &&
          !AnySet(options.ru_divisible, rb, re) && !AnySet(options.en_divisible, eb, ee)) {
        Alignment gap = AlignGap(ru, en, model, rb, re, eb, ee);
        const bool paired = std::any_of(gap.begin(), gap.end(), IsPair);
        Alignment old(out.begin() + static_cast<std::ptrdiff_t>(run_start), out.end());
        if (paired) out.resize(run_start);
        else gap.clear();  // nothing fits: the run stays as the search left it
        for (Bead& g : gap) {
          if (IsPair(g)) {
            g.score = kGapPairScore;
            out.push_back(g);
            continue;
          }
          // A sentence left single: the search's own bead for it.
          for (const Bead& o : old) {
            if (g.ru_count == 1 ? o.ru_count == 1 && o.ru_begin == g.ru_begin
                                : o.en_count == 1 && o.en_begin == g.en_begin) {
              out.push_back(o);
            }
          }
        }
      }
    }
    out.push_back(b);
    before = &b;
    run_start = out.size();
  }
  beads = std::move(out);
}

}  // namespace sverka::align
