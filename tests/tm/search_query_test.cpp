#include "tm/search_query.h"

#include <catch2/catch.hpp>

using sverka::tm::FtsPhraseQuery;
using sverka::tm::WithoutSoftHyphens;

TEST_CASE("a search phrase becomes one FTS5 phrase for each spelling of its е and ё",
          "[tm][search]") {
  struct Case {
    std::string phrase, query;
  };
  const std::vector<Case> cases = {
      {"cat", "\"cat\""},
      {"ещё", "\"еще\" OR \"ёще\" OR \"ещё\" OR \"ёщё\""},
      {"еще", "\"еще\" OR \"ёще\" OR \"ещё\" OR \"ёщё\""},
      {"Ёлка", "\"елка\" OR \"ёлка\""},
      {"всё же", "\"все же\" OR \"всё же\" OR \"все жё\" OR \"всё жё\""},
      {"до\u00ADма", "\"дома\""},                      // the soft hyphen goes
      {"say \"hi\"", "\"say \"\"hi\"\"\""},              // quotes doubled
  };
  for (const Case& c : cases) {
    INFO(c.phrase);
    CHECK(FtsPhraseQuery(c.phrase) == c.query);
  }
}

TEST_CASE("only the first eight е or ё of a phrase vary", "[tm][search]") {
  const std::string nine = "е е е е е е е е ё";
  const std::string q = FtsPhraseQuery(nine);
  size_t phrases = 0;
  for (size_t at = 0; (at = q.find(" OR ", at)) != std::string::npos; at += 4) ++phrases;
  CHECK(phrases + 1 == 256);
  CHECK(q.starts_with("\"е е е е е е е е ё\""));  // the ninth as typed
}

TEST_CASE("soft hyphens are removed, other text kept byte for byte", "[tm][search]") {
  CHECK(WithoutSoftHyphens("пере\u00ADвод\u00AD") == "перевод");
  CHECK(WithoutSoftHyphens("a\u00A0b") == "a\u00A0b");  // U+00A0 shares the lead byte
  CHECK(WithoutSoftHyphens("") == "");
}
