#include "cli/review_terminal.h"

#include <curses.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <langinfo.h>
#include <climits>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <fstream>
#include <string>
#include <vector>

namespace sverka::cli {
namespace {

// Ctrl-C (SIGINT, and SIGTERM) leaves the review as 'q' does, exit 0: every
// change is already committed, so there is nothing to lose and nothing to
// report as an error. The handler only sets this; the loop reads it after
// the key or edit in hand is done (getch returns ERR when interrupted).
volatile sig_atomic_t g_leave = 0;

void OnLeave(int) { g_leave = 1; }

// How long one getch waits before WaitKey looks at g_leave again.
constexpr int kPollMs = 200;

}  // namespace

// getch waits at most kPollMs at a time: a Ctrl-C that lands after the
// caller's last look at g_leave but before getch starts waiting would
// otherwise leave it blocked on a signal already handled (seen once in CI).
int WaitKey() {
  int key = ERR;
  while (!g_leave && (key = getch()) == ERR) {
  }
  return key;
}

// Installs OnLeave with SA_RESTART: no other system call (SQLite's reads
// and locks, the screen's writes, the screen dump) ever sees EINTR from a
// Ctrl-C, whatever it was doing. A waiting getch still returns at once,
// since Linux never restarts poll() after a handler, and WaitKey looks at
// g_leave at least every kPollMs whatever happens.
void LeaveOnInterrupt() {
  struct sigaction sa {};
  sa.sa_handler = OnLeave;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

bool LeaveRequested() { return g_leave != 0; }

void OpenScreen() {
  std::setlocale(LC_ALL, "");
  if (std::string(nl_langinfo(CODESET)) != "UTF-8") std::setlocale(LC_ALL, "C.UTF-8");
  initscr();
  cbreak();
  noecho();
  keypad(stdscr, TRUE);
  timeout(kPollMs);
  // A Ctrl-C flushes the terminal's input (ISIG without NOFLSH): a key that
  // getch's poll saw can be gone when getch reads it, and a read of one byte
  // (cbreak's VMIN 1) then waited, restarted after the handler (SA_RESTART),
  // for a key that never came (4 of 60 reviews given a key and Ctrl-C at
  // once hung). With VMIN 0 a read takes what is there or nothing, and
  // WaitKey looks at g_leave again; def_prog_mode keeps it across $EDITOR.
  struct termios mode {};
  if (tcgetattr(STDIN_FILENO, &mode) == 0) {
    mode.c_cc[VMIN] = 0;
    mode.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &mode) == 0) def_prog_mode();
  }
  curs_set(0);
  if (has_colors()) {
    start_color();
    use_default_colors();
    init_pair(kLow, COLOR_RED, -1);
    init_pair(kMid, COLOR_YELLOW, -1);
    init_pair(kHigh, COLOR_GREEN, -1);
  }
}

void CloseScreen() { endwin(); }

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

}  // namespace sverka::cli
