#include "text/sentence_text.h"

#include <catch2/catch.hpp>

using sverka::text::SentenceText;

TEST_CASE("SentenceText joins wrapped lines with one space and trims the ends", "[text][sentence]") {
  CHECK(SentenceText("  one\r\ntwo \n  three\n") == "one two three");
  CHECK(SentenceText(" \n ").empty());
}

TEST_CASE("SentenceText keeps the spacing inside a line (OmegaT matches double spaces)",
          "[text][sentence]") {
  CHECK(SentenceText("выполнил  штрафной\tудар") == "выполнил  штрафной\tудар");
}

TEST_CASE("SentenceText composes to NFC", "[text][sentence]") {
  // "й" written as и + combining breve (U+0306) becomes U+0439.
  CHECK(SentenceText("\xD0\xB8\xCC\x86") == "\xD0\xB9");
}
