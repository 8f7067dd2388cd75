#include "pipeline/batch_runner.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "common/parallel.h"
#include "common/document.h"
#include "tm/documents.h"
#include "tm/queries.h"
#include "tm/search.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {
namespace {

using StateMap = std::map<std::string, tm::StoredDocumentState, std::less<>>;

// A pair after the workers: failed, skipped, or ready to store.
struct Prepared {
  size_t index = 0;
  PairOutcome outcome;
  std::optional<AlignedPair> pair;  // set when it is to be stored
  bool replace = false;             // a changed document replaces the stored one
  bool align = false;               // pooled mode: to be aligned and stored
};

PairOutcome Failed(const BatchItem& item, std::string reason) {
  PairOutcome o;
  o.name = item.name;
  o.state = PairOutcome::State::kFailed;
  o.reason = std::move(reason);
  return o;
}

enum class Decision {
  kBroken,    // failed: cannot be read (outcome says why)
  kSkip,      // unchanged
  kConflict,  // changed, but reviewed beads are stored (outcome says so)
  kAlign,     // new or changed
};

// The two sides of a pair, each read and decoded once: their hashes decide
// whether the pair needs aligning, their text is what ReadPair segments.
struct PairFiles {
  text::TextFile ru, en;
};

// Decides from the hashes alone whether `item` needs aligning, reading its
// files into `files`. Sets `prepared.outcome` unless the answer is kAlign.
Decision Decide(const BatchItem& item, const StateMap& stored, const ReadOptions& read,
                Prepared& prepared, PairFiles& files) {
  if (!item.problem.empty()) {
    prepared.outcome = Failed(item, item.problem);
    return Decision::kBroken;
  }
  Result<text::TextFile> ru = ReadSideFile(item.ru, read);
  if (!ru.ok()) {
    prepared.outcome = Failed(item, ru.status().message());
    return Decision::kBroken;
  }
  Result<text::TextFile> en = ReadSideFile(item.en, read);
  if (!en.ok()) {
    prepared.outcome = Failed(item, en.status().message());
    return Decision::kBroken;
  }
  files = {std::move(ru).value(), std::move(en).value()};
  const auto it = stored.find(item.name);
  if (it == stored.end()) return Decision::kAlign;
  if (it->second.ru_hash == SideHash(files.ru) && it->second.en_hash == SideHash(files.en)) {
    prepared.outcome.name = item.name;
    prepared.outcome.state = PairOutcome::State::kSkipped;
    prepared.outcome.reason = "unchanged (already stored with the same content hashes)";
    return Decision::kSkip;
  }
  if (it->second.reviewed_beads > 0) {
    prepared.outcome = Failed(item, "changed since stored, but the stored document has " +
                                        std::to_string(it->second.reviewed_beads) +
                                        " reviewed beads: not realigned, the review is kept ('sverka align --replace "
                                        "--discard-review' realigns it and discards the review)");
    return Decision::kConflict;
  }
  prepared.replace = true;
  return Decision::kAlign;
}

// Segments both sides, read by Decide; a side without sentences is an error too.
Result<AlignedPair> ReadPair(const BatchItem& item, const ReadOptions& read, PairFiles files) {
  SVERKA_ASSIGN_OR_RETURN(SideText ru, ReadSide(item.ru, std::move(files.ru), Language::kRussian, read));
  SVERKA_ASSIGN_OR_RETURN(SideText en, ReadSide(item.en, std::move(files.en), Language::kEnglish, read));
  for (const SideText* side : {&ru, &en}) {
    if (side->sentences.empty()) return Status::InvalidData(side->file + ": no sentences to align");
  }
  return AlignedPair{std::move(ru), std::move(en), {}};
}

// The single writer: stores prepared pairs in groups (tm::kCommitGroup*)
// and keeps the summary.
class Writer {
 public:
  Writer(tm::TmStore& store, size_t n, const OutcomeSink& sink)
      : store_(store), done_(n), sink_(sink) {}

  // Takes a finished pair: one to store waits for the group's commit, the
  // others are reported at once.
  void Add(Prepared p) {
    if (!p.pair) {
      Report(std::move(p));
      return;
    }
    if (pending_.empty()) oldest_ = std::chrono::steady_clock::now();
    pending_sentences_ += p.pair->ru.sentences.size() + p.pair->en.sentences.size();
    pending_.push_back(std::move(p));
    if (pending_.size() >= tm::kCommitGroupDocuments || pending_sentences_ >= tm::kCommitGroupSentences) {
      Flush();
    }
  }

  bool HasPending() const { return !pending_.empty(); }
  // When the pairs waiting should be committed even if no more come.
  std::chrono::steady_clock::time_point Deadline() const { return oldest_ + tm::kCommitGroupDelay; }

  // Commits the pairs waiting, in one transaction, and reports them.
  void Flush() {
    if (pending_.empty()) return;
    std::vector<DocumentRecord> docs(pending_.size());
    std::vector<tm::DocumentWrite> writes(pending_.size());
    for (size_t k = 0; k < pending_.size(); ++k) {
      Prepared& p = pending_[k];
      docs[k] = ToDocument(p.outcome.name, std::move(*p.pair));
      p.pair.reset();
      writes[k] = {&docs[k], p.replace};
    }
    Result<std::vector<Status>> stored = tm::AddDocuments(store_, writes);
    for (size_t k = 0; k < pending_.size(); ++k) {
      const Status& s = stored.ok() ? (*stored)[k] : stored.status();
      if (!s.ok()) {
        Prepared& p = pending_[k];
        const std::string name = p.outcome.name;
        p.outcome = PairOutcome{};
        p.outcome.name = name;
        p.outcome.reason = s.message();
        if ((s.kind() == ErrorKind::kInternal || s.kind() == ErrorKind::kBusy ||
             s.kind() == ErrorKind::kIo) &&
            summary_.internal.ok()) summary_.internal = s;
      }
      Report(std::move(pending_[k]));
    }
    pending_.clear();
    pending_sentences_ = 0;
  }

  BatchSummary Take(bool interrupted) {
    Flush();
    for (std::optional<PairOutcome>& o : done_) {
      if (o) summary_.outcomes.push_back(std::move(*o));
    }
    summary_.interrupted = interrupted;
    return std::move(summary_);
  }

 private:
  void Report(Prepared p) {
    switch (p.outcome.state) {
      case PairOutcome::State::kStored:
        ++summary_.stored;
        break;
      case PairOutcome::State::kSkipped:
        ++summary_.skipped;
        break;
      case PairOutcome::State::kFailed:
        ++summary_.failed;
        break;
    }
    if (sink_) sink_(p.outcome);
    done_[p.index] = std::move(p.outcome);
  }

  tm::TmStore& store_;
  std::vector<std::optional<PairOutcome>> done_;
  const OutcomeSink& sink_;
  BatchSummary summary_;
  std::vector<Prepared> pending_;
  size_t pending_sentences_ = 0;
  std::chrono::steady_clock::time_point oldest_;
};

// Segments and aligns `item`, its `files` read by Decide, into `p` (its
// outcome, and the pair to store): the dictionary is waited for only once
// the pair is read; the worker's tokenizers are made at its first pair and kept.
void AlignOne(const BatchItem& item, const BatchRunOptions& options,
              const std::shared_future<Result<PreparedDictionary>>& dictionary,
              std::optional<Result<WordTokenizers>>& tokenizers, PairFiles files, Prepared& p) {
  Result<AlignedPair> pair = ReadPair(item, options.read, std::move(files));
  if (!pair.ok()) {
    p.outcome = Failed(item, pair.status().message());
    return;
  }
  if (!tokenizers) tokenizers = WordTokenizers::Create();
  const Status ready = !dictionary.get().ok() ? dictionary.get().status() : tokenizers->status();
  if (!ready.ok()) {
    p.outcome = Failed(item, ready.message());
    return;
  }
  if (Status s = AlignSideBatch({&*pair, 1}, options.align, *dictionary.get(), **tokenizers);
      !s.ok()) {
    p.outcome = Failed(item, s.message());
    return;
  }
  if (Status s = CheckParallel(*pair); !s.ok() && !options.force) {
    p.outcome = Failed(item, s.message());
    return;
  }
  p.outcome = SummarizePair(item.name, *pair, options.suspicious_score);
  p.pair = std::move(pair).value();
}

// Each pair aligned on its own: workers prepare, the calling thread stores.
// The dictionary is prepared on the calling thread while the workers read
// their first pairs (it costs about as much as aligning an article); when
// it cannot be prepared, every pair to align fails and its Status is returned.
Status RunEach(std::span<const BatchItem> items, const StateMap& stored,
               const BatchRunOptions& options, Writer& writer) {
  std::promise<Result<PreparedDictionary>> promise;
  const std::shared_future<Result<PreparedDictionary>> dictionary = promise.get_future().share();
  std::mutex mu;
  std::condition_variable ready;
  std::deque<Prepared> queue;
  bool workers_done = false;
  // Each worker thread's tokenizers (AlignOne makes them).
  std::vector<std::optional<Result<WordTokenizers>>> tokenizers(std::max(options.jobs, 1));
  std::thread workers([&] {
    ParallelFor(items.size(), options.jobs, options.stop, [&](size_t k, size_t slot) {
      Prepared p;
      p.index = k;
      PairFiles files;
      if (Decide(items[k], stored, options.read, p, files) == Decision::kAlign) {
        AlignOne(items[k], options, dictionary, tokenizers[slot], std::move(files), p);
      }
      std::lock_guard<std::mutex> lock(mu);
      queue.push_back(std::move(p));
      ready.notify_one();
    });
    std::lock_guard<std::mutex> lock(mu);
    workers_done = true;
    ready.notify_one();
  });
  promise.set_value(PrepareDictionary(options.dictionary, options.jobs));
  size_t received = 0;
  for (;;) {
    std::deque<Prepared> taken;
    bool done = false;
    {
      std::unique_lock<std::mutex> lock(mu);
      const auto some = [&] { return !queue.empty() || workers_done; };
      if (writer.HasPending()) {
        ready.wait_until(lock, writer.Deadline(), some);
      } else {
        ready.wait(lock, some);
      }
      taken.swap(queue);
      done = workers_done && taken.empty();
    }
    received += taken.size();
    for (Prepared& p : taken) writer.Add(std::move(p));
    // Over the last group's worth of pairs, what waits is committed as it
    // comes: a last group would be written after the workers are done, with
    // the other core idle (about 50 ms at -j 2 for a 500-pair batch).
    const bool last = items.size() - received <= tm::kCommitGroupDocuments;
    if (done || last ||
        (writer.HasPending() && std::chrono::steady_clock::now() >= writer.Deadline())) {
      writer.Flush();
    }
    if (done) break;
  }
  workers.join();
  return dictionary.get().status();
}

// One lexicon for the batch: every pair is read (in parallel), all readable
// pairs aligned together, then the new and changed ones stored.
Status RunPooled(std::span<const BatchItem> items, const StateMap& stored,
                 const BatchRunOptions& options, Writer& writer, bool& interrupted) {
  std::vector<Prepared> prepared(items.size());
  std::vector<char> visited(items.size(), 0);  // not vector<bool>: written by several threads
  ParallelFor(items.size(), options.jobs, options.stop, [&](size_t k, size_t) {
    Prepared& p = prepared[k];
    p.index = k;
    visited[k] = 1;
    PairFiles files;
    const Decision decision = Decide(items[k], stored, options.read, p, files);
    if (decision == Decision::kBroken) return;  // not part of the pool
    // Unchanged and conflicting pairs still train the lexicon: the pool, and
    // so every bead, is the same whatever was stored before.
    p.align = decision == Decision::kAlign;
    Result<AlignedPair> pair = ReadPair(items[k], options.read, std::move(files));
    if (!pair.ok()) {
      p.outcome = Failed(items[k], pair.status().message());
      p.align = false;
      return;
    }
    p.pair = std::move(pair).value();
  });
  for (const char v : visited) interrupted = interrupted || !v;
  if (interrupted) {
    // The pool is incomplete: aligning now would give other beads than a
    // full run. Report what failed and stop; a rerun starts over.
    for (Prepared& p : prepared) {
      if (p.outcome.state == PairOutcome::State::kFailed && !p.outcome.name.empty() && !p.pair) {
        writer.Add(std::move(p));
      }
    }
    return Status::Ok();
  }
  std::vector<AlignedPair> pool;
  std::vector<size_t> where;
  for (size_t k = 0; k < prepared.size(); ++k) {
    if (prepared[k].pair) {
      pool.push_back(std::move(*prepared[k].pair));
      where.push_back(k);
    }
  }
  // Both passes align documents on the worker threads too.
  align::BatchOptions pooled = options.align;
  pooled.jobs = options.jobs;
  const Result<PreparedDictionary> dictionary = PrepareDictionary(options.dictionary, options.jobs);
  const Status aligned =
      dictionary.ok() ? AlignSideBatch(pool, pooled, *dictionary) : dictionary.status();
  for (size_t j = 0; j < pool.size(); ++j) {
    Prepared& p = prepared[where[j]];
    p.pair.reset();
    if (!p.align) continue;
    if (!aligned.ok()) {
      p.outcome = Failed(items[where[j]], aligned.message());
      continue;
    }
    if (Status s = CheckParallel(pool[j]); !s.ok() && !options.force) {
      p.outcome = Failed(items[where[j]], s.message());
      continue;
    }
    p.outcome = SummarizePair(items[where[j]].name, pool[j], options.suspicious_score);
    p.pair = std::move(pool[j]);
  }
  for (Prepared& p : prepared) writer.Add(std::move(p));
  return dictionary.status();
}

}  // namespace

std::string_view StateName(PairOutcome::State state) {
  switch (state) {
    case PairOutcome::State::kStored:
      return "ok";
    case PairOutcome::State::kSkipped:
      return "skipped";
    case PairOutcome::State::kFailed:
      return "failed";
  }
  return "failed";
}

PairOutcome SummarizePair(const std::string& name, const AlignedPair& pair,
                          double suspicious_score) {
  PairOutcome o;
  o.name = name;
  o.state = PairOutcome::State::kStored;
  o.ru_sentences = pair.ru.sentences.size();
  o.en_sentences = pair.en.sentences.size();
  double sum = 0;
  for (const Bead& b : pair.beads) {
    const std::string shape = std::to_string(b.ru_count) + "-" + std::to_string(b.en_count);
    size_t s = kShapeNames.size() - 1;
    for (size_t k = 0; k + 1 < kShapeNames.size(); ++k) {
      if (kShapeNames[k] == shape) s = k;
    }
    ++o.shapes[s];
    sum += b.score;
    if (b.score < suspicious_score) ++o.suspicious;
  }
  o.mean_score = pair.beads.empty() ? 0 : sum / static_cast<double>(pair.beads.size());
  return o;
}

Result<BatchSummary> RunBatch(const std::string& db_path, std::span<const BatchItem> items,
                              const BatchRunOptions& options, const OutcomeSink& sink) {
  // Pairs are committed in groups without a sync each: every commit is
  // whole, and a rerun redoes any a kill or power cut lost. The full-text
  // index is left for later (doc/decisions.md).
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<tm::TmStore> store, tm::TmStore::Open(
      db_path, tm::OpenMode::kCreateOrWrite,
      {.sync_each_commit = false, .defer_index = true, .quick_check = true}));
  SVERKA_ASSIGN_OR_RETURN(std::vector<tm::StoredDocumentState> states, tm::DocumentStates(*store));
  StateMap stored;
  for (tm::StoredDocumentState& s : states) stored.emplace(s.name, std::move(s));
  Writer writer(*store, items.size(), sink);
  bool interrupted = false;
  // The dictionary is tokenized once for the run (it costs more than
  // aligning an article); a failure there fails the run.
  Status prepared;
  if (options.pool_lexicon) {
    prepared = RunPooled(items, stored, options, writer, interrupted);
  } else {
    prepared = RunEach(items, stored, options, writer);
  }
  BatchSummary summary = writer.Take(interrupted);
  if (!prepared.ok()) return prepared;
  summary.interrupted = summary.interrupted || summary.outcomes.size() < items.size();
  if (options.index && !summary.interrupted && summary.internal.ok()) {
    // Every pending bead, this run's and any an earlier run left.
    Result<int64_t> indexed = tm::UpdateIndex(*store);
    if (indexed.ok()) {
      summary.indexed = *indexed;
    } else {
      summary.index_failed = indexed.status();
    }
  }
  return summary;
}

}  // namespace sverka::pipeline
