// SRX 2.0 segmentation rules (the CAT tools' standard: OmegaT, Okapi,
// Trados), read from XML with libxml2: no network, no external entities,
// no entity expansion. Only parsing here; segment/srx_splitter applies them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sverka::text {

// Files above this many bytes are not SRX rule files.
inline constexpr size_t kMaxSrxBytes = size_t{16} << 20;  // 16 MiB

struct SrxRule {
  bool do_break = true;
  std::string before, after;  // ICU regular expressions (SRX 2.0 uses ICU's syntax)
  int line = 0;               // in the SRX file, for messages
};

// The rules that apply to one language, in the order SRX applies them.
struct SrxRules {
  std::string file;  // as given, for messages
  std::vector<SrxRule> rules;
};

// Reads the rules for language code `lang` ("ru", "en") from SRX 2.0 `xml`:
// the <languagerule>s of every <languagemap> whose languagepattern matches
// the code (all of them with cascade="yes", the first otherwise). Fails with
// kBadInput, "NAME:LINE: ..." for XML that is not well-formed, a root other
// than <srx>, a <rule> without <beforebreak> or <afterbreak> (either may be
// empty, not both), a map naming a missing rule, a bad languagepattern, or
// no rules for `lang`.
Result<SrxRules> ParseSrx(std::string_view name, std::string_view xml, std::string_view lang);

}  // namespace sverka::text
