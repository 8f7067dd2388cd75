#include "cli/bead_format.h"
#include "align/moved_beads.h"
#include "text/display_text.h"

#include <sys/stat.h>

#include <cstdio>

namespace sverka::cli {
namespace {

std::string Numbers(int32_t begin, int32_t end) {
  std::string out = "[";
  for (int32_t k = begin; k < end; ++k) out += (k > begin ? "," : "") + std::to_string(k);
  return out + "]";
}

std::string Join(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& t : texts) out += (out.empty() ? "" : " ") + t;
  return out;
}

std::string BeadLine(const char* mark, const tm::BeadView& b) {
  char score[32];
  std::snprintf(score, sizeof score, "%.3f", b.score);
  return std::string(mark) + "#" + std::to_string(b.position) + " " + BeadLinks(b) + " " +
         BeadShape(b) + " " + score + " " + b.status;
}

}  // namespace

std::string BeadNumber(int32_t position) { return "#" + std::to_string(position); }

std::string BeadLinks(const tm::BeadView& b) {
  return Numbers(b.ru_begin, b.ru_end) + ":" + Numbers(b.en_begin, b.en_end);
}

void MarkMoved(std::vector<tm::BeadView>& beads) {
  Alignment ranges;
  ranges.reserve(beads.size());
  for (const tm::BeadView& b : beads) {
    ranges.push_back({b.ru_begin, b.ru_end - b.ru_begin, b.en_begin, b.en_end - b.en_begin, b.score});
  }
  const std::vector<bool> moved = align::MovedBeads(ranges);
  for (size_t k = 0; k < moved.size(); ++k) beads[k].moved = moved[k];
}

std::string MovedMark(const tm::BeadView& b) { return b.moved ? "\u2195 " : ""; }

std::string BeadShape(const tm::BeadView& b) {
  return std::to_string(b.ru_end - b.ru_begin) + "-" + std::to_string(b.en_end - b.en_begin);
}

std::vector<std::string> DescribeChange(const std::string& document, const tm::BeadChange& change) {
  std::string head = text::VisibleControls(document) + ": " + change.action;
  if (!change.undone_action.empty()) head += " of " + change.undone_action;
  head += " (history entry " + std::to_string(change.history_id) + ")";
  const auto delta =
      static_cast<long>(change.after.size()) - static_cast<long>(change.before.size());
  if (delta != 0) {
    head += "; the beads after it renumbered by " + std::string(delta > 0 ? "+" : "") +
            std::to_string(delta);
  }
  std::vector<std::string> lines = {head};
  auto add = [&](const char* mark, const tm::BeadView& b) {
    lines.push_back(BeadLine(mark, b));
    // Stored text may hold control characters (an ESC from a source file): shown, not sent.
    lines.push_back("    ru: " + text::VisibleControls(Join(b.ru)));
    lines.push_back("    en: " + text::VisibleControls(Join(b.en)));
  };
  for (const tm::BeadView& b : change.before) add("- ", b);
  for (const tm::BeadView& b : change.after) add("+ ", b);
  return lines;
}

Result<std::unique_ptr<tm::TmStore>> OpenExisting(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return Status::InvalidData(path + ": no such translation memory");
  return tm::TmStore::Open(path, tm::OpenMode::kCreateOrWrite);
}

}  // namespace sverka::cli
