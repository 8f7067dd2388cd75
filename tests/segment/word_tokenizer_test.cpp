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

TEST_CASE("English words are stemmed with Snowball", "[segment][tokens][en]") {
  const auto t = Tokens(Language::kEnglish, "Prosecutors were seeking penalties.");
  REQUIRE(t.size() == 5);
  CHECK(t[0].stem == "prosecutor");
  CHECK(t[2].stem == "seek");
  CHECK(t[3].stem == "penalti");
  CHECK(t[0].latin.empty());
}
