#include "segment/srx_splitter.h"

#include <catch2/catch.hpp>

#include "segment/sentence_splitter.h"

using sverka::Language;
using namespace sverka::segment;
using sverka::text::SrxRules;

namespace {
std::vector<std::string> Split(const SrxRules& rules, const std::string& text) {
  SplitterOptions options;
  options.srx = std::make_shared<const SrxRules>(rules);
  auto splitter = SentenceSplitter::Create(Language::kRussian, options);
  REQUIRE(splitter.ok());
  std::vector<std::string> out;
  for (const auto& s : (*splitter)->Split(text)) out.push_back(text.substr(s.begin, s.size()));
  return out;
}
}  // namespace

TEST_CASE("SRX rules: the first matching rule decides; no rule, no break", "[segment][srx]") {
  const SrxRules rules{"r.srx",
                       {{false, "\\bт\\.е\\.", "\\s", 1},
                        {false, "\\b\\p{Lu}\\.", "\\s", 2},
                        {true, "[.?!]+", "\\s", 3}}};
  CHECK(Split(rules, "Это т.е. всё. А. С. Пушкин пришёл! Да?") ==
        std::vector<std::string>{"Это т.е. всё.", "А. С. Пушкин пришёл!", "Да?"});
  // A rule with an empty <beforebreak>: break before every "—" dash.
  const SrxRules dash{"r.srx", {{true, "", "—", 1}}};
  CHECK(Split(dash, "Один —два —три") == std::vector<std::string>{"Один", "—два", "—три"});
}

TEST_CASE("SRX rules: a bad regular expression names the rule's line", "[segment][srx][errors]") {
  const SrxRules rules{"r.srx", {{true, "[.?!", "\\s", 7}}};
  auto splitter = SrxSplitter::Create(rules);
  REQUIRE_FALSE(splitter.ok());
  CHECK(splitter.status().message() ==
        "r.srx:7: bad regular expression '[.?!' (U_REGEX_MISSING_CLOSE_BRACKET)");
}

TEST_CASE("SRX rules: a pattern that backtracks without end stops at ICU's match limit",
          "[segment][srx][errors]") {
  // "(a+)+b" on a run of a's with no b tries every way to cut the run:
  // 2^60 of them, years without a limit.
  const SrxRules rules{"r.srx", {{true, "[.?!]", "\\s", 2}, {true, "(a+)+b", "", 5}}};
  SplitterOptions options;
  options.srx = std::make_shared<const SrxRules>(rules);
  auto splitter = SentenceSplitter::Create(Language::kRussian, options);
  REQUIRE(splitter.ok());
  CHECK((*splitter)->error().ok());
  CHECK((*splitter)->Split("Один. Два.").size() == 2);
  CHECK((*splitter)->error().ok());
  const std::string hostile = "Три " + std::string(60, 'a') + " четыре.";
  (*splitter)->Split(hostile);
  REQUIRE_FALSE((*splitter)->error().ok());
  CHECK((*splitter)->error().message() ==
        "r.srx:5: regular expression '(a+)+b' takes too long on this text (ICU's match limit); "
        "simplify the rule");
  // Later paragraphs are not split by a splitter that gave up.
  CHECK((*splitter)->Split("Пять. Шесть.").size() == 1);
}
