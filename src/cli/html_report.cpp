#include "cli/html_report.h"
#include "common/score_band.h"

#include <algorithm>

#include <cerrno>
#include <cstdio>

#include "common/bead_status.h"
#include "common/score_band.h"

namespace sverka::cli {

using tm::BeadView;
using tm::DocumentStats;
namespace {

std::string Escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          // Not allowed in XML 1.0: shown as its Control Picture (ESC as U+241B).
          out += "\xE2\x90";
          out += static_cast<char>(0x80 + c);
        } else {
          out += c;
        }
    }
  }
  return out;
}

// A sentence with the spans of `marks` in <mark>. Spans out of range or out
// of order are ignored rather than trusted.
std::string Marked(std::string_view sentence, const MarkSpans& marks) {
  std::string out;
  size_t at = 0;
  for (const auto& [begin, end] : marks) {
    if (begin < at || end <= begin || end > sentence.size()) continue;
    out += Escape(sentence.substr(at, begin - at));
    out += "<mark>" + Escape(sentence.substr(begin, end - begin)) + "</mark>";
    at = end;
  }
  return out + Escape(sentence.substr(at));
}

std::string Side(const std::vector<std::string>& sentences, const std::vector<MarkSpans>& marks) {
  static const MarkSpans kNone;
  std::string out;
  for (size_t k = 0; k < sentences.size(); ++k) {
    out += "<p>" + Marked(sentences[k], k < marks.size() ? marks[k] : kNone) + "</p>";
  }
  return out;
}

const char* ScoreClass(double score) {
  constexpr const char* kByBand[] = {"low", "mid", "high"};  // ScoreBand's kLow, kMid, kHigh
  return kByBand[static_cast<int>(BandOf(score))];
}

std::string Fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

constexpr const char* kStyle = R"css(
body { font-family: sans-serif; margin: 1.5em; color: #222; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-bottom: 1px solid #ddd; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
.n { width: 3em; color: #666; } .s { width: 4.5em; font-family: monospace; } .st { width: 6em; }
td p { margin: 0 0 0.3em 0; }
tr.low td.s { background: #f8c4c4; } tr.mid td.s { background: #f8e7a8; } tr.high td.s { background: #c9ecc4; }
tr.rejected { color: #999; text-decoration: line-through; }
.mv { color: #7a3fb0; font-weight: bold; font-size: 85%; }
tr.approved td.st { color: #1a7f1a; font-weight: bold; } tr.edited td.st { color: #1a4f9f; }
mark { background: #e4dcff; }
.summary span { display: inline-block; margin-right: 1.5em; }
.d { width: 10em; overflow-wrap: anywhere; } .r { width: 7em; }
)css";

// The page up to its <h1>.
std::string Head(std::string_view title) {
  std::string h;
  h += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
  h += "<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n";
  h += "<title>sverka review: " + Escape(title) + "</title>\n<style>" + std::string(kStyle) +
       "</style>\n</head>\n<body>\n";
  return h + "<h1>" + Escape(title) + "</h1>\n";
}

// One bead's row: `id` names it ("b12", "d3-b12"), `lead` is cells before
// its number (the check page's document), `reasons` a cell after its type.
std::string Row(const BeadView& b, const ReportOptions& options, const std::string& lead,
                const std::string& reasons, std::string id = {}) {
  const BeadMarks marks = options.marks ? options.marks(b) : BeadMarks{};
  if (id.empty()) id = "b" + std::to_string(b.position);
  return "<tr id=\"" + id + "\" class=\"" + ScoreClass(b.score) + " " + Escape(b.status) +
         (b.moved ? " moved" : "") + "\">" + lead + "<td class=\"n\">" + std::to_string(b.position) +
         "</td><td class=\"s\">" + Fixed(b.score) + "</td><td class=\"st\">" + Escape(b.status) +
         "</td><td class=\"t\">" + std::to_string(b.ru_end - b.ru_begin) + "-" +
         std::to_string(b.en_end - b.en_begin) + "</td>" + reasons + "<td>" + Side(b.ru, marks.ru) + "</td><td>" +
         (b.moved ? "<span class=\"mv\" title=\"moved: this English stands elsewhere in the translation\">"
                    "&#x2195; moved</span> "
                  : "") +
         Side(b.en, marks.en) + "</td></tr>\n";
}

}  // namespace

std::string RenderReport(std::string_view document, const std::vector<BeadView>& beads,
                         const DocumentStats& stats, const ReportOptions& options) {
  std::string h = Head(document);
  h += "<div class=\"summary\">";
  h += "<span>" + std::to_string(stats.beads) + " beads</span>";
  h += "<span>mean score " + Fixed(stats.mean_score) + "</span>";
  h += "<span>suspicious (score &lt; 0.5): " + std::to_string(stats.suspicious) + "</span>";
  for (const auto& [status, n] : stats.by_status)
    h += "<span>" + Escape(status) + " " + std::to_string(n) + "</span>";
  h += "<br/>";
  for (const auto& [type, n] : stats.by_type)
    h += "<span>" + Escape(type) + ": " + std::to_string(n) + "</span>";
  const auto moved = std::count_if(beads.begin(), beads.end(), [](const BeadView& b) { return b.moved; });
  if (moved > 0) h += "<span>moved: " + std::to_string(moved) + " (&#x2195;)</span>";
  // The beads to look at, lowest score first, each a link to its row: the
  // unreviewed ones below kSuspiciousScore, unpaired or moved.
  std::vector<const BeadView*> doubtful;
  for (const BeadView& b : beads) {
    const bool unpaired = b.ru_end == b.ru_begin || b.en_end == b.en_begin;
    if (b.status == kAuto && (b.score < kSuspiciousScore || unpaired || b.moved)) doubtful.push_back(&b);
  }
  std::stable_sort(doubtful.begin(), doubtful.end(),
                   [](const BeadView* a, const BeadView* b) { return a->score < b->score; });
  if (!doubtful.empty()) {
    h += "<br/><span class=\"doubt\">to check (" + std::to_string(doubtful.size()) + "):";
    for (const BeadView* b : doubtful) {
      const std::string n = std::to_string(b->position);
      h += " <a href=\"#b" + n + "\">#" + n + "</a>";
    }
    h += "</span>";
  }
  h += "</div>\n<table>\n<thead><tr><th class=\"n\">#</th><th class=\"s\">score</th>"
       "<th class=\"st\">status</th><th class=\"t\">type</th><th>Russian</th><th>English</th></tr></thead>\n"
       "<tbody>\n";
  for (const BeadView& b : beads) h += Row(b, options, "", "");
  h += "</tbody>\n</table>\n</body>\n</html>\n";
  return h;
}

std::string RenderCheckPage(std::string_view memory, const std::vector<CheckedBead>& beads, size_t total,
                            const ReportOptions& options) {
  std::string h = Head(memory);
  h += "<div class=\"summary\"><span>" + std::to_string(total) + " doubtful beads</span>";
  if (beads.size() < total) h += "<span>the first " + std::to_string(beads.size()) + " shown</span>";
  std::vector<std::string> documents;
  for (const CheckedBead& c : beads) {
    if (std::find(documents.begin(), documents.end(), c.document) == documents.end()) documents.push_back(c.document);
  }
  h += "<span>in " + std::to_string(documents.size()) + " documents</span></div>\n";
  h += "<table>\n<thead><tr><th class=\"d\">document</th><th class=\"n\">#</th><th class=\"s\">score</th>"
       "<th class=\"st\">status</th><th class=\"t\">type</th><th class=\"r\">why</th><th>Russian</th>"
       "<th>English</th></tr></thead>\n<tbody>\n";
  for (size_t k = 0; k < beads.size(); ++k) {
    const CheckedBead& c = beads[k];
    std::string why;
    for (const std::string& r : c.reasons) why += (why.empty() ? "" : ", ") + Escape(r);
    h += Row(c.bead, options, "<td class=\"d\">" + Escape(c.document) + "</td>", "<td class=\"r\">" + why + "</td>",
             "c" + std::to_string(k));
  }
  h += "</tbody>\n</table>\n</body>\n</html>\n";
  return h;
}

}  // namespace sverka::cli
