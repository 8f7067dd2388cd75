// sverka stats --db TM: per document, beads by type and status, mean score, suspicious beads.
#include <cstdio>
#include <iostream>
#include <map>

#include "cli/cli_util.h"
#include "common/bead_status.h"
#include "text/display_text.h"
#include "tm/queries.h"
#include "tm/search.h"
#include "tm/tm_store.h"

namespace sverka::cli {

int RunStats(const Args& args) {
  po::options_description options("Options");
  std::string db;
  options.add_options()("db", po::value(&db)->required(), "translation memory");
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka stats --db TM\n\n"
                "Prints, per document, its beads by type (1-1, 2-1…) and status, the mean\n"
                "score and the number of suspicious beads (score below 0.5); then the totals\n"
                "over the memory (more than one document); then how many\n"
                "beads batch left for 'sverka index', if any.")) {
    return 0;
  }
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  if (!store.ok()) return Report(store.status());
  Result<std::vector<tm::DocumentStats>> stats = tm::Stats(*(*store));
  if (!stats.ok()) return Report(stats.status());
  for (const tm::DocumentStats& d : *stats) {
    char mean[32];
    std::snprintf(mean, sizeof mean, "%.3f", d.mean_score);
    std::cout << text::VisibleControls(d.name) << ": " << d.beads << " beads; mean score " << mean << "; suspicious "
              << d.suspicious << "\n  types:";
    for (const auto& [type, n] : d.by_type) std::cout << " " << type << " " << n;
    std::cout << "\n  status:";
    for (std::string_view s : kBeadStatuses) {
      const auto it = d.by_status.find(std::string(s));
      std::cout << " " << s << " " << (it == d.by_status.end() ? 0 : it->second);
    }
    std::cout << "\n";
  }
  // Totals over the memory, when it holds more than one document.
  if (stats->size() > 1) {
    int64_t beads = 0, suspicious = 0;
    double score_sum = 0;
    std::map<std::string, int64_t> by_status;
    for (const tm::DocumentStats& d : *stats) {
      beads += d.beads;
      suspicious += d.suspicious;
      score_sum += d.mean_score * static_cast<double>(d.beads);
      for (const auto& [s, n] : d.by_status) by_status[s] += n;
    }
    char mean[32];
    std::snprintf(mean, sizeof mean, "%.3f", beads ? score_sum / static_cast<double>(beads) : 0.0);
    std::cout << "memory: " << stats->size() << " documents, " << beads << " beads; mean score " << mean
              << "; suspicious " << suspicious << "\n  status:";
    for (std::string_view s : kBeadStatuses) std::cout << " " << s << " " << by_status[std::string(s)];
    std::cout << "\n";
  }
  Result<int64_t> pending = tm::UnindexedBeads(*(*store));
  if (!pending.ok()) return Report(pending.status());
  if (*pending > 0) {
    std::cout << "full-text index: " << *pending
              << " beads not yet indexed (stored by batch or import --jsonl); 'sverka index --db " << db
              << "' indexes them\n";
  }
  return ReportStdout();
}

}  // namespace sverka::cli
