// The sentence aligner: pure functions from sentence features to beads.
// No I/O, no clock, no globals (doc/align.md describes the model).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "align/bead.h"
#include "align/length_model.h"
#include "align/sentence_features.h"

namespace sverka::align {

struct BeadShape {
  int ru;
  int en;
};
// The bead shapes the aligner considers; AlignModel::priors follows this order.
inline constexpr std::array<BeadShape, 8> kBeadShapes = {
    {{1, 1}, {1, 0}, {0, 1}, {2, 1}, {1, 2}, {2, 2}, {3, 1}, {1, 3}}};

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
  // Reward, in nats, for a bead whose evidence matches perfectly (Dice 1);
  // scaled by the bead's Dice coefficient of matched anchors and words.
  double similarity_weight = 10.0;
  // Anchors count this many times a word (a shared number or name is
  // stronger evidence than a shared word).
  int anchor_weight = 2;
};

// Gale and Church's priors, extended with 3-1 and 1-3; ratio 1, variance 6.8.
AlignModel DefaultModel();

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
  bool use_anchors = true;  // for ablation
  bool use_words = true;    // for ablation
};

// What an alignment learned of the document besides its beads.
struct AlignStats {
  // Expected number of beads of each shape (kBeadShapes order) under the
  // posterior over all alignments in the band; for re-estimating priors.
  std::array<double, kBeadShapes.size()> expected_shapes{};
};

// Aligns two documents. Returns beads covering every sentence of both sides
// exactly once, in order, of the shapes in kBeadShapes; each bead's score is
// its posterior probability under the model (forward-backward), in [0, 1].
// Time and memory are O((n + m) * band); the band grows only where the path
// strays from the expected one (worst case O(n * m), bounded by max_cells).
Alignment Align(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                const TranslationTable& table, const AlignModel& model,
                const AlignOptions& options = {}, AlignStats* stats = nullptr);

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
