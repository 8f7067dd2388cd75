// The score bands every view of a memory colours by (show, review, report,
// check): a bead below 0.5 is suspicious (check it first), below 0.8 worth a
// look, above that likely right. doc/align.md, "Scores", gives the figures.
#pragma once

namespace sverka {

inline constexpr double kSuspiciousScore = 0.5;  // below: the reviewer's first look
inline constexpr double kConfidentScore = 0.8;   // at or above: likely right

enum class ScoreBand { kLow, kMid, kHigh };

constexpr ScoreBand BandOf(double score) {
  return score < kSuspiciousScore ? ScoreBand::kLow : score < kConfidentScore ? ScoreBand::kMid : ScoreBand::kHigh;
}

}  // namespace sverka
