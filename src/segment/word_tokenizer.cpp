#include "segment/word_tokenizer.h"

#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>

namespace sverka::segment {

// A tokenizer lives for a whole batch: its cache is emptied when full, so
// its memory stays bounded whatever the vocabulary.
constexpr size_t kWordCacheEntries = 1 << 16;

// A word as the sentence spells it, lower-cased, stemmed and (capitalised
// Russian) transliterated: a text repeats its words, and ICU's case mapping
// and the stemmer cost more than a lookup.
struct WordForm {
  std::string text, stem, latin;
  bool capitalized = false;
};

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct WordTokenizer::Impl {
  Language lang = Language::kEnglish;
  std::unique_ptr<icu::BreakIterator> breaker;
  std::unique_ptr<icu::Transliterator> to_latin;  // Russian only
  sb_stemmer* stemmer = nullptr;
  std::unordered_map<std::string, WordForm, StringHash, std::equal_to<>> word_cache;
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

  // Made once per spelling (Word's cache), not per occurrence.
  std::string Latin(const std::string& lower) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(lower);
    to_latin->transliterate(u);
    std::string out;
    u.toUTF8String(out);
    return out;
  }

  // The forms of a word token spelled `piece` in the sentence.
  const WordForm& Word(std::string_view piece) {
    auto it = word_cache.find(piece);
    if (it != word_cache.end()) return it->second;
    WordForm w;
    const icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(piece.data(), static_cast<int32_t>(piece.size())));
    const UChar32 first = u.char32At(0);
    w.capitalized = u_isupper(first) || u_istitle(first);
    icu::UnicodeString lower = u;
    lower.toLower(locale);
    lower.toUTF8String(w.text);
    w.stem = Stem(w.text);
    if (to_latin && w.capitalized) w.latin = Latin(w.text);
    if (word_cache.size() >= kWordCacheEntries) word_cache.clear();
    return word_cache.emplace(std::string(piece), std::move(w)).first->second;
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
  // About one token per five bytes (a word and its space; Cyrillic takes two
  // bytes a letter): growing the vector by doubling moved every token's
  // strings several times (4 % of the book's profile; now 1 %).
  tokens.reserve(sentence.size() / 5 + 2);
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
    UChar32 first = 0;
    int32_t at = 0;
    U8_NEXT(piece.data(), at, static_cast<int32_t>(piece.size()), first);
    if (first >= 0 && u_isUWhiteSpace(first)) {
      space = true;
      continue;
    }
    Token t;
    t.space_before = space;
    t.begin = static_cast<uint32_t>(start);
    t.end = static_cast<uint32_t>(end);
    space = false;
    if (rule >= UBRK_WORD_NUMBER && rule < UBRK_WORD_NUMBER_LIMIT) {
      t.kind = TokenKind::kNumber;
      t.text = std::string(piece);
    } else if (rule >= UBRK_WORD_LETTER) {
      const WordForm& w = impl_->Word(piece);
      t.kind = TokenKind::kWord;
      t.capitalized = w.capitalized;
      t.text = w.text;
      t.stem = w.stem;
      t.latin = w.latin;
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

namespace {

// `text` lower-cased if it is all ASCII letters or all Russian letters
// (А-Я, а-я, Ё, ё: the break iterator makes one word of such a run, and
// ICU's lower-casing maps them as here), else nullopt.
std::optional<std::string> LowerPlainWord(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::string out(text);
  // Not std::isalpha: it follows the C locale.
  const auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (std::all_of(text.begin(), text.end(), ascii_letter)) {
    for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
  }
  if (text.size() % 2 != 0) return std::nullopt;
  for (size_t k = 0; k < out.size(); k += 2) {
    const auto a = static_cast<unsigned char>(out[k]), b = static_cast<unsigned char>(out[k + 1]);
    if (a == 0xD0 && b >= 0x90 && b <= 0x9F) {         // А-П -> а-п
      out[k + 1] = static_cast<char>(b + 0x20);
    } else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) {  // Р-Я -> р-я
      out[k] = static_cast<char>(0xD1);
      out[k + 1] = static_cast<char>(b - 0x20);
    } else if (a == 0xD0 && b == 0x81) {               // Ё -> ё
      out[k] = static_cast<char>(0xD1);
      out[k + 1] = static_cast<char>(0x91);
    } else if (!((a == 0xD0 && b >= 0xB0 && b <= 0xBF) || (a == 0xD1 && b >= 0x80 && b <= 0x8F) ||
                 (a == 0xD1 && b == 0x91))) {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace

std::string WordTokenizer::SingleWordStem(std::string_view text) {
  if (const std::optional<std::string> lower = LowerPlainWord(text)) return impl_->Stem(*lower);
  // Text with a space inside is two tokens or more: not one word. Most of a
  // dictionary's phrases end here, without the break iterator.
  const size_t first = text.find_first_not_of(" \t");
  const size_t last = text.find_last_not_of(" \t");
  if (first == std::string_view::npos) return {};
  if (text.substr(first, last - first + 1).find_first_of(" \t") != std::string_view::npos) return {};
  const std::vector<Token> tokens = Tokenize(text);
  return tokens.size() == 1 && tokens[0].kind == TokenKind::kWord ? tokens[0].stem : std::string();
}

}  // namespace sverka::segment
