#include "stem/search_words.h"

#include <catch2/catch.hpp>

using namespace sverka;

namespace {

std::unique_ptr<stem::SearchStemmer> Stemmer() {
  auto s = stem::SearchStemmer::Create();
  REQUIRE(s.ok());
  return std::move(*s);
}

}  // namespace

TEST_CASE("search stems make inflected forms of a phrase equal", "[stem]") {
  auto stemmer = Stemmer();
  struct Case {
    const char* a;
    const char* b;
  };
  const Case same[] = {
      {"культурная дипломатия", "культурной дипломатии"},
      {"права человека", "прав человека"},
      {"Западная Вирджиния", "западной вирджинии"},
      {"смертная казнь", "СМЕРТНОЙ КАЗНИ"},
      {"ещё", "еще"},  // ё as е
      {"human rights", "Human right"},
      {"frigates", "frigate"},
      {"what happened", "what happens"},
      {"дипло\u00ADматии", "дипломатии"},  // a soft hyphen inside a word
      {"зна\u0301ние", "знание"},          // a stress mark
  };
  for (const Case& c : same) {
    INFO(c.a << " / " << c.b);
    CHECK(stemmer->Stems(c.a) == stemmer->Stems(c.b));
  }
  CHECK(stemmer->Stems("культурная политика") != stemmer->Stems("культурная дипломатия"));
}

TEST_CASE("search words keep their place in the text and split at anything not a letter or digit",
          "[stem]") {
  auto stemmer = Stemmer();
  const std::string text = "«Права» человека-2026, rights' \xFF x";
  const std::vector<stem::SearchWord> words = stemmer->Words(text);
  REQUIRE(words.size() == 5);
  CHECK(text.substr(words[0].begin, words[0].end - words[0].begin) == "Права");
  CHECK(words[0].folded == "права");
  CHECK(words[1].stem == stemmer->Stems("человек"));
  CHECK(words[2].folded == "2026");
  CHECK(words[3].stem == "right");
  CHECK(words[4].folded == "x");  // after an invalid byte, which separates
  CHECK(text.substr(words[4].begin, 1) == "x");
  CHECK(stemmer->Stems("!! — ...") == "");
  // Cyrillic words take the Russian stemmer, others the English one, in either side.
  CHECK(stemmer->Stems("Kanye Уэста") == "kany уэст");
  // A very long word is kept whole.
  const std::string long_word(stem::kMaxStemmedWordBytes + 10, 'a');
  CHECK(stemmer->Stems(long_word + "s") == long_word + "s");
}
