// sverka check --db TM: the doubtful beads of every document, worst first.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <set>

#include "cli/bead_format.h"
#include "cli/cli_util.h"
#include "common/bead_status.h"
#include "common/score_band.h"
#include "common/utf8.h"
#include "text/display_text.h"
#include "pipeline/bead_matches.h"
#include "cli/html_report.h"
#include "common/output_file.h"
#include "common/score_band.h"
#include "formats/pair_text_writer.h"
#include "tm/bead_editor.h"
#include "tm/tm_store.h"

namespace sverka::cli {
namespace {

// The reasons a bead is doubtful, in the order they are printed.
constexpr const char* kKinds[] = {"low", "unpaired", "length", "numbers", "moved"};

using Doubtful = cli::CheckedBead;

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

// The numbers of a text: runs of digits ("2 000" and "2,000" give 2 and 000
// alike, "1,5" and "1.5" 1 and 5), as a sorted multiset.
std::vector<std::string> Numbers(const std::vector<std::string>& sentences) {
  std::vector<std::string> out;
  for (const std::string& s : sentences) {
    for (size_t k = 0; k < s.size();) {
      if (s[k] < '0' || s[k] > '9') {
        ++k;
        continue;
      }
      size_t e = k;
      while (e < s.size() && s[e] >= '0' && s[e] <= '9') ++e;
      out.push_back(s.substr(k, e - k));
      k = e;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

int64_t Length(const std::vector<std::string>& sentences) {
  int64_t n = 0;
  for (const std::string& s : sentences) n += static_cast<int64_t>(CountCodePoints(s));
  return n;
}

// The median English/Russian length ratio of the document's 1-1 beads of
// 20 characters or more; 1 when there are fewer than 5.
double MedianRatio(const std::vector<tm::BeadView>& beads) {
  std::vector<double> ratios;
  for (const tm::BeadView& b : beads) {
    if (b.ru.size() != 1 || b.en.size() != 1) continue;
    const int64_t r = Length(b.ru), e = Length(b.en);
    if (r >= 20 && e >= 20) ratios.push_back(static_cast<double>(e) / static_cast<double>(r));
  }
  if (ratios.size() < 5) return 1.0;
  std::nth_element(ratios.begin(), ratios.begin() + static_cast<ptrdiff_t>(ratios.size() / 2), ratios.end());
  return ratios[ratios.size() / 2];
}

std::vector<std::string> Reasons(const tm::BeadView& b, double ratio, double below) {
  std::vector<std::string> why;
  if (b.score < below) why.push_back("low");
  if (b.ru.empty() || b.en.empty()) {
    why.push_back("unpaired");
  } else {
    // Twice as long or half as long as the document's translations run.
    const int64_t r = Length(b.ru), e = Length(b.en);
    if (r + e >= 30 && std::fabs(std::log((static_cast<double>(e) + 1) / ((static_cast<double>(r) + 1) * ratio))) >
                           std::log(2.0)) {
      why.push_back("length");
    }
    if (Numbers(b.ru) != Numbers(b.en)) why.push_back("numbers");
  }
  if (b.moved) why.push_back("moved");
  return why;
}

// On standard error: that nothing was found, or that not all was shown.
void Summarise(const std::string& db, size_t found, size_t shown, const std::vector<std::string>& statuses) {
  if (found == 0) {
    std::cerr << "sverka: " << db << ": no doubtful bead"
              << (statuses.empty() ? "" : " among the " + Join(statuses, ", ") + " ones") << "\n";
  } else if (shown < found) {
    std::cerr << "sverka: " << found << " doubtful beads; the first " << shown << " shown (--limit 0 shows all)\n";
  }
}

// --format html: the first `shown` of `found` on one page, what each bead's
// sides share marked (as `report`).
int WritePage(const std::string& db, const std::string& path, std::vector<Doubtful>& found, size_t shown,
              const po::variables_map& vm) {
  const size_t total = found.size();
  found.resize(shown);
  Result<std::vector<formats::DictionaryEntry>> dictionary = LoadDictionaries(vm);
  if (!dictionary.ok()) return Report(dictionary.status());
  std::vector<tm::BeadView> beads;
  for (const Doubtful& d : found) beads.push_back(d.bead);
  Result<std::unique_ptr<pipeline::BeadMatcher>> matcher = pipeline::BeadMatcher::Create(beads, *dictionary);
  if (!matcher.ok()) return Report(matcher.status());
  const auto marks = [&](const tm::BeadView& b) { return (*matcher)->Match(b); };
  const std::string page = cli::RenderCheckPage(db, found, total, {.marks = marks});
  if (Status s = WriteFileAtomically(path, page, {db}); !s.ok()) return Report(s);
  std::cout << path << ": " << found.size() << " doubtful beads\n";
  return 0;
}

}  // namespace

int RunCheck(const Args& args) {
  po::options_description options("Options");
  std::string db, status = "auto", kind, format = "text", out_path;
  std::vector<std::string> docs;
  double below = kSuspiciousScore;
  size_t limit = 50;
  options.add_options()("db", po::value(&db)->required(), "translation memory")(
      "doc", po::value(&docs)->composing(), "only this document (repeatable)")(
      "status", po::value(&status)->default_value("auto"),
      "only beads of these statuses (auto,approved,rejected,edited) or all")(
      "kind", po::value(&kind), "only beads doubtful for these reasons: low,unpaired,length,numbers,moved")(
      "below", po::value(&below)->default_value(kSuspiciousScore, "0.5"), "a score below this is low")(
      "limit", po::value(&limit)->default_value(50), "print at most this many beads (0: all)")(
      "format,f", po::value(&format)->default_value("text"), "text, tsv or html (one page, with -o)")(
      "output,o", po::value(&out_path), "write to this file (html: required)");
  AddDictionaryOptions(options);
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka check --db TM [--doc NAME…] [--status S,…|all] [--kind K,…]\n"
                "                    [--below S] [--limit N] [--format text|tsv] [-o FILE]\n"
                "       sverka check --db TM --format html -o check.html [--dict FILE]… [--no-dict]\n\n"
                "Lists the doubtful beads of every document, lowest score first: a score\n"
                "below 0.5 (low), a sentence left unpaired (unpaired), a length ratio off by\n"
                "half or double the document's (length), numbers on one side only (numbers),\n"
                "a paragraph the translation moved (moved). Unreviewed (auto) beads only,\n"
                "unless --status says otherwise. --format html writes one page for the\n"
                "memory, each bead as in 'sverka report', what its sides share marked.")) {
    return 0;
  }
  if (format != "text" && format != "tsv" && format != "html") {
    throw UsageError("--format must be text, tsv or html, not '" + format + "'");
  }
  if (format == "html" && out_path.empty()) throw UsageError("--format html needs -o FILE");
  if (!(below >= 0 && below <= 1)) throw UsageError("--below must be a number from 0 to 1");
  std::vector<std::string> statuses = status == "all" ? std::vector<std::string>{} : SplitCommas({status});
  for (const std::string& s : statuses) {
    if (!IsBeadStatus(s)) {
      throw UsageError("--status takes auto, approved, rejected, edited or all, not '" + s + "'");
    }
  }
  const std::vector<std::string> kinds = SplitCommas({kind});
  for (const std::string& k : kinds) {
    if (std::find(std::begin(kKinds), std::end(kKinds), k) == std::end(kKinds)) {
      throw UsageError("--kind takes low, unpaired, length, numbers, moved, not '" + k + "'");
    }
  }

  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  if (!store.ok()) return Report(store.status());
  Result<std::vector<std::string>> names = (*store)->DocumentNames();
  if (!names.ok()) return Report(names.status());
  for (const std::string& d : docs) {
    if (std::find(names->begin(), names->end(), d) != names->end()) continue;
    // Name what there is: the user mistyped or has the wrong memory.
    std::vector<std::string> shown;
    for (size_t k = 0; k < names->size() && k < 10; ++k) shown.push_back("'" + (*names)[k] + "'");
    std::string there = names->empty() ? "it holds no documents"
                                       : "it holds " + Join(shown, ", ") +
                                             (names->size() > 10 ? " and " + std::to_string(names->size() - 10) + " more"
                                                                 : std::string());
    return Report(Status::InvalidData(db + ": no document '" + text::VisibleControls(d) + "'; " +
                                   text::VisibleControls(there)));
  }
  std::vector<Doubtful> found;
  for (const std::string& name : docs.empty() ? *names : docs) {
    Result<std::vector<tm::BeadView>> beads = tm::Beads(*(*store), name);
    if (!beads.ok()) return Report(beads.status());
    MarkMoved(*beads);
    const double ratio = MedianRatio(*beads);
    for (tm::BeadView& b : *beads) {
      if (!statuses.empty() && std::find(statuses.begin(), statuses.end(), b.status) == statuses.end()) continue;
      std::vector<std::string> why = Reasons(b, ratio, below);
      if (why.empty()) continue;
      if (!kinds.empty() && std::none_of(why.begin(), why.end(), [&](const std::string& w) {
            return std::find(kinds.begin(), kinds.end(), w) != kinds.end();
          })) {
        continue;
      }
      found.push_back({name, std::move(b), std::move(why)});
    }
  }
  std::stable_sort(found.begin(), found.end(),
                   [](const Doubtful& a, const Doubtful& b) { return a.bead.score < b.bead.score; });
  const size_t shown = limit == 0 ? found.size() : std::min(limit, found.size());
  if (format == "html") return WritePage(db, out_path, found, shown, vm);
  std::string out;
  if (format == "tsv") out = "document\tbead\tscore\tshape\tstatus\treasons\tru\ten\n";
  for (size_t k = 0; k < shown; ++k) {
    const Doubtful& d = found[k];
    char score[16];
    std::snprintf(score, sizeof score, "%.3f", d.bead.score);
    std::string ru, en;
    for (const std::string& s : d.bead.ru) ru += (ru.empty() ? "" : " ") + s;
    for (const std::string& s : d.bead.en) en += (en.empty() ? "" : " ") + s;
    if (format == "tsv") {
      out += formats::FlattenLine(d.document, nullptr) + "\t" + std::to_string(d.bead.position) + "\t" + score + "\t" +
             BeadShape(d.bead) + "\t" + d.bead.status + "\t" + Join(d.reasons, ",") + "\t" +
             formats::FlattenLine(ru, nullptr) + "\t" + formats::FlattenLine(en, nullptr) + "\n";
    } else {
      out += text::VisibleControls(d.document) + " #" + std::to_string(d.bead.position) + " " + score + " " +
             BeadShape(d.bead) + " " + d.bead.status + ": " + Join(d.reasons, ", ") + "\n";
      out += "    ru: " + text::VisibleControls(ru) + "\n    en: " + text::VisibleControls(en) + "\n";
    }
  }
  if (!out_path.empty()) {
    if (Status st = WriteFileAtomically(out_path, out, {db}); !st.ok()) return Report(st);
    Summarise(db, found.size(), shown, statuses);
    return 0;
  }
  std::cout << out;
  std::cout.flush();
  if (!std::cout) return Report(Status::Internal("cannot write standard output"));
  Summarise(db, found.size(), shown, statuses);
  return 0;
}

}  // namespace sverka::cli
