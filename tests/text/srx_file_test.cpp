#include "text/srx_file.h"

#include <catch2/catch.hpp>

using sverka::ErrorKind;
using namespace sverka::text;

namespace {
std::string Srx(const std::string& cascade, const std::string& rules, const std::string& maps) {
  return "<?xml version=\"1.0\"?>\n<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">\n"
         "<header cascade=\"" +
         cascade + "\"/>\n<body><languagerules>\n" + rules + "</languagerules>\n<maprules>\n" +
         maps + "</maprules></body></srx>\n";
}
const std::string kRules =
    "<languagerule languagerulename=\"Russian\">\n"
    "<rule break=\"no\"><beforebreak>\\bт\\.</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "</languagerule>\n"
    "<languagerule languagerulename=\"Default\">\n"
    "<rule><beforebreak>[.?!]+</beforebreak><afterbreak>\\s</afterbreak></rule>\n"
    "</languagerule>\n";
const std::string kMaps =
    "<languagemap languagepattern=\"ru.*\" languagerulename=\"Russian\"/>\n"
    "<languagemap languagepattern=\".*\" languagerulename=\"Default\"/>\n";
}  // namespace

TEST_CASE("SRX: cascade collects every matching map's rules in order", "[text][srx]") {
  auto ru = ParseSrx("r.srx", Srx("yes", kRules, kMaps), "ru");
  REQUIRE(ru.ok());
  REQUIRE(ru->rules.size() == 2);
  CHECK_FALSE(ru->rules[0].do_break);
  CHECK(ru->rules[0].before == "\\bт\\.");
  CHECK(ru->rules[0].line == 6);
  CHECK(ru->rules[1].do_break);  // break="yes" is the default
  auto en = ParseSrx("r.srx", Srx("yes", kRules, kMaps), "en");
  REQUIRE(en.ok());
  CHECK(en->rules.size() == 1);
  auto first_only = ParseSrx("r.srx", Srx("no", kRules, kMaps), "ru");
  REQUIRE(first_only.ok());
  CHECK(first_only->rules.size() == 1);
}

TEST_CASE("SRX: bad files are refused with file, line and reason", "[text][srx][errors]") {
  struct Case {
    std::string xml, lang, message;
  };
  const Case cases[] = {
      {"<srx><body>\n</srx>", "ru",
       "r.srx:2: not well-formed XML: Premature end of data in tag srx line 1"},
      {"<tmx/>", "ru", "r.srx: not an SRX file (root element 'tmx', not 'srx')"},
      {Srx("yes", kRules, "<languagemap languagepattern=\"ru\" languagerulename=\"Nope\"/>\n"),
       "ru", "r.srx:13: languagemap names a missing languagerule 'Nope'"},
      {Srx("yes", kRules, "<languagemap languagepattern=\"(\" languagerulename=\"Default\"/>\n"),
       "ru", "r.srx:13: bad languagepattern '('"},
      {Srx("yes", "<languagerule languagerulename=\"X\"><rule break=\"no\"/></languagerule>\n",
           "<languagemap languagepattern=\".*\" languagerulename=\"X\"/>\n"),
       "ru", "r.srx:5: rule without <beforebreak> or <afterbreak>"},
      {Srx("yes", kRules, "<languagemap languagepattern=\"de\" languagerulename=\"Default\"/>\n"),
       "ru", "r.srx: no language rules for 'ru'"},
  };
  for (const Case& c : cases) {
    auto srx = ParseSrx("r.srx", c.xml, c.lang);
    REQUIRE_FALSE(srx.ok());
    CHECK(srx.status().kind() == ErrorKind::kInvalidData);
    CHECK(srx.status().message() == c.message);
  }
}

TEST_CASE("SRX: a file declaring entities is refused, its external entities never read", "[text][srx]") {
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE srx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
      "<srx><body><languagerules><languagerule languagerulename=\"D\">"
      "<rule><beforebreak>&x;</beforebreak><afterbreak>\\s</afterbreak></rule>"
      "</languagerule></languagerules><maprules>"
      "<languagemap languagepattern=\".*\" languagerulename=\"D\"/></maprules></body></srx>";
  // Accepted, the rule would lose its text silently (entities are not
  // expanded) and cut everywhere.
  auto srx = ParseSrx("r.srx", xml, "en");
  REQUIRE_FALSE(srx.ok());
  CHECK(srx.status().kind() == ErrorKind::kInvalidData);
  CHECK(srx.status().message() ==
        "r.srx: the DOCTYPE declares entities; sverka reads no DTD (write the rules' text out)");
  CHECK(srx.status().message().find("root") == std::string::npos);
}

TEST_CASE("SRX: a file above the size limit is refused before parsing", "[text][srx][errors]") {
  const std::string huge(kMaxSrxBytes + 1, ' ');
  auto srx = ParseSrx("r.srx", huge, "ru");
  REQUIRE_FALSE(srx.ok());
  CHECK(srx.status().message() == "r.srx: too large for an SRX file");
}

TEST_CASE("SRX is read as OmegaT reads it: language patterns in any case, every matching map without cascade=\"no\"",
          "[text][srx]") {
  const std::string rules =
      "<languagerule languagerulename=\"Russian\"><rule break=\"no\"><beforebreak>\\bт\\.</beforebreak>"
      "<afterbreak>\\s</afterbreak></rule></languagerule>\n"
      "<languagerule languagerulename=\"Default\"><rule><beforebreak>\\.</beforebreak>"
      "<afterbreak>\\s</afterbreak></rule></languagerule>\n";
  const std::string maps =
      "<languagemap languagepattern=\"RU.*\" languagerulename=\"Russian\"/>\n"
      "<languagemap languagepattern=\".*\" languagerulename=\"Default\"/>\n";
  // OmegaT's defaultRules.srx: <header></header>, upper-case patterns.
  const std::string omegat_like = "<?xml version=\"1.0\"?>\n<srx xmlns=\"http://www.lisa.org/srx20\" version=\"2.0\">"
                                  "<header></header>\n<body><languagerules>\n" + rules +
                                  "</languagerules>\n<maprules>\n" + maps + "</maprules></body></srx>";
  auto ru = ParseSrx("o.srx", omegat_like, "ru");
  REQUIRE(ru.ok());
  REQUIRE(ru->rules.size() == 2);
  CHECK_FALSE(ru->rules[0].do_break);
  CHECK(ru->rules[1].do_break);
  auto en = ParseSrx("o.srx", omegat_like, "en");
  REQUIRE(en.ok());
  CHECK(en->rules.size() == 1);
  // cascade="no" still stops at the first matching map.
  auto first_only = ParseSrx("r.srx", Srx("no", rules, maps), "ru");
  REQUIRE(first_only.ok());
  CHECK(first_only->rules.size() == 1);
}
