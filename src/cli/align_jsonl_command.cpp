// sverka align --jsonl [FILE|-]: the streaming filter (doc/cluster.md). One
// text pair a JSON line in, one aligned document a JSON line out, in order.
#include <iostream>

#include "cli/cli_util.h"
#include "text/display_text.h"
#include "pipeline/align_pair.h"
#include "formats/aligned_jsonl.h"

namespace sverka::cli {
namespace {

// Aligns one record as `batch` aligns a pair (each on its own): the same
// text gives the same beads either way.
formats::AlignedRecord AlignRecord(const formats::TextPairRecord& in, const pipeline::ReadOptions& read,
                              const pipeline::PreparedDictionary& dictionary,
                              pipeline::WordTokenizers& tokenizers, const align::BatchOptions& options,
                              bool force) {
  formats::AlignedRecord out;
  out.doc.name = in.id;
  Result<pipeline::SideText> ru =
      pipeline::ReadSideText(in.id + ".ru", in.ru, Language::kRussian, read);
  Result<pipeline::SideText> en =
      ru.ok() ? pipeline::ReadSideText(in.id + ".en", in.en, Language::kEnglish, read)
              : Result<pipeline::SideText>(ru.status());
  if (!ru.ok() || !en.ok()) {
    out.error = (!ru.ok() ? ru.status() : en.status()).message();
    return out;
  }
  for (const pipeline::SideText* side : {&*ru, &*en}) {
    if (side->sentences.empty()) {
      out.error = side->file + ": no sentences to align";
      return out;
    }
  }
  pipeline::AlignedPair pair{std::move(ru).value(), std::move(en).value(), {}};
  if (Status s = pipeline::AlignSideBatch({&pair, 1}, options, dictionary, tokenizers); !s.ok()) {
    out.error = s.message();
    return out;
  }
  // Two texts that are not a translation of each other fail their record,
  // as `align` refuses and `batch` fails them (--force keeps them).
  if (Status s = pipeline::CheckParallel(pair); !s.ok() && !force) {
    out.error = s.message();
    return out;
  }
  out.doc = pipeline::ToDocument(in.id, std::move(pair));
  return out;
}

}  // namespace

int RunAlignJsonl(const Args& args) {
  po::options_description options("Options");
  std::string input;
  ReadArgs read_args;
  options.add_options()(
      "jsonl", "read JSON lines {\"id\", \"ru\", \"en\"} (texts), write aligned JSON lines")(
      "file", po::value(&input)->default_value("-"), "JSON lines to read ('-': standard input)")(
      "force", "align pairs that do not look like a translation of each other (else: an error line)")(
      "monotone", "pair no moved paragraph: every bead in both texts' order")(
      "no-structure", "headings both texts share (\"Глава 5\" and \"Chapter 5\", HTML <h1>-<h6>) do not bound the alignment");
  AddDictionaryOptions(options);
  AddReadOptions(options, read_args);
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (ParseArgs(
          args, options, positional, vm,
          "usage: sverka align --jsonl [FILE|-]\n\n"
          "A streaming filter: each line {\"id\", \"ru\", \"en\"} (the texts) becomes a line\n"
          "{\"id\", \"ru_hash\", \"en_hash\", \"ru\", \"en\", \"beads\"} (or {\"id\", "
          "\"error\"});\n"
          "'sverka import --jsonl' stores them (doc/cluster.md).")) {
    return 0;
  }
  const pipeline::ReadOptions read = ToReadOptions(read_args, vm);
  Result<std::vector<formats::DictionaryEntry>> dictionary = LoadDictionaries(vm);
  if (!dictionary.ok()) return Report(dictionary.status());
  Result<pipeline::PreparedDictionary> prepared = pipeline::PrepareDictionary(*dictionary);
  if (!prepared.ok()) return Report(prepared.status());
  // Made once for the stream, not once a line (doc/decisions.md).
  Result<pipeline::WordTokenizers> tokenizers = pipeline::WordTokenizers::Create();
  if (!tokenizers.ok()) return Report(tokenizers.status());

  align::BatchOptions align_options;
  align_options.align.pair_moved = !vm.count("monotone");
  align_options.use_structure = !vm.count("no-structure");
  LineInput source(input);
  if (!source.ok()) return Report(Status::InvalidData(input + ": cannot open"));
  std::istream& in = source.stream();
  const std::string name = source.name();
  size_t line_no = 0, failed = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Result<formats::TextPairRecord> record =
        formats::ParseTextPairLine(line, name + ":" + std::to_string(line_no));
    if (!record.ok()) {
      std::cout.flush();
      return Report(record.status());
    }
    const formats::AlignedRecord out =
        AlignRecord(*record, read, *prepared, *tokenizers, align_options, vm.count("force") > 0);
    if (!out.error.empty()) {
      ++failed;
      std::cerr << "sverka: "
                << text::VisibleControls(name + ":" + std::to_string(line_no) + ": " + out.error)
                << "\n";
    }
    std::cout << formats::FormatAlignedLine(out) << "\n";
  }
  if (in.bad()) return Report(Status::InvalidData(name + ": cannot read"));
  std::cout.flush();
  if (!std::cout) return Report(Status::Internal("cannot write standard output"));
  return failed ? 1 : 0;
}

}  // namespace sverka::cli
