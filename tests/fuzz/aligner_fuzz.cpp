// The aligner (align/aligner.h, align/batch_aligner.h) on sentence features
// made up from the input by FuzzedDataProvider: lengths, anchors, words, a
// dictionary, band options and, sometimes, an expected path. At most 200
// sentences a side (60 a document in a batch of up to 3), mostly a fifth of
// that, keep a run fast.
//
// Checks, for every alignment: every Russian and every English sentence is
// in exactly one bead, beads are in order and contiguous, of the shapes in
// kBeadShapes, and every score is in [0, 1] (so not NaN); expected shape
// counts are finite and not negative.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "align/aligner.h"
#include "align/batch_aligner.h"
#include "fuzz_util.h"

namespace {

using namespace sverka::align;
using sverka::Alignment;
using sverka::Bead;

void CheckAlignment(const Alignment& beads, size_t n, size_t m) {
  int32_t i = 0, j = 0;
  for (const Bead& b : beads) {
    FUZZ_CHECK(b.ru_begin == i && b.en_begin == j);
    FUZZ_CHECK(std::any_of(kBeadShapes.begin(), kBeadShapes.end(), [&](BeadShape s) {
      return s.ru == b.ru_count && s.en == b.en_count;
    }));
    FUZZ_CHECK(b.score >= 0.0 && b.score <= 1.0);  // false for NaN too
    i += b.ru_count;
    j += b.en_count;
  }
  FUZZ_CHECK(i == static_cast<int32_t>(n) && j == static_cast<int32_t>(m));
}

// Sorted, unique ids below `limit`.
std::vector<uint32_t> Ids(FuzzedDataProvider& in, size_t max_count, uint32_t limit) {
  std::vector<uint32_t> ids(in.ConsumeIntegralInRange<size_t>(0, max_count));
  for (uint32_t& id : ids) id = in.ConsumeIntegralInRange<uint32_t>(0, limit - 1);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

// Up to `max`, but mostly a fifth of it: random features make the band widen
// to the whole matrix, so large sides cost quadratic time.
size_t Count(FuzzedDataProvider& in, size_t max) {
  return in.ConsumeIntegralInRange<size_t>(0, in.ConsumeProbability<double>() < 0.25 ? max : max / 5);
}

std::vector<SentenceFeatures> Side(FuzzedDataProvider& in, size_t max_sentences) {
  std::vector<SentenceFeatures> side(Count(in, max_sentences));
  for (SentenceFeatures& s : side) {
    // Mostly sentence-like lengths, sometimes anything a span may hold.
    s.length = in.ConsumeBool() ? in.ConsumeIntegralInRange<int32_t>(1, 400)
                                : in.ConsumeIntegralInRange<int32_t>(0, 100000);
    s.anchors = Ids(in, 4, 64);
    s.words = Ids(in, 8, 256);
  }
  return side;
}

TranslationTable Table(FuzzedDataProvider& in) {
  TranslationTable table;
  table.targets.resize(in.ConsumeIntegralInRange<size_t>(0, 256));
  for (auto& targets : table.targets) {
    if (in.ConsumeBool()) targets = Ids(in, 3, 256);
  }
  return table;
}

AlignOptions Options(FuzzedDataProvider& in, size_t n, size_t m) {
  AlignOptions options;
  options.initial_band = in.ConsumeIntegralInRange<int32_t>(1, 64);
  options.fine_band = in.ConsumeIntegralInRange<int32_t>(1, 32);
  options.max_cells = int64_t{1} << in.ConsumeIntegralInRange(8, 24);
  options.use_anchors = in.ConsumeBool();
  options.use_words = in.ConsumeBool();
  if (in.ConsumeBool()) {
    // Monotone English positions for Russian positions 0..n, as documented.
    options.expected_path.resize(n + 1);
    int32_t j = 0;
    for (int32_t& p : options.expected_path) {
      j = std::min(static_cast<int32_t>(m), j + in.ConsumeIntegralInRange<int32_t>(0, 3));
      p = j;
    }
  }
  return options;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  FuzzedDataProvider in(data, size);
  switch (in.ConsumeIntegralInRange(0, 2)) {
    case 0: {  // one document, features and a dictionary
      const std::vector<SentenceFeatures> ru = Side(in, 200), en = Side(in, 200);
      const TranslationTable table = Table(in);
      AlignModel model = DefaultModel();
      model.length.ratio = in.ConsumeFloatingPointInRange(0.5, 2.0);
      const AlignOptions options = Options(in, ru.size(), en.size());
      AlignStats stats;
      CheckAlignment(Align(ru, en, table, model, options, &stats), ru.size(), en.size());
      for (const double e : stats.expected_shapes) FUZZ_CHECK(std::isfinite(e) && e >= 0);
      break;
    }
    case 1: {  // length only, the model estimated from the pair
      std::vector<int32_t> ru(Count(in, 200));
      for (int32_t& l : ru) l = in.ConsumeIntegralInRange<int32_t>(0, 2000);
      std::vector<int32_t> en(Count(in, 200));
      for (int32_t& l : en) l = in.ConsumeIntegralInRange<int32_t>(0, 2000);
      CheckAlignment(Align(ru, en, Options(in, ru.size(), en.size())), ru.size(), en.size());
      break;
    }
    default: {  // a batch of two passes, lexicon learned
      std::vector<DocumentFeatures> docs(in.ConsumeIntegralInRange(1, 3));
      for (DocumentFeatures& d : docs) {
        d.ru = Side(in, 60);
        d.en = Side(in, 60);
      }
      const TranslationTable dictionary = Table(in);
      BatchOptions options;
      options.align.initial_band = in.ConsumeIntegralInRange<int32_t>(1, 64);
      options.align.fine_band = in.ConsumeIntegralInRange<int32_t>(1, 32);
      options.learn_lexicon = in.ConsumeBool();
      options.estimate_priors = in.ConsumeBool();
      options.confident_score = in.ConsumeFloatingPointInRange(0.0, 1.0);
      const std::vector<Alignment> result = AlignBatch(docs, dictionary, options);
      FUZZ_CHECK(result.size() == docs.size());
      for (size_t d = 0; d < docs.size(); ++d) {
        CheckAlignment(result[d], docs[d].ru.size(), docs[d].en.size());
      }
    }
  }
  return 0;
}
