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
struct TranslationTable {
  std::vector<std::vector<uint32_t>> targets;
  const std::vector<uint32_t>* Find(uint32_t ru_word) const {
    return ru_word < targets.size() && !targets[ru_word].empty() ? &targets[ru_word] : nullptr;
  }
};

struct AlignModel {
  LengthModel length;
  std::array<double, kBeadShapes.size()> priors{};  // P(shape), kBeadShapes order
  // Reward, in nats, for a bead whose evidence matches perfectly (Dice 1);
  // scaled by the bead's Dice coefficient of matched anchors and words.
  double similarity_weight = 8.0;
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
  // Upper bound on DP cells (rows x band width) kept in memory; the band
  // stops widening there (~24 bytes a cell). 2^26 cells is ~1.6 GB.
  int64_t max_cells = int64_t{1} << 26;
  bool use_anchors = true;  // for ablation
  bool use_words = true;    // for ablation
};

// Aligns two documents. Returns beads covering every sentence of both sides
// exactly once, in order, of the shapes in kBeadShapes; each bead's score is
// its posterior probability under the model (forward-backward), in [0, 1].
// Time and memory are O((n + m) * band); the band grows only where the path
// strays from the expected one (worst case O(n * m), bounded by max_cells).
Alignment Align(std::span<const SentenceFeatures> ru, std::span<const SentenceFeatures> en,
                const TranslationTable& table, const AlignModel& model,
                const AlignOptions& options = {});

// Length only (Gale–Church), the length model estimated from the pair.
Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const AlignOptions& options = {});

// Length only, with the given length model.
Alignment Align(std::span<const int32_t> ru_lengths, std::span<const int32_t> en_lengths,
                const LengthModel& model, const AlignOptions& options = {});

}  // namespace sverka::align
