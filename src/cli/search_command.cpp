// sverka search --db TM PHRASE [--exact] [--limit N]
#include <unistd.h>

#include <iostream>

#include "cli/cli_util.h"
#include "text/display_text.h"
#include "tm/search.h"
#include "tm/tm_store.h"

namespace sverka::cli {
namespace {

// The match markers the store is asked to put in: control bytes the text
// reader refuses, so that a stored text cannot fake them.
constexpr char kOpen = '\x01', kClose = '\x02';

// `hit` with its markers as `open`/`close` and every other control
// character made visible (a stored ESC sequence must not reach the terminal).
std::string Render(std::string_view hit, const std::string& open, const std::string& close) {
  std::string out;
  size_t from = 0;
  for (size_t i = 0; i <= hit.size(); ++i) {
    if (i < hit.size() && hit[i] != kOpen && hit[i] != kClose) continue;
    out += text::VisibleControls(hit.substr(from, i - from));
    if (i < hit.size()) out += hit[i] == kOpen ? open : close;
    from = i + 1;
  }
  return out;
}

}  // namespace

int RunSearch(const Args& args) {
  po::options_description options("Options");
  std::string db, phrase;
  int64_t limit = 100;  // signed: '-1' is refused, not read as 2^64 - 1
  options.add_options()("db", po::value(&db)->required(), "translation memory to search")(
      "phrase", po::value(&phrase)->required(), "words to find, in this order, in either language")(
      "exact", "only the phrase as typed, not its words in other forms")(
      "limit", po::value(&limit)->default_value(100), "show at most this many pairs (1 or more)");
  po::positional_options_description positional;
  positional.add("phrase", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka search --db TM 'PHRASE' [--exact] [--limit N]\n\n"
                "Shows the stored pairs whose Russian or English side contains the phrase\n"
                "(whole words, any case), the match highlighted: in bold on a terminal,\n"
                "between [[ and ]] otherwise. First the pairs with the phrase as typed,\n"
                "then those with its words in other forms (same stems: 'культурная\n"
                "дипломатия' finds 'культурной дипломатии', 'human right' finds 'human\n"
                "rights'), marked 'other form'; --exact shows only the first.")) {
    return 0;
  }
  if (limit < 1) throw UsageError("--limit must be 1 or more");
  const auto shown = static_cast<size_t>(limit);
  const bool exact = vm.count("exact") > 0;
  const bool tty = ::isatty(STDOUT_FILENO) == 1;
  const std::string open = tty ? "\x1b[1;31m" : "[[", close = tty ? "\x1b[0m" : "]]";
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  if (!store.ok()) return Report(store.status());
  int64_t unindexed = 0;
  Result<std::vector<tm::SearchHit>> hits =
      tm::Search(*(*store), phrase, std::string(1, kOpen), std::string(1, kClose), shown + 1, &unindexed,
                       exact ? tm::SearchMatch::kExact : tm::SearchMatch::kExactThenStemmed);
  if (!hits.ok()) return Report(hits.status());
  if (unindexed > 0) {
    std::cerr << "sverka: " << db << ": " << unindexed
              << " beads are not in the full-text index yet; searched them directly "
                 "(slower): 'sverka index --db "
              << db << "' indexes them\n";
  }
  // One more than --limit was asked for: whether the list is cut.
  const bool more = hits->size() > shown;
  if (more) hits->resize(shown);
  for (const tm::SearchHit& h : *hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", h.score);
    std::cout << text::VisibleControls(h.document) << " #" << h.position << " (" << h.status << ", " << score
              << (h.exact ? ")\n" : ", other form)\n")
              << "  ru: " << Render(h.ru, open, close) << "\n  en: " << Render(h.en, open, close)
              << "\n";
  }
  std::cout.flush();
  if (hits->empty()) {
    std::cerr << "sverka: " << text::VisibleControls(db) << ": no pair contains '"
              << text::VisibleControls(phrase) << "'"
              << (exact ? "" : " or its words in other forms") << "\n";
  } else if (more) {
    std::cerr << "sverka: more than " << limit << " pairs contain '"
              << text::VisibleControls(phrase) << "'; the first " << limit
              << " are shown (--limit N shows more)\n";
  }
  return ReportStdout();
}

}  // namespace sverka::cli
