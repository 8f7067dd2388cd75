#include "tm/html_report.h"

#include <algorithm>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace sverka::tm {
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

// A sentence with its anchors in <mark>: words holding a digit, and
// capitalised words other than the sentence's first (names survive translation).
std::string Marked(std::string_view sentence, const ReportOptions& options) {
  std::string out;
  size_t i = 0;
  bool first = true;
  while (i < sentence.size()) {
    const size_t start = i;
    while (i < sentence.size() && sentence[i] != ' ') ++i;
    const std::string_view word = sentence.substr(start, i - start);
    bool digit = false;
    for (const char c : word) digit = digit || (c >= '0' && c <= '9');
    // Leading punctuation (« " ( —) does not hide a capital.
    size_t lead = 0;
    while (lead < word.size() && std::strchr("\"'([-", word[lead])) ++lead;
    if (word.substr(lead).rfind("\xC2\xAB", 0) == 0) lead += 2;  // «
    const std::string_view core = word.substr(lead);
    const bool capital = options.starts_with_capital
                             ? options.starts_with_capital(core)
                             : (!core.empty() && core[0] >= 'A' && core[0] <= 'Z');
    if (digit || (capital && !first)) {
      out += "<mark>" + Escape(word) + "</mark>";
    } else {
      out += Escape(word);
    }
    if (!word.empty()) first = false;
    while (i < sentence.size() && sentence[i] == ' ') {
      out += ' ';
      ++i;
    }
  }
  return out;
}

std::string Side(const std::vector<std::string>& sentences, const ReportOptions& options) {
  std::string out;
  for (const std::string& s : sentences) out += "<p>" + Marked(s, options) + "</p>";
  return out;
}

const char* ScoreClass(double score) {
  return score < kSuspiciousScore ? "low" : score < 0.8 ? "mid" : "high";
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
)css";

}  // namespace

std::string RenderReport(std::string_view document, const std::vector<BeadView>& beads,
                         const DocumentStats& stats, const ReportOptions& options) {
  std::string h;
  h += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n";
  h += "<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n";
  h += "<title>sverka review: " + Escape(document) + "</title>\n<style>" + std::string(kStyle) +
       "</style>\n</head>\n<body>\n";
  h += "<h1>" + Escape(document) + "</h1>\n<div class=\"summary\">";
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
    if (b.status == "auto" && (b.score < kSuspiciousScore || unpaired || b.moved)) doubtful.push_back(&b);
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
  for (const BeadView& b : beads) {
    h += "<tr id=\"b" + std::to_string(b.position) + "\" class=\"" + ScoreClass(b.score) + " " +
         Escape(b.status) + (b.moved ? " moved" : "") + "\"><td class=\"n\">" +
         std::to_string(b.position) + "</td><td class=\"s\">" + Fixed(b.score) +
         "</td><td class=\"st\">" + Escape(b.status) + "</td><td class=\"t\">" +
         std::to_string(b.ru_end - b.ru_begin) + "-" + std::to_string(b.en_end - b.en_begin) + "</td><td>" +
         Side(b.ru, options) + "</td><td>" +
         (b.moved ? "<span class=\"mv\" title=\"moved: this English stands elsewhere in the translation\">"
                    "&#x2195; moved</span> "
                  : "") +
         Side(b.en, options) + "</td></tr>\n";
  }
  h += "</tbody>\n</table>\n</body>\n</html>\n";
  return h;
}

}  // namespace sverka::tm
