// sverka align RU EN [--presegmented] [--format links|tsv|json] [--db TM --name NAME]
#include <sys/stat.h>

#include <algorithm>
#include <iostream>

#include "cli/cli_util.h"
#include "common/json.h"
#include "pipeline/align_pair.h"
#include "formats/links_format.h"

namespace sverka::cli {
namespace {

std::string JoinSentences(const std::vector<SentenceRecord>& side, int32_t begin,
                          int32_t count) {
  std::string out;
  for (int32_t k = begin; k < begin + count; ++k) {
    if (!out.empty()) out += ' ';
    out += side[k].text;
  }
  return out;
}

void PrintLinks(const pipeline::AlignedPair& pair) {
  for (const Bead& b : pair.beads) std::cout << formats::FormatLinksLine(b) << "\n";
}

void PrintTsv(const pipeline::AlignedPair& pair) {
  for (const Bead& b : pair.beads) {
    std::cout << JoinSentences(pair.ru.sentences, b.ru_begin, b.ru_count) << "\t"
              << JoinSentences(pair.en.sentences, b.en_begin, b.en_count) << "\n";
  }
}

void PrintJsonSentences(const std::vector<SentenceRecord>& side) {
  std::cout << "[";
  for (size_t k = 0; k < side.size(); ++k) {
    std::cout << (k ? ",\n  " : "\n  ") << "{\"text\":" << JsonQuote(side[k].text)
              << ",\"paragraph\":" << side[k].paragraph << ",\"start\":" << side[k].start_offset
              << ",\"end\":" << side[k].end_offset;
    if (side[k].start_ms >= 0) {
      std::cout << ",\"start_ms\":" << side[k].start_ms << ",\"end_ms\":" << side[k].end_ms;
    }
    std::cout << "}";
  }
  std::cout << "]";
}

void PrintJsonRange(int32_t begin, int32_t count) {
  std::cout << "[";
  for (int32_t k = 0; k < count; ++k) std::cout << (k ? "," : "") << begin + k;
  std::cout << "]";
}

// Subtitles: the time span of a bead side's sentences ("ru_start_ms",
// "ru_end_ms"); nothing for a side without times or without sentences.
void PrintJsonTimes(const char* side, const std::vector<SentenceRecord>& sentences,
                    int32_t begin, int32_t count) {
  int64_t start = -1, end = -1;
  for (int32_t k = begin; k < begin + count; ++k) {
    const SentenceRecord& s = sentences[static_cast<size_t>(k)];
    if (s.start_ms < 0) continue;
    start = start < 0 ? s.start_ms : std::min(start, s.start_ms);
    end = std::max(end, s.end_ms);
  }
  if (start < 0) return;
  std::cout << ",\"" << side << "_start_ms\":" << start << ",\"" << side << "_end_ms\":" << end;
}

void PrintJson(const pipeline::AlignedPair& pair) {
  std::cout << "{\"ru_file\":" << JsonQuote(pair.ru.file) << ",\"en_file\":"
            << JsonQuote(pair.en.file) << ",\n\"ru\":";
  PrintJsonSentences(pair.ru.sentences);
  std::cout << ",\n\"en\":";
  PrintJsonSentences(pair.en.sentences);
  std::cout << ",\n\"beads\":[";
  for (size_t k = 0; k < pair.beads.size(); ++k) {
    const Bead& b = pair.beads[k];
    std::cout << (k ? ",\n  " : "\n  ") << "{\"ru\":";
    PrintJsonRange(b.ru_begin, b.ru_count);
    std::cout << ",\"en\":";
    PrintJsonRange(b.en_begin, b.en_count);
    char score[32];
    std::snprintf(score, sizeof score, "%.4f", b.score);
    std::cout << ",\"score\":" << score;
    PrintJsonTimes("ru", pair.ru.sentences, b.ru_begin, b.ru_count);
    PrintJsonTimes("en", pair.en.sentences, b.en_begin, b.en_count);
    std::cout << (b.moved ? ",\"moved\":true}" : "}");
  }
  std::cout << "]}\n";
}

}  // namespace

int RunAlign(const Args& args) {
  if (std::find(args.begin(), args.end(), "--jsonl") != args.end()) return RunAlignJsonl(args);
  po::options_description options("Options");
  std::string ru, en, format, db, name;
  ReadArgs read_args;
  options.add_options()
      ("ru", po::value(&ru)->required(), "Russian text (the original)")
      ("en", po::value(&en)->required(), "English text (the translation)")
      ("presegmented", "the files hold one sentence per line already (blank line: new paragraph)")
      ("format,f", po::value(&format)->default_value("links"),
       "output: links ([0,1]:[0]:0.873, as score.py reads), tsv (Russian<TAB>English), json")
      ("db", po::value(&db), "also store the pair in this translation memory (SQLite; created when missing)")
      ("name", po::value(&name), "document name in the memory (default: the Russian file's name without suffixes)")
      ("replace", "with --db: replace a stored document of the same name (not a reviewed one)")
      ("discard-review", "with --replace: replace it even when it has been reviewed, "
       "discarding the review and its undo history")
      ("force", "align and store texts that do not look like a translation of each other")
      ("monotone", "pair no moved paragraph: every bead in both texts' order (a moved paragraph "
       "stays unpaired)")
      ("no-structure", "headings both texts share (\"Глава 5\" and \"Chapter 5\", HTML <h1>-<h6>) do not bound the alignment")
      ("quiet,q", "print nothing on success");
  AddDictionaryOptions(options);
  AddReadOptions(options, read_args);
  po::positional_options_description positional;
  positional.add("ru", 1).add("en", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka align RU EN [--presegmented] [--format links|tsv|json] "
                "[--db TM [--name NAME] [--replace [--discard-review]]]\n\n"
                "Splits both texts into sentences, pairs them (Gale-Church length model),\n"
                "prints one bead per line and, with --db, stores the pair.")) {
    return 0;
  }
  if (format != "links" && format != "tsv" && format != "json") {
    throw UsageError("--format must be links, tsv or json, not '" + format + "'");
  }
  if (ru == "-" && en == "-") throw UsageError("only one of RU and EN can be '-' (standard input)");
  if (vm.count("name") && !vm.count("db")) throw UsageError("--name needs --db");
  if (vm.count("replace") && !vm.count("db")) throw UsageError("--replace needs --db");
  if (vm.count("discard-review") && !vm.count("replace")) {
    throw UsageError("--discard-review goes with --replace");
  }
  if (vm.count("db") && name.empty()) {
    // The document's name comes from the Russian file; standard input has none.
    if (ru == "-") throw UsageError("the Russian text comes from standard input: give --name");
    name = pipeline::DocumentNameFromPath(ru);
  }
  if (ru != "-" && en != "-") {
    struct stat rs {}, es{};
    if (::stat(ru.c_str(), &rs) == 0 && ::stat(en.c_str(), &es) == 0 && rs.st_dev == es.st_dev &&
        rs.st_ino == es.st_ino) {
      throw UsageError(en + " is the same file as " + ru +
                       "; give the Russian text and its English translation");
    }
  }

  pipeline::ReadOptions read_options = ToReadOptions(read_args, vm);
  read_options.presegmented = vm.count("presegmented") > 0;
  Result<std::vector<formats::DictionaryEntry>> dictionary = LoadDictionaries(vm);
  if (!dictionary.ok()) return Report(dictionary.status());
  align::BatchOptions align_options;
  align_options.align.pair_moved = !vm.count("monotone");
  align_options.use_structure = !vm.count("no-structure");
  Result<pipeline::AlignedPair> pair = pipeline::AlignFiles(ru, en, read_options, align_options, *dictionary);
  if (!pair.ok()) return Report(pair.status());
  // Unrelated texts: one line, nothing printed or stored (exit 1).
  if (Status s = pipeline::CheckParallel(*pair); !s.ok() && !vm.count("force")) return Report(s);
  // Store before printing: a failed store prints no beads.
  if (!db.empty()) {
    if (Status s = pipeline::StorePair(db, name, *pair, vm.count("replace") > 0,
                                         vm.count("discard-review") > 0); !s.ok()) {
      return Report(s);
    }
  }
  if (!vm.count("quiet")) {
    if (format == "links") PrintLinks(*pair);
    if (format == "tsv") PrintTsv(*pair);
    if (format == "json") PrintJson(*pair);
  }
  return ReportStdout();
}

}  // namespace sverka::cli
