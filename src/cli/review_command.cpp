// sverka review --db TM --doc NAME: a full-screen review of one document
// (ncursesw). Every key that changes the memory calls one TmStore edit: one
// transaction with its history entry, committed before the screen redraws,
// so closing the terminal or killing the process loses nothing. The screen
// is in review_screen (keys and edits), review_layout (what it shows),
// review_terminal (ncurses, keys, Ctrl-C) and review_editor ($EDITOR).
#include <unistd.h>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "cli/review_layout.h"
#include "cli/review_screen.h"
#include "cli/review_terminal.h"
#include "tm/bead_editor.h"

namespace sverka::cli {

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
  for (const char* line : ReviewHelpLines()) usage += std::string("  ") + line + "\n";
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
    Result<std::vector<tm::BeadView>> beads = tm::Beads(*(*store), doc);
    if (!beads.ok()) return Report(beads.status());
  }
  LeaveOnInterrupt();
  OpenScreen();
  const Status s = RunReviewScreen(**store, doc);
  CloseScreen();
  return Report(s);
}

}  // namespace sverka::cli
