// sverka realign --db TM --doc NAME [--dict FILE]... [--no-dict]
#include <iostream>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "pipeline/realign.h"
#include "text/display_text.h"
#include "tm/bead_editor.h"
#include "tm/whole_edits.h"

namespace sverka::cli {

int RunRealign(const Args& args) {
  po::options_description options("Options");
  std::string db, doc;
  options.add_options()("db", po::value(&db)->required(), "translation memory to change")(
      "doc", po::value(&doc)->required(), "document");
  AddDictionaryOptions(options);
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka realign --db TM --doc NAME [--dict FILE]... [--no-dict]\n\n"
                "Aligns the document again around the beads a reviewer fixed: approved and\n"
                "edited beads (a pair made with 'sverka edit ... pair' is edited) stay as\n"
                "they are; the sentences of the others are paired anew, as 'align' pairs\n"
                "them, with the dictionary and what the document itself teaches. One edit:\n"
                "'sverka edit --db TM --doc NAME undo' reverts it. Beads that come out as\n"
                "they were keep their status (a rejected one stays rejected).")) {
    return 0;
  }
  Result<std::unique_ptr<tm::TmStore>> store = OpenExisting(db);
  if (!store.ok()) return Report(store.status());
  Result<std::vector<tm::BeadView>> beads = tm::Beads(*(*store), doc);
  if (!beads.ok()) return Report(beads.status());
  Result<std::vector<formats::DictionaryEntry>> dictionary = LoadDictionaries(vm);
  if (!dictionary.ok()) return Report(dictionary.status());
  Result<tm::BeadChange> change = pipeline::RealignStored(**store, doc, *beads, *dictionary);
  if (!change.ok()) return Report(change.status());
  size_t fixed = 0;
  for (const tm::BeadView& b : *beads) fixed += tm::IsFixed(b) ? 1 : 0;
  const std::string name = text::VisibleControls(doc);
  if (change->history_id == 0) {
    std::cout << name << ": realign changed nothing (" << fixed << " fixed beads of " << beads->size() << ")\n";
  } else {
    std::cout << name << ": realigned around " << fixed << " fixed beads: " << change->before.size()
              << " beads became " << change->after.size() << " (history entry " << change->history_id
              << "); 'sverka edit --db TM --doc NAME undo' reverts it\n";
  }
  return ReportStdout();
}

}  // namespace sverka::cli
