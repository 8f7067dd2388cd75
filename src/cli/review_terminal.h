// The terminal under `sverka review` (ncursesw): the screen's start and
// end, keys read with Ctrl-C in mind, questions on the bottom line, and the
// screen dump the pseudo-terminal test reads.
#pragma once

#include <string>

namespace sverka::cli {

// The colour pairs of a bead's number and score, by score band.
enum Colour : short { kLow = 1, kMid, kHigh };

// Ctrl-C and SIGTERM end the review as 'q' does (exit 0): every change is
// already committed. LeaveOnInterrupt installs the handler; LeaveRequested
// tells whether it ran.
void LeaveOnInterrupt();
bool LeaveRequested();

// Takes the terminal: UTF-8 locale, ncurses in cbreak mode without echo,
// keypad keys, the colour pairs. CloseScreen gives it back.
void OpenScreen();
void CloseScreen();

// The next key, or ERR once a leave was requested.
int WaitKey();

// Asks `prompt` on the bottom line and returns the answer typed (Enter
// ends it; empty when interrupted).
std::string Ask(const std::string& prompt);

// With SVERKA_REVIEW_SCREEN=FILE set, writes the screen's text to FILE
// (see review_terminal.cpp); otherwise does nothing.
void DumpScreen();

}  // namespace sverka::cli
