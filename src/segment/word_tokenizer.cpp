#include "segment/word_tokenizer.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <string>
#include <unordered_map>

namespace sverka::segment {

constexpr size_t kLatinCacheEntries = 1 << 16;

struct WordTokenizer::Impl {
  Language lang = Language::kEnglish;
  std::unique_ptr<icu::BreakIterator> breaker;
  std::unique_ptr<icu::Transliterator> to_latin;  // Russian only
  sb_stemmer* stemmer = nullptr;
  std::unordered_map<std::string, std::string> latin_cache;
  icu::Locale locale;

  ~Impl() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }

  std::string Stem(const std::string& word) {
    const sb_symbol* s = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()),
                                         static_cast<int>(word.size()));
    if (!s) return word;
    return std::string(reinterpret_cast<const char*>(s),
                       static_cast<size_t>(sb_stemmer_length(stemmer)));
  }

  std::string Latin(const std::string& lower) {
    auto it = latin_cache.find(lower);
    if (it != latin_cache.end()) return it->second;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(lower);
    to_latin->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    // A tokenizer lives for a whole batch: the cache is emptied when full,
    // so its memory stays bounded whatever the vocabulary.
    if (latin_cache.size() >= kLatinCacheEntries) latin_cache.clear();
    latin_cache.emplace(lower, out);
    return out;
  }
};

WordTokenizer::WordTokenizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WordTokenizer::~WordTokenizer() = default;

Result<std::unique_ptr<WordTokenizer>> WordTokenizer::Create(Language lang) {
  auto impl = std::make_unique<Impl>();
  impl->lang = lang;
  impl->locale = icu::Locale(lang == Language::kRussian ? "ru" : "en");
  UErrorCode status = U_ZERO_ERROR;
  impl->breaker.reset(icu::BreakIterator::createWordInstance(impl->locale, status));
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU word break iterator unavailable: ") + u_errorName(status));
  }
  if (lang == Language::kRussian) {
    // BGN/PCGN romanisation, then plain ASCII: "Азербайджан" -> "azerbaydzhan".
    impl->to_latin.reset(icu::Transliterator::createInstance("Russian-Latin/BGN; Latin-ASCII",
                                                             UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      return Status::Internal(std::string("ICU transliterator Russian-Latin/BGN unavailable: ") +
                              u_errorName(status));
    }
  }
  impl->stemmer = sb_stemmer_new(lang == Language::kRussian ? "russian" : "english", "UTF_8");
  if (!impl->stemmer) return Status::Internal("libstemmer has no stemmer for this language");
  return std::unique_ptr<WordTokenizer>(new WordTokenizer(std::move(impl)));
}

std::vector<Token> WordTokenizer::Tokenize(std::string_view sentence) {
  std::vector<Token> tokens;
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, sentence.data(), static_cast<int64_t>(sentence.size()), &status);
  if (U_FAILURE(status)) return tokens;
  icu::BreakIterator& bi = *impl_->breaker;
  bi.setText(ut, status);
  int32_t start = bi.first();
  bool space = false;
  for (int32_t end = bi.next(); end != icu::BreakIterator::DONE; start = end, end = bi.next()) {
    const std::string_view piece = sentence.substr(start, end - start);
    const int32_t rule = bi.getRuleStatus();
    const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())));
    const UChar32 first = u.char32At(0);
    if (u_isUWhiteSpace(first)) {
      space = true;
      continue;
    }
    Token t;
    t.space_before = space;
    space = false;
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      t.kind = TokenKind::kNumber;
      t.text = std::string(piece);
    } else if (rule >= UBRK_WORD_LETTER) {
      t.kind = TokenKind::kWord;
      t.capitalized = u_isupper(first) || u_istitle(first);
      icu::UnicodeString lower = u;
      lower.toLower(impl_->locale);
      lower.toUTF8String(t.text);
      t.stem = impl_->Stem(t.text);
      if (impl_->to_latin && t.capitalized) t.latin = impl_->Latin(t.text);
    } else {
      t.kind = TokenKind::kPunct;
      t.text = std::string(piece);
    }
    tokens.push_back(std::move(t));
  }
  UText* empty = utext_openUTF8(nullptr, "", 0, &status);
  bi.setText(empty, status);
  utext_close(ut);
  utext_close(empty);
  return tokens;
}

}  // namespace sverka::segment
