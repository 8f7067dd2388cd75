// sverka eval GOLD_DIR [OUT_DIR]: aligns every NAME.ru.sent / NAME.en.sent
// pair of a directory as one batch and scores it against NAME.links, with the
// figures and format of ../shared/eval/score.py.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "align/alignment_score.h"
#include "cli/cli_util.h"
#include "pipeline/align_pair.h"
#include "text/text_file.h"
#include "formats/links_format.h"
#include "common/output_file.h"

namespace sverka::cli {
namespace {

namespace fs = std::filesystem;

}  // namespace

int RunEval(const Args& args) {
  po::options_description options("Options");
  std::string gold_dir, out_dir;
  options.add_options()
      ("gold", po::value(&gold_dir)->required(), "directory of NAME.ru.sent, NAME.en.sent, NAME.links")
      ("out", po::value(&out_dir), "write the predicted NAME.links files here")
      ("no-anchors", "ablation: ignore numbers, names, months and punctuation")
      ("no-words", "ablation: ignore words (no lexicon)")
      ("no-lexicon", "ablation: no learned lexicon (one pass)")
      ("per-document", "learn the lexicon per document instead of over the whole set")
      ("no-structure", "headings both texts share (\"Глава 5\" and \"Chapter 5\", HTML <h1>-<h6>) do not bound the alignment");
  AddDictionaryOptions(options);
  po::positional_options_description positional;
  positional.add("gold", 1).add("out", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka eval GOLD_DIR [OUT_DIR]\n\n"
                "Aligns every NAME.ru.sent / NAME.en.sent pair of GOLD_DIR (presegmented) as\n"
                "one batch and prints strict bead and lax link precision, recall and F1\n"
                "against NAME.links, as ../shared/eval/score.py does.")) {
    return 0;
  }
  std::error_code ec;
  if (!fs::is_directory(gold_dir, ec)) {
    return Report(Status::InvalidData(gold_dir + ": not a directory"));
  }
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(gold_dir, ec)) {
    const std::string file = entry.path().filename().string();
    if (file.size() > 6 && file.ends_with(".links")) names.push_back(file.substr(0, file.size() - 6));
  }
  std::sort(names.begin(), names.end());
  if (names.empty()) return Report(Status::InvalidData(gold_dir + ": no NAME.links files"));
  if (!out_dir.empty() && !fs::is_directory(out_dir, ec)) {
    // A missing OUT_DIR is made (its parent must exist); a file there is refused.
    if (fs::exists(out_dir, ec)) return Report(Status::InvalidData(out_dir + ": not a directory"));
    if (!fs::create_directory(out_dir, ec)) {
      return Report(Status::InvalidData(out_dir + ": cannot create the directory: " + ec.message()));
    }
  }

  align::BatchOptions batch;
  batch.align.use_anchors = !vm.count("no-anchors");
  batch.align.use_words = !vm.count("no-words");
  batch.learn_lexicon = !vm.count("no-lexicon");
  batch.use_structure = !vm.count("no-structure");
  std::vector<pipeline::PairPaths> paths;
  for (const std::string& name : names) {
    const fs::path stem = fs::path(gold_dir) / name;
    paths.push_back({stem.string() + ".ru.sent", stem.string() + ".en.sent"});
  }
  Result<std::vector<formats::DictionaryEntry>> dictionary = LoadDictionaries(vm);
  if (!dictionary.ok()) return Report(dictionary.status());
  std::vector<pipeline::AlignedPair> pairs;
  pipeline::ReadOptions read;
  read.presegmented = true;
  if (vm.count("per-document")) {
    for (const auto& p : paths) {
      Result<pipeline::AlignedPair> pair = pipeline::AlignFiles(p.ru, p.en, read, batch, *dictionary);
      if (!pair.ok()) return Report(pair.status());
      pairs.push_back(std::move(pair).value());
    }
  } else {
    Result<std::vector<pipeline::AlignedPair>> all = pipeline::AlignFileBatch(paths, read, batch, *dictionary);
    if (!all.ok()) return Report(all.status());
    pairs = std::move(all).value();
  }

  align::ScoreTally tally;
  for (size_t k = 0; k < names.size(); ++k) {
    const std::string gold_path = (fs::path(gold_dir) / (names[k] + ".links")).string();
    Result<text::TextFile> gold_file = text::ReadTextFile(gold_path);
    if (!gold_file.ok()) return Report(gold_file.status());
    Result<Alignment> gold = formats::ParseLinks(gold_path, gold_file->bytes);
    if (!gold.ok()) return Report(gold.status());
    tally.Add(*gold, pairs[k].beads);
    if (!out_dir.empty()) {
      std::string links;
      for (const Bead& b : pairs[k].beads) links += formats::FormatLinksLine(b) + "\n";
      if (Status s = WriteFileAtomically(fs::path(out_dir) / (names[k] + ".links"), links); !s.ok()) {
        return Report(s);
      }
    }
  }
  const align::PrecisionRecall strict = align::Strict(tally), lax = align::Lax(tally);
  std::printf("docs %lld  gold beads %lld\n", static_cast<long long>(tally.documents),
              static_cast<long long>(tally.strict_gold));
  std::printf("strict P %.4f R %.4f F1 %.4f\n", strict.precision, strict.recall, strict.f1);
  std::printf("lax    P %.4f R %.4f F1 %.4f\n", lax.precision, lax.recall, lax.f1);
  return 0;
}

}  // namespace sverka::cli
