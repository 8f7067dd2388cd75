#include "segment/srx_splitter.h"

#include <unicode/regex.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <string>

namespace sverka::segment {
namespace {

// How far back a <beforebreak> may look, in UTF-16 units: rules describe a
// few words before a break, and an unbounded look-back is quadratic.
constexpr int32_t kLookBehind = 200;

// ICU's limit on one match operation, in its engine's steps (about 10,000
// operations each, so independent of the machine's speed): a rule matches
// in a few steps even on a long paragraph, while a pattern that backtracks
// catastrophically ("(a+)+b") would otherwise hang the run (doc/decisions.md).
constexpr int32_t kMatchStepLimit = 1000;

struct Compiled {
  text::SrxRule rule;  // as read: its patterns and line, for messages
  std::unique_ptr<icu::RegexMatcher> before;  // "(?:BEFORE)\z", or null when empty
  std::unique_ptr<icu::RegexMatcher> after;   // AFTER, or null when empty
  std::unique_ptr<icu::RegexMatcher> scan;    // BEFORE alone, to find candidates (break rules)
};

std::unique_ptr<icu::RegexMatcher> Compile(const std::string& pattern, UErrorCode& status) {
  if (U_FAILURE(status)) return nullptr;
  auto m = std::make_unique<icu::RegexMatcher>(icu::UnicodeString::fromUTF8(pattern), 0, status);
  if (U_SUCCESS(status)) m->setTimeLimit(kMatchStepLimit, status);
  return m;
}

}  // namespace

struct SrxSplitter::Impl {
  std::string file;  // the SRX file, for messages
  std::vector<Compiled> rules;
  Status error;      // the first match that failed (its time limit)

  // Records a failed match of `pattern` (rule `c`); true when `status` failed.
  bool Failed(const Compiled& c, const std::string& pattern, UErrorCode status) {
    if (U_SUCCESS(status)) return false;
    if (error.ok()) {
      error = Status::InvalidData(
          file + ":" + std::to_string(c.rule.line) + ": regular expression '" + pattern + "' " +
          (status == U_REGEX_TIME_OUT ? std::string("takes too long on this text (ICU's match limit)")
                                      : std::string("failed (") + u_errorName(status) + ")") +
          "; simplify the rule");
    }
    return true;
  }
  icu::UnicodeString text;  // the paragraph being split (matchers point into it)
};

SrxSplitter::SrxSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SrxSplitter::~SrxSplitter() = default;

Result<std::unique_ptr<SrxSplitter>> SrxSplitter::Create(const text::SrxRules& rules) {
  auto impl = std::make_unique<Impl>();
  impl->file = rules.file;
  for (const text::SrxRule& rule : rules.rules) {
    UErrorCode status = U_ZERO_ERROR;
    Compiled c;
    c.rule = rule;
    std::string bad;
    if (!rule.before.empty()) {
      c.before = Compile("(?:" + rule.before + ")\\z", status);
      if (U_FAILURE(status)) bad = rule.before;
      if (rule.do_break && U_SUCCESS(status)) c.scan = Compile(rule.before, status);
    }
    if (U_SUCCESS(status) && !rule.after.empty()) {
      c.after = Compile(rule.after, status);
      if (U_FAILURE(status)) bad = rule.after;
    }
    if (U_FAILURE(status)) {
      return Status::InvalidData(rules.file + ":" + std::to_string(rule.line) +
                              ": bad regular expression '" + bad + "' (" + u_errorName(status) +
                              ")");
    }
    impl->rules.push_back(std::move(c));
  }
  return std::unique_ptr<SrxSplitter>(new SrxSplitter(std::move(impl)));
}

const Status& SrxSplitter::error() const { return impl_->error; }

std::vector<size_t> SrxSplitter::Cuts(std::string_view paragraph) {
  if (!impl_->error.ok()) return {};
  std::string flat(paragraph);
  std::replace(flat.begin(), flat.end(), '\n', ' ');
  std::replace(flat.begin(), flat.end(), '\r', ' ');
  icu::UnicodeString& u = impl_->text;
  u = icu::UnicodeString::fromUTF8(flat);
  const int32_t n = u.length();
  // UTF-16 index -> UTF-8 offset.
  std::vector<size_t> utf8_at(static_cast<size_t>(n) + 1, 0);
  size_t offset = 0;
  for (int32_t i = 0; i < n;) {
    const UChar32 c = u.char32At(i);
    const int32_t units = U16_LENGTH(c);
    for (int32_t k = 0; k < units; ++k) utf8_at[static_cast<size_t>(i + k)] = offset;
    offset += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    i += units;
  }
  utf8_at[static_cast<size_t>(n)] = offset;

  // Candidates: where a break rule's <beforebreak> ends, or (rules without
  // one) where its <afterbreak> starts.
  std::vector<int32_t> candidates;
  for (Compiled& c : impl_->rules) {
    if (!c.rule.do_break) continue;
    UErrorCode status = U_ZERO_ERROR;
    icu::RegexMatcher* m = c.scan ? c.scan.get() : c.after.get();
    if (!m) continue;
    m->reset(u);
    while (m->find(status) && U_SUCCESS(status)) {
      const int32_t at = c.scan ? m->end(status) : m->start(status);
      if (at > 0 && at < n) candidates.push_back(at);
      if (m->end(status) == m->start(status) && m->end(status) >= n) break;
    }
    if (impl_->Failed(c, c.scan ? c.rule.before : c.rule.after, status)) return {};
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

  std::vector<size_t> cuts;
  for (const int32_t pos : candidates) {
    if (U16_IS_TRAIL(u.charAt(pos)) && U16_IS_LEAD(u.charAt(pos - 1))) continue;
    for (Compiled& c : impl_->rules) {
      UErrorCode status = U_ZERO_ERROR;
      bool ok = true;
      if (c.before) {
        c.before->reset(u);
        c.before->useTransparentBounds(true);
        c.before->region(std::max(0, pos - kLookBehind), pos, status);
        ok = c.before->find(status) && U_SUCCESS(status);
        if (impl_->Failed(c, c.rule.before, status)) return {};
      }
      if (ok && c.after) {
        c.after->reset(u);
        c.after->useTransparentBounds(true);
        c.after->region(pos, n, status);
        ok = c.after->lookingAt(status) && U_SUCCESS(status);
        if (impl_->Failed(c, c.rule.after, status)) return {};
      }
      if (ok) {
        if (c.rule.do_break) cuts.push_back(utf8_at[static_cast<size_t>(pos)]);
        break;
      }
    }
  }
  return cuts;
}

}  // namespace sverka::segment
