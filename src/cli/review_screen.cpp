#include "cli/review_screen.h"

#include <curses.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <string_view>

#include "cli/bead_format.h"
#include "cli/review_editor.h"
#include "cli/review_layout.h"
#include "cli/review_terminal.h"
#include "common/bead_status.h"
#include "common/score_band.h"
#include "pipeline/align_pair.h"
#include "pipeline/realign.h"
#include "tm/bead_editor.h"
#include "tm/history.h"

namespace sverka::cli {
namespace {

// Whether two views show the same bead as the screen showed it: the same
// sentences, texts, status and score. Ranges name a bead within its document
// (they partition the sentences), so they are its identity across renumbering.
bool SameRanges(const tm::BeadView& a, const tm::BeadView& b) {
  return a.ru_begin == b.ru_begin && a.ru_end == b.ru_end && a.en_begin == b.en_begin &&
         a.en_end == b.en_end;
}

bool SameBead(const tm::BeadView& a, const tm::BeadView& b) {
  return SameRanges(a, b) && a.status == b.status && a.score == b.score && a.ru == b.ru &&
         a.en == b.en;
}

// Keys that change the memory: refused when the bead they name changed.
bool IsEdit(int key) {
  return std::string_view("ar0mMsveuUR").find(static_cast<char>(key)) != std::string_view::npos ||
         key == 18;
}

class ReviewScreen {
 public:
  ReviewScreen(tm::TmStore& store, std::string doc) : store_(store), doc_(std::move(doc)) {}

  Status Run() {
    Result<int64_t> v = store_.DataVersion();
    if (!v.ok()) return v.status();
    seen_version_ = *v;
    store_.ExpectDataVersion(seen_version_);
    SVERKA_RETURN_IF_ERROR(Reload());
    cursor_ = LowestUnreviewed();
    message_ = "opened on the lowest-scored unreviewed bead; ? for help";
    for (;;) {
      if (LeaveRequested()) return Status::Ok();
      Draw();
      const int key = WaitKey();
      if (LeaveRequested() || key == 'q' || key == 'Q') return Status::Ok();
      if (key == KEY_RESIZE) continue;  // Draw() measures the screen again
      Status s = Sync(key);
      if (s.ok()) s = Handle(key);
      if (!s.ok()) {
        // An edit refused because another process committed in between
        // (TmStore::ExpectDataVersion): the screen shows the memory as it is.
        const std::string before = message_;
        Status again = Sync(0);
        const std::string reloaded = message_ != before ? "; " + message_ : "";
        message_ = "refused: " + s.message() + reloaded;
        if (!again.ok()) message_ += "; " + again.message();
      }
    }
  }

 private:
  Status Reload() {
    Result<std::vector<tm::BeadView>> beads = tm::Beads(store_, doc_);
    if (!beads.ok()) return beads.status();
    beads_ = std::move(*beads);
    MarkMoved(beads_);
    if (beads_.empty())
      cursor_ = 0;
    else
      cursor_ = std::min(cursor_, beads_.size() - 1);
    return Status::Ok();
  }

  // The beads `key` acts on besides the current one's: the neighbour a merge takes.
  std::vector<tm::BeadView> Watched(int key) const {
    std::vector<tm::BeadView> out;
    if (beads_.empty()) return out;
    out.push_back(beads_[cursor_]);
    if (key == 'm' && cursor_ + 1 < beads_.size()) out.push_back(beads_[cursor_ + 1]);
    if (key == 'M' && cursor_ > 0) out.push_back(beads_[cursor_ - 1]);
    return out;
  }

  // Another process's commit since the screen was drawn (PRAGMA
  // data_version) reloads the beads and puts the cursor on the bead it
  // showed, by its ranges, wherever it is now. When that bead (or the
  // neighbour a merge would take) is gone or changed, an edit key is refused:
  // the next key acts on what the screen then shows. Moving keys go on.
  Status Sync(int key) {
    Result<int64_t> v = store_.DataVersion();
    if (!v.ok()) return v.status();
    if (*v == seen_version_) return Status::Ok();
    const std::vector<tm::BeadView> watched = Watched(key);
    // The version first, then the beads: they are at least that new, and an
    // edit expecting it is refused should anything commit after it.
    seen_version_ = *v;
    store_.ExpectDataVersion(seen_version_);
    SVERKA_RETURN_IF_ERROR(Reload());
    if (watched.empty() || beads_.empty()) {
      message_ = "another process changed the memory: reloaded";
      return IsEdit(key) ? Status::InvalidData(message_) : Status::Ok();
    }
    const tm::BeadView& shown = watched.front();
    std::optional<size_t> at;
    for (size_t k = 0; k < beads_.size() && !at; ++k) {
      if (SameRanges(beads_[k], shown)) at = k;
    }
    // Gone: the bead now holding its first sentence.
    for (size_t k = 0; k < beads_.size() && !at; ++k) {
      if (beads_[k].ru_begin <= shown.ru_begin && shown.ru_begin < beads_[k].ru_end) at = k;
    }
    if (at) cursor_ = *at;
    bool same = true;
    for (const tm::BeadView& w : watched) {
      bool found = false;
      for (const tm::BeadView& b : beads_) found = found || SameBead(b, w);
      same = same && found;
    }
    const std::string now = at ? "; now " + BeadNumber(Position()) : "";
    if (same) {
      message_ = "another process changed the memory: reloaded; " + BeadNumber(shown.position) +
                 " is unchanged" + now;
      return Status::Ok();
    }
    message_ = "another process changed " + BeadNumber(shown.position) +
               (watched.size() > 1 ? " or its neighbour" : "") + ": reloaded" + now;
    if (!IsEdit(key)) return Status::Ok();
    return Status::InvalidData(message_ + "; the next key acts on the bead shown");
  }

  size_t LowestUnreviewed() const {
    size_t best = 0;
    bool found = false;
    for (size_t k = 0; k < beads_.size(); ++k) {
      if (beads_[k].status != kAuto) continue;
      if (!found || beads_[k].score < beads_[best].score) best = k;
      found = true;
    }
    return best;
  }

  int32_t Position() const { return beads_.empty() ? 0 : beads_[cursor_].position; }

  // Applies a store edit, reloads, and reports the change on the status line.
  Status Apply(const Result<tm::BeadChange>& change) {
    if (!change.ok()) return change.status();
    mine_.insert(change->history_id);
    SVERKA_RETURN_IF_ERROR(Reload());
    if (!change->after.empty()) {
      const int32_t p = change->after.front().position;
      for (size_t k = 0; k < beads_.size(); ++k) {
        if (beads_[k].position == p) cursor_ = k;
      }
    }
    message_ = change->action +
               (change->undone_action.empty() ? "" : " of " + change->undone_action) + ": " +
               BeadNumber(Position()) + " (history entry " + std::to_string(change->history_id) + ")";
    return Status::Ok();
  }

  // Realigns the document around its approved and edited beads (realign.h),
  // with the default dictionary, as one edit that u undoes; the cursor
  // stays where it was.
  Status Realign() {
    if (!dictionary_) {
      SVERKA_ASSIGN_OR_RETURN(dictionary_, pipeline::DefaultDictionary());
    }
    Result<tm::BeadChange> change = pipeline::RealignStored(store_, doc_, beads_, *dictionary_);
    if (!change.ok()) return change.status();
    if (change->history_id == 0) {
      message_ = "realign: nothing changed";
      return Status::Ok();
    }
    const size_t keep = cursor_;
    SVERKA_RETURN_IF_ERROR(Apply(change));
    cursor_ = std::min(keep, beads_.empty() ? 0 : beads_.size() - 1);
    message_ = "realign: " + std::to_string(change->before.size()) + " beads became " +
               std::to_string(change->after.size()) + " (history entry " + std::to_string(change->history_id) + ")";
    return Status::Ok();
  }

  // After an approval or rejection: the next auto bead below the suspicious
  // score further down, else the next bead (the last one stays).
  void MoveOn() {
    for (size_t k = cursor_ + 1; k < beads_.size(); ++k) {
      if (beads_[k].status == kAuto && beads_[k].score < kSuspiciousScore) {
        cursor_ = k;
        message_ += "; next to check: " + BeadNumber(Position());
        return;
      }
    }
    if (cursor_ + 1 < beads_.size()) {
      ++cursor_;
      message_ += "; next: " + BeadNumber(Position());
    }
  }

  Status SetStatus(std::string_view status) {
    SVERKA_RETURN_IF_ERROR(Apply(tm::ChangeStatus(store_, doc_, Position(), status)));
    MoveOn();
    return Status::Ok();
  }

  // Undo and redo take back only this review's edits (mine_): the store's
  // stacks are the document's, shared with every other writer, so the entry
  // they would take next is checked first; the edit itself then expects the
  // memory unchanged since (ExpectDataVersion), so nothing can slip between.
  Status UndoOrRedo(bool undo) {
    Result<tm::EditStacks> stacks = tm::Stacks(store_, doc_);
    if (!stacks.ok()) return stacks.status();
    const std::vector<int64_t>& stack = undo ? stacks->undo : stacks->redo;
    const std::string what = undo ? "undo" : "redo";
    if (stack.empty()) return Status::InvalidData("nothing to " + what + " in '" + doc_ + "'");
    const int64_t next = stack.back();
    if (!mine_.contains(next)) {
      const std::string entry = "history entry " + std::to_string(next) + Describe(next);
      const bool since = !mine_.empty() && *mine_.begin() < next;
      return Status::InvalidData(
          what + " refused: " +
          (since ? "another process edited '" + doc_ + "' since (" + entry + ")"
                 : "the last edit of '" + doc_ + "' (" + entry + ") is not this review's") +
          "; review " + what + "es only its own edits ('sverka edit ... " + what +
          "' takes that one)");
    }
    return Apply(undo ? tm::UndoLast(store_, doc_) : tm::RedoLast(store_, doc_));
  }

  // ": merge #3" for history entry `id`; empty when it cannot be read.
  std::string Describe(int64_t id) {
    Result<std::vector<tm::HistoryEntry>> h = tm::History(store_, doc_);
    if (!h.ok()) return "";
    for (const tm::HistoryEntry& e : *h) {
      if (e.id == id) return ": " + e.action + (e.bead ? " " + BeadNumber(*e.bead) : "");
    }
    return "";
  }

  Status Handle(int key) {
    if (beads_.empty() && key != '?') return Status::InvalidData("the document has no beads");
    const int32_t p = Position();
    switch (key) {
      case 'a':
        return SetStatus(kApproved);
      case 'r':
        return SetStatus(kRejected);
      case '0':
        return Apply(tm::ChangeStatus(store_, doc_, p, "auto"));
      case 'm':
        if (cursor_ + 1 >= beads_.size()) return Status::InvalidData("no next bead to merge with");
        return Apply(tm::MergeBeads(store_, doc_, p, beads_[cursor_ + 1].position));
      case 'M':
        if (cursor_ == 0) return Status::InvalidData("no previous bead to merge with");
        return Apply(tm::MergeBeads(store_, doc_, beads_[cursor_ - 1].position, p));
      case 's': {
        const std::string at = Ask("split " + BeadNumber(p) + " at R[:E]: ");
        const size_t colon = at.find(':');
        const int32_t ru = std::atoi(at.substr(0, colon).c_str());
        const int32_t en = colon == std::string::npos
                               ? std::min(ru, beads_[cursor_].en_end - beads_[cursor_].en_begin)
                               : std::atoi(at.substr(colon + 1).c_str());
        return Apply(tm::SplitBead(store_, doc_, p, ru, en));
      }
      case 'v': {
        const std::string how = Ask("move which side and where (rn, rp, en, ep): ");
        if (how.size() != 2 || (how[0] != 'r' && how[0] != 'e') ||
            (how[1] != 'n' && how[1] != 'p')) {
          return Status::InvalidData("answer rn, rp, en or ep");
        }
        return Apply(tm::MoveSentence(store_, 
            doc_, p, how[0] == 'r' ? "ru" : "en",
            how[1] == 'n' ? tm::MoveDirection::kToNext : tm::MoveDirection::kToPrevious));
      }
      case 'e':
        return EditSentence();
      case 'u':
        return UndoOrRedo(true);
      case 'R':
        return Realign();
      case 'U':
      case 18:  // Ctrl-R
        return UndoOrRedo(false);
      case 'j':
      case KEY_DOWN:
        Step(1);
        return Status::Ok();
      case 'k':
      case KEY_UP:
        Step(-1);
        return Status::Ok();
      case KEY_NPAGE:
      case ' ':
        Step(10);
        return Status::Ok();
      case KEY_PPAGE:
        Step(-10);
        return Status::Ok();
      case 'g':
      case KEY_HOME:
        cursor_ = 0;
        return Status::Ok();
      case 'G':
      case KEY_END:
        cursor_ = beads_.size() - 1;
        return Status::Ok();
      case 'n':
        return NextSuspicious();
      case '/':
        return SearchNext();
      case '?':
        ShowHelp();
        return Status::Ok();
      default:
        message_ = "unknown key; ? for help";
        return Status::Ok();
    }
  }

  void Step(long delta) {
    const long n = static_cast<long>(beads_.size());
    cursor_ = static_cast<size_t>(std::clamp(static_cast<long>(cursor_) + delta, 0L, n - 1));
    message_.clear();
  }

  Status NextSuspicious() {
    for (size_t d = 1; d <= beads_.size(); ++d) {
      const size_t k = (cursor_ + d) % beads_.size();
      if (beads_[k].status == kAuto && beads_[k].score < kSuspiciousScore) {
        cursor_ = k;
        message_ = "suspicious: #" + std::to_string(beads_[k].position);
        return Status::Ok();
      }
    }
    return Status::InvalidData("no suspicious unreviewed bead");
  }

  Status SearchNext() {
    const std::string what = Ask("search: ");
    if (what.empty()) return Status::Ok();
    for (size_t d = 1; d <= beads_.size(); ++d) {
      const size_t k = (cursor_ + d) % beads_.size();
      for (const auto* side : {&beads_[k].ru, &beads_[k].en}) {
        for (const std::string& s : *side) {
          if (s.find(what) != std::string::npos) {
            cursor_ = k;
            message_ = "found in #" + std::to_string(beads_[k].position);
            return Status::Ok();
          }
        }
      }
    }
    return Status::InvalidData("'" + what + "' is in no bead");
  }

  // Asks which sentence, edits it in $EDITOR (review_editor.h), stores the text.
  Status EditSentence() {
    const std::string which = Ask("edit which sentence (r0, e1…): ");
    if (which.size() < 2 || (which[0] != 'r' && which[0] != 'e'))
      return Status::InvalidData("answer r0, e1…");
    const std::string side = which[0] == 'r' ? "ru" : "en";
    const int32_t index = std::atoi(which.c_str() + 1);
    const auto& texts = side == "ru" ? beads_[cursor_].ru : beads_[cursor_].en;
    if (index < 0 || index >= static_cast<int32_t>(texts.size())) {
      return Status::InvalidData("bead #" + std::to_string(Position()) + " has no " + side +
                              " sentence " + std::to_string(index));
    }
    SVERKA_ASSIGN_OR_RETURN(const std::string text, EditInEditor(texts[index]));
    return Apply(tm::EditSentence(store_, doc_, Position(), side, index, text));
  }

  void Draw() { DrawReview({.doc = doc_, .beads = beads_, .cursor = cursor_, .message = message_}); }

  tm::TmStore& store_;
  std::string doc_;
  std::vector<tm::BeadView> beads_;
  size_t cursor_ = 0;
  std::string message_;
  int64_t seen_version_ = 0;  // PRAGMA data_version when the beads were read
  std::set<int64_t> mine_;    // history entries this review wrote
  std::optional<std::vector<formats::DictionaryEntry>> dictionary_;  // read at the first R
};

}  // namespace

Status RunReviewScreen(tm::TmStore& store, const std::string& doc) {
  ReviewScreen screen(store, doc);
  return screen.Run();
}

}  // namespace sverka::cli
