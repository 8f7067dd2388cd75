// Sentence splitting of one paragraph. The home of ICU's break APIs.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "common/language.h"
#include "common/status.h"
#include "text/paragraphs.h"

namespace sverka::segment {

// Splits paragraphs into sentences with ICU's sentence BreakIterator for the
// language's locale. Line breaks inside a paragraph are read as spaces (so a
// hard-wrapped paragraph is not cut at every line end).
// Not thread-safe: use one splitter per thread.
class SentenceSplitter {
 public:
  // Fails with kInternal when ICU has no sentence rules (a broken ICU install).
  static Result<std::unique_ptr<SentenceSplitter>> Create(Language lang);
  ~SentenceSplitter();
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;

  // Returns the sentences of `paragraph` (valid UTF-8) as byte spans into
  // it, trimmed of white space, in order; empty when it holds only white space.
  std::vector<text::Span> Split(std::string_view paragraph);

 private:
  struct Impl;
  explicit SentenceSplitter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sverka::segment
