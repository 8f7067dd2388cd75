#include "cli/side_by_side.h"

#include <algorithm>

#include "cli/bead_format.h"
#include "common/bead_status.h"
#include "text/display_text.h"

namespace sverka::cli {
namespace {

constexpr std::string_view kRule = " │ ";  // three display columns
constexpr size_t kRuleColumns = 3;

std::vector<std::string> Wrapped(const std::vector<std::string>& sentences, size_t width) {
  std::vector<std::string> lines;
  for (const std::string& s : sentences) {
    for (std::string& l : text::WrapToWidth(text::VisibleControls(s), width)) {
      lines.push_back(std::move(l));
    }
  }
  return lines;
}

}  // namespace

size_t ColumnWidth(size_t width, size_t margin) { return (width - margin - kRuleColumns) / 2; }

size_t BeadLines::Height() const { return std::max({ru.size(), en.size(), size_t{1}}); }

BeadLines LayOutBead(const tm::BeadView& b, size_t column, bool numbers) {
  std::vector<std::string> ru_text = b.ru, en_text = b.en;
  if (numbers) {
    for (size_t k = 0; k < ru_text.size(); ++k) ru_text[k] = "[" + std::to_string(b.ru_begin + k) + "] " + ru_text[k];
    for (size_t k = 0; k < en_text.size(); ++k) en_text[k] = "[" + std::to_string(b.en_begin + k) + "] " + en_text[k];
  }
  if (!en_text.empty()) en_text.front() = MovedMark(b) + en_text.front();
  return {Wrapped(ru_text, column), Wrapped(en_text, column)};
}

std::string SideBySideRow(const BeadLines& lines, size_t k, size_t column) {
  std::string row = text::PadToWidth(k < lines.ru.size() ? lines.ru[k] : "", column);
  row += kRule;
  if (k < lines.en.size()) row += lines.en[k];
  return row;
}

char StatusMark(std::string_view status) {
  return status == kApproved ? '+' : status == kRejected ? 'x' : status == kEdited ? 'e' : ' ';
}

}  // namespace sverka::cli
