// sverka review --db TM --doc NAME: a full-screen review of one document
// (ncursesw). Every key that changes the memory calls one TmStore edit: one
// transaction with its history entry, committed before the screen redraws,
// so closing the terminal or killing the process loses nothing.
#include <curses.h>
#include <signal.h>
#include <unistd.h>

#include <langinfo.h>
#include <algorithm>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "text/display_text.h"

namespace sverka::cli {
namespace {

constexpr const char* kHelp[] = {
    "a approve     r reject      0 reset to auto",
    "m merge with the next bead   M merge with the previous bead",
    "s split the bead (asks R[:E]: sentences kept in the first part)",
    "v move a sentence (asks: r or e, then n for next bead or p for previous)",
    "e edit a sentence in $EDITOR (asks r0, e1…: side and index in the bead)",
    "u undo      U or Ctrl-R redo",
    "j/k or arrows: next/previous bead   PgDn/PgUp: ten beads   g/G: first/last",
    "n next suspicious unreviewed bead (score < 0.5, auto)   / search   ? help   q quit",
};

enum Colour : short { kLow = 1, kMid, kHigh, kDim };

// Ctrl-C (SIGINT, and SIGTERM) leaves the review as 'q' does, exit 0: every
// change is already committed, so there is nothing to lose and nothing to
// report as an error. The handler only sets this; the loop reads it after
// the key or edit in hand is done (getch returns ERR when interrupted).
volatile sig_atomic_t g_leave = 0;

void OnLeave(int) { g_leave = 1; }

// Installs OnLeave without SA_RESTART, so that a waiting getch returns.
void LeaveOnInterrupt() {
  struct sigaction sa {};
  sa.sa_handler = OnLeave;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

class ReviewScreen {
 public:
  ReviewScreen(tm::TmStore& store, std::string doc) : store_(store), doc_(std::move(doc)) {}

  Status Run() {
    SVERKA_RETURN_IF_ERROR(Reload());
    cursor_ = LowestUnreviewed();
    message_ = "opened on the lowest-scored unreviewed bead; ? for help";
    for (;;) {
      if (g_leave) return Status::Ok();
      Draw();
      const int key = getch();
      if (g_leave || key == 'q' || key == 'Q') return Status::Ok();
      Status s = Handle(key);
      if (!s.ok()) message_ = "refused: " + s.message();
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
    SVERKA_RETURN_IF_ERROR(Reload());
    if (!change->after.empty()) {
      const int32_t p = change->after.front().position;
      for (size_t k = 0; k < beads_.size(); ++k) {
        if (beads_[k].position == p) cursor_ = k;
      }
    }
    message_ = change->action +
               (change->undone_action.empty() ? "" : " of " + change->undone_action) + ": #" +
               std::to_string(Position()) + " (history entry " +
               std::to_string(change->history_id) + ")";
    return Status::Ok();
  }

  std::string Ask(const std::string& prompt) {
    const int rows = getmaxy(stdscr);
    move(rows - 1, 0);
    clrtoeol();
    addstr(prompt.c_str());
    curs_set(1);
    // A line read key by key rather than by getnstr, which waits on through
    // Ctrl-C: interrupted, the question is dropped and the loop leaves.
    std::string answer;
    for (;;) {
      const int key = getch();
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
    if (beads_.empty() && key != '?') return Status::BadInput("the document has no beads");
    const int32_t p = Position();
    switch (key) {
      case 'a':
        return Apply(store_.ChangeStatus(doc_, p, "approved"));
      case 'r':
        return Apply(store_.ChangeStatus(doc_, p, "rejected"));
      case '0':
        return Apply(store_.ChangeStatus(doc_, p, "auto"));
      case 'm':
        if (cursor_ + 1 >= beads_.size()) return Status::BadInput("no next bead to merge with");
        return Apply(store_.MergeBeads(doc_, p, beads_[cursor_ + 1].position));
      case 'M':
        if (cursor_ == 0) return Status::BadInput("no previous bead to merge with");
        return Apply(store_.MergeBeads(doc_, beads_[cursor_ - 1].position, p));
      case 's': {
        const std::string at = Ask("split #" + std::to_string(p) + " at R[:E]: ");
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
          return Status::BadInput("answer rn, rp, en or ep");
        }
        return Apply(store_.MoveSentence(
            doc_, p, how[0] == 'r' ? "ru" : "en",
            how[1] == 'n' ? tm::MoveDirection::kToNext : tm::MoveDirection::kToPrevious));
      }
      case 'e':
        return EditInEditor();
      case 'u':
        return Apply(store_.UndoLast(doc_));
      case 'U':
      case 18:  // Ctrl-R
        return Apply(store_.RedoLast(doc_));
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
      case KEY_RESIZE:
        return Status::Ok();  // Draw() measures the screen again
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
      if (beads_[k].status == "auto" && beads_[k].score < tm::kSuspiciousScore) {
        cursor_ = k;
        message_ = "suspicious: #" + std::to_string(beads_[k].position);
        return Status::Ok();
      }
    }
    return Status::BadInput("no suspicious unreviewed bead");
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
    return Status::BadInput("'" + what + "' is in no bead");
  }

  Status EditInEditor() {
    const std::string which = Ask("edit which sentence (r0, e1…): ");
    if (which.size() < 2 || (which[0] != 'r' && which[0] != 'e'))
      return Status::BadInput("answer r0, e1…");
    const std::string side = which[0] == 'r' ? "ru" : "en";
    const int32_t index = std::atoi(which.c_str() + 1);
    const auto& texts = side == "ru" ? beads_[cursor_].ru : beads_[cursor_].en;
    if (index < 0 || index >= static_cast<int32_t>(texts.size())) {
      return Status::BadInput("bead #" + std::to_string(Position()) + " has no " + side +
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
    if (rc != 0) return Status::BadInput("the editor failed; nothing changed");
    std::string text = all.str();
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return Apply(store_.EditSentence(doc_, Position(), side, index, text));
  }

  void ShowHelp() {
    erase();
    mvaddstr(0, 0, "sverka review: keys (every change is saved at once; u undoes it)");
    int row = 2;
    for (const char* line : kHelp) mvaddstr(row++, 2, line);
    mvaddstr(row + 1, 0, "any key: back");
    refresh();
    getch();
  }

  void Draw() {
    erase();
    int rows = 0, cols = 0;
    getmaxyx(stdscr, rows, cols);
    const size_t width = static_cast<size_t>(std::max(cols, 30));
    const size_t margin = 13;
    const size_t column = (width - margin - 3) / 2;
    std::string head = doc_ + ": " + std::to_string(beads_.size()) + " beads";
    if (!beads_.empty()) {
      char score[16];
      std::snprintf(score, sizeof score, "%.3f", beads_[cursor_].score);
      head += "  #" + std::to_string(Position()) + " " + BeadShape(beads_[cursor_]) + " " + score +
              " " + beads_[cursor_].status;
    }
    attron(A_BOLD);
    mvaddnstr(0, 0, head.c_str(), cols);
    attroff(A_BOLD);
    int y = 1;
    // One bead of context above the current one.
    for (size_t k = cursor_ > 0 ? cursor_ - 1 : 0; k < beads_.size() && y < rows - 1; ++k) {
      const tm::BeadView& b = beads_[k];
      std::vector<std::string> ru, en;
      for (const std::string& s : b.ru)
        for (auto& l : text::WrapToWidth(s, column)) ru.push_back(l);
      for (size_t e = 0; e < b.en.size(); ++e)
        for (auto& l : text::WrapToWidth((e == 0 ? MovedMark(b) : "") + b.en[e], column)) en.push_back(l);
      const size_t n = std::max({ru.size(), en.size(), size_t{1}});
      for (size_t i = 0; i < n && y < rows - 1; ++i, ++y) {
        if (i == 0) {
          char m[32];
          std::snprintf(m, sizeof m, "%c#%-4d %.3f %c", k == cursor_ ? '>' : ' ', b.position,
                        b.score,
                        b.status == "approved"   ? '+'
                        : b.status == "rejected" ? 'x'
                        : b.status == "edited"   ? 'e'
                                                 : ' ');
          const short pair = b.score < tm::kSuspiciousScore ? kLow : b.score < 0.8 ? kMid : kHigh;
          if (has_colors()) attron(COLOR_PAIR(pair));
          if (k == cursor_) attron(A_REVERSE);
          mvaddstr(y, 0, m);
          attroff(A_REVERSE);
          if (has_colors()) attroff(COLOR_PAIR(pair));
        }
        const bool dim = b.status == "rejected";
        if (dim) attron(A_DIM);
        if (k == cursor_) attron(A_BOLD);
        std::string line = text::PadToWidth(i < ru.size() ? ru[i] : "", column) + " │ " +
                           (i < en.size() ? en[i] : "");
        mvaddstr(y, static_cast<int>(margin), line.c_str());
        attroff(A_BOLD | A_DIM);
      }
    }
    attron(A_REVERSE);
    mvaddnstr(rows - 1, 0, text::PadToWidth(message_, width).c_str(), -1);
    attroff(A_REVERSE);
    refresh();
  }

  tm::TmStore& store_;
  std::string doc_;
  std::vector<tm::BeadView> beads_;
  size_t cursor_ = 0;
  std::string message_;
};

}  // namespace

int RunReview(const Args& args) {
  po::options_description options("Options");
  std::string db, doc;
  options.add_options()("db", po::value(&db)->required(), "translation memory")(
      "doc", po::value(&doc)->required(), "document to review");
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka review --db TM --doc NAME\n\n"
                "A full-screen review of one document, opening on its lowest-scored\n"
                "unreviewed bead. Keys: a approve, r reject, m/M merge with next/previous,\n"
                "s split, v move a sentence, e edit in $EDITOR, u undo, U redo, n next\n"
                "suspicious, / search, ? help, q quit. Every change is saved at once.")) {
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
