#include "formats/mueller_entry.h"

#include <catch2/catch.hpp>

using namespace sverka;

namespace {
std::vector<std::string> Translations(std::string_view body) {
  std::vector<formats::DictionaryEntry> out;
  formats::AddMuellerTranslations("word", body, out);
  std::vector<std::string> ru;
  for (const formats::DictionaryEntry& e : out) {
    CHECK(e.en == "word");
    ru.push_back(e.ru);
  }
  return ru;
}
}  // namespace

// Made-up entries in the layout of mueller7-dict (the dictionary's own text
// is GPL and stays out of the repository).
TEST_CASE("Mueller entries give their plain Russian translations", "[tm][dict][mueller]") {
  struct Case {
    const char* what;
    const char* body;
    std::vector<std::string> ru;
  };
  const std::vector<Case> cases = {
      {"transcription and labels dropped", "   [↗wɜ:d] _n. _зоол. птица\n", {"птица"}},
      {"synonyms split at commas and semicolons",
       "   [wɜ:d] _v. махать, размахивать; трясти\n",
       {"махать", "размахивать", "трясти"}},
      {"numbered senses, each its own",
       "   [wɜ:d] _n.\n   1) латунь, жёлтая медь\n   2) _поэт. меч\n",
       {"латунь", "жёлтая медь", "меч"}},
      {"senses in two levels and lettered",
       "   [wɜ:d]\n   1. _n.\n      1) клеймо\n         а) тавро\n         б) метка\n   2. _v. "
       "клеймить\n",
       {"клеймо", "тавро", "метка", "клеймить"}},
      {"homonyms",
       "   _I  [wɜ:d]\n      1. _n. груда\n   _II [wɜ:d] _n. изжога\n",
       {"груда", "изжога"}},
      {"remarks in brackets dropped, also over a line break",
       "   [wɜ:d] _v. размахивать (мечом, палкой); счёт {ср. тж.\n   5) }; бег\n",
       {"размахивать", "счёт", "бег"}},
      {"an example phrase and the rest of its part dropped",
       "   _n. сорт, качество; of the best brand высшей марки\n",
       {"сорт", "качество"}},
      {"an example running on to the next line is dropped whole",
       "   _n. вред; to do smb. an injury причинять\nвред кому-л.\n   2) рана\n",
       {"вред", "рана"}},
      {"a cross reference gives nothing", "   [↗wɜ:d] = brandnew\n", {}},
      {"a reference to another form gives nothing",
       "   1. _p-p. от injure\n   2. _a. обиженный\n",
       {"обиженный"}},
      {"definitions longer than three words skipped",
       "   _n. вещество, вредное для организма человека; яд\n",
       {"вещество", "яд"}},
      {"quotes around a translation dropped",
       "   _a. совершенно новый; \"с иголочки\"\n",
       {"совершенно новый", "с иголочки"}},
      {"an unclosed bracket drops only itself", "   _n. дом (жилище\n", {"дом жилище"}},
      {"a sense number glued to its text",
       "   9) метка\n   10)пряжка\n   11)_ж-д. блокировка\n",
       {"метка", "пряжка", "блокировка"}},
      {"an empty body gives nothing", "", {}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(Translations(c.body) == c.ru);
  }
}
