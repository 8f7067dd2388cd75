#include "align/piece_cuts.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace sverka::align {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Beyond this many pieces on a side a window is not searched: the search is
// O(n^3 m^3) in its pieces.
constexpr size_t kMaxAtoms = 12;
// The highest score of a pair made only of sentences the aligner's search
// left unpaired: it has no posterior, so it stays below the 0.9 a reviewer
// reads as "right" (doc/align.md, "Confidence").
constexpr double kUnsearchedScore = 0.85;
// A pair at a piece break with at most this many words a side may have no
// matching word: chance expects none either (doc/align.md).
constexpr size_t kMaxWordsWithoutEvidence = 4;

// One side of a window as pieces ("atoms"): a sentence without pieces is one.
struct Side {
  std::vector<const SentenceFeatures*> atoms;
  std::vector<std::pair<int32_t, int32_t>> id;  // (sentence, piece) of each atom
  std::vector<double> prior;                    // of a break after atom k: 1 = a sentence break
};

const SentencePieces* PiecesOf(int32_t s, std::span<const SentencePieces> pieces) {
  const auto it = std::lower_bound(pieces.begin(), pieces.end(), s,
                                   [](const SentencePieces& p, int32_t v) { return p.sentence < v; });
  return it != pieces.end() && it->sentence == s && it->pieces.size() > 1 ? &*it : nullptr;
}

Side MakeSide(int32_t begin, int32_t end, std::span<const SentenceFeatures> sentences,
              std::span<const SentencePieces> pieces) {
  Side side;
  for (int32_t s = begin; s < end; ++s) {
    if (!side.atoms.empty()) side.prior.push_back(1.0);
    if (const SentencePieces* p = PiecesOf(s, pieces)) {
      for (size_t k = 0; k < p->pieces.size(); ++k) {
        if (k > 0) side.prior.push_back(p->priors[k - 1]);
        side.atoms.push_back(&p->pieces[k]);
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
  for (int s = 0; s < static_cast<int>(kBeadShapes.size()); ++s) {
    if (kBeadShapes[s].ru == ru && kBeadShapes[s].en == en) return s;
  }
  return -1;
}

// -log(1 - p) of every piece break left whole inside atoms [a, b).
double Uncut(const Side& side, int32_t a, int32_t b) {
  double cost = 0;
  for (int32_t k = a; k + 1 < b; ++k) {
    if (side.prior[k] < 1.0) cost -= std::log1p(-side.prior[k]);
  }
  return cost;
}

// A run of n unpaired sentences on one side, as the aligner's run shapes
// cost it (runs longer than kMaxOmissionRun as several).
double Omitted(int n, bool ru, const AlignModel& model) {
  double cost = 0;
  for (; n > 0; n -= kMaxOmissionRun) {
    const int k = std::min(n, kMaxOmissionRun);
    cost -= std::log(model.priors[ShapeIndex(ru ? k : 0, ru ? 0 : k)]);
  }
  return cost;
}

// A finer bead: atom ranges [a, b) x [c, d) of the window's sides.
struct Leaf {
  int32_t a, b, c, d;
  double score;
};

class Search {
 public:
  Search(const Side& ru, const Side& en, const BeadCoster& coster, const AlignModel& model)
      : ru_(ru), en_(en), coster_(coster), model_(model),
        n_(static_cast<int32_t>(ru.atoms.size())), m_(static_cast<int32_t>(en.atoms.size())),
        memo_(static_cast<size_t>((n_ + 1) * (n_ + 1) * (m_ + 1) * (m_ + 1))),
        ru_ranges_(static_cast<size_t>((n_ + 1) * (n_ + 1))), en_ranges_(static_cast<size_t>((m_ + 1) * (m_ + 1))) {}

  struct Best {
    double cost = kInf;
    int32_t x = -1, y = -1;  // split after atom x - 1 / y - 1; -1: one bead
    double score = 0;        // one pairing bead: its evidence confidence
    bool cuts = false;       // cuts a piece break somewhere
  };

  const Best& Solve(int32_t a, int32_t b, int32_t c, int32_t d) {
    Slot& slot = memo_[static_cast<size_t>(((a * (n_ + 1) + b) * (m_ + 1) + c) * (m_ + 1) + d)];
    if (slot.done) return slot.best;
    Best best;
    const int nr = a == b ? 0 : Sentences(ru_, a, b), ne = c == d ? 0 : Sentences(en_, c, d);
    if (nr > 0 && ne > 0) {
      if (const int shape = ShapeIndex(nr, ne); shape >= 0 && kBeadShapes[shape].ru > 0) {
        const BeadCoster::Cost w =
            coster_(Range(ru_, ru_ranges_, n_, a, b, true), Range(en_, en_ranges_, m_, c, d, false), shape);
        // A pair that begins or ends at a piece break needs evidence of its
        // own (length alone never cuts), unless both sides are too short to
        // have any ("Так, стоп." / "Well, wait one minute.", newsweek.51330);
        // one of whole sentences is a bead the aligner could have made.
        const bool cut = Cut(ru_, a, b) || Cut(en_, c, d);
        const bool short_pair = Words(ru_, a, b) <= kMaxWordsWithoutEvidence &&
                                Words(en_, c, d) <= kMaxWordsWithoutEvidence;
        if (w.llr > 0 || !cut || short_pair)
          best = {w.cost + Uncut(ru_, a, b) + Uncut(en_, c, d), -1, -1, w.score, false};
      }
    } else if (nr + ne > 0) {
      // Sentences left unpaired, a run as the aligner's omission runs cost.
      best = {Omitted(nr > 0 ? nr : ne, nr > 0, model_) + Uncut(ru_, a, b) + Uncut(en_, c, d), -1, -1,
              model_.omission_score, false};
    }
    for (int32_t x = a; x <= b; ++x) {
      for (int32_t y = c; y <= d; ++y) {
        if ((x == a && y == c) || (x == b && y == d)) continue;
        // Both parts unpaired on the same side would be one run: counted as one.
        if ((x == a && y == d) || (x == b && y == c)) {
          if (a == b || c == d) continue;
        }
        const Best& left = Solve(a, x, c, y);
        if (left.cost == kInf) continue;
        const Best& right = Solve(x, b, y, d);
        if (right.cost == kInf) continue;
        const bool cut_ru = x > a && x < b && ru_.prior[x - 1] < 1.0;
        const bool cut_en = y > c && y < d && en_.prior[y - 1] < 1.0;
        const double cost = left.cost + right.cost + (cut_ru ? -std::log(ru_.prior[x - 1]) : 0.0) +
                            (cut_en ? -std::log(en_.prior[y - 1]) : 0.0);
        if (cost < best.cost - 1e-9) best = {cost, x, y, 0, left.cuts || right.cuts || cut_ru || cut_en};
      }
    }
    slot.best = best;
    slot.done = true;
    return slot.best;
  }

  void Leaves(int32_t a, int32_t b, int32_t c, int32_t d, std::vector<Leaf>& out) {
    const Best s = Solve(a, b, c, d);
    if (s.x < 0) {
      if (a == b || c == d) {
        // Unpaired sentences: one leaf per sentence, its piece breaks left
        // whole as they were costed; the splits around the run cut where
        // the run begins or ends.
        for (int32_t k = a; k < b;) {
          const int32_t e = SentenceEnd(ru_, k, b);
          out.push_back({k, e, c, c, s.score});
          k = e;
        }
        for (int32_t k = c; k < d;) {
          const int32_t e = SentenceEnd(en_, k, d);
          out.push_back({a, a, k, e, s.score});
          k = e;
        }
      } else {
        out.push_back({a, b, c, d, s.score});
      }
      return;
    }
    Leaves(a, s.x, c, s.y, out);
    Leaves(s.x, b, s.y, d, out);
  }

 private:
  // Whether [a, b) starts or ends at a piece break (not a sentence break).
  static bool Cut(const Side& side, int32_t a, int32_t b) {
    const auto n = static_cast<int32_t>(side.atoms.size());
    return (a > 0 && side.prior[a - 1] < 1.0) || (b < n && side.prior[b - 1] < 1.0);
  }
  static size_t Words(const Side& side, int32_t a, int32_t b) {
    size_t n = 0;
    for (int32_t k = a; k < b; ++k) n += side.atoms[k]->words.size();
    return n;
  }
  // The end of the sentence holding atom k, at most b.
  static int32_t SentenceEnd(const Side& side, int32_t k, int32_t b) {
    int32_t e = k + 1;
    while (e < b && side.prior[e - 1] < 1.0) ++e;
    return e;
  }
  static int Sentences(const Side& side, int32_t a, int32_t b) {
    int n = 1;
    for (int32_t k = a; k + 1 < b; ++k) n += side.prior[k] >= 1.0;
    return n;
  }
  // Atoms [a, b) of a side as one text, prepared once.
  const BeadCoster::Side& Range(const Side& side, std::vector<std::optional<BeadCoster::Side>>& cache,
                                int32_t n, int32_t a, int32_t b, bool russian) const {
    std::optional<BeadCoster::Side>& slot = cache[static_cast<size_t>(a * (n + 1) + b)];
    if (!slot) {
      std::vector<SentenceFeatures> parts;
      for (int32_t k = a; k < b; ++k) parts.push_back(*side.atoms[k]);
      slot = coster_.Prepare(MergeFeatures(parts, b - a - 1), russian);
    }
    return *slot;
  }

  struct Slot {
    Best best;
    bool done = false;
  };
  const Side& ru_;
  const Side& en_;
  const BeadCoster& coster_;
  const AlignModel& model_;
  int32_t n_, m_;
  std::vector<Slot> memo_;
  std::vector<std::optional<BeadCoster::Side>> ru_ranges_, en_ranges_;
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

// One side of a finer bead: (sentence, piece) of its first and last atom;
// no last ({-1, -1}) when the side is empty, the first then being where it
// stands.
struct FineSide {
  std::pair<int32_t, int32_t> first, last{-1, -1};
};

// Atoms [a, b) of `side` (whose range ends at sentence `end`) as a
// FineSide; a cut after the last atom, where that is a piece break, goes
// to `cuts`.
FineSide FineOf(const Side& side, int32_t a, int32_t b, int32_t end, PieceCuts& cuts) {
  const auto n = static_cast<int32_t>(side.atoms.size());
  if (b == a) return {a < n ? side.id[a] : std::make_pair(end, 0)};
  if (b < n && side.prior[b - 1] < 1.0) cuts.push_back(side.id[b - 1]);
  return {side.id[a], side.id[b - 1]};
}

// Where a FineSide lands once the sentences are renumbered (`size`: the
// side's sentences before the cuts).
void Place(const FineSide& f, const Renumbering& r, int32_t size, int32_t& begin, int32_t& count) {
  begin = f.first.first >= size ? r.Of(size) : r.Of(f.first.first, f.first.second);
  count = f.last.first >= 0 ? r.Of(f.last.first, f.last.second) + 1 - begin : 0;
}

bool IsOmission(const Bead& b) { return b.ru_count == 0 || b.en_count == 0; }

// The cost the aligner's search gave beads [first, end) (shape priors,
// length, evidence; a run of unpaired sentences as one run a side), as the
// window search counts it.
double CostOf(std::span<const Bead> beads, std::span<const SentenceFeatures> ru,
              std::span<const SentenceFeatures> en, const BeadCoster& coster, const AlignModel& model) {
  double cost = 0;
  int run_ru = 0, run_en = 0;
  auto close_runs = [&] {
    cost += Omitted(run_ru, true, model) + Omitted(run_en, false, model);
    run_ru = run_en = 0;
  };
  for (const Bead& b : beads) {
    if (IsOmission(b)) {
      run_ru += b.ru_count;
      run_en += b.en_count;
      continue;
    }
    close_runs();
    const int shape = ShapeIndex(b.ru_count, b.en_count);
    if (shape < 0) return kInf;
    cost += coster(MergeFeatures(ru.subspan(b.ru_begin, b.ru_count), b.ru_count - 1),
                   MergeFeatures(en.subspan(b.en_begin, b.en_count), b.en_count - 1), shape)
                .cost;
  }
  close_runs();
  return cost;
}

// A window of units [first, end) to search again: its sentence ranges and
// its sides as atoms.
struct Window {
  size_t first, end;
  int32_t ru_end, en_end;
  Side ru, en;
};

// The window of units [first, end), or none when its beads do not hold its
// ranges whole (a moved bead elsewhere whose English lies inside the range
// would otherwise be paired twice), a side is empty or has more than
// kMaxAtoms atoms.
std::optional<Window> MakeWindow(const Alignment& beads, std::span<const std::pair<size_t, size_t>> units,
                                 size_t first, size_t end, std::span<const SentenceFeatures> ru,
                                 std::span<const SentenceFeatures> en, std::span<const SentencePieces> ru_pieces,
                                 std::span<const SentencePieces> en_pieces) {
  const Bead& b0 = beads[units[first].first];
  const Bead& b1 = beads[units[end - 1].second - 1];
  const int32_t ru_begin = b0.ru_begin, ru_end = b1.ru_end(), en_begin = b0.en_begin, en_end = b1.en_end();
  if (ru_end <= ru_begin || en_end <= en_begin) return std::nullopt;
  int32_t ru_held = 0, en_held = 0;
  for (size_t k = units[first].first; k < units[end - 1].second; ++k) {
    ru_held += beads[k].ru_count;
    en_held += beads[k].en_count;
  }
  if (ru_held != ru_end - ru_begin || en_held != en_end - en_begin) return std::nullopt;
  Window w{first, end, ru_end, en_end, MakeSide(ru_begin, ru_end, ru, ru_pieces),
           MakeSide(en_begin, en_end, en, en_pieces)};
  if (w.ru.atoms.size() > kMaxAtoms || w.en.atoms.size() > kMaxAtoms) return std::nullopt;
  return w;
}

}  // namespace

Alignment CutAtPieces(const Alignment& beads, std::span<const SentenceFeatures> ru,
                      std::span<const SentenceFeatures> en, std::span<const SentencePieces> ru_pieces,
                      std::span<const SentencePieces> en_pieces, const BeadCoster& coster,
                      PieceCuts& ru_cuts, PieceCuts& en_cuts) {
  ru_cuts.clear();
  en_cuts.clear();
  const AlignModel& model = coster.model();
  // Units: a non-moved pairing bead, or a run of consecutive 1-0 / 0-1 beads.
  std::vector<std::pair<size_t, size_t>> units;  // [first bead, end bead)
  for (size_t k = 0; k < beads.size();) {
    size_t e = k + 1;
    if (!beads[k].moved && IsOmission(beads[k])) {
      while (e < beads.size() && !beads[e].moved && IsOmission(beads[e])) ++e;
    }
    units.emplace_back(k, e);
    k = e;
  }
  auto has_pieces = [&](size_t u) {
    for (size_t k = units[u].first; k < units[u].second; ++k) {
      const Bead& b = beads[k];
      for (int32_t s = b.ru_begin; s < b.ru_end(); ++s) {
        if (PiecesOf(s, ru_pieces)) return true;
      }
      for (int32_t s = b.en_begin; s < b.en_end(); ++s) {
        if (PiecesOf(s, en_pieces)) return true;
      }
    }
    return false;
  };
  auto monotone = [&](size_t u) {
    for (size_t k = units[u].first; k < units[u].second; ++k) {
      if (beads[k].moved) return false;
    }
    return true;
  };
  // The finer beads replacing units [first, end), each side as (sentence,
  // piece) of its first and last atom, until the numbering is known.
  struct Fine {
    FineSide ru, en;
    double score;
  };
  std::vector<std::vector<Fine>> fine(units.size());  // at the window's first unit
  std::vector<size_t> replaced_until(units.size(), 0);
  for (size_t u = 0; u < units.size(); ++u) {
    if (!monotone(u) || !has_pieces(u)) continue;
    if (replaced_until[u] != 0) continue;
    // The unit and its neighbours, not reaching into a window replaced; and
    // beyond a neighbour, a run of unpaired sentences (the search may have
    // left them unpaired only because the piece break was not there to cut,
    // newsweek.51330) when the window stays small enough.
    auto free_unit = [&](size_t k) { return monotone(k) && replaced_until[k] == 0; };
    size_t first = u, end = u + 1;
    if (first > 0 && free_unit(first - 1)) --first;
    if (end < units.size() && monotone(end)) ++end;
    size_t wide_first = first, wide_end = end;
    if (wide_first > 0 && wide_first < u && free_unit(wide_first - 1) && IsOmission(beads[units[wide_first - 1].first])) {
      --wide_first;
    }
    if (wide_end < units.size() && wide_end > u + 1 && monotone(wide_end) && IsOmission(beads[units[wide_end].first])) {
      ++wide_end;
    }
    std::optional<Window> window = MakeWindow(beads, units, wide_first, wide_end, ru, en, ru_pieces, en_pieces);
    if (!window) window = MakeWindow(beads, units, first, end, ru, en, ru_pieces, en_pieces);
    if (!window) continue;
    first = window->first;
    end = window->end;
    const int32_t ru_end = window->ru_end, en_end = window->en_end;
    const Side& rs = window->ru;
    const Side& es = window->en;
    const auto n = static_cast<int32_t>(rs.atoms.size()), m = static_cast<int32_t>(es.atoms.size());
    // The window's beads, with every piece break left whole.
    const double current = CostOf(std::span<const Bead>(beads).subspan(units[first].first,
                                                                       units[end - 1].second - units[first].first),
                                  ru, en, coster, model) +
                           Uncut(rs, 0, n) + Uncut(es, 0, m);
    Search search(rs, es, coster, model);
    const Search::Best& best = search.Solve(0, n, 0, m);
    if (!best.cuts || best.cost >= current - 1e-9) continue;
    std::vector<Leaf> leaves;
    search.Leaves(0, n, 0, m, leaves);
    // A pair's score: its evidence confidence, at most the score of every
    // bead of the search it overlaps; a pair made of sentences the search
    // left unpaired has no posterior: at most kUnsearchedScore.
    auto score_of = [&](const Leaf& l) {
      if (l.a == l.b || l.c == l.d) return l.score;
      double paired = kUnsearchedScore;
      bool overlaps = false;
      for (size_t k = units[first].first; k < units[end - 1].second; ++k) {
        const Bead& b = beads[k];
        const bool ru_overlap = b.ru_begin <= rs.id[l.b - 1].first && rs.id[l.a].first < b.ru_end();
        const bool en_overlap = b.en_begin <= es.id[l.d - 1].first && es.id[l.c].first < b.en_end();
        if (IsOmission(b) || !(ru_overlap || en_overlap)) continue;
        paired = overlaps ? std::min(paired, b.score) : b.score;
        overlaps = true;
      }
      return std::min(l.score, paired);
    };
    // Keep the leaves in Russian order (unpaired English where it falls).
    for (const Leaf& l : leaves) {
      fine[first].push_back({FineOf(rs, l.a, l.b, ru_end, ru_cuts), FineOf(es, l.c, l.d, en_end, en_cuts),
                             score_of(l)});
    }
    for (size_t q = first; q < end; ++q) replaced_until[q] = end;
  }
  std::sort(ru_cuts.begin(), ru_cuts.end());
  ru_cuts.erase(std::unique(ru_cuts.begin(), ru_cuts.end()), ru_cuts.end());
  std::sort(en_cuts.begin(), en_cuts.end());
  en_cuts.erase(std::unique(en_cuts.begin(), en_cuts.end()), en_cuts.end());
  const Renumbering rn(ru.size(), ru_cuts), en_rn(en.size(), en_cuts);
  Alignment out;
  out.reserve(beads.size() + ru_cuts.size() + en_cuts.size());
  for (size_t u = 0; u < units.size();) {
    if (!fine[u].empty()) {
      for (const Fine& f : fine[u]) {
        Bead nb;
        Place(f.ru, rn, static_cast<int32_t>(ru.size()), nb.ru_begin, nb.ru_count);
        Place(f.en, en_rn, static_cast<int32_t>(en.size()), nb.en_begin, nb.en_count);
        nb.score = f.score;
        out.push_back(nb);
      }
      u = replaced_until[u];
      continue;
    }
    for (size_t k = units[u].first; k < units[u].second; ++k) {
      Bead nb = beads[k];
      nb.ru_begin = rn.Of(beads[k].ru_begin);
      nb.ru_count = rn.Of(beads[k].ru_end()) - nb.ru_begin;
      nb.en_begin = en_rn.Of(beads[k].en_begin);
      nb.en_count = en_rn.Of(beads[k].en_end()) - nb.en_begin;
      out.push_back(nb);
    }
    ++u;
  }
  return out;
}

}  // namespace sverka::align
