#include "text/sentence_text.h"

#include "common/utf8.h"
#include "text/encoding.h"

namespace sverka::text {

std::string SentenceText(std::string_view source) { return ToNfc(JoinWrappedLines(source)); }

}  // namespace sverka::text
