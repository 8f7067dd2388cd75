// sverka edit --db TM --doc NAME ACTION ARGS…: one review edit, for scripts.
#include <cstdio>
#include <iostream>
#include <optional>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "common/bead_status.h"
#include "text/display_text.h"
#include "tm/bead_editor.h"
#include "tm/whole_edits.h"

namespace sverka::cli {
namespace {

constexpr const char* kEditUsage =
    R"(usage: sverka edit --db TM --doc NAME ACTION [ARGS]

Actions (bead numbers as 'show' prints them, 0-based):
  approve B | reject B | reset B   set bead B's status (reset: back to auto)
  approve --min-score S | --all    approve every unreviewed (auto) bead scored
                                   at least S, or all of them: one edit
  approve --before B               approve every auto bead before bead B (all
                                   read and found right): one edit
  merge B B+1                      join bead B with the next bead
  split B --at R[:E]               first part keeps R Russian and E English
                                   sentences (E defaults to R, at most all)
  move B ru|en next|prev           move bead B's last sentence of that side to
                                   the next bead, or its first to the previous
  text B ru|en I 'TEXT'            replace sentence I (0-based in the bead)
  pair R[-R2] E[-E2]               Russian sentences R..R2 go with English
                                   E..E2 (document numbering, 0-based; '-'
                                   for none): one edited bead; the beads that
                                   held them keep the rest, unscored. Then
                                   'sverka realign' pairs the rest around it
  undo | redo                      revert the last edit / do it again

Each prints what changed and is written at once, with its history entry.)";

int32_t Number(const std::string& s, const std::string& what) {
  size_t used = 0;
  long v = -1;
  try {
    v = std::stol(s, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != s.size() || v < 0 || v > INT32_MAX) {
    throw UsageError(what + " must be a number (0, 1, 2…), not '" + s + "'");
  }
  return static_cast<int32_t>(v);
}

// "R", "R-R2" or "-" (none) as a range [begin, end) of sentence numbers.
std::pair<int32_t, int32_t> SentenceRange(const std::string& s, const std::string& side) {
  if (s == "-") return {0, 0};
  const size_t dash = s.find('-', 1);
  const int32_t first = Number(s.substr(0, dash), side + " sentence");
  const int32_t last = dash == std::string::npos ? first : Number(s.substr(dash + 1), side + " sentence");
  if (last < first) throw UsageError(side + " range '" + s + "' goes backwards");
  return {first, last + 1};
}

void Expect(const std::vector<std::string>& words, size_t n, const std::string& form) {
  if (words.size() != n) throw UsageError("'" + words[0] + "' takes: " + form);
}

}  // namespace

int RunEdit(const Args& args) {
  po::options_description options("Options");
  std::string db, doc, at;
  double min_score = 0;
  std::vector<std::string> words;
  options.add_options()("db", po::value(&db)->required(), "translation memory to change")(
      "doc", po::value(&doc)->required(), "document")(
      "at", po::value(&at), "split: R or R:E sentences kept in the first part")(
      "min-score", po::value(&min_score), "approve: every auto bead scored at least this")(
      "all", "approve: every auto bead")(
      "before", po::value<int32_t>(), "approve: every auto bead before bead B (read and found right)")(
      "words", po::value(&words), "the action and its arguments");
  po::positional_options_description positional;
  positional.add("words", -1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm, kEditUsage)) return 0;
  if (words.empty())
    throw UsageError("no action (approve, reject, merge, split, move, text, pair, undo, redo)");
  const std::string& action = words[0];
  if (vm.count("at") && action != "split") throw UsageError("--at belongs to split");
  const bool bulk = vm.count("min-score") || vm.count("all") || vm.count("before");
  if (bulk && action != "approve") throw UsageError("--min-score, --all and --before belong to approve");
  if (vm.count("before") && vm.count("all")) throw UsageError("--before and --all exclude each other");
  if (vm.count("before") && vm["before"].as<int32_t>() < 0) throw UsageError("--before must be a bead number");
  if (vm.count("min-score") && vm.count("all")) throw UsageError("--min-score and --all exclude each other");
  if (vm.count("min-score") && !(min_score >= 0 && min_score <= 1)) {
    throw UsageError("--min-score must be a number from 0 to 1");
  }

  Result<std::unique_ptr<tm::TmStore>> store = OpenExisting(db);
  if (!store.ok()) return Report(store.status());
  tm::TmStore& s = **store;
  Result<tm::BeadChange> change = Status::Internal("no action");
  if (bulk) {
    Expect(words, 1, "approve --min-score S | --all | --before B (no bead number)");
    change = tm::ChangeStatuses(s, doc, kApproved,
                              vm.count("min-score") ? std::optional<double>(min_score) : std::nullopt,
                              vm.count("before") ? std::optional<int32_t>(vm["before"].as<int32_t>()) : std::nullopt);
    if (!change.ok()) return Report(change.status());
    char floor[32];
    std::snprintf(floor, sizeof floor, "%g", min_score);
    std::cout << text::VisibleControls(doc) << ": approved " << change->after.size() << " beads"
              << (vm.count("min-score") ? std::string(" scored at least ") + floor : std::string())
              << (vm.count("before") ? " before bead " + std::to_string(vm["before"].as<int32_t>()) : std::string())
              << " (history entry " << change->history_id
              << "); 'sverka edit --db TM --doc NAME undo' reverts them all\n";
    return ReportStdout();
  }
  if (action == "approve" || action == "reject" || action == "reset") {
    Expect(words, 2, action + " BEAD");
    const std::string_view status = action == "approve"  ? kApproved
                                    : action == "reject" ? kRejected
                                                         : kAuto;
    change = tm::ChangeStatus(s, doc, Number(words[1], "the bead"), status);
  } else if (action == "merge") {
    Expect(words, 3, "merge BEAD NEXT");
    change = tm::MergeBeads(s, doc, Number(words[1], "the bead"), Number(words[2], "the next bead"));
  } else if (action == "split") {
    Expect(words, 2, "split BEAD --at R[:E]");
    if (at.empty()) throw UsageError("split needs --at R[:E]");
    const size_t colon = at.find(':');
    const int32_t ru = Number(at.substr(0, colon), "--at");
    int32_t en = ru;
    bool en_given = colon != std::string::npos;
    if (en_given) en = Number(at.substr(colon + 1), "--at");
    const int32_t bead = Number(words[1], "the bead");
    if (!en_given) {
      // "--at R" keeps R sentences of each side, at most what the bead has.
      Result<std::vector<tm::BeadView>> beads = tm::Beads(s, doc);
      if (!beads.ok()) return Report(beads.status());
      for (const tm::BeadView& b : *beads) {
        if (b.position == bead) en = std::min(en, b.en_end - b.en_begin);
      }
    }
    change = tm::SplitBead(s, doc, bead, ru, en);
  } else if (action == "move") {
    Expect(words, 4, "move BEAD ru|en next|prev");
    if (words[2] != "ru" && words[2] != "en")
      throw UsageError("the side must be ru or en, not '" + words[2] + "'");
    if (words[3] != "next" && words[3] != "prev") {
      throw UsageError("the direction must be next or prev, not '" + words[3] + "'");
    }
    change = tm::MoveSentence(s, 
        doc, Number(words[1], "the bead"), words[2],
        words[3] == "next" ? tm::MoveDirection::kToNext : tm::MoveDirection::kToPrevious);
  } else if (action == "text") {
    Expect(words, 5, "text BEAD ru|en INDEX 'TEXT'");
    if (words[2] != "ru" && words[2] != "en")
      throw UsageError("the side must be ru or en, not '" + words[2] + "'");
    change = tm::EditSentence(s, doc, Number(words[1], "the bead"), words[2],
                            Number(words[3], "the sentence index"), words[4]);
  } else if (action == "pair") {
    Expect(words, 3, "pair R[-R2] E[-E2] (sentence numbers; '-' for none)");
    const auto [ru_begin, ru_end] = SentenceRange(words[1], "Russian");
    const auto [en_begin, en_end] = SentenceRange(words[2], "English");
    if (ru_begin == ru_end && en_begin == en_end) throw UsageError("'pair - -' pairs nothing");
    Result<std::vector<tm::BeadView>> beads = tm::Beads(s, doc);
    if (!beads.ok()) return Report(beads.status());
    Result<std::vector<tm::BeadView>> pinned = tm::Pinned(*beads, ru_begin, ru_end, en_begin, en_end);
    if (!pinned.ok()) {
      return Report(Status::InvalidData(db + ": pair in '" + text::VisibleControls(doc) + "': " + pinned.status().message()));
    }
    change = tm::ReplaceBeads(s, doc, "pair", *beads, *pinned);
    if (change.ok() && change->history_id == 0) {
      std::cout << text::VisibleControls(doc) << ": those sentences are already one edited bead\n";
      return 0;
    }
  } else if (action == "undo" || action == "redo") {
    Expect(words, 1, action);
    change = action == "undo" ? tm::UndoLast(s, doc) : tm::RedoLast(s, doc);
  } else {
    throw UsageError("unknown action '" + action +
                     "' (approve, reject, reset, merge, split, move, text, pair, undo, redo)");
  }
  if (!change.ok()) return Report(change.status());
  for (const std::string& line : DescribeChange(doc, *change)) std::cout << line << "\n";
  return ReportStdout();
}

}  // namespace sverka::cli
