// `sverka batch`: many pairs read, segmented, aligned and stored by worker
// threads feeding one writer (SQLite has a single writer), which commits
// the pairs ready in groups (up to 64 pairs or half a second each). Resumable: a pair stored with the same content hashes is
// skipped, so a rerun after an interruption finishes the rest.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "align/batch_aligner.h"
#include "common/status.h"
#include "pipeline/align_pair.h"
#include "pipeline/document_reader.h"
#include "pipeline/pair_finder.h"
#include "formats/dictionary_reader.h"

namespace sverka::pipeline {

// Bead shapes counted in a PairOutcome, in this order.
inline constexpr std::array<std::string_view, 6> kShapeNames = {"1-1", "1-0", "0-1",
                                                                "2-1", "1-2", "other"};

// What happened to one pair.
struct PairOutcome {
  enum class State { kStored, kSkipped, kFailed };
  std::string name;
  State state = State::kFailed;
  std::string reason;  // why skipped or failed (one line, names the file); empty when stored
  size_t ru_sentences = 0, en_sentences = 0;
  std::array<size_t, kShapeNames.size()> shapes{};  // bead counts by kShapeNames
  double mean_score = 0;
  size_t suspicious = 0;  // beads scored below BatchRunOptions::suspicious_score
};

std::string_view StateName(PairOutcome::State state);  // "ok", "skipped", "failed"

struct BatchRunOptions {
  int jobs = 1;  // worker threads that read, segment and align (at least 1)
  // Train the learned lexicon on the whole batch (two passes: every pair is
  // read first, unchanged ones too, so a rerun gets the same lexicon);
  // otherwise each pair is aligned on its own.
  bool pool_lexicon = false;
  ReadOptions read;
  align::BatchOptions align;
  std::span<const formats::DictionaryEntry> dictionary;  // shared, read-only
  // When set (by a SIGINT handler, say) no new pair is started; the pairs in
  // flight are finished and stored. May be null.
  const std::atomic<bool>* stop = nullptr;
  double suspicious_score = 0.5;
  // Store pairs that do not look like a translation of each other
  // (CheckParallel) instead of failing them.
  bool force = false;
  // The beads are stored without their full-text index entries, marked
  // pending (tm::OpenOptions::defer_index); with `index`, they are indexed in
  // one transaction once every pair is stored (batch --index).
  bool index = false;
};

struct BatchSummary {
  std::vector<PairOutcome> outcomes;  // one per finished pair, in the order of the items
  size_t stored = 0, skipped = 0, failed = 0;
  bool interrupted = false;  // `stop` was set before every pair was done
  // The first environment failure (a write the database refused), if any;
  // the pair it hit is failed too.
  Status internal;
  int64_t indexed = 0;  // beads indexed at the end (`index`)
  Status index_failed;  // why they could not be (the beads stay stored, pending)
};

// Called on the calling thread once per finished pair, as pairs finish.
using OutcomeSink = std::function<void(const PairOutcome&)>;

// Aligns `items` into the translation memory at `db_path` (created when
// missing). A pair whose stored document has the same content hashes is
// skipped; a changed pair replaces its document unless that document has
// reviewed beads (status not 'auto'): then it fails with the conflict and
// the stored document is kept (doc/decisions.md). Broken pairs fail with
// their reason and the others go on. Fails only when the memory cannot be
// opened, read, or the dictionary cannot be prepared. Pairs are committed
// whole, in groups: killed at any moment, the
// memory holds whole documents only.
Result<BatchSummary> RunBatch(const std::string& db_path, std::span<const BatchItem> items,
                              const BatchRunOptions& options, const OutcomeSink& sink = {});

// The counts and scores of an aligned pair (state kStored, no reason).
PairOutcome SummarizePair(const std::string& name, const AlignedPair& pair,
                          double suspicious_score);

}  // namespace sverka::pipeline
