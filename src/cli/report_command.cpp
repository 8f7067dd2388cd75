// sverka report --db TM --doc NAME -o review.html [--dict FILE]... [--no-dict]
#include <iostream>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "pipeline/align_pair.h"
#include "pipeline/bead_matches.h"
#include "cli/html_report.h"
#include "tm/bead_editor.h"
#include "tm/queries.h"

namespace sverka::cli {

int RunReport(const Args& args) {
  po::options_description options("Options");
  std::string db, doc, out;
  options.add_options()("db", po::value(&db)->required(), "translation memory")(
      "doc", po::value(&doc)->required(), "document")("output,o", po::value(&out)->required(),
                                                      "the HTML file to write");
  AddDictionaryOptions(options);
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka report --db TM --doc NAME -o review.html [--dict FILE]... [--no-dict]\n\n"
                "Writes one self-contained HTML page: a summary, then both texts side by\n"
                "side, beads coloured by score and status; in each bead the numbers, names\n"
                "and dictionary translations found on both sides are marked.")) {
    return 0;
  }
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  if (!store.ok()) return Report(store.status());
  Result<std::vector<tm::BeadView>> beads = tm::Beads(*(*store), doc);
  if (!beads.ok()) return Report(beads.status());
  MarkMoved(*beads);
  Result<std::vector<tm::DocumentStats>> stats = tm::Stats(*(*store));
  if (!stats.ok()) return Report(stats.status());
  tm::DocumentStats mine;
  for (const tm::DocumentStats& s : *stats) {
    if (s.name == doc) mine = s;
  }
  Result<std::vector<formats::DictionaryEntry>> dictionary = LoadDictionaries(vm);
  if (!dictionary.ok()) return Report(dictionary.status());
  Result<std::unique_ptr<pipeline::BeadMatcher>> matcher = pipeline::BeadMatcher::Create(*beads, *dictionary);
  if (!matcher.ok()) return Report(matcher.status());
  const auto marks = [&](const tm::BeadView& b) { return (*matcher)->Match(b); };
  const std::string page = cli::RenderReport(doc, *beads, mine, {.marks = marks});
  if (Status s = WriteFileAtomically(out, page, {db}); !s.ok()) return Report(s);
  std::cout << out << ": " << beads->size() << " beads\n";
  return 0;
}

}  // namespace sverka::cli
