// Sentence splitting of one paragraph. The home of ICU's break APIs.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/language.h"
#include "common/status.h"
#include "segment/boundary_rules.h"
#include "segment/rule_set.h"
#include "text/srx_file.h"
#include "text/paragraphs.h"

namespace sverka::segment {

enum class Engine {
  kRules,  // ICU proposes boundaries, the language's rules accept or reject them
  kIcu,    // plain ICU sentence boundaries (for comparison: tools/eval-seg)
};

struct SplitterOptions {
  Engine engine = Engine::kRules;
  // Rules to use instead of the built-in ones for the language (not owned;
  // must outlive the splitter). Ignored by Engine::kIcu.
  const RuleSet* rules = nullptr;
  // A user's SRX rules for the language: when set, they alone decide
  // (ICU and the built-in rules are not used), as in the user's CAT tool.
  std::shared_ptr<const text::SrxRules> srx;
};

// Splits paragraphs into sentences. Line breaks inside a paragraph are read
// as spaces (a hard-wrapped paragraph is not cut at every line end), except
// before a list item ("1) …", "• …"). Not thread-safe: one splitter per thread.
class SentenceSplitter {
 public:
  // Fails with kInternal when ICU has no sentence rules (a broken ICU
  // install), kBadInput when an SRX rule's regular expression is bad.
  static Result<std::unique_ptr<SentenceSplitter>> Create(Language lang,
                                                          const SplitterOptions& options = {});
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Returns the sentences of `paragraph` (valid UTF-8) as byte spans into
  // it, trimmed of white space, in order; empty when it holds only white space.
  std::vector<text::Span> Split(std::string_view paragraph);
  // The same, and in `declined` the cuts the rules declined that a
  // translation may yet confirm, as offsets into `paragraph` with their
  // priors (ChooseCuts; none with SRX rules or plain ICU).
  std::vector<text::Span> Split(std::string_view paragraph, std::vector<DeclinedCut>* declined);
  // Ok, or why Split gave up (an SRX rule over ICU's match limit: the
  // paragraph came back whole and later ones are not split).
  Status error() const;

 private:
  struct Impl;
  explicit SentenceSplitter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sverka::segment
