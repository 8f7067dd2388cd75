// The banded dynamic programme of the aligner (doc/align.md): Viterbi and
// forward-backward sums over a band of cells around an expected path,
// respecting cuts (boundaries and waypoints), and the traceback of the best
// path. Internal to align/: aligner.cpp drives it (BandedSearch).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "align/aligner.h"
#include "align/cost_terms.h"
#include "common/bead.h"

namespace sverka::align {

class BandedAligner {
 public:
  BandedAligner(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                const Evidence& ev, const AlignModel& model, const AlignOptions& options,
                const std::vector<int32_t>& center, int32_t half_width);

  static int64_t Cells(int32_t n, int32_t m, int32_t half_width);

  // Viterbi, and with `sums` the forward sums, in one sweep.
  void Forward(bool sums);

  // Backward sums, and the expected count of every bead shape; frees the
  // Viterbi costs (no longer needed).
  void Backward(AlignStats* stats);

  // The best path; `touched_edge` when it runs along a band edge that is not
  // a document edge (the band may be too narrow there).
  Alignment Backtrace(bool& touched_edge) const;

  // Scores the 1-0 / 0-1 beads of `beads` (runs split) by the posterior
  // probability that their sentence is unpaired, whatever run it is in,
  // times model_.omission_score.
  void ScoreOmissions(Alignment& beads) const;

  // Replaces each bead's score (holding its shape index) by its posterior.
  void ScorePosteriors(Alignment& beads) const;

 private:
  int64_t Index(int32_t i, int32_t j) const { return offset_[i] + (j - lo_[i]); }

  // The English range row i may reach, given the boundaries (else 0..m).
  int32_t Floor(int32_t i) const { return floor_.empty() ? 0 : floor_[i]; }
  int32_t Ceil(int32_t i) const { return ceil_.empty() ? m_ : ceil_[i]; }

  // From options_.boundaries and options_.waypoints, in one list ordered on
  // both sides: the English span of the cuts on each row (-1: none), and
  // every row's range: at or after the English of a cut on an earlier row,
  // at or before that of one on a later row.
  void SetBoundaries();

  // Merges the boundaries (strictly increasing on both sides, inside the
  // document) and the waypoints (non-decreasing, 0..n / 0..m) into cuts_;
  // false, and none at all, when they are not ordered on both sides
  // together: a caller's mistake must not lose the path.
  bool MergeCuts();

  // Whether the bead of shape `s` from (i0, j0) to (i1, j1) crosses a cut:
  // it neither ends before nor starts after it; or it starts at a
  // boundary and is not the 1-1 bead of its two headings.
  bool Crosses(int s, int32_t i0, int32_t j0, int32_t i1, int32_t j1) const;

  // Pair matches for sentence pairs (i, j) a bead ending in the band can hold.
  void BuildPairTable();

  // The matches of a bead: the English words (and anchors) of its English
  // sentences that some word of its Russian sentences may translate to,
  // each counted once per English sentence (a title and the lead that
  // repeats it would otherwise count their shared words twice in a 2-2
  // bead). Three Russian sentences: the pairwise overlaps only.
  inline int64_t BeadMatch(int32_t i0, int32_t i1, int32_t j0, int32_t j1) const;

  inline double EvidenceLlr(double match, double u_ru, double u_en) const;

  // How far a bead's own evidence makes it a translation, in (0, 1): the
  // logistic of its weighted evidence ratio plus model_.score_bias, so that
  // a bead without evidence stays below 0.9 and one whose units go
  // unmatched falls towards 0; an omission is at most model_.omission_score
  // (it pairs nothing: a reviewer should look, after the doubtful pairs).
  double EvidenceConfidence(const Bead& b) const;

  int32_t PairMatch(int32_t i, int32_t j) const { return Lookup(pair_, i, j); }

  int32_t Lookup(const std::vector<int16_t>& table, int32_t i, int32_t j) const {
    const int64_t k = j - pair_lo_[i];
    if (k < 0 || pair_offset_[i] + k >= pair_offset_[i + 1]) return 0;
    return table[pair_offset_[i] + k];
  }

  // The cost of an omission of shape `s` from (i0, j0): its prior, or
  // where it continues an omission fixed in advance (options_.ru_continues,
  // en_continues) that of continuing a run instead of opening one.
  inline double OmissionCost(int s, int32_t i0, int32_t j0) const;

  // Cost of the bead of shape `s` covering ru [i0, i1) and en [j0, j1).
  inline double Cost(int s, int32_t i0, int32_t i1, int32_t j0, int32_t j1) const;

  std::span<const SentenceFeatures> ru_, en_;
  const Evidence& ev_;
  const AlignModel& model_;
  const AlignOptions& options_;
  int32_t n_, m_;
  std::vector<int32_t> lo_, hi_;
  std::vector<int64_t> offset_;
  std::vector<int64_t> prefix_ru_, prefix_en_, units_ru_, units_en_;
  std::array<double, kBeadShapes.size()> neg_log_prior_{};
  double ru_continue_cost_ = 0,
         en_continue_cost_ = 0;  // added to an omission that continues one (OmissionCost)
  std::vector<int32_t> pair_lo_;
  std::vector<int64_t> pair_offset_;
  std::vector<int16_t> pair_;
  // Matches of English sentence j shared by Russian sentences i and i + 1
  // (what a bead holding both would count twice), in pair_'s layout.
  std::vector<int16_t> shared_;
  std::vector<double> best_, alpha_, beta_;
  // Posterior probability that each sentence is left unpaired (Backward).
  std::vector<double> unpaired_ru_, unpaired_en_;
  // Cost of each pairing bead shape (kPairSlot) by end cell, from
  // Forward(true); an omission costs its prior only and is not stored.
  std::vector<float> costs_;
  bool sums_ = false;
  std::vector<uint8_t> back_;
  // A point the path passes through: a boundary (`headings`: the bead
  // starting there is 1-1) or a waypoint (any bead may start there).
  struct Cut {
    int32_t ru, en;
    bool headings;
  };
  // Boundaries and waypoints (SetBoundaries); all empty without them. A row
  // may hold several waypoints: cut_at_row_ is the English of its first,
  // cut_end_at_row_ of its last.
  std::vector<Cut> cuts_;
  std::vector<int32_t> cut_at_row_, cut_end_at_row_, floor_, ceil_, first_cut_;
};

}  // namespace sverka::align
