#include "cli/review_layout.h"

#include <curses.h>

#include <algorithm>
#include <cstdio>

#include "cli/bead_format.h"
#include "cli/review_terminal.h"
#include "cli/side_by_side.h"
#include "common/bead_status.h"
#include "common/score_band.h"
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

// The colour of a bead's number and score: what is left to do. Auto beads
// by score band (red, yellow, green: common/score_band.h); a bead a person
// approved or edited is green whatever the aligner scored, so the colour
// follows an edit; a rejected one is dim.
short ColourOf(const tm::BeadView& b) {
  if (IsFixedStatus(b.status)) return kHigh;
  if (b.status == kRejected) return 0;
  constexpr short kByBand[] = {kLow, kMid, kHigh};  // ScoreBand's kLow, kMid, kHigh
  return kByBand[static_cast<int>(BandOf(b.score))];
}

// Draws bead `b` (the current one when `current`) from row `y`, above row
// `end`; returns the next free row.
int DrawBead(const tm::BeadView& b, bool current, int y, int end, size_t column, int margin) {
  const BeadLines lines = LayOutBead(b, column);
  const size_t n = lines.Height();
  for (size_t i = 0; i < n && y < end; ++i, ++y) {
    if (i == 0) {
      char m[32];
      std::snprintf(m, sizeof m, "%c#%-4d %.3f %c", current ? '>' : ' ', b.position, b.score,
                    StatusMark(b.status));
      const short pair = ColourOf(b);
      if (has_colors() && pair != 0) attron(COLOR_PAIR(pair));
      if (current) attron(A_REVERSE);
      mvaddstr(y, 0, m);
      attroff(A_REVERSE);
      if (has_colors() && pair != 0) attroff(COLOR_PAIR(pair));
    }
    const bool dim = b.status == kRejected;
    if (dim) attron(A_DIM);
    if (current) attron(A_BOLD);
    mvaddstr(y, margin, SideBySideRow(lines, i, column).c_str());
    attroff(A_BOLD | A_DIM);
  }
  return y;
}

// "d: 12 beads  #3 2-1 0.731 auto moved": the document and the current bead.
std::string Header(const ReviewView& view) {
  std::string head = view.doc + ": " + std::to_string(view.beads.size()) + " beads";
  if (!view.beads.empty()) {
    const tm::BeadView& b = view.beads[view.cursor];
    char score[16];
    std::snprintf(score, sizeof score, "%.3f", b.score);
    head += "  " + BeadNumber(b.position) + " " + BeadShape(b) + " " + score + " " + b.status +
            (b.moved ? " moved" : "");
  }
  return text::VisibleControls(head);
}

}  // namespace

std::span<const char* const> ReviewHelpLines() { return kHelp; }

void DrawReview(const ReviewView& view) {
  erase();
  int rows = 0, cols = 0;
  getmaxyx(stdscr, rows, cols);
  const size_t width = static_cast<size_t>(std::max(cols, 30));
  // "#N SCORE S" is 14 columns; at 13 the Russian text overwrote the mark.
  const int margin = 15;
  const size_t column = ColumnWidth(width, margin);
  attron(A_BOLD);
  mvaddnstr(0, 0, Header(view).c_str(), cols);
  attroff(A_BOLD);
  // Rows 1 … rows-2 hold beads (the header above, the status line below).
  // One bead of context above the current one when both fit: in a short
  // terminal the current bead comes first.
  const auto& beads = view.beads;
  const size_t cursor = view.cursor;
  const size_t body = static_cast<size_t>(std::max(rows - 2, 1));
  size_t first = cursor;
  if (cursor > 0 && LayOutBead(beads[cursor - 1], column).Height() +
                            LayOutBead(beads[cursor], column).Height() <= body)
    first = cursor - 1;
  int y = 1;
  for (size_t k = first; k < beads.size() && y < rows - 1; ++k)
    y = DrawBead(beads[k], k == cursor, y, rows - 1, column, margin);
  attron(A_REVERSE);
  mvaddnstr(rows - 1, 0, text::PadToWidth(text::VisibleControls(view.message), width).c_str(), -1);
  attroff(A_REVERSE);
  refresh();
  DumpScreen();
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

}  // namespace sverka::cli
