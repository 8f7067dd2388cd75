#include "tm/bead_inserter.h"

namespace sverka::tm {

// Sentences [begin, begin + count) of `side` joined as the view bead_pairs
// joins them (group_concat with ' ': a separator between any two, empty texts too).
std::string JoinTexts(const std::vector<SentenceRecord>& side, int32_t begin, int32_t count) {
  std::string out;
  for (int32_t k = begin; k < begin + count && k < static_cast<int32_t>(side.size()); ++k) {
    if (k > begin) out += ' ';
    out += side[k].text;
  }
  return out;
}

}  // namespace sverka::tm
