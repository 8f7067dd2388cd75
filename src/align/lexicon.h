// A bilingual lexicon learned from the data: IBM Model 1 (Brown et al. 1993)
// trained by EM on sentence pairs the first alignment pass is confident of
// (Moore 2002). Pure computation.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "align/aligner.h"

namespace sverka::align {

struct WordPair {
  std::span<const uint32_t> ru;  // Russian word ids of one sentence
  std::span<const uint32_t> en;  // English word ids of its translation
};

struct LexiconOptions {
  int iterations = 5;
  // Keep e as a translation of r when t(e | r) is at least this...
  double min_probability = 0.15;
  // ...at most this many per Russian word...
  int max_targets = 3;
  // ...and r occurred in at least this many training pairs (one co-occurrence
  // is no evidence).
  int min_occurrences = 2;
};

// Trains t(e | r) with a NULL Russian word and returns, for every Russian
// word id, the English ids that pass the thresholds (sorted).
TranslationTable LearnLexicon(std::span<const WordPair> pairs, const LexiconOptions& options = {});

// The union of two tables.
TranslationTable MergeTables(const TranslationTable& a, const TranslationTable& b);

}  // namespace sverka::align
