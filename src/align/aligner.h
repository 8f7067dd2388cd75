// The sentence aligner: pure functions from sentence features to beads.
// No I/O, no clock, no globals (doc/align.md describes the model).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "common/bead.h"
#include "align/length_model.h"
#include "align/sentence_features.h"

namespace sverka::align {

struct BeadShape {
  int ru;
  int en;
};
// The bead shapes the aligner considers; AlignModel::priors follows this order.
// The first eight are the beads it returns; the rest are runs of 2 to
// kMaxOmissionRun sentences of one side left unpaired (a dropped or added
// paragraph), searched as one step and returned as 1-0 / 0-1 beads.
inline constexpr int kBaseShapes = 8;
inline constexpr int kMaxOmissionRun = 6;
inline constexpr std::array<BeadShape, kBaseShapes + 2 * (kMaxOmissionRun - 1)> kBeadShapes = {
    {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3},
     {2, 0}, {0, 2}, {3, 0}, {0, 3}, {4, 0}, {0, 4}, {5, 0}, {0, 5}, {6, 0}, {0, 6}}};

// Which Russian word stems may translate to which English ones: for each
// Russian word id, the sorted English word ids (dictionary and/or lexicon).
// A table may lie over a `base` (the dictionary every document of a batch
// shares): it then holds the union of both, as MergeTables would make it,
// without copying the base (doc/decisions.md).
struct TranslationTable {
  std::vector<std::vector<uint32_t>> targets;
  const TranslationTable* base = nullptr;  // read-only; outlives this table

  // This table's own row (not the base's), or null when empty.
  const std::vector<uint32_t>* Find(uint32_t ru_word) const {
    return ru_word < targets.size() && !targets[ru_word].empty() ? &targets[ru_word] : nullptr;
  }
  // Appends the targets of `ru_word`, the base's too, to `out` (unsorted, a
  // target may come twice); false when there are none.
  bool AppendTargets(uint32_t ru_word, std::vector<uint32_t>& out) const {
    bool any = base && base->AppendTargets(ru_word, out);
    if (const std::vector<uint32_t>* own = Find(ru_word)) {
      out.insert(out.end(), own->begin(), own->end());
      any = true;
    }
    return any;
  }
  // Marks every English word that some Russian word may translate to.
  void MarkTargets(std::vector<bool>& is_target) const {
    if (base) base->MarkTargets(is_target);
    for (const auto& t : targets) {
      for (uint32_t e : t) {
        if (e >= is_target.size()) is_target.resize(e + 1, false);
        is_target[e] = true;
      }
    }
  }
};

struct AlignModel {
  LengthModel length;
  std::array<double, kBeadShapes.size()> priors{};  // P(shape), kBeadShapes order
  // Weight of the evidence's log-likelihood ratio (translation against
  // chance) in a bead's cost; below 1 because the matches of one bead are
  // not independent (doc/align.md).
  double evidence_weight = 0.5;
  // Floor of the chance matches expected in a bead, as a share of the
  // matches a translation adds: one match where chance expects none is
  // then worth log(1 + 1/0.02) = 3.9 nats, not infinitely many.
  double min_chance_matches = 0.02;
  // Floor of the true match rate estimated per document (0.2 let two unrelated
  // texts pass their best chance matches off as translations).
  double min_true_rate = 0.3;
  // A bead's score is its posterior times the logistic of
  // evidence_weight * LLR + score_bias (a bead without evidence: at most
  // 0.88); a 1-0 / 0-1 bead's is the probability its sentence is unpaired
  // times omission_score (doc/align.md, "Confidence").
  double score_bias = 2.0;
  double omission_score = 0.6;
  // Anchors count this many times a word (a shared number or name is
  // stronger evidence than a shared word).
  int anchor_weight = 2;
};

// Gale and Church's priors, extended with 3-1 and 1-3; ratio 1, variance 6.8.
AlignModel DefaultModel();

// Sets the priors of the omission runs from those of 1-0 and 0-1: a run of
// k sentences costs the opening of an omission and k - 1 continuations, each
// `continuation` times as likely as nothing (doc/align.md): whole paragraphs
// are dropped, so the sentence after an omitted one is likely omitted too.
void SetRunPriors(std::array<double, kBeadShapes.size()>& priors, double continuation);
inline constexpr double kOmissionContinuation = 0.2;

struct AlignOptions {
  // Half-width, in sentences, of the first band searched around the
  // expected path. The band doubles while the best path touches its edge.
  int32_t initial_band = 32;
  // Half-width of the band of the fine pass (posteriors), around the path
  // the coarse pass found or the expected path given.
  int32_t fine_band = 12;
  // Upper bound on DP cells (rows x band width) kept in memory; the band
  // stops widening there (~60 bytes a cell). 2^24 cells is ~1 GB.
  int64_t max_cells = int64_t{1} << 24;
  // Expected English position for every Russian position 0..n, monotone;
  // the band is centred on it. Empty: through the anchor chain (anchor_chain.h).
  std::vector<int32_t> expected_path;
  // Scores are the posterior times the bead's own evidence of translation
  // (what a reviewer reads); false: the posterior alone (what the batch
  // aligner's first pass selects training pairs by).
  bool evidence_in_score = true;
  // After the monotone search, pair runs of unpaired sentences that
  // translate each other across the path (a moved paragraph) as moved
  // beads (doc/align.md, "Moved paragraphs"); off in the batch's first pass.
  bool pair_moved = true;
  // A moved bead is kept only with at least this score, and a block of
  // them (a moved paragraph) only with at least this summed evidence
  // (log-likelihood ratio, nats): away from the path, length says little.
  double moved_min_score = 0.5;
  double moved_min_llr = -1.0;        // a block of two or more moved beads
  double moved_min_llr_single = 1.5;  // a moved bead alone
  // Then pair what was left unpaired on both sides between two pairs of
  // the path, by length and position (gap_pairs.h; doc/align.md, "Gaps");
  // off in the batch's first pass.
  bool pair_gaps = true;
  // Section boundaries no bead crosses: (Russian sentence, English
  // sentence) where both sides begin a section (a pair of headings, see
  // heading_pairs.h), strictly increasing on both sides. The path passes
  // through each, and the bead that starts there is 1-1 (the two headings).
  // Empty: none, and the search is as without them (doc/align.md, "Structure").
  std::vector<std::pair<int32_t, int32_t>> boundaries;
  // Points (Russian position, English position) the path passes through,
  // non-decreasing on both sides, within 0..n / 0..m; any bead may start
  // there. The ends of beads fixed in advance (fixed_beads.h). Boundaries
  // and waypoints must be ordered together, or neither is used.
  std::vector<std::pair<int32_t, int32_t>> waypoints;
  // Per sentence (empty: none): the sentence before it was left unpaired by
  // a bead fixed in advance, so an omission starting here continues that
  // one (priced as a run's continuation, not as a new omission: dropped
  // and added text comes in paragraphs).
  std::vector<bool> ru_continues, en_continues;
  // Per sentence (empty: none): the piece cuts may still divide it
  // (piece_cuts.h), so a gap holding it is left to them, not paired whole.
  std::vector<bool> ru_divisible, en_divisible;
  bool use_anchors = true;  // for ablation
  bool use_words = true;    // for ablation
};

// What an alignment learned of the document besides its beads.
struct AlignStats {
  // Expected number of beads of each shape (kBeadShapes order) under the
  // posterior over all alignments in the band; for re-estimating priors.
  std::array<double, kBeadShapes.size()> expected_shapes{};
};

// The document's rates of chance and true matches its evidence was judged
// by (doc/align.md, "Model").
struct EvidenceRates {
  double chance_rate = 0.0;
  double true_rate = 0.5;
};

// The cost Align's search gives a bead, for beads it did not see: one
// Russian side and one English side given as features (of a sentence, of a
// piece of one, or several merged), judged with a document's rates.
class BeadCoster {
 public:
  BeadCoster(const TranslationTable& table, const AlignModel& model, const AlignOptions& options,
             const EvidenceRates& rates);
  struct Cost {
    double cost = 0;  // -log prior of the shape + length cost - evidence weight x LLR
    double llr = 0;   // the evidence's log-likelihood ratio, nats (translation against chance)
    double score = 0;  // the evidence confidence a bead's score is made with
  };
  // `shape`: an index into kBeadShapes of a pairing shape.
  Cost operator()(const SentenceFeatures& ru, const SentenceFeatures& en, int shape) const;
  // The same in two steps, for a side scored against many: its features
  // with what the evidence needs of them (a Russian side's translations).
  struct Side {
    SentenceFeatures features;
    std::vector<uint32_t> expanded;  // Russian: the English ids its words may translate to
    int32_t units = 0;
  };
  Side Prepare(SentenceFeatures features, bool russian) const;
  Cost operator()(const Side& ru, const Side& en, int shape) const;
  const AlignModel& model() const { return model_; }

 private:
  const TranslationTable& table_;
  const AlignModel& model_;
  const AlignOptions& options_;
  EvidenceRates rates_;
  std::vector<bool> is_target_;
};

// How many values two ascending vectors without repeats share.
size_t IntersectionSize(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// Features of adjacent texts as one: lengths summed (plus `joins` code
// points between them), anchors and words united.
SentenceFeatures MergeFeatures(std::span<const SentenceFeatures> parts, int32_t joins);

// Aligns two documents. Returns beads covering every sentence of both sides
// exactly once, in Russian order, of the shapes in kBeadShapes; the English
// is in order too except for moved beads (options.pair_moved; Bead::moved
// set by MarkMoved). Each bead's score is its posterior probability under
// the model (forward-backward) times its evidence confidence, in [0, 1].
// Time and memory are O((n + m) * band); the band grows only where the path
// strays from the expected one (worst case O(n * m), bounded by max_cells).
// With `rates`, the document's evidence rates are written there.
Alignment Align(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                const TranslationTable& table, const AlignModel& model,
                const AlignOptions& options = {}, AlignStats* stats = nullptr,
                EvidenceRates* rates = nullptr);

// Sentence pairs that their words single out, whatever their lengths: for
// a sample of Russian sentences, the English sentence (within a quarter of
// the text of the length diagonal: at least 100, at most 1,000 sentences)
// that shares clearly more dictionary words and anchors with it than any
// other, kept where these pairs form a monotone chain. For estimating the
// length ratio of a pair whose sides differ in what they hold (an abridged
// translation): no length model is needed to find them. Work: at most 200
// sentences against their window.
std::vector<std::pair<int32_t, int32_t>> LexicalPairs(std::span<const SentenceFeatures> ru,
                                                      std::span<const SentenceFeatures> en,
                                                      const TranslationTable& table, const AlignModel& model,
                                                      const AlignOptions& options = {});

// The English position at every Russian position 0..n along `beads` (the
// start of the bead a Russian sentence begins); usable as expected_path.
std::vector<int32_t> PathOf(const Alignment& beads, int32_t n);

// Length only (Gale–Church), the length model estimated from the pair.
Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const AlignOptions& options = {});

// Length only, with the given length model.
Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const LengthModel& model, const AlignOptions& options = {});

}  // namespace sverka::align
