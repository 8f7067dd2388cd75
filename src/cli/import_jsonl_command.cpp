// sverka import --jsonl FILE|- --db TM [--replace] [--index] [-q]: stores the
// output of `align --jsonl`, in groups of documents, one transaction each,
// leaving the full-text index for later as `batch` does (doc/decisions.md).
#include <chrono>
#include <iostream>
#include <map>
#include <set>

#include "cli/cli_util.h"
#include "cli/exit_code.h"
#include "text/display_text.h"
#include "formats/aligned_jsonl.h"
#include "tm/documents.h"
#include "tm/queries.h"
#include "tm/search.h"
#include "tm/tm_store.h"
#include "common/document.h"

namespace sverka::cli {
namespace {

// A group is committed in batch's sizes (tm::kCommitGroup*); the delay is
// checked when a record arrives. A rerun skips what was committed and
// stores the rest.

// The records read and not yet committed, in input order: documents to store
// and the messages of error records, printed in that order once the
// documents before them are committed.
class Group {
 public:
  // `stored`: the stored documents' hashes, brought up to date at each commit.
  Group(tm::TmStore& store, std::map<std::string, tm::StoredDocumentState>& stored, bool replace,
        bool discard_review)
      : store_(store), stored_(stored), replace_(replace), discard_review_(discard_review) {}

  size_t imported = 0, failed = 0;

  bool Holds(const std::string& name) const { return names_.count(name) > 0; }

  void AddMessage(std::string message) {
    entries_.push_back({{}, {}, std::move(message)});
    ++failed;
  }

  // Takes `doc` (read at `where`); true when the group should be committed now.
  bool Add(DocumentRecord doc, std::string where) {
    if (names_.empty()) oldest_ = std::chrono::steady_clock::now();
    names_.insert(doc.name);
    sentences_ += doc.ru.size() + doc.en.size();
    entries_.push_back({std::move(where), std::move(doc), {}});
    return names_.size() >= tm::kCommitGroupDocuments || sentences_ >= tm::kCommitGroupSentences ||
           std::chrono::steady_clock::now() - oldest_ >= tm::kCommitGroupDelay;
  }

  // Commits the documents in one transaction (tm::AddDocuments) and
  // prints the messages. A document refused on its own (already stored,
  // reviewed) is counted as failed; a failure of the whole transaction (a
  // locked memory, a full disk) stores none of the group and is returned,
  // with the place of the group's first document.
  Status Commit() {
    std::vector<tm::DocumentWrite> writes;
    std::string first;
    for (const Entry& e : entries_) {
      if (!e.where.empty()) {
        if (first.empty()) first = e.where;
        writes.push_back({&e.doc, replace_, discard_review_});
      }
    }
    std::vector<Status> each;
    if (!writes.empty()) {
      Result<std::vector<Status>> stored = tm::AddDocuments(store_, writes);
      if (!stored.ok()) return stored.status().WithContext(first);
      each = std::move(*stored);
    }
    size_t k = 0;
    for (const Entry& e : entries_) {
      if (e.where.empty()) {
        std::cerr << e.message;
        continue;
      }
      const Status& s = each[k++];
      if (s.ok()) {
        ++imported;
        stored_[e.doc.name] = {e.doc.name, e.doc.ru_hash, e.doc.en_hash, 0};
      } else {
        ++failed;
        std::cerr << "sverka: " << text::VisibleControls(e.where + ": " + s.message()) << "\n";
      }
    }
    entries_.clear();
    names_.clear();
    sentences_ = 0;
    return Status::Ok();
  }

 private:
  struct Entry {
    std::string where;  // empty for a message
    DocumentRecord doc;
    std::string message;
  };
  tm::TmStore& store_;
  std::map<std::string, tm::StoredDocumentState>& stored_;
  const bool replace_, discard_review_;
  std::vector<Entry> entries_;
  std::set<std::string> names_;
  size_t sentences_ = 0;
  std::chrono::steady_clock::time_point oldest_;
};


}  // namespace

int RunImportJsonl(const Args& args) {
  po::options_description options("Options");
  std::string input, db;
  options.add_options()("jsonl", "read the JSON lines 'sverka align --jsonl' writes")(
      "file", po::value(&input)->required(), "JSON lines to read ('-': standard input)")(
      "db", po::value(&db)->required(), "translation memory to add to (created when missing)")(
      "replace", "replace stored documents of the same names when their texts changed (not "
      "reviewed ones)")("discard-review", "with --replace: replace reviewed documents too")(
      "index", "index the stored beads for search at the end (else: 'sverka index', or search "
               "reads them unindexed)")(
      "quiet,q", "print nothing on success");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka import --jsonl FILE|- --db TM [--replace] [--index]\n\n"
                "Stores each aligned document of 'sverka align --jsonl' output, in groups of up\n"
                "to 64 documents, one transaction each; a document stored with the same content\n"
                "hashes is skipped. The full-text index is left for 'sverka index' (or --index).")) {
    return 0;
  }
  LineInput source(input);
  if (!source.ok()) return Report(Status::InvalidData(input + ": cannot open"));
  std::istream& in = source.stream();
  const std::string name = source.name();

  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(
      db, tm::OpenMode::kCreateOrWrite, {.defer_index = true, .quick_check = true});
  if (!store.ok()) return Report(store.status());
  Result<std::vector<tm::StoredDocumentState>> states = tm::DocumentStates(*(*store));
  if (!states.ok()) return Report(states.status());
  std::map<std::string, tm::StoredDocumentState> stored;
  for (tm::StoredDocumentState& s : *states) stored.emplace(s.name, s);

  Group group(**store, stored, vm.count("replace") > 0, vm.count("discard-review") > 0);
  size_t line_no = 0, skipped = 0;
  // Whatever stops the input, the documents read before it are committed first.
  auto stop = [&](const Status& s) {
    if (Status c = group.Commit(); !c.ok()) return Report(c);
    return Report(s);
  };
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = name + ":" + std::to_string(line_no);
    Result<formats::AlignedRecord> record = formats::ParseAlignedLine(line, where);
    if (!record.ok()) return stop(record.status());
    if (!record->error.empty()) {
      // The id and error come from the stream: shown, never sent to the terminal.
      group.AddMessage("sverka: " + text::VisibleControls(where) + ": '" +
                       text::VisibleControls(record->doc.name) +
                       "' was not aligned: " + text::VisibleControls(record->error) + "\n");
      continue;
    }
    // A name read twice: whether the second is unchanged (skipped) depends
    // on whether the first was stored, known once its group is committed.
    if (group.Holds(record->doc.name)) {
      if (Status c = group.Commit(); !c.ok()) return Report(c);
    }
    const auto it = stored.find(record->doc.name);
    if (it != stored.end() && it->second.ru_hash == record->doc.ru_hash &&
        it->second.en_hash == record->doc.en_hash) {
      ++skipped;
      continue;
    }
    if (group.Add(std::move(record->doc), where)) {
      if (Status c = group.Commit(); !c.ok()) return Report(c);
    }
  }
  if (in.bad()) return stop(Status::InvalidData(name + ": cannot read"));
  if (Status c = group.Commit(); !c.ok()) return Report(c);
  if (!vm.count("quiet") || group.failed) {
    std::cerr << name << ": imported " << group.imported << " documents, " << skipped
              << " skipped (unchanged), " << group.failed << " failed\n";
  }
  if (vm.count("index")) {
    Result<int64_t> indexed = tm::UpdateIndex(*(*store));
    if (!indexed.ok()) {
      std::cerr << "sverka: " << indexed.status().message()
                << " (the documents are stored; 'sverka index' indexes them later)\n";
      return ExitCode(indexed.status());
    }
  }
  return group.failed ? 1 : 0;
}

}  // namespace sverka::cli
