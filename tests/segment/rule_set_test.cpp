#include "segment/rule_set.h"

#include <catch2/catch.hpp>

using sverka::Language;
using sverka::ErrorKind;
using namespace sverka::segment;

TEST_CASE("the built-in rule files parse", "[segment][rules]") {
  for (Language lang : {Language::kRussian, Language::kEnglish}) {
    const std::string name(sverka::LanguageCode(lang));
    auto rules = ParseRules(name + ".rules", BuiltinRuleText(lang));
    INFO(name << ": " << rules.status().message());
    REQUIRE(rules.ok());
    CHECK(rules->abbreviations.size() > 50);
    CHECK_FALSE(rules->vowels.empty());
    CHECK(rules->max_quote_chars > 0);
  }
  CHECK(BuiltinRules(Language::kRussian).abbreviations.at("т.е.") == AbbreviationKind::kNeverBreak);
  CHECK(BuiltinRules(Language::kEnglish).abbreviations.at("etc.") ==
        AbbreviationKind::kBreakBeforeCapital);
  CHECK(BuiltinRules(Language::kEnglish).abbreviations.at("u.s.") ==
        AbbreviationKind::kBreakBeforeStarter);
}

TEST_CASE("a rule file is sections of items and settings; comments are ignored",
          "[segment][rules]") {
  auto rules = ParseRules("x.rules",
                          "# comment\n[never-break]\nПроф. ул.  # two\n\n[break-before-capital]\n"
                          "etc.\n[no-break-before-number]\nNo.\n[sentence-starters]\nThe He\n"
                          "[settings]\nvowels = aeiou\nbreak-before-lowercase = yes\n"
                          "max-quote-chars = 10\n");
  REQUIRE(rules.ok());
  CHECK(rules->abbreviations.at("проф.") == AbbreviationKind::kNeverBreak);
  CHECK(rules->abbreviations.at("ул.") == AbbreviationKind::kNeverBreak);
  CHECK(rules->abbreviations.at("etc.") == AbbreviationKind::kBreakBeforeCapital);
  CHECK(rules->before_number.count("no.") == 1);
  CHECK(rules->starters.count("he") == 1);
  CHECK(rules->vowels == U"aeiou");
  CHECK(rules->break_before_lowercase);
  CHECK(rules->max_quote_chars == 10);
}

TEST_CASE("a broken rule file is refused with file, line and reason", "[segment][rules][errors]") {
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {"etc.\n", "x.rules:1: rule before any [section]"},
      {"[never-break]\nmr.\n[bogus]\n", "x.rules:3: unknown section [bogus]"},
      {"[never-break]\nmr.\n[break-before-capital]\nMr.\n",
       "x.rules:4: abbreviation 'mr.' listed under two kinds"},
      {"[settings]\nvowels\n", "x.rules:2: expected 'name = value'"},
      {"[settings]\ncolour = red\n", "x.rules:2: unknown setting 'colour'"},
      {"[settings]\nbreak-before-lowercase = maybe\n",
       "x.rules:2: break-before-lowercase must be yes or no"},
      {"[settings]\nmax-quote-chars = -1\n",
       "x.rules:2: max-quote-chars must be a number from 0 to 100000"},
  };
  for (const Case& c : cases) {
    auto rules = ParseRules("x.rules", c.text);
    REQUIRE_FALSE(rules.ok());
    CHECK(rules.status().kind() == ErrorKind::kInvalidData);
    CHECK(rules.status().message() == c.message);
  }
}

TEST_CASE("LowerCase folds Cyrillic and Latin capitals", "[segment]") {
  CHECK(LowerCase("Т.Е. U.S. Ёж") == "т.е. u.s. ёж");
}
