// sverka search --db TM PHRASE [--limit N]
#include <unistd.h>

#include <iostream>

#include "cli/cli_util.h"
#include "tm/tm_store.h"

namespace sverka::cli {

int RunSearch(const Args& args) {
  po::options_description options("Options");
  std::string db, phrase;
  size_t limit = 100;
  options.add_options()("db", po::value(&db)->required(), "translation memory to search")(
      "phrase", po::value(&phrase)->required(), "words to find, in this order, in either language")(
      "limit", po::value(&limit)->default_value(100), "show at most this many pairs");
  po::positional_options_description positional;
  positional.add("phrase", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka search --db TM 'PHRASE' [--limit N]\n\n"
                "Shows the stored pairs whose Russian or English side contains the phrase\n"
                "(whole words, any case), the match highlighted: in bold on a terminal,\n"
                "between [[ and ]] otherwise.")) {
    return 0;
  }
  const bool tty = ::isatty(STDOUT_FILENO) == 1;
  const std::string open = tty ? "\x1b[1;31m" : "[[", close = tty ? "\x1b[0m" : "]]";
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  if (!store.ok()) return Report(store.status());
  Result<std::vector<tm::SearchHit>> hits = (*store)->Search(phrase, open, close, limit);
  if (!hits.ok()) return Report(hits.status());
  for (const tm::SearchHit& h : *hits) {
    char score[32];
    std::snprintf(score, sizeof score, "%.3f", h.score);
    std::cout << h.document << " #" << h.position << " (" << h.status << ", " << score << ")\n"
              << "  ru: " << h.ru << "\n  en: " << h.en << "\n";
  }
  std::cout.flush();
  return std::cout ? 0 : Report(Status::Internal("cannot write standard output"));
}

}  // namespace sverka::cli
