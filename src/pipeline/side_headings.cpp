#include "pipeline/side_headings.h"

#include "common/utf8.h"
#include "text/heading.h"

namespace sverka::pipeline {

std::optional<align::HeadingMark> HeadingOfParagraph(std::string_view text, bool by_markup, int32_t first,
                                                     Language lang) {
  const std::string line = JoinWrappedLines(text);
  if (const std::optional<text::NumberedHeading> h = text::ParseNumberedHeading(line, lang)) {
    return align::HeadingMark{first, static_cast<int32_t>(h->kind), h->number};
  }
  if (by_markup) return align::HeadingMark{first, -1, 0};
  return std::nullopt;
}

}  // namespace sverka::pipeline
