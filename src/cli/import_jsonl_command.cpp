// sverka import --jsonl FILE|- --db TM [--replace] [-q]: stores the output of
// `align --jsonl`, one document (one transaction) per line.
#include <iostream>
#include <map>

#include "cli/cli_util.h"
#include "text/display_text.h"
#include "tm/aligned_jsonl.h"
#include "tm/tm_store.h"

namespace sverka::cli {

int RunImportJsonl(const Args& args) {
  po::options_description options("Options");
  std::string input, db;
  options.add_options()("jsonl", "read the JSON lines 'sverka align --jsonl' writes")(
      "file", po::value(&input)->required(), "JSON lines to read ('-': standard input)")(
      "db", po::value(&db)->required(), "translation memory to add to (created when missing)")(
      "replace", "replace stored documents of the same names when their texts changed (not "
      "reviewed ones)")("discard-review", "with --replace: replace reviewed documents too")(
      "quiet,q", "print nothing on success");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka import --jsonl FILE|- --db TM [--replace]\n\n"
                "Stores each aligned document of 'sverka align --jsonl' output, one transaction\n"
                "each; a document stored with the same content hashes is skipped.")) {
    return 0;
  }
  LineInput source(input);
  if (!source.ok()) return Report(Status::BadInput(input + ": cannot open"));
  std::istream& in = source.stream();
  const std::string name = source.name();

  Result<std::unique_ptr<tm::TmStore>> store =
      tm::TmStore::Open(db, tm::OpenMode::kCreateOrWrite, {.quick_check = true});
  if (!store.ok()) return Report(store.status());
  Result<std::vector<tm::StoredDocumentState>> states = (*store)->DocumentStates();
  if (!states.ok()) return Report(states.status());
  std::map<std::string, tm::StoredDocumentState> stored;
  for (tm::StoredDocumentState& s : *states) stored.emplace(s.name, s);

  size_t line_no = 0, imported = 0, skipped = 0, failed = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = name + ":" + std::to_string(line_no);
    Result<tm::AlignedRecord> record = tm::ParseAlignedLine(line, where);
    if (!record.ok()) return Report(record.status());
    if (!record->error.empty()) {
      ++failed;
      // The id and error come from the stream: shown, never sent to the terminal.
      std::cerr << "sverka: " << text::VisibleControls(where) << ": '"
                << text::VisibleControls(record->id)
                << "' was not aligned: " << text::VisibleControls(record->error) << "\n";
      continue;
    }
    const auto it = stored.find(record->id);
    if (it != stored.end() && it->second.ru_hash == record->ru_hash &&
        it->second.en_hash == record->en_hash) {
      ++skipped;
      continue;
    }
    tm::DocumentRecord doc;
    doc.name = record->id;
    doc.ru_file = record->id + ".ru";
    doc.en_file = record->id + ".en";
    doc.ru_hash = record->ru_hash;
    doc.en_hash = record->en_hash;
    doc.ru = std::move(record->ru);
    doc.en = std::move(record->en);
    doc.beads = std::move(record->beads);
    if (Status s = (*store)->AddDocument(doc, vm.count("replace") > 0, vm.count("discard-review") > 0); !s.ok()) {
      if (s.code() != StatusCode::kBadInput) return Report(s.WithContext(where));
      ++failed;
      std::cerr << "sverka: " << text::VisibleControls(where + ": " + s.message()) << "\n";
      continue;
    }
    stored[doc.name] = {doc.name, doc.ru_hash, doc.en_hash, 0};
    ++imported;
  }
  if (in.bad()) return Report(Status::BadInput(name + ": cannot read"));
  if (!vm.count("quiet") || failed) {
    std::cerr << name << ": imported " << imported << " documents, " << skipped
              << " skipped (unchanged), " << failed << " failed\n";
  }
  return failed ? 1 : 0;
}

}  // namespace sverka::cli
