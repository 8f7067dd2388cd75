// Which headings of the two sides are the same heading: the boundaries
// that structure puts on the alignment (doc/align.md, "Structure").
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "align/sentence_features.h"

namespace sverka::align {

// A heading's sentence (the first of its section) and, when its text
// numbers a part, what it numbers (text::NumberedHeading's kind, as an
// int) and the number; kind -1: a heading by its markup alone (an HTML
// <h2>, a Word heading style) whose words must match.
struct HeadingMark {
  int32_t sentence = 0;
  int32_t kind = -1;
  int32_t number = 0;
};

struct HeadingPairOptions {
  // Two paired headings lie at most this far apart as shares of their
  // texts' characters: an abridged translation drops up to 40 % of its
  // text, so a middle heading moves by up to 0.2.
  double max_shift = 0.25;
  // A heading by markup alone pairs only when this share of the larger
  // side's units (anchors, words) finds a match (a number, a name, a
  // dictionary translation) on the other side.
  double min_word_cover = 0.5;
  bool use_anchors = true;
};

// The boundaries (Russian sentence, English sentence) of the headings both
// sides share, strictly increasing on both sides, for AlignOptions::boundaries.
// Two headings are the same when both number a part of one kind with the
// same number ("Глава V" and "Chapter 5"; a bare number matches any kind),
// or, both by markup alone, when their words translate each other; and they
// lie at comparable places (max_shift). Of the headings that may pair, the
// largest monotone set is kept (ties: the smaller summed shift), so a
// heading one side has and the other lacks (a dropped chapter) pairs with
// nothing. `table` gives the translations (may be empty). Work: headings
// of one side times the other's, one byte each; over 16 million such
// pairs (4,000 headings a side), none are paired.
std::vector<std::pair<int32_t, int32_t>> PairHeadings(std::span<const HeadingMark> ru,
                                                      std::span<const HeadingMark> en,
                                                      std::span<const SentenceFeatures> ru_features,
                                                      std::span<const SentenceFeatures> en_features,
                                                      const TranslationTable& table,
                                                      const HeadingPairOptions& options = {});

}  // namespace sverka::align
