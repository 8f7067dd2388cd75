// A stored bead's review status, as the memory, TMX (x-sverka-status),
// the CLI and the review screen name it. The one list of statuses and
// the one test of whether a reviewer fixed a bead.
#pragma once

#include <array>
#include <string_view>

namespace sverka {

inline constexpr std::string_view kAuto = "auto";          // as the aligner left it
inline constexpr std::string_view kApproved = "approved";  // a reviewer accepted it
inline constexpr std::string_view kRejected = "rejected";  // a reviewer refused it: not exported
inline constexpr std::string_view kEdited = "edited";      // a reviewer changed it (text, pairing, pin)

inline constexpr std::array<std::string_view, 4> kBeadStatuses = {kAuto, kApproved, kRejected, kEdited};

// Whether `s` is one of kBeadStatuses (exactly: statuses are lower case).
constexpr bool IsBeadStatus(std::string_view s) {
  for (std::string_view known : kBeadStatuses) {
    if (s == known) return true;
  }
  return false;
}

// A bead a reviewer fixed: realign keeps it, approve --before skips it.
constexpr bool IsFixedStatus(std::string_view s) { return s == kApproved || s == kEdited; }

}  // namespace sverka
