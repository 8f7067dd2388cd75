// sverka review --db TM --doc NAME: a full-screen review of one document
// (ncursesw). Every key that changes the memory calls one TmStore edit: one
// transaction with its history entry, committed before the screen redraws,
// so closing the terminal or killing the process loses nothing.
#include <curses.h>
#include <signal.h>
#include <unistd.h>

#include <langinfo.h>
#include <algorithm>
#include <climits>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string_view>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "pipeline/align_pair.h"
#include "pipeline/realign.h"
#include "text/display_text.h"

namespace sverka::cli {
namespace {

// The help screen, also printed by --help: each line fits 60 columns with
// the screen's indent of 2 (tests/acceptance/review_tui.py checks both).
constexpr const char* kHelp[] = {
    "a approve   r reject   0 back to auto",
    "  (a and r move on to the next bead to check)",
    "m / M   merge with the next / previous bead",
    "s split the bead (asks R[:E]: sentences kept first)",
    "v move a sentence (asks rn, rp, en or ep)",
    "e edit a sentence in $EDITOR (asks r0, e1...)",
    "u undo this review's last edit   U or Ctrl-R redo",
    "R realign the unreviewed beads around the reviewed",
    "j k arrows: next/previous   PgDn PgUp: ten beads",
    "g G: first/last   n: next suspicious (auto, < 0.5)",
    "/ search   ? help   q or Ctrl-C quit",
    "marks: + approved  x rejected  e edited  \u2195 moved",
};

enum Colour : short { kLow = 1, kMid, kHigh };

// Ctrl-C (SIGINT, and SIGTERM) leaves the review as 'q' does, exit 0: every
// change is already committed, so there is nothing to lose and nothing to
// report as an error. The handler only sets this; the loop reads it after
// the key or edit in hand is done (getch returns ERR when interrupted).
volatile sig_atomic_t g_leave = 0;

void OnLeave(int) { g_leave = 1; }

// How long one getch waits before WaitKey looks at g_leave again.
constexpr int kPollMs = 200;

// The next key, or ERR once g_leave is set. getch waits at most kPollMs at a
// time: a Ctrl-C that lands after the caller's last look at g_leave but
// before getch starts waiting would otherwise leave it blocked on a signal
// already handled (seen once in CI).
int WaitKey() {
  int key = ERR;
  while (!g_leave && (key = getch()) == ERR) {
  }
  return key;
}

// Installs OnLeave without SA_RESTART, so that a waiting getch returns.
void LeaveOnInterrupt() {
  struct sigaction sa {};
  sa.sa_handler = OnLeave;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

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

std::string Number(int32_t position) { return "#" + std::to_string(position); }

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
      if (g_leave) return Status::Ok();
      Draw();
      const int key = WaitKey();
      if (g_leave || key == 'q' || key == 'Q') return Status::Ok();
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
    Result<std::vector<tm::BeadView>> beads = store_.Beads(doc_);
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
    const std::string now = at ? "; now " + Number(Position()) : "";
    if (same) {
      message_ = "another process changed the memory: reloaded; " + Number(shown.position) +
                 " is unchanged" + now;
      return Status::Ok();
    }
    message_ = "another process changed " + Number(shown.position) +
               (watched.size() > 1 ? " or its neighbour" : "") + ": reloaded" + now;
    if (!IsEdit(key)) return Status::Ok();
    return Status::InvalidData(message_ + "; the next key acts on the bead shown");
  }

  size_t LowestUnreviewed() const {
    size_t best = 0;
    bool found = false;
    for (size_t k = 0; k < beads_.size(); ++k) {
      if (beads_[k].status != "auto") continue;
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
               Number(Position()) + " (history entry " + std::to_string(change->history_id) + ")";
    return Status::Ok();
  }

  // Realigns the document around its approved and edited beads (realign.h),
  // with the default dictionary, as one edit that u undoes; the cursor
  // stays where it was.
  Status Realign() {
    if (!dictionary_) {
      Result<std::vector<formats::DictionaryEntry>> d = pipeline::DefaultDictionary();
      if (!d.ok()) return d.status();
      dictionary_ = std::move(*d);
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
      if (beads_[k].status == "auto" && beads_[k].score < kSuspiciousScore) {
        cursor_ = k;
        message_ += "; next to check: " + Number(Position());
        return;
      }
    }
    if (cursor_ + 1 < beads_.size()) {
      ++cursor_;
      message_ += "; next: " + Number(Position());
    }
  }

  Status SetStatus(const char* status) {
    SVERKA_RETURN_IF_ERROR(Apply(store_.ChangeStatus(doc_, Position(), status)));
    MoveOn();
    return Status::Ok();
  }

  // Undo and redo take back only this review's edits (mine_): the store's
  // stacks are the document's, shared with every other writer, so the entry
  // they would take next is checked first; the edit itself then expects the
  // memory unchanged since (ExpectDataVersion), so nothing can slip between.
  Status UndoOrRedo(bool undo) {
    Result<tm::EditStacks> stacks = store_.Stacks(doc_);
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
    return Apply(undo ? store_.UndoLast(doc_) : store_.RedoLast(doc_));
  }

  // ": merge #3" for history entry `id`; empty when it cannot be read.
  std::string Describe(int64_t id) {
    Result<std::vector<tm::HistoryEntry>> h = store_.History(doc_);
    if (!h.ok()) return "";
    for (const tm::HistoryEntry& e : *h) {
      if (e.id == id) return ": " + e.action + (e.bead ? " " + Number(*e.bead) : "");
    }
    return "";
  }

  std::string Ask(const std::string& prompt) {
    const int rows = getmaxy(stdscr);
    move(rows - 1, 0);
    clrtoeol();
    addstr(prompt.c_str());
    curs_set(1);
    DumpScreen();
    // A line read key by key rather than by getnstr, which waits on through
    // Ctrl-C: interrupted, the question is dropped and the loop leaves.
    std::string answer;
    for (;;) {
      const int key = WaitKey();
      if (g_leave) {
        answer.clear();
        break;
      }
      if (key == '\n' || key == '\r' || key == KEY_ENTER) break;
      if (key == KEY_BACKSPACE || key == 127 || key == 8) {
        // Drops one UTF-8 character: its continuation bytes, then its lead.
        while (!answer.empty() && (static_cast<unsigned char>(answer.back()) & 0xC0) == 0x80) {
          answer.pop_back();
        }
        if (!answer.empty()) answer.pop_back();
      } else if (key >= 0x20 && key <= 0xFF && key != 127 && answer.size() < 1023) {
        answer += static_cast<char>(key);
      } else {
        continue;
      }
      move(rows - 1, 0);
      clrtoeol();
      addstr((prompt + answer).c_str());
    }
    curs_set(0);
    return answer;
  }

  Status Handle(int key) {
    if (beads_.empty() && key != '?') return Status::InvalidData("the document has no beads");
    const int32_t p = Position();
    switch (key) {
      case 'a':
        return SetStatus("approved");
      case 'r':
        return SetStatus("rejected");
      case '0':
        return Apply(store_.ChangeStatus(doc_, p, "auto"));
      case 'm':
        if (cursor_ + 1 >= beads_.size()) return Status::InvalidData("no next bead to merge with");
        return Apply(store_.MergeBeads(doc_, p, beads_[cursor_ + 1].position));
      case 'M':
        if (cursor_ == 0) return Status::InvalidData("no previous bead to merge with");
        return Apply(store_.MergeBeads(doc_, beads_[cursor_ - 1].position, p));
      case 's': {
        const std::string at = Ask("split " + Number(p) + " at R[:E]: ");
        const size_t colon = at.find(':');
        const int32_t ru = std::atoi(at.substr(0, colon).c_str());
        const int32_t en = colon == std::string::npos
                               ? std::min(ru, beads_[cursor_].en_end - beads_[cursor_].en_begin)
                               : std::atoi(at.substr(colon + 1).c_str());
        return Apply(store_.SplitBead(doc_, p, ru, en));
      }
      case 'v': {
        const std::string how = Ask("move which side and where (rn, rp, en, ep): ");
        if (how.size() != 2 || (how[0] != 'r' && how[0] != 'e') ||
            (how[1] != 'n' && how[1] != 'p')) {
          return Status::InvalidData("answer rn, rp, en or ep");
        }
        return Apply(store_.MoveSentence(
            doc_, p, how[0] == 'r' ? "ru" : "en",
            how[1] == 'n' ? tm::MoveDirection::kToNext : tm::MoveDirection::kToPrevious));
      }
      case 'e':
        return EditInEditor();
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
      if (beads_[k].status == "auto" && beads_[k].score < kSuspiciousScore) {
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

  Status EditInEditor() {
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
    char path[] = "/tmp/sverka-edit-XXXXXX";
    const int fd = ::mkstemp(path);
    if (fd < 0) return Status::Internal("cannot create a temporary file");
    const std::string old = texts[index] + "\n";
    const bool wrote = ::write(fd, old.data(), old.size()) == static_cast<ssize_t>(old.size());
    ::close(fd);
    if (!wrote) return Status::Internal(std::string(path) + ": write failed");
    const char* editor = std::getenv("EDITOR");
    const std::string command = std::string(editor && *editor ? editor : "vi") + " '" + path + "'";
    def_prog_mode();
    endwin();
    const int rc = std::system(command.c_str());
    reset_prog_mode();
    refresh();
    std::ifstream in(path);
    std::stringstream all;
    all << in.rdbuf();
    std::remove(path);
    if (rc != 0) return Status::InvalidData("the editor failed; nothing changed");
    std::string text = all.str();
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return Apply(store_.EditSentence(doc_, Position(), side, index, text));
  }

  void ShowHelp() {
    erase();
    mvaddstr(0, 0, "sverka review keys (each change is saved at once)");
    int row = 2;
    for (const char* line : kHelp) mvaddstr(row++, 2, line);
    mvaddstr(row + 1, 0, "any key: back");
    refresh();
    DumpScreen();
    WaitKey();
  }

  // SVERKA_REVIEW_SCREEN=FILE: after every redraw the screen's text goes to
  // FILE (written as FILE.tmp, then renamed), one line per row without
  // trailing blanks. The pseudo-terminal test reads it: ncurses sends only
  // the cells that changed, so the terminal's byte stream is not the screen.
  void DumpScreen() {
    const char* path = std::getenv("SVERKA_REVIEW_SCREEN");
    if (path == nullptr || *path == '\0') return;
    int y0 = 0, x0 = 0, rows = 0, cols = 0;
    getyx(stdscr, y0, x0);
    getmaxyx(stdscr, rows, cols);
    std::vector<wchar_t> cells(static_cast<size_t>(cols) + 1);
    std::string out;
    for (int y = 0; y < rows; ++y) {
      const int n = mvinnwstr(y, 0, cells.data(), cols);
      std::string line;
      for (int i = 0; i < n; ++i) {
        char mb[MB_LEN_MAX];
        std::mbstate_t state{};
        const size_t len = std::wcrtomb(mb, cells[static_cast<size_t>(i)], &state);
        if (len != static_cast<size_t>(-1)) line.append(mb, len);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
    move(y0, x0);
    const std::string tmp = std::string(path) + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
      f << out;
      if (!f) return;
    }
    std::rename(tmp.c_str(), path);
  }

  // Bead `k`'s screen lines: Russian and English wrapped to `column`, side by side.
  std::pair<std::vector<std::string>, std::vector<std::string>> Wrapped(size_t k,
                                                                        size_t column) const {
    const tm::BeadView& b = beads_[k];
    std::vector<std::string> ru, en;
    for (const std::string& s : b.ru)
      for (auto& l : text::WrapToWidth(s, column)) ru.push_back(l);
    for (size_t e = 0; e < b.en.size(); ++e)
      for (auto& l : text::WrapToWidth((e == 0 ? MovedMark(b) : "") + b.en[e], column))
        en.push_back(l);
    return {std::move(ru), std::move(en)};
  }

  size_t Height(size_t k, size_t column) const {
    const auto [ru, en] = Wrapped(k, column);
    return std::max({ru.size(), en.size(), size_t{1}});
  }

  // The colour of a bead's number and score: what is left to do. Auto beads
  // by score (red below 0.5, yellow below 0.8, green); a bead a person
  // approved or edited is green whatever the aligner scored, so the colour
  // follows an edit; a rejected one is dim.
  static short ColourOf(const tm::BeadView& b) {
    if (b.status == "approved" || b.status == "edited") return kHigh;
    if (b.status == "rejected") return 0;
    return b.score < kSuspiciousScore ? kLow : b.score < 0.8 ? kMid : kHigh;
  }

  // Draws bead `k` from row `y`, above row `end`; returns the next free row.
  int DrawBead(size_t k, int y, int end, size_t column, int margin) {
    const tm::BeadView& b = beads_[k];
    const auto [ru, en] = Wrapped(k, column);
    const size_t n = std::max({ru.size(), en.size(), size_t{1}});
    for (size_t i = 0; i < n && y < end; ++i, ++y) {
      if (i == 0) {
        char m[32];
        std::snprintf(m, sizeof m, "%c#%-4d %.3f %c", k == cursor_ ? '>' : ' ', b.position, b.score,
                      b.status == "approved"   ? '+'
                      : b.status == "rejected" ? 'x'
                      : b.status == "edited"   ? 'e'
                                               : ' ');
        const short pair = ColourOf(b);
        if (has_colors() && pair != 0) attron(COLOR_PAIR(pair));
        if (k == cursor_) attron(A_REVERSE);
        mvaddstr(y, 0, m);
        attroff(A_REVERSE);
        if (has_colors() && pair != 0) attroff(COLOR_PAIR(pair));
      }
      const bool dim = b.status == "rejected";
      if (dim) attron(A_DIM);
      if (k == cursor_) attron(A_BOLD);
      std::string line = text::PadToWidth(i < ru.size() ? ru[i] : "", column) + " │ " +
                         (i < en.size() ? en[i] : "");
      mvaddstr(y, margin, line.c_str());
      attroff(A_BOLD | A_DIM);
    }
    return y;
  }

  void Draw() {
    erase();
    int rows = 0, cols = 0;
    getmaxyx(stdscr, rows, cols);
    const size_t width = static_cast<size_t>(std::max(cols, 30));
    // "#N SCORE S" is 14 columns; at 13 the Russian text overwrote the mark.
    const int margin = 15;
    const size_t column = (width - margin - 3) / 2;
    std::string head = doc_ + ": " + std::to_string(beads_.size()) + " beads";
    if (!beads_.empty()) {
      const tm::BeadView& b = beads_[cursor_];
      char score[16];
      std::snprintf(score, sizeof score, "%.3f", b.score);
      head += "  " + Number(b.position) + " " + BeadShape(b) + " " + score + " " + b.status +
              (b.moved ? " moved" : "");
    }
    attron(A_BOLD);
    mvaddnstr(0, 0, head.c_str(), cols);
    attroff(A_BOLD);
    // Rows 1 … rows-2 hold beads (the header above, the status line below).
    // One bead of context above the current one when both fit: in a short
    // terminal the current bead comes first.
    const size_t body = static_cast<size_t>(std::max(rows - 2, 1));
    size_t first = cursor_;
    if (cursor_ > 0 && Height(cursor_ - 1, column) + Height(cursor_, column) <= body)
      first = cursor_ - 1;
    int y = 1;
    for (size_t k = first; k < beads_.size() && y < rows - 1; ++k)
      y = DrawBead(k, y, rows - 1, column, margin);
    attron(A_REVERSE);
    mvaddnstr(rows - 1, 0, text::PadToWidth(message_, width).c_str(), -1);
    attroff(A_REVERSE);
    refresh();
    DumpScreen();
  }

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

int RunReview(const Args& args) {
  po::options_description options("Options");
  std::string db, doc;
  options.add_options()("db", po::value(&db)->required(), "translation memory")(
      "doc", po::value(&doc)->required(), "document to review");
  po::positional_options_description positional;
  po::variables_map vm;
  std::string usage =
      "usage: sverka review --db TM --doc NAME\n\n"
      "A full-screen review of one document, opening on its lowest-scored\n"
      "unreviewed bead. Every change is saved at once; another process's\n"
      "change is reloaded before a key acts. Keys:\n";
  for (const char* line : kHelp) usage += std::string("  ") + line + "\n";
  usage.pop_back();
  if (ParseArgs(args, options, positional, vm, usage)) {
    return 0;
  }
  if (::isatty(STDIN_FILENO) != 1 || ::isatty(STDOUT_FILENO) != 1) {
    return Report(Status::Usage("review needs a terminal; use 'sverka edit' in scripts"));
  }
  Result<std::unique_ptr<tm::TmStore>> store = OpenExisting(db);
  if (!store.ok()) return Report(store.status());
  {
    // Fail before taking the screen: an unknown document is one line on stderr.
    Result<std::vector<tm::BeadView>> beads = (*store)->Beads(doc);
    if (!beads.ok()) return Report(beads.status());
  }
  std::setlocale(LC_ALL, "");
  if (std::string(nl_langinfo(CODESET)) != "UTF-8") std::setlocale(LC_ALL, "C.UTF-8");
  LeaveOnInterrupt();
  initscr();
  cbreak();
  noecho();
  keypad(stdscr, TRUE);
  timeout(kPollMs);
  curs_set(0);
  if (has_colors()) {
    start_color();
    use_default_colors();
    init_pair(kLow, COLOR_RED, -1);
    init_pair(kMid, COLOR_YELLOW, -1);
    init_pair(kHigh, COLOR_GREEN, -1);
  }
  ReviewScreen screen(**store, doc);
  const Status s = screen.Run();
  endwin();
  return Report(s);
}

}  // namespace sverka::cli
