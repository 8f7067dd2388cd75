// sverka show --db TM --doc NAME [--below S] [--status S,…] [--width N]
// The pairs side by side in display columns, bead numbers and scores in the margin.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "cli/side_by_side.h"
#include "common/bead_status.h"
#include "common/score_band.h"
#include "tm/bead_editor.h"

namespace sverka::cli {
namespace {

constexpr const char* kReset = "\x1b[0m";

// Score colour by band (common/score_band.h): red, yellow, green.
const char* ScoreColour(double score) {
  constexpr const char* kByBand[] = {"\x1b[31m", "\x1b[33m", "\x1b[32m"};  // kLow, kMid, kHigh
  return kByBand[static_cast<int>(BandOf(score))];
}

}  // namespace

int RunShow(const Args& args) {
  po::options_description options("Options");
  std::string db, doc, statuses;
  double below = 2;
  size_t width = 0;
  options.add_options()("db", po::value(&db)->required(), "translation memory")(
      "doc", po::value(&doc)->required(), "document to show")("below", po::value(&below),
                                                              "only beads scoring below this")(
      "status", po::value(&statuses),
      "only beads of these statuses (auto,approved,rejected,edited)")(
      "numbers", "each sentence begins with its number in the document ([12]), as 'edit pair' takes it")(
      "width", po::value(&width),
      "line width in columns (default: the terminal's, else $COLUMNS, else 80)");
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka show --db TM --doc NAME [--below S] [--status S,…] [--numbers] [--width N]\n\n"
                "Prints the document's pairs side by side: bead number, score and status\n"
                "(+ approved, x rejected, e edited) in the margin, Russian left, English\n"
                "right, long sentences wrapped in their column. Coloured by score on a\n"
                "terminal, through $PAGER when longer than the screen; plain text otherwise.")) {
    return 0;
  }
  const std::vector<std::string> wanted = SplitCommas({statuses});
  for (const std::string& s : wanted) {
    if (!IsBeadStatus(s)) {
      throw UsageError("--status takes auto, approved, rejected, edited, not '" + s + "'");
    }
  }
  // Written so that NaN fails too (every comparison with it is false).
  if (vm.count("below") && !(below >= 0 && below <= 1)) throw UsageError("--below must be in [0, 1]");
  const bool tty = ::isatty(STDOUT_FILENO) == 1;
  size_t rows = 0;
  if (width == 0) {
    winsize ws{};
    if (tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
      width = ws.ws_col;
      rows = ws.ws_row;
    } else if (const char* c = std::getenv("COLUMNS"); c && std::atoi(c) > 0) {
      width = static_cast<size_t>(std::atoi(c));
    } else {
      width = 80;
    }
  }
  if (width < 30) width = 30;

  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  if (!store.ok()) return Report(store.status());
  Result<std::vector<tm::BeadView>> beads = tm::Beads(*(*store), doc);
  if (!beads.ok()) return Report(beads.status());
  MarkMoved(*beads);

  // Margin "#123 0.873 + ", then the Russian column, " │ ", the English one.
  const size_t digits = std::to_string(beads->empty() ? 0 : beads->back().position).size();
  const size_t margin = 1 + digits + 1 + 5 + 1 + 1 + 1;
  const size_t column = ColumnWidth(width, margin);
  std::string out;
  for (const tm::BeadView& b : *beads) {
    if (vm.count("below") && !(b.score < below)) continue;
    if (!wanted.empty() && std::find(wanted.begin(), wanted.end(), b.status) == wanted.end())
      continue;
    const BeadLines lines = LayOutBead(b, column, vm.count("numbers") > 0);
    const size_t n = lines.Height();
    for (size_t k = 0; k < n; ++k) {
      std::string line;
      if (k == 0) {
        char score[16];
        std::snprintf(score, sizeof score, "%.3f", b.score);
        std::string num = "#" + std::to_string(b.position);
        num.append(1 + digits - num.size(), ' ');
        line = num + " ";
        line += tty ? std::string(ScoreColour(b.score)) + score + kReset : std::string(score);
        line += " ";
        line += StatusMark(b.status);
        line += " ";
      } else {
        line.assign(margin, ' ');
      }
      const bool dim = tty && b.status == kRejected;
      if (dim) line += "\x1b[2m";
      line += SideBySideRow(lines, k, column);
      if (dim) line += kReset;
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
    }
  }
  const size_t lines = static_cast<size_t>(std::count(out.begin(), out.end(), '\n'));
  if (tty && rows > 0 && lines >= rows) {
    const char* pager = std::getenv("PAGER");
    std::string command = pager && *pager ? pager : "less -R";
    std::fflush(stdout);
    if (FILE* p = ::popen(command.c_str(), "w")) {
      std::fwrite(out.data(), 1, out.size(), p);
      ::pclose(p);
      return 0;
    }
  }
  std::cout << out;
  return ReportStdout();
}

}  // namespace sverka::cli
