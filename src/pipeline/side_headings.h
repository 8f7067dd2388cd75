// Which sentences of a side begin a headed section (align::HeadingMark).
#pragma once

#include <optional>
#include <string_view>

#include "align/heading_pairs.h"
#include "common/language.h"

namespace sverka::pipeline {

// The heading mark of a paragraph whose first sentence is `first`: its
// kind and number when its text is a numbered heading
// (text::ParseNumberedHeading: "Глава 5", "Chapter V"); kind -1 when it is
// a heading only by its markup (`by_markup`: an HTML <h1>-<h6>); nullopt
// when it is neither.
std::optional<align::HeadingMark> HeadingOfParagraph(std::string_view text, bool by_markup, int32_t first,
                                                     Language lang);

}  // namespace sverka::pipeline
