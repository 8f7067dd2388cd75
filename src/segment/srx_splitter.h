// Applying SRX 2.0 rules (text/srx_file.h) to a paragraph, with ICU's
// regular expressions as SRX 2.0 prescribes.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "text/srx_file.h"

namespace sverka::segment {

// SRX semantics: at every position between two characters, the first rule
// whose <beforebreak> matches text ending there and whose <afterbreak>
// matches text starting there decides (break="yes" or "no"); no rule, no
// break. Not thread-safe.
class SrxSplitter {
 public:
  // Compiles every rule; fails with kBadInput "FILE:LINE: bad regular
  // expression ..." naming the rule's line in the SRX file.
  static Result<std::unique_ptr<SrxSplitter>> Create(const text::SrxRules& rules);
  ~SrxSplitter();
  SrxSplitter(const SrxSplitter&) = delete;
  SrxSplitter& operator=(const SrxSplitter&) = delete;

  // Break positions in `paragraph` (valid UTF-8) as byte offsets, ascending,
  // none at 0 or at the end. After a match failed (a rule over ICU's match
  // limit), none: error() says which rule.
  std::vector<size_t> Cuts(std::string_view paragraph);
  // Ok, or kBadInput "SRX:LINE: regular expression '...' takes too long on
  // this text (ICU's match limit); simplify the rule" once a match failed.
  const Status& error() const;

 private:
  struct Impl;
  explicit SrxSplitter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sverka::segment
