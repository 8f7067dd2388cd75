#include "stem/search_words.h"

#include <libstemmer.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

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

  ~Impl() {
    if (russian) sb_stemmer_delete(russian);
    if (english) sb_stemmer_delete(english);
  }

  const std::string& Stem(const std::string& folded, bool cyrillic) {
    auto it = cache.find(folded);
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

std::vector<SearchWord> SearchStemmer::Words(std::string_view text) {
  std::vector<SearchWord> words;
  SearchWord word;
  bool in_word = false, cyrillic = false;
  auto finish = [&](size_t end) {
    if (!in_word) return;
    in_word = false;
    if (word.folded.empty()) return;  // soft hyphens or marks alone
    word.end = end;
    word.stem = impl_->Stem(word.folded, cyrillic);
    words.push_back(std::move(word));
    word = SearchWord{};
  };
  const auto size = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < size;) {
    const int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(text.data(), i, size, c);
    if (c < 0) {  // an invalid byte: a separator
      finish(static_cast<size_t>(at));
      continue;
    }
    if (in_word && IsDropped(c)) continue;
    if (!IsWordChar(c)) {
      finish(static_cast<size_t>(at));
      continue;
    }
    if (!in_word) {
      in_word = true;
      cyrillic = false;
      word.begin = static_cast<size_t>(at);
    }
    UChar32 lower = u_tolower(c);
    if (lower == 0x0451) lower = 0x0435;  // ё -> е
    cyrillic = cyrillic || IsCyrillic(lower);
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, lower);
    word.folded.append(buf, static_cast<size_t>(n));
  }
  finish(text.size());
  return words;
}

std::string SearchStemmer::Stems(std::string_view text) {
  std::string out;
  for (const SearchWord& w : Words(text)) {
    if (!out.empty()) out += ' ';
    out += w.stem;
  }
  return out;
}

}  // namespace sverka::stem
