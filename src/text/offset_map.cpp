#include "text/offset_map.h"

#include <algorithm>

namespace sverka::text {

void OffsetMap::Add(size_t text, size_t source, bool exact) {
  if (!points_.empty() && points_.back().text == text) {
    points_.back() = {text, source, exact};
    return;
  }
  points_.push_back({text, source, exact});
}

namespace {
size_t CodePointLength(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}
}  // namespace

void OffsetMap::Densify(std::string_view text, size_t step) {
  if (width_ == SourceWidth::kUtf8 || step == 0) return;
  std::vector<Point> dense;
  size_t next_point = 0, source = base_, last_added = 0;
  bool exact = true;
  for (size_t i = 0; i < text.size();) {
    if (next_point < points_.size() && points_[next_point].text <= i) {
      const Point& p = points_[next_point++];
      dense.push_back(p);
      source = p.source, exact = p.exact, last_added = i;
      continue;
    }
    if (exact && i - last_added >= step) {
      dense.push_back({i, source, true});
      last_added = i;
    }
    const size_t len = CodePointLength(static_cast<unsigned char>(text[i]));
    if (exact) source += width_ == SourceWidth::kOneByte ? 1 : (len == 4 ? 4 : 2);
    i += len;
  }
  while (next_point < points_.size()) dense.push_back(points_[next_point++]);
  points_ = std::move(dense);
}

void OffsetMap::AddCopied(size_t text, const OffsetMap& old, std::string_view old_utf8,
                          size_t old_text, size_t length) {
  auto it = std::upper_bound(old.points_.begin(), old.points_.end(), old_text,
                             [](size_t o, const Point& p) { return o < p.text; });
  const bool exact = it == old.points_.begin() || (it - 1)->exact;
  Add(text, old.ToSource(old_utf8, old_text), exact);
  for (; it != old.points_.end() && it->text < old_text + length; ++it) {
    Add(text + (it->text - old_text), it->source, it->exact);
  }
}

void OffsetMap::Truncate(size_t size) {
  while (!points_.empty() && points_.back().text > size) points_.pop_back();
}

size_t OffsetMap::ToSource(std::string_view text, size_t offset) const {
  size_t from_text = 0, from_source = base_;
  bool exact = true;
  const auto it = std::upper_bound(points_.begin(), points_.end(), offset,
                                   [](size_t o, const Point& p) { return o < p.text; });
  if (it != points_.begin()) {
    const Point& p = *(it - 1);
    from_text = p.text, from_source = p.source, exact = p.exact;
  }
  if (!exact) return from_source;
  if (width_ == SourceWidth::kUtf8) return from_source + (offset - from_text);
  size_t source = from_source;
  for (size_t i = from_text; i < offset && i < text.size();) {
    const size_t len = CodePointLength(static_cast<unsigned char>(text[i]));
    source += width_ == SourceWidth::kOneByte ? 1 : (len == 4 ? 4 : 2);
    i += len;
  }
  return source;
}

}  // namespace sverka::text
