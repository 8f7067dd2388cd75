#include "stem/search_words.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

namespace sverka::stem {
namespace {

// Each spelling is stemmed once per this many distinct ones: a memory
// repeats its words, and the stemmer costs more than a lookup.
constexpr size_t kWordCacheEntries = 1 << 16;

constexpr UChar32 kSoftHyphen = 0x00AD;

bool IsWordChar(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_N_MASK | U_GC_CO_MASK)) != 0;
}

bool IsDropped(UChar32 c) { return c == kSoftHyphen || (U_GET_GC_MASK(c) & U_GC_MN_MASK) != 0; }

bool IsCyrillic(UChar32 c) { return c >= 0x0400 && c <= 0x04FF; }

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

struct SearchStemmer::Impl {
  sb_stemmer* russian = nullptr;
  sb_stemmer* english = nullptr;
  std::unordered_map<std::string, std::string, StringHash, std::equal_to<>> cache;
  std::string folded;  // Stems()'s buffer, kept between calls

  ~Impl() {
    if (russian) sb_stemmer_delete(russian);
    if (english) sb_stemmer_delete(english);
  }

  const std::string& Stem(const std::string& folded, bool cyrillic) {
    // Numbers stem to themselves; a memory has many different ones, which
    // would only churn the cache.
    if (std::all_of(folded.begin(), folded.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return folded;
    }
    auto it = cache.find(std::string_view(folded));
    if (it != cache.end()) return it->second;
    std::string stem = folded;
    if (folded.size() <= kMaxStemmedWordBytes) {
      sb_stemmer* s = cyrillic ? russian : english;
      const sb_symbol* out = sb_stemmer_stem(
          s, reinterpret_cast<const sb_symbol*>(folded.data()), static_cast<int>(folded.size()));
      // Snowball fails only when out of memory: the word stays as it is.
      if (out && sb_stemmer_length(s) > 0) {
        stem.assign(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(s)));
      }
    }
    if (cache.size() >= kWordCacheEntries) cache.clear();
    return cache.emplace(folded, std::move(stem)).first->second;
  }
};

SearchStemmer::SearchStemmer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SearchStemmer::~SearchStemmer() = default;

Result<std::unique_ptr<SearchStemmer>> SearchStemmer::Create() {
  auto impl = std::make_unique<Impl>();
  impl->russian = sb_stemmer_new("russian", "UTF_8");
  impl->english = sb_stemmer_new("english", "UTF_8");
  if (!impl->russian || !impl->english) {
    return Status::Internal("libstemmer has no Russian or no English stemmer");
  }
  return std::unique_ptr<SearchStemmer>(new SearchStemmer(std::move(impl)));
}

namespace {

// Calls on_word(begin, end, folded, cyrillic) for each word of `text`
// (search_words.h). ASCII and Russian letters take a path of their own
// (every stored text is mostly those): ICU's property lookups and case
// mapping per character were most of the cost of stemming a memory.
template <typename OnWord>
void ScanWords(std::string_view text, std::string& folded, OnWord on_word) {
  bool in_word = false, cyrillic = false;
  size_t begin = 0;
  folded.clear();
  auto finish = [&](size_t end) {
    if (!in_word) return;
    in_word = false;
    if (!folded.empty()) on_word(begin, end, folded, cyrillic);  // not marks alone
    folded.clear();
  };
  auto start = [&](size_t at) {
    if (in_word) return;
    in_word = true;
    cyrillic = false;
    begin = at;
  };
  const auto size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    const int32_t at = i;
    const auto byte = static_cast<unsigned char>(text[static_cast<size_t>(i)]);
    if (byte < 0x80) {  // ASCII: letters and digits are word characters
      ++i;
      const bool lower = byte >= 'a' && byte <= 'z', upper = byte >= 'A' && byte <= 'Z';
      if (!lower && !upper && !(byte >= '0' && byte <= '9')) {
        finish(static_cast<size_t>(at));
        continue;
      }
      start(static_cast<size_t>(at));
      folded += static_cast<char>(upper ? byte - 'A' + 'a' : byte);
      continue;
    }
    UChar32 c = 0;
    U8_NEXT(text.data(), i, size, c);
    if (c < 0) {  // an invalid byte: a separator
      finish(static_cast<size_t>(at));
      continue;
    }
    if ((c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451) {  // А-я, Ё, ё
      start(static_cast<size_t>(at));
      cyrillic = true;
      UChar32 lower = c == 0x0401 || c == 0x0451 ? 0x0435 : c < 0x0430 ? c + 0x20 : c;  // ё -> е
      folded += static_cast<char>(0xC0 | (lower >> 6));
      folded += static_cast<char>(0x80 | (lower & 0x3F));
      continue;
    }
    if (in_word && IsDropped(c)) continue;
    if (!IsWordChar(c)) {
      finish(static_cast<size_t>(at));
      continue;
    }
    start(static_cast<size_t>(at));
    UChar32 lower = u_tolower(c);
    if (lower == 0x0451) lower = 0x0435;  // ё -> е
    cyrillic = cyrillic || IsCyrillic(lower);
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, lower);
    folded.append(buf, static_cast<size_t>(n));
  }
  finish(text.size());
}

}  // namespace

std::vector<SearchWord> SearchStemmer::Words(std::string_view text) {
  std::vector<SearchWord> words;
  std::string folded;
  ScanWords(text, folded, [&](size_t begin, size_t end, const std::string& f, bool cyrillic) {
    words.push_back({begin, end, f, impl_->Stem(f, cyrillic)});
  });
  return words;
}

std::string SearchStemmer::Stems(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ScanWords(text, impl_->folded, [&](size_t, size_t, const std::string& f, bool cyrillic) {
    if (!out.empty()) out += ' ';
    out += impl_->Stem(f, cyrillic);
  });
  return out;
}

}  // namespace sverka::stem
