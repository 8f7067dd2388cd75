#include "segment/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <string>

#include "segment/boundary_rules.h"
#include "segment/srx_splitter.h"

namespace sverka::segment {

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
  Language lang = Language::kEnglish;
  Engine engine = Engine::kRules;
  const RuleSet* rules = nullptr;
  std::unique_ptr<SrxSplitter> srx;
};

SentenceSplitter::SentenceSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SentenceSplitter::~SentenceSplitter() = default;

Result<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(Language lang,
                                                                   const SplitterOptions& options) {
  UErrorCode status = U_ZERO_ERROR;
  // Plain locale rules, without ICU's `ss=standard` suppressions: those match
  // word endings ("хотел." as "тел.") and never inner dots ("т.е.", "U.S.");
  // our own rules (rules/*.rules) decide on abbreviations instead.
  const icu::Locale locale(lang == Language::kRussian ? "ru" : "en");
  auto impl = std::make_unique<Impl>();
  impl->breaker.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !impl->breaker) {
    return Status::Internal(std::string("ICU sentence break iterator unavailable: ") +
                            u_errorName(status));
  }
  impl->lang = lang;
  impl->engine = options.engine;
  impl->rules = options.rules ? options.rules : &BuiltinRules(lang);
  if (options.srx) {
    SVERKA_ASSIGN_OR_RETURN(impl->srx, SrxSplitter::Create(*options.srx));
  }
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(std::move(impl)));
}

namespace {
bool IsBlank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

// Sentences between consecutive cuts, trimmed of white space.
std::vector<text::Span> ToSpans(std::string_view flat, std::vector<size_t> cuts) {
  std::vector<text::Span> sentences;
  size_t start = 0;
  cuts.push_back(flat.size());
  for (size_t end : cuts) {
    size_t b = start, e = end;
    while (b < e && IsBlank(flat[b])) ++b;
    while (e > b && IsBlank(flat[e - 1])) --e;
    if (b < e) sentences.push_back({b, e});
    start = end;
  }
  return sentences;
}
}  // namespace

Status SentenceSplitter::error() const { return impl_->srx ? impl_->srx->error() : Status::Ok(); }

std::vector<text::Span> SentenceSplitter::Split(std::string_view paragraph) { return Split(paragraph, nullptr); }

std::vector<text::Span> SentenceSplitter::Split(std::string_view paragraph, std::vector<DeclinedCut>* declined) {
  // Same length as the input, so ICU's native (UTF-8 byte) indexes are
  // offsets into `paragraph` too.
  std::string flat(paragraph);
  for (char& ch : flat) {
    if (ch == '\n' || ch == '\r') ch = ' ';
  }
  std::vector<size_t> proposed;
  if (impl_->srx) {
    proposed = impl_->srx->Cuts(paragraph);
    return ToSpans(flat, std::move(proposed));
  }
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, flat.data(), static_cast<int64_t>(flat.size()), &status);
  if (U_FAILURE(status)) return {{0, paragraph.size()}};
  impl_->breaker->setText(ut, status);
  impl_->breaker->first();
  for (int32_t b = impl_->breaker->next(); b != icu::BreakIterator::DONE; b = impl_->breaker->next()) {
    proposed.push_back(static_cast<size_t>(b));
  }
  // The iterator keeps a pointer to `ut`; detach before closing it.
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  impl_->breaker->setText(empty, status);
  utext_close(ut);
  utext_close(empty);

  if (impl_->engine == Engine::kRules) {
    proposed = ChooseCuts(paragraph, proposed, *impl_->rules, impl_->lang, declined);
  }
  return ToSpans(flat, std::move(proposed));
}

}  // namespace sverka::segment
