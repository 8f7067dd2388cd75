#include "segment/sentence_splitter.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <string>

namespace sverka::segment {

struct SentenceSplitter::Impl {
  std::unique_ptr<icu::BreakIterator> breaker;
};

SentenceSplitter::SentenceSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SentenceSplitter::~SentenceSplitter() = default;

Result<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(Language lang) {
  UErrorCode status = U_ZERO_ERROR;
  // English uses ICU's abbreviation suppressions (Mr., Dr., ...); for Russian
  // they match word endings ("хотел." as "тел."), so Russian goes without.
  const icu::Locale locale(lang == Language::kRussian ? "ru" : "en@ss=standard");
  auto impl = std::make_unique<Impl>();
  impl->breaker.reset(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status) || !impl->breaker) {
    return Status::Internal(std::string("ICU sentence break iterator unavailable: ") +
                            u_errorName(status));
  }
  return std::unique_ptr<SentenceSplitter>(new SentenceSplitter(std::move(impl)));
}

namespace {
bool IsBlank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }
}  // namespace

std::vector<text::Span> SentenceSplitter::Split(std::string_view paragraph) {
  // Same length as the input, so ICU's native (UTF-8 byte) indexes are
  // offsets into `paragraph` too.
  std::string flat(paragraph);
  for (char& ch : flat) {
    if (ch == '\n' || ch == '\r') ch = ' ';
  }
  std::vector<text::Span> sentences;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, flat.data(), static_cast<int64_t>(flat.size()), &status);
  if (U_FAILURE(status)) return {{0, paragraph.size()}};
  impl_->breaker->setText(ut, status);
  int32_t start = impl_->breaker->first();
  for (int32_t end = impl_->breaker->next(); end != icu::BreakIterator::DONE;
       start = end, end = impl_->breaker->next()) {
    size_t b = static_cast<size_t>(start), e = static_cast<size_t>(end);
    while (b < e && IsBlank(flat[b])) ++b;
    while (e > b && IsBlank(flat[e - 1])) --e;
    if (b < e) sentences.push_back({b, e});
  }
  // The iterator keeps a pointer to `ut`; detach before closing it.
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  impl_->breaker->setText(empty, status);
  utext_close(ut);
  utext_close(empty);
  return sentences;
}

}  // namespace sverka::segment
