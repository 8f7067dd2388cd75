#include "segment/word_tokenizer.h"

#include <catch2/catch.hpp>

using namespace sverka;

namespace {
std::vector<Token> Tokens(Language lang, std::string_view text) {
  auto tokenizer = segment::WordTokenizer::Create(lang);
  REQUIRE(tokenizer.ok());
  return (*tokenizer)->Tokenize(text);
}
}  // namespace

TEST_CASE("tokenizer gives words, numbers and punctuation, lower-cased and stemmed", "[segment][tokens]") {
  const auto t = Tokens(Language::kRussian, "Саипов, 30 лет, взял 1,5 грузовика?");
  REQUIRE(t.size() == 9);
  CHECK(t[0].kind == TokenKind::kWord);
  CHECK(t[0].text == "саипов");
  CHECK(t[0].capitalized);
  CHECK(t[1].kind == TokenKind::kPunct);
  CHECK(t[2].kind == TokenKind::kNumber);
  CHECK(t[2].text == "30");
  CHECK(t[2].space_before);
  CHECK(t[3].stem == "лет");
  CHECK(t[6].text == "1,5");  // one number, decimal comma kept
  CHECK(t[7].stem == "грузовик");
  CHECK(t[8].text == "?");
}

TEST_CASE("capitalised Russian words carry an ASCII transliteration", "[segment][tokens]") {
  const auto t = Tokens(Language::kRussian, "В Азербайджане НАТО и Миркадыров");
  REQUIRE(t.size() == 5);
  CHECK(t[1].latin == "azerbaydzhane");
  CHECK(t[2].latin == "nato");
  CHECK(t[4].latin == "mirkadyrov");
  CHECK(t[3].latin.empty());  // not capitalised
}

TEST_CASE("one tokenizer used for a whole batch transliterates alike after its cache is emptied",
          "[segment][tokens]") {
  auto tokenizer = segment::WordTokenizer::Create(Language::kRussian);
  REQUIRE(tokenizer.ok());
  const std::vector<Token> first = (*tokenizer)->Tokenize("В Азербайджане НАТО и Миркадыров");
  // 70,000 distinct capitalised words: more than the cache holds (65,536).
  const char* const letters[] = {"б", "в", "г", "д", "ж", "з", "к", "л", "м", "н"};
  for (int k = 0; k < 70000; ++k) {
    std::string word = "Ка";
    for (int n = k; n > 0 || word.size() == 4; n /= 10) word += letters[n % 10];
    const std::vector<Token> t = (*tokenizer)->Tokenize(word);
    REQUIRE(t.size() == 1);
    REQUIRE(t[0].latin.rfind("ka", 0) == 0);
  }
  const std::vector<Token> again = (*tokenizer)->Tokenize("В Азербайджане НАТО и Миркадыров");
  REQUIRE(again.size() == first.size());
  for (size_t k = 0; k < first.size(); ++k) {
    CHECK(again[k].text == first[k].text);
    CHECK(again[k].stem == first[k].stem);
    CHECK(again[k].latin == first[k].latin);
  }
  CHECK(again[1].latin == "azerbaydzhane");
}

TEST_CASE("English words are stemmed with Snowball", "[segment][tokens][en]") {
  const auto t = Tokens(Language::kEnglish, "Prosecutors were seeking penalties.");
  REQUIRE(t.size() == 5);
  CHECK(t[0].stem == "prosecutor");
  CHECK(t[2].stem == "seek");
  CHECK(t[3].stem == "penalti");
  CHECK(t[0].latin.empty());
}

TEST_CASE("a one-word text's stem is the one Tokenize gives, plain word or not", "[segment][tokens]") {
  // Plain words take the short way; the rest (hyphens, accents, mixed
  // scripts, phrases) go through the break iterator.
  const std::pair<Language, const char*> cases[] = {
      {Language::kEnglish, "Running"},  {Language::kEnglish, "CITIES"},
      {Language::kEnglish, "cry"},      {Language::kEnglish, "café"},
      {Language::kEnglish, "don't"},    {Language::kEnglish, "ice-cream"},
      {Language::kEnglish, "two words"}, {Language::kEnglish, "x"},
      {Language::kRussian, "Ёлками"},   {Language::kRussian, "ПРОЯВЛЕНИЕ"},
      {Language::kRussian, "пёстрый"},  {Language::kRussian, "Яблоко"},
      {Language::kRussian, "кто-то"},   {Language::kRussian, "Москва река"},
      {Language::kRussian, "Tesla"},    {Language::kRussian, "фото2"},
      {Language::kRussian, "\xD1\x96"},  // і, Cyrillic but not Russian
  };
  for (const auto& [lang, text] : cases) {
    auto tokenizer = segment::WordTokenizer::Create(lang);
    REQUIRE(tokenizer.ok());
    const std::vector<Token> tokens = (*tokenizer)->Tokenize(text);
    const std::string expected =
        tokens.size() == 1 && tokens[0].kind == TokenKind::kWord ? tokens[0].stem : std::string();
    INFO(text);
    CHECK((*tokenizer)->SingleWordStem(text) == expected);
  }
}
