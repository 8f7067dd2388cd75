#include "common/media_time.h"

#include <cinttypes>
#include <cstdio>

namespace sverka {

std::string FormatMediaTime(int64_t ms) {
  if (ms < 0) ms = 0;
  char out[48];
  std::snprintf(out, sizeof out, "%02" PRId64 ":%02" PRId64 ":%02" PRId64 ".%03" PRId64,
                ms / 3600000, ms / 60000 % 60, ms / 1000 % 60, ms % 1000);
  return out;
}

std::string FormatMediaSpan(int64_t start_ms, int64_t end_ms) {
  return FormatMediaTime(start_ms) + " --> " + FormatMediaTime(end_ms);
}

}  // namespace sverka
