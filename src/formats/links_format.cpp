#include "formats/links_format.h"

#include <charconv>
#include <cstdio>
#include <vector>

#include "common/utf8.h"

namespace sverka::formats {
namespace {

std::string FormatSide(int32_t begin, int32_t count) {
  std::string out = "[";
  for (int32_t k = 0; k < count; ++k) {
    if (k) out += ",";
    out += std::to_string(begin + k);
  }
  return out + "]";
}

// Parses "[1, 2,3]" at `pos`, advancing it. Returns false when malformed.
bool ParseSide(std::string_view line, size_t& pos, std::vector<int32_t>& out) {
  auto skip_ws = [&] {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  };
  skip_ws();
  if (pos >= line.size() || line[pos] != '[') return false;
  ++pos;
  while (true) {
    skip_ws();
    if (pos < line.size() && line[pos] == ']') {
      ++pos;
      return true;
    }
    int32_t value = 0;
    const auto [ptr, ec] = std::from_chars(line.data() + pos, line.data() + line.size(), value);
    if (ec != std::errc() || value < 0) return false;
    out.push_back(value);
    pos = static_cast<size_t>(ptr - line.data());
    skip_ws();
    if (pos < line.size() && line[pos] == ',') ++pos;
  }
}

bool Consecutive(const std::vector<int32_t>& v) {
  for (size_t k = 1; k < v.size(); ++k) {
    if (v[k] != v[k - 1] + 1) return false;
  }
  return true;
}

}  // namespace

std::string FormatLinksLine(const Bead& bead) {
  char score[32];
  std::snprintf(score, sizeof score, "%.3f", bead.score);
  return FormatSide(bead.ru_begin, bead.ru_count) + ":" + FormatSide(bead.en_begin, bead.en_count) +
         ":" + score;
}

Result<Alignment> ParseLinks(std::string_view name, std::string_view text) {
  Alignment beads;
  size_t line_no = 0, start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    const std::string where = std::string(name) + ":" + std::to_string(line_no);
    std::vector<int32_t> ru, en;
    size_t pos = 0;
    bool ok = ParseSide(line, pos, ru);
    while (ok && pos < line.size() && line[pos] == ' ') ++pos;
    ok = ok && pos < line.size() && line[pos++] == ':' && ParseSide(line, pos, en);
    if (!ok) {
      return Status::InvalidData(where + ": not a bead: '" + Shorten(line, 60) + "'");
    }
    if (!Consecutive(ru) || !Consecutive(en)) {
      return Status::InvalidData(where + ": sentence numbers must be consecutive: '" +
                              Shorten(line, 60) + "'");
    }
    Bead bead;
    bead.ru_begin = ru.empty() ? 0 : ru.front();
    bead.ru_count = static_cast<int32_t>(ru.size());
    bead.en_begin = en.empty() ? 0 : en.front();
    bead.en_count = static_cast<int32_t>(en.size());
    beads.push_back(bead);
  }
  return beads;
}

}  // namespace sverka::formats
