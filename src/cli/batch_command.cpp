// sverka batch DIR|MANIFEST.tsv --db TM [-j N] [--pool-lexicon] [--report out.tsv] [--index]
//              [--quiet]
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli_util.h"
#include "cli/exit_code.h"
#include "text/display_text.h"
#include "common/json.h"
#include "pipeline/batch_runner.h"
#include "common/output_file.h"

namespace sverka::cli {
namespace {

std::atomic<bool> g_stop{false};

// First SIGINT: finish the pairs in flight, then stop. A second one kills
// (the default action is back).
void OnInterrupt(int) {
  g_stop.store(true);
  std::signal(SIGINT, SIG_DFL);
}

std::string Fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// Tabs and line breaks would break the row; messages are one line anyway.
std::string Cell(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

std::string JsonLine(const pipeline::PairOutcome& o, size_t done, size_t total) {
  std::string out = "{\"name\":" + JsonQuote(o.name) + ",\"status\":\"" +
                    std::string(pipeline::StateName(o.state)) + "\"";
  if (!o.reason.empty()) out += ",\"reason\":" + JsonQuote(o.reason);
  if (o.state == pipeline::PairOutcome::State::kStored) {
    out += ",\"ru_sentences\":" + std::to_string(o.ru_sentences) +
           ",\"en_sentences\":" + std::to_string(o.en_sentences) + ",\"beads\":{";
    for (size_t k = 0; k < pipeline::kShapeNames.size(); ++k) {
      out += (k ? ",\"" : "\"") + std::string(pipeline::kShapeNames[k]) +
             "\":" + std::to_string(o.shapes[k]);
    }
    out += "},\"mean_score\":" + Fixed(o.mean_score, 4) +
           ",\"suspicious\":" + std::to_string(o.suspicious);
  }
  return out + ",\"done\":" + std::to_string(done) + ",\"total\":" + std::to_string(total) + "}";
}

std::string Clock(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  return buf;
}

// Writes the report through an OutputFile (never onto the memory `db`).
Status WriteReport(const std::string& path, const pipeline::BatchSummary& summary,
                   const std::string& db) {
  std::ostringstream out;
  out << "name\tru_sentences\ten_sentences";
  for (std::string_view shape : pipeline::kShapeNames) out << "\tbeads_" << shape;
  out << "\tmean_score\tsuspicious\tstatus\treason\n";
  for (const pipeline::PairOutcome& o : summary.outcomes) {
    out << Cell(o.name) << "\t" << o.ru_sentences << "\t" << o.en_sentences;
    for (size_t n : o.shapes) out << "\t" << n;
    out << "\t" << Fixed(o.mean_score, 4) << "\t" << o.suspicious << "\t"
        << pipeline::StateName(o.state) << "\t" << Cell(o.reason) << "\n";
  }
  return WriteFileAtomically(path, out.str(), {db});
}

// `batch --list-pairs`: the pairs as batch finds them, for the workflow's
// shards (tools/snakemake), so that one set of rules decides what a pair is.
int PrintPairs(const std::vector<pipeline::BatchItem>& items) {
  auto absolute = [](const std::string& path) {
    if (path.empty()) return path;
    std::error_code ec;
    const std::filesystem::path full = std::filesystem::absolute(path, ec);
    return ec ? path : full.lexically_normal().string();
  };
  for (const pipeline::BatchItem& item : items) {
    std::cout << item.name << '\t' << absolute(item.ru) << '\t' << absolute(item.en) << '\t'
              << item.problem << '\n';
  }
  std::cout.flush();
  if (!std::cout) return Report(Status::Io("standard output: cannot write the pairs"));
  return 0;
}

}  // namespace

int RunBatch(const Args& args) {
  po::options_description options("Options");
  std::string input, db, report;
  int jobs = 1;
  ReadArgs read_args;
  options.add_options()(
      "source", po::value(&input)->required(),
      "a directory of NAME.ru.txt + NAME.en.txt pairs (.html, .htm too), or a manifest: "
      "NAME<TAB>RU<TAB>EN lines")("db", po::value(&db),
                                  "translation memory to store into (created when missing)")(
      "list-pairs", "print the pairs it would align, NAME<TAB>RU<TAB>EN<TAB>PROBLEM with absolute "
                    "paths (PROBLEM empty for a pair), and store nothing")(
      "jobs,j", po::value(&jobs)->default_value(1), "worker threads that read and align")(
      "pool-lexicon", "learn the lexicon on the whole batch (two passes) instead of pair by pair")(
      "report", po::value(&report), "write one TSV row per pair to this file")(
      "index", "index the stored beads for search at the end (else: 'sverka index', or search "
               "reads them unindexed)")(
      "force", "store pairs that do not look like a translation of each other (else: failed)")(
      "monotone", "pair no moved paragraph: every bead in both texts' order")(
      "no-structure", "headings both texts share (\"Глава 5\" and \"Chapter 5\", HTML <h1>-<h6>) do not bound the alignment")(
      "quiet,q", "no progress and no summary on success");
  AddDictionaryOptions(options);
  AddReadOptions(options, read_args);
  po::positional_options_description positional;
  positional.add("source", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka batch DIR|MANIFEST.tsv --db TM [-j N] [--pool-lexicon]\n"
                "                    [--report out.tsv] [--index] [--quiet]\n"
                "       sverka batch DIR|MANIFEST.tsv --list-pairs\n\n"
                "Aligns and stores every pair; unchanged pairs already stored are skipped,\n"
                "broken ones reported. Ctrl-C stops after the pairs in flight.")) {
    return 0;
  }
  const bool list_pairs = vm.count("list-pairs") > 0;
  if (!list_pairs && db.empty()) throw UsageError("the option '--db' is required but missing");
  if (list_pairs && !db.empty()) throw UsageError("--list-pairs stores nothing: no --db with it");
  if (jobs < 1 || jobs > 256)
    throw UsageError("--jobs must be between 1 and 256, not " + std::to_string(jobs));
  const pipeline::ReadOptions read_options = ToReadOptions(read_args, vm);
  const bool quiet = vm.count("quiet") > 0;
  // Refused before any pair is stored (checked again when it is written).
  if (!report.empty()) {
    if (Status s = CheckOutputPath(report, {db}); !s.ok()) return Report(s);
  }

  std::error_code ec;
  Result<std::vector<pipeline::BatchItem>> items = std::filesystem::is_directory(input, ec)
                                                       ? pipeline::FindPairs(input)
                                                       : pipeline::ReadManifest(input);
  if (!items.ok()) return Report(items.status());
  if (items->empty()) return Report(Status::InvalidData(input + ": no pairs found"));
  if (list_pairs) return PrintPairs(*items);
  Result<std::vector<formats::DictionaryEntry>> dictionary = LoadDictionaries(vm);
  if (!dictionary.ok()) return Report(dictionary.status());

  pipeline::BatchRunOptions run;
  run.jobs = jobs;
  run.pool_lexicon = vm.count("pool-lexicon") > 0;
  run.index = vm.count("index") > 0;
  run.force = vm.count("force") > 0;
  run.align.align.pair_moved = !vm.count("monotone");
  run.align.use_structure = !vm.count("no-structure");
  run.read = read_options;
  run.dictionary = *dictionary;
  run.stop = &g_stop;

  const bool bar = !quiet && ::isatty(STDERR_FILENO);
  const size_t total = items->size();
  size_t done = 0, sentences = 0;
  const auto start = std::chrono::steady_clock::now();
  auto progress = [&](const pipeline::PairOutcome& o) {
    ++done;
    sentences += o.ru_sentences + o.en_sentences;
    if (quiet) return;
    if (!bar) {
      std::cout << JsonLine(o, done, total) << "\n";
      std::cout.flush();
      return;
    }
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double eta = elapsed / static_cast<double>(done) * static_cast<double>(total - done);
    const int width = 30, filled = static_cast<int>(width * done / total);
    std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, '.') << "] "
              << done << "/" << total << "  " << Fixed(elapsed > 0 ? sentences / elapsed : 0, 0)
              << " sentences/s  " << Clock(elapsed) << " elapsed  ETA " << Clock(eta) << "   ";
    std::cerr.flush();
  };

  g_stop.store(false);
  std::signal(SIGINT, OnInterrupt);
  Result<pipeline::BatchSummary> summary = pipeline::RunBatch(db, *items, run, progress);
  std::signal(SIGINT, SIG_DFL);
  if (bar) std::cerr << "\n";
  if (!summary.ok()) return Report(summary.status());
  if (!report.empty()) {
    if (Status s = WriteReport(report, *summary, db); !s.ok()) return Report(s);
  }
  for (const pipeline::PairOutcome& o : summary->outcomes) {
    if (o.state == pipeline::PairOutcome::State::kFailed) {
      std::cerr << "sverka: " << text::VisibleControls(o.name + ": " + o.reason) << "\n";
    }
  }
  const bool failed = summary->failed > 0 || summary->interrupted || !summary->internal.ok();
  if (!quiet || failed) {
    std::cerr << "sverka batch: " << summary->stored << " stored, " << summary->skipped
              << " skipped (unchanged), " << summary->failed << " failed, of " << total << " pairs";
    if (summary->interrupted) {
      std::cerr << "; interrupted after " << summary->outcomes.size()
                << " pairs: run again to finish";
    }
    std::cerr << "\n";
  }
  if (!summary->index_failed.ok()) {
    std::cerr << "sverka: " << summary->index_failed.message()
              << " (the pairs are stored; 'sverka index' indexes them later)\n";
  }
  std::cout.flush();
  if (!summary->internal.ok()) return kExitInternal;
  if (!summary->index_failed.ok()) return ExitCode(summary->index_failed);
  if (summary->interrupted) return kExitInterrupted;
  return summary->failed > 0 ? 1 : 0;
}

}  // namespace sverka::cli
