#include "align/piece_cuts.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace sverka::align {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Beyond this many pieces on a side a bead is left whole: the search is
// O(n^3 m^3) in its pieces.
constexpr size_t kMaxAtoms = 12;

// One side of a bead as pieces ("atoms"): a sentence without pieces is one.
struct Side {
  std::vector<const SentenceFeatures*> atoms;
  std::vector<std::pair<int32_t, int32_t>> id;  // (sentence, piece) of each atom
  std::vector<double> prior;                    // of a break after atom k: 1 = a sentence break
  bool has_pieces = false;
};

Side MakeSide(int32_t begin, int32_t count, std::span<const SentenceFeatures> sentences,
              std::span<const SentencePieces> pieces) {
  Side side;
  for (int32_t s = begin; s < begin + count; ++s) {
    const auto it = std::lower_bound(pieces.begin(), pieces.end(), s,
                                     [](const SentencePieces& p, int32_t v) { return p.sentence < v; });
    if (!side.atoms.empty()) side.prior.push_back(1.0);
    if (it != pieces.end() && it->sentence == s && it->pieces.size() > 1) {
      side.has_pieces = true;
      for (size_t k = 0; k < it->pieces.size(); ++k) {
        if (k > 0) side.prior.push_back(it->priors[k - 1]);
        side.atoms.push_back(&it->pieces[k]);
        side.id.emplace_back(s, static_cast<int32_t>(k));
      }
    } else {
      side.atoms.push_back(&sentences[s]);
      side.id.emplace_back(s, 0);
    }
  }
  return side;
}

int ShapeIndex(int ru, int en) {
  for (int s = 0; s < kBaseShapes; ++s) {
    if (kBeadShapes[s].ru == ru && kBeadShapes[s].en == en) return s;
  }
  return -1;
}

class Search {
 public:
  Search(const Side& ru, const Side& en, const BeadCoster& coster) : ru_(ru), en_(en), coster_(coster) {}

  struct Best {
    double cost = kInf;
    bool ok = false;       // every bead of it has positive evidence
    int32_t x = -1, y = -1;  // split after atom x - 1 / y - 1; -1: whole
    double score = 0;      // whole: the evidence confidence
  };

  const Best& Solve(int32_t a, int32_t b, int32_t c, int32_t d) {
    const auto key = std::make_tuple(a, b, c, d);
    if (auto it = memo_.find(key); it != memo_.end()) return it->second;
    Best best;
    const int nr = Sentences(ru_, a, b), ne = Sentences(en_, c, d);
    if (const int shape = ShapeIndex(nr, ne); shape >= 0) {
      const BeadCoster::Cost w =
          coster_(Merge(ru_, a, b), Merge(en_, c, d), shape);
      best.cost = w.cost + Uncut(ru_, a, b) + Uncut(en_, c, d);
      best.ok = w.llr > 0;
      best.score = w.score;
    }
    for (int32_t x = a + 1; x < b; ++x) {
      for (int32_t y = c + 1; y < d; ++y) {
        const Best left = Solve(a, x, c, y);
        if (!left.ok) continue;
        const Best right = Solve(x, b, y, d);
        if (!right.ok) continue;
        const double cost = left.cost + right.cost + Cut(ru_, x) + Cut(en_, y);
        if (cost < best.cost - 1e-9) best = {cost, true, x, y, 0};
      }
    }
    return memo_[key] = best;
  }

  // The finer beads of (a, b, c, d) as atom ranges, in order.
  void Leaves(int32_t a, int32_t b, int32_t c, int32_t d,
              std::vector<std::tuple<int32_t, int32_t, int32_t, int32_t, double>>& out) {
    const Best& s = Solve(a, b, c, d);
    if (s.x < 0) {
      out.emplace_back(a, b, c, d, s.score);
      return;
    }
    const int32_t x = s.x, y = s.y;
    Leaves(a, x, c, y, out);
    Leaves(x, b, y, d, out);
  }

 private:
  static int Sentences(const Side& side, int32_t a, int32_t b) {
    int n = 1;
    for (int32_t k = a; k + 1 < b; ++k) n += side.prior[k] >= 1.0;
    return n;
  }
  // -log(1 - p) of every candidate break left inside [a, b).
  static double Uncut(const Side& side, int32_t a, int32_t b) {
    double cost = 0;
    for (int32_t k = a; k + 1 < b; ++k) {
      if (side.prior[k] < 1.0) cost -= std::log1p(-side.prior[k]);
    }
    return cost;
  }
  // -log p of a break after atom x - 1 (0 for a sentence break).
  static double Cut(const Side& side, int32_t x) {
    const double p = side.prior[x - 1];
    return p >= 1.0 ? 0.0 : -std::log(p);
  }
  static SentenceFeatures Merge(const Side& side, int32_t a, int32_t b) {
    std::vector<SentenceFeatures> parts;
    for (int32_t k = a; k < b; ++k) parts.push_back(*side.atoms[k]);
    return MergeFeatures(parts, b - a - 1);
  }

  const Side& ru_;
  const Side& en_;
  const BeadCoster& coster_;
  std::map<std::tuple<int32_t, int32_t, int32_t, int32_t>, Best> memo_;
};

// New sentence numbers after the cuts: the first new sentence of every old
// one, and of (sentence, piece).
class Renumbering {
 public:
  Renumbering(size_t n, const PieceCuts& cuts) : cuts_(cuts), first_(n + 1, 0) {
    std::vector<int32_t> extra(n, 0);
    for (const auto& [s, k] : cuts) ++extra[s];
    for (size_t s = 0; s < n; ++s) first_[s + 1] = first_[s] + 1 + extra[s];
  }
  int32_t Of(int32_t sentence) const { return first_[sentence]; }
  int32_t Of(int32_t sentence, int32_t piece) const {
    const auto lo = std::lower_bound(cuts_.begin(), cuts_.end(), std::make_pair(sentence, 0));
    const auto hi = std::lower_bound(cuts_.begin(), cuts_.end(), std::make_pair(sentence, piece));
    return first_[sentence] + static_cast<int32_t>(hi - lo);
  }

 private:
  const PieceCuts& cuts_;
  std::vector<int32_t> first_;
};

}  // namespace

Alignment CutAtPieces(const Alignment& beads, std::span<const SentenceFeatures> ru,
                      std::span<const SentenceFeatures> en, std::span<const SentencePieces> ru_pieces,
                      std::span<const SentencePieces> en_pieces, const BeadCoster& coster,
                      PieceCuts& ru_cuts, PieceCuts& en_cuts) {
  ru_cuts.clear();
  en_cuts.clear();
  // Per bead: its finer beads as ((ru sentence, piece), count of atoms…),
  // kept as atom ranges of the bead's sides until the numbering is known.
  struct Fine {
    std::pair<int32_t, int32_t> ru_first, en_first;  // (sentence, piece) of the first atom
    std::pair<int32_t, int32_t> ru_last, en_last;    // of the last atom
    double score;
  };
  std::vector<std::vector<Fine>> fine(beads.size());
  for (size_t k = 0; k < beads.size(); ++k) {
    const Bead& b = beads[k];
    if (b.moved || b.ru_count == 0 || b.en_count == 0) continue;
    const Side rs = MakeSide(b.ru_begin, b.ru_count, ru, ru_pieces);
    const Side es = MakeSide(b.en_begin, b.en_count, en, en_pieces);
    if (!rs.has_pieces && !es.has_pieces) continue;
    if (rs.atoms.size() > kMaxAtoms || es.atoms.size() > kMaxAtoms) continue;
    Search search(rs, es, coster);
    const auto n = static_cast<int32_t>(rs.atoms.size()), m = static_cast<int32_t>(es.atoms.size());
    if (search.Solve(0, n, 0, m).x < 0) continue;
    std::vector<std::tuple<int32_t, int32_t, int32_t, int32_t, double>> leaves;
    search.Leaves(0, n, 0, m, leaves);
    for (const auto& [a, e, c, d, score] : leaves) {
      fine[k].push_back({rs.id[a], es.id[c], rs.id[e - 1], es.id[d - 1], std::min(b.score, score)});
      // A leaf that ends inside a sentence cuts it there.
      if (e < n && rs.prior[e - 1] < 1.0) ru_cuts.push_back(rs.id[e - 1]);
      if (d < m && es.prior[d - 1] < 1.0) en_cuts.push_back(es.id[d - 1]);
    }
  }
  std::sort(ru_cuts.begin(), ru_cuts.end());
  std::sort(en_cuts.begin(), en_cuts.end());
  const Renumbering rn(ru.size(), ru_cuts), en_rn(en.size(), en_cuts);
  Alignment out;
  out.reserve(beads.size());
  for (size_t k = 0; k < beads.size(); ++k) {
    const Bead& b = beads[k];
    if (fine[k].empty()) {
      Bead nb = b;
      nb.ru_begin = rn.Of(b.ru_begin);
      nb.ru_count = rn.Of(b.ru_end()) - nb.ru_begin;
      nb.en_begin = en_rn.Of(b.en_begin);
      nb.en_count = en_rn.Of(b.en_end()) - nb.en_begin;
      out.push_back(nb);
      continue;
    }
    for (const Fine& f : fine[k]) {
      Bead nb;
      nb.ru_begin = rn.Of(f.ru_first.first, f.ru_first.second);
      nb.ru_count = rn.Of(f.ru_last.first, f.ru_last.second) + 1 - nb.ru_begin;
      nb.en_begin = en_rn.Of(f.en_first.first, f.en_first.second);
      nb.en_count = en_rn.Of(f.en_last.first, f.en_last.second) + 1 - nb.en_begin;
      nb.score = f.score;
      out.push_back(nb);
    }
  }
  return out;
}

}  // namespace sverka::align
