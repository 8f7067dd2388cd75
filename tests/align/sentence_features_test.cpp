#include "align/sentence_features.h"

#include <catch2/catch.hpp>

using namespace sverka;
using align::AnchorKeys;
using align::NameSkeleton;
using align::Vocabulary;

namespace {
Token Num(std::string text, bool space_before = true) {
  return {TokenKind::kNumber, std::move(text), "", "", false, space_before};
}
Token Word(std::string text, std::string stem, bool cap = false, std::string latin = "") {
  return {TokenKind::kWord, std::move(text), std::move(stem), std::move(latin), cap, true};
}
Token Punct(std::string text) { return {TokenKind::kPunct, std::move(text), "", "", false, false}; }
}  // namespace

TEST_CASE("numbers are normalised across Russian and English conventions", "[align][anchors]") {
  struct Case {
    std::vector<Token> tokens;
    Language lang;
    std::string key;
  };
  const Case cases[] = {
      {{Num("2"), Num("000")}, Language::kRussian, "#2000"},   // 2 000
      {{Num("2,000")}, Language::kEnglish, "#2000"},
      {{Num("1,5")}, Language::kRussian, "#1.5"},
      {{Num("1.5")}, Language::kEnglish, "#1.5"},
      {{Num("3.000")}, Language::kRussian, "#3000"},
      {{Num("1953")}, Language::kEnglish, "#1953"},
      {{Num("1,000,000")}, Language::kEnglish, "#1000000"},
  };
  for (const Case& c : cases) {
    const auto keys = AnchorKeys(c.tokens, c.lang);
    REQUIRE(keys.size() == 1);
    CHECK(keys[0] == c.key);
  }
  // Two numbers that happen to follow each other are not joined when the
  // second is not a group of three digits.
  CHECK(AnchorKeys(std::vector<Token>{Num("30"), Num("40")}, Language::kRussian).size() == 2);
}

TEST_CASE("month names become the same anchor in both languages", "[align][anchors]") {
  CHECK(AnchorKeys(std::vector<Token>{Word("сентября", "сентябр")}, Language::kRussian) ==
        std::vector<std::string>{"@9"});
  CHECK(AnchorKeys(std::vector<Token>{Word("september", "septemb", true)}, Language::kEnglish) ==
        std::vector<std::string>{"@9"});
  CHECK(AnchorKeys(std::vector<Token>{Word("мая", "ма")}, Language::kRussian) ==
        std::vector<std::string>{"@5"});
  // "may" the verb is no month; "May" is.
  CHECK(AnchorKeys(std::vector<Token>{Word("may", "may")}, Language::kEnglish).empty());
  CHECK(AnchorKeys(std::vector<Token>{Word("may", "may", true)}, Language::kEnglish) ==
        std::vector<std::string>{"@5"});
}

TEST_CASE("name skeletons match across romanisations", "[align][anchors]") {
  CHECK(NameSkeleton("mirkadyrov") == NameSkeleton("mirgadirov"));
  CHECK(NameSkeleton("azerbaydzhan") == NameSkeleton("azerbaijan"));
  CHECK(NameSkeleton("nato") == NameSkeleton("nato"));
  CHECK(NameSkeleton("saipova") == NameSkeleton("saipov"));
  CHECK(NameSkeleton("obama") == "obm");
  CHECK(NameSkeleton("mirkadyrov") != NameSkeleton("moscow"));
}

TEST_CASE("capitalised words give name anchors, function words do not", "[align][anchors]") {
  const std::vector<Token> ru = {Word("миркадыров", "миркадыр", true, "mirkadyrov"),
                                 Word("это", "эт", true, "eto")};
  CHECK(AnchorKeys(ru, Language::kRussian) == std::vector<std::string>{"N:mrkdrv"});
  const std::vector<Token> en = {Word("the", "the", true), Word("mirgadirov", "mirgadirov", true),
                                 Word("said", "said")};
  CHECK(AnchorKeys(en, Language::kEnglish) == std::vector<std::string>{"N:mrkdrv"});
}

TEST_CASE("questions, exclamations, colons, quotes and parentheses are anchors", "[align][anchors]") {
  const std::vector<Token> ru = {Punct("«"), Punct("?"), Punct(","), Punct("(")};
  CHECK(AnchorKeys(ru, Language::kRussian) == std::vector<std::string>{"P\"", "P?", "P("});
}

TEST_CASE("features hold sorted unique ids", "[align][anchors]") {
  align::Vocabulary anchors, words;
  const std::vector<Token> tokens = {Word("кот", "кот"), Word("кота", "кот"), Num("5"), Word("пёс", "пёс")};
  const auto f = align::BuildFeatures(12, tokens, Language::kRussian, anchors, words);
  CHECK(f.length == 12);
  CHECK(f.words.size() == 2);
  CHECK(std::is_sorted(f.words.begin(), f.words.end()));
  CHECK(f.anchors == std::vector<uint32_t>{anchors.Find("#5")});
  CHECK(words.Find("кот") != align::Vocabulary::kUnknown);
  CHECK(words.Find("собак") == align::Vocabulary::kUnknown);
}

TEST_CASE("a vocabulary over a base gives the ids a copy of the base would", "[align][features]") {
  Vocabulary base;
  for (const char* w : {"мир", "дом", "город"}) base.Id(w);
  Vocabulary copy = base, over(&base);
  for (const char* w : {"дом", "река", "мир", "лес", "река", "город", "небо"}) {
    CHECK(over.Id(w) == copy.Id(w));
  }
  CHECK(over.size() == copy.size());
  CHECK(over.size() == 6);
  CHECK(base.size() == 3);  // the base is not changed
  for (uint32_t id = 0; id < over.size(); ++id) CHECK(over.Word(id) == copy.Word(id));
  CHECK(over.Find("лес") == copy.Find("лес"));
  CHECK(over.Find("море") == Vocabulary::kUnknown);
  CHECK(base.Find("лес") == Vocabulary::kUnknown);
}
