#include "formats/tmx_writer.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures.h"

using namespace sverka;

namespace {

// Parses `path` strictly (no network, no entities) and evaluates `xpath` to a string.
class Xml {
 public:
  explicit Xml(const std::string& path)
      : doc_(xmlReadFile(path.c_str(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR)) {}
  ~Xml() { xmlFreeDoc(doc_); }
  bool ok() const { return doc_ != nullptr; }
  std::string Eval(const std::string& xpath) const {
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc_);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(
        reinterpret_cast<const xmlChar*>(("string(" + xpath + ")").c_str()), ctx);
    std::string out = obj && obj->stringval ? reinterpret_cast<const char*>(obj->stringval) : "";
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return out;
  }

 private:
  xmlDocPtr doc_;
};

}  // namespace

TEST_CASE("TMX has every required header attribute and one tu per unit", "[tm][tmx]") {
  testing::ScratchDir dir;
  const std::string path = dir / "out.tmx";
  auto writer = formats::TmxWriter::Create(path, {.tool_version = "9.9", .creation_date = "20260101T000000Z"});
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Add({"Привет, «мир» & <друзья>.", "Hello, world & <friends>.",
                          {{"x-document", "news"}, {"x-score", "0.873"}}}).ok());
  REQUIRE((*writer)->Add({"Второе.", "Second.", {}}).ok());
  REQUIRE((*writer)->Commit().ok());

  Xml xml(path);
  REQUIRE(xml.ok());
  CHECK(xml.Eval("/tmx/@version") == "1.4");
  CHECK(xml.Eval("/tmx/header/@creationtool") == "sverka");
  CHECK(xml.Eval("/tmx/header/@creationtoolversion") == "9.9");
  CHECK(xml.Eval("/tmx/header/@segtype") == "sentence");
  CHECK(xml.Eval("/tmx/header/@o-tmf") == "sverka");
  CHECK(xml.Eval("/tmx/header/@adminlang") == "en");
  CHECK(xml.Eval("/tmx/header/@srclang") == "ru");
  CHECK(xml.Eval("/tmx/header/@datatype") == "plaintext");
  CHECK(xml.Eval("/tmx/header/@creationdate") == "20260101T000000Z");
  CHECK(xml.Eval("count(/tmx/body/tu)") == "2");
  CHECK(xml.Eval("count(//tuv[not(@xml:lang)])") == "0");
  CHECK(xml.Eval("/tmx/body/tu[1]/tuv[@xml:lang='ru']/seg") == "Привет, «мир» & <друзья>.");
  CHECK(xml.Eval("/tmx/body/tu[1]/tuv[@xml:lang='en']/seg") == "Hello, world & <friends>.");
  CHECK(xml.Eval("/tmx/body/tu[1]/prop[@type='x-score']") == "0.873");
  CHECK(xml.Eval("/tmx/body/tu[2]/tuv[2]/seg") == "Second.");
}

TEST_CASE("seg content is exactly the text: no added white space", "[tm][tmx]") {
  testing::ScratchDir dir;
  const std::string path = dir / "out.tmx";
  auto writer = formats::TmxWriter::Create(path, {.ru_code = "ru-RU", .en_code = "en-US"});
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Add({"Один.", "One.", {}}).ok());
  REQUIRE((*writer)->Commit().ok());
  const std::string raw = testing::ReadFile(path);
  CHECK(raw.find("<seg>Один.</seg>") != std::string::npos);
  CHECK(raw.find("<tuv xml:lang=\"en-US\"><seg>One.</seg></tuv>") != std::string::npos);
}

TEST_CASE("control characters XML forbids are replaced, keeping the file well-formed", "[tm][tmx]") {
  CHECK(formats::XmlSafe("a\x01" "b\x0C" "c\td") == "a b c\td");
  testing::ScratchDir dir;
  auto writer = formats::TmxWriter::Create(dir / "out.tmx", {});
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Add({"bad\x02", "\x1F" "bad", {}}).ok());
  REQUIRE((*writer)->Commit().ok());
  CHECK(Xml(dir / "out.tmx").ok());
}

TEST_CASE("an uncommitted TMX leaves neither the file nor its temporary", "[tm][tmx]") {
  testing::ScratchDir dir;
  {
    auto writer = formats::TmxWriter::Create(dir / "out.tmx", {});
    REQUIRE(writer.ok());
    REQUIRE((*writer)->Add({"a", "b", {}}).ok());
    CHECK(std::filesystem::exists(dir / "out.tmx.tmp"));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "out.tmx"));
  CHECK_FALSE(std::filesystem::exists(dir / "out.tmx.tmp"));
}

TEST_CASE("a TMX in a missing directory fails with its path", "[tm][tmx][errors]") {
  testing::ScratchDir dir;
  auto writer = formats::TmxWriter::Create(dir / "no/such/out.tmx", {});
  REQUIRE_FALSE(writer.ok());
  CHECK(writer.status().kind() == ErrorKind::kInvalidData);
  CHECK(writer.status().message() == dir / "no/such/out.tmx" + ": cannot write: No such file or directory");
}

TEST_CASE("tu carries creation and change dates when given", "[tm][tmx]") {
  testing::ScratchDir dir;
  const std::string path = dir / "dates.tmx";
  auto writer = formats::TmxWriter::Create(path, {.tool_version = "1", .creation_date = "20260101T000000Z"});
  REQUIRE(writer.ok());
  REQUIRE((*writer)->Add({"а", "a", {}, "20250102T030405Z", "20260102T030405Z"}).ok());
  REQUIRE((*writer)->Add({"б", "b", {}}).ok());
  REQUIRE((*writer)->Commit().ok());
  Xml xml(path);
  CHECK(xml.Eval("/tmx/body/tu[1]/@creationdate") == "20250102T030405Z");
  CHECK(xml.Eval("/tmx/body/tu[1]/@changedate") == "20260102T030405Z");
  CHECK(xml.Eval("count(/tmx/body/tu[2]/@creationdate)") == "0");
  CHECK(formats::TmxDateFromIso("2025-01-02T03:04:05Z") == "20250102T030405Z");
  CHECK(formats::TmxDateFromIso("2025-01-02 03:04:05") == "");
  CHECK(formats::TmxDateFromIso("2025-0a-02T03:04:05Z") == "");
}
