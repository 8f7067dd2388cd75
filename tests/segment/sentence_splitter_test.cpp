#include "segment/sentence_splitter.h"

#include <catch2/catch.hpp>
#include <string>

using sverka::Language;
using sverka::segment::SentenceSplitter;

namespace {
std::vector<std::string> Split(Language lang, std::string_view text) {
  auto splitter = SentenceSplitter::Create(lang);
  REQUIRE(splitter.ok());
  std::vector<std::string> out;
  for (const auto& s : (*splitter)->Split(text)) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}
}  // namespace

TEST_CASE("splitter cuts a Russian paragraph at sentence ends", "[segment][ru]") {
  CHECK(Split(Language::kRussian, "Мама мыла раму. Папа читал газету! Где кот?") ==
        std::vector<std::string>{"Мама мыла раму.", "Папа читал газету!", "Где кот?"});
}

TEST_CASE("splitter cuts an English paragraph and keeps Mr. inside", "[segment][en]") {
  CHECK(Split(Language::kEnglish, "Mr. Smith went to Washington. He stayed.") ==
        std::vector<std::string>{"Mr. Smith went to Washington.", "He stayed."});
}

TEST_CASE("splitter reads line breaks inside a paragraph as spaces", "[segment]") {
  // ICU would end a sentence at every hard line break.
  CHECK(Split(Language::kEnglish, "This sentence is\nwrapped here. Next one.") ==
        std::vector<std::string>{"This sentence is\nwrapped here.", "Next one."});
}

TEST_CASE("splitter returns byte offsets into the paragraph, trimmed", "[segment]") {
  auto splitter = SentenceSplitter::Create(Language::kRussian);
  REQUIRE(splitter.ok());
  const std::string text = "  Один.  Два.  ";
  const auto spans = (*splitter)->Split(text);
  REQUIRE(spans.size() == 2);
  CHECK(spans[0].begin == 2);
  CHECK(text.substr(spans[1].begin, spans[1].size()) == "Два.");
  CHECK((*splitter)->Split("   ").empty());
}

TEST_CASE("splitter keeps a headline without final punctuation whole", "[segment]") {
  CHECK(Split(Language::kEnglish, "Federal prosecutors seeking rare death penalty") ==
        std::vector<std::string>{"Federal prosecutors seeking rare death penalty"});
}
