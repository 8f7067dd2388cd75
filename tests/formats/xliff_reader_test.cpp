#include "formats/xliff_reader.h"

#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace sverka;

namespace {

struct Read {
  Result<formats::XliffReadSummary> summary = Status::Internal("not run");
  std::vector<formats::XliffEntry> units;
};

Read ReadAll(const std::string& path, const formats::XliffReadOptions& options = {}) {
  Read r;
  r.summary = formats::ReadXliff(path, options, [&](const formats::XliffEntry& e) {
    r.units.push_back(e);
    return Status::Ok();
  });
  return r;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs Texts(const Read& r) {
  Pairs out;
  for (const auto& u : r.units) out.emplace_back(u.ru, u.en);
  return out;
}

// An XLIFF 1.2 file of one <file> around `body` (its <trans-unit>s); the
// <file> starts on line 3, the body on line 4.
std::string Xliff12(const std::string& body, const std::string& prolog = "",
                    const std::string& languages = "source-language=\"ru\" target-language=\"en\"") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog +
         "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
         "<file original=\"a.txt\" datatype=\"plaintext\" " + languages + "><body>\n" + body +
         "</body></file>\n</xliff>\n";
}

// An XLIFF 2.0 file around `units`; the units start on line 4.
std::string Xliff20(const std::string& units,
                    const std::string& languages = "srcLang=\"ru\" trgLang=\"en\"") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" " + languages +
         ">\n<file id=\"f1\">\n" + units + "</file>\n</xliff>\n";
}

const std::string kUnit12 =
    "<trans-unit id=\"1\"><source>Привет.</source><target>Hello.</target></trans-unit>\n";
const std::string kUnit20 =
    "<unit id=\"u1\"><segment><source>Привет.</source><target>Hello.</target></segment></unit>\n";

std::string Utf16(const std::string& ascii, bool big_endian, bool bom) {
  std::string out;
  if (bom) out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (const char c : ascii) {
    if (big_endian) out += '\0';
    out += c;
    if (!big_endian) out += '\0';
  }
  return out;
}

std::string ErrorOf(const std::string& path, const formats::XliffReadOptions& options = {},
                    ErrorKind kind = ErrorKind::kInvalidData) {
  const Read r = ReadAll(path, options);
  REQUIRE_FALSE(r.summary.ok());
  CHECK(r.summary.status().kind() == kind);
  return r.summary.status().message();
}

}  // namespace

TEST_CASE("XLIFF 1.2 trans-units with a target are pairs; the rest are counted",
          "[tm][xliff][import]") {
  testing::ScratchDir dir;
  testing::WriteFile(
      dir / "a.xlf",
      Xliff12(kUnit12 +
              "<trans-unit id=\"2\"><source>Без перевода.</source></trans-unit>\n"
              "<trans-unit id=\"3\"><source>Пусто.</source><target/></trans-unit>\n"
              "<trans-unit id=\"4\" translate=\"no\"><source>Код</source><target>Code</target></trans-unit>\n"
              "<group translate=\"no\"><trans-unit id=\"5\"><source>Тоже</source><target>Too</target>"
              "</trans-unit></group>\n"
              "<group id=\"g\"><trans-unit id=\"6\"><source>В группе.</source>"
              "<target state=\"needs-review-translation\">In a group.</target>"
              "<alt-trans><source>Не это.</source><target>Not this.</target></alt-trans>"
              "<note>a note</note></trans-unit></group>\n"
              "<bin-unit id=\"7\" mime-type=\"image/png\"><bin-source><internal-file>AA==</internal-file>"
              "</bin-source></bin-unit>\n"));
  const Read r = ReadAll(dir / "a.xlf");
  REQUIRE(r.summary.ok());
  CHECK(r.summary->version == "1.2");
  CHECK(Texts(r) == Pairs{{"Привет.", "Hello."}, {"В группе.", "In a group."}});
  CHECK(r.summary->units == 6);
  CHECK(r.summary->pairs == 2);
  CHECK(r.summary->no_target == 2);
  CHECK(r.summary->not_translatable == 2);
  CHECK(r.summary->unfinished == 1);
  CHECK(r.units[0].line == 4);
  CHECK(r.units[0].unit_id == "1");
  CHECK_FALSE(r.units[0].unfinished);
  CHECK(r.units[1].unit_id == "6");
  CHECK(r.units[1].unfinished);
}

TEST_CASE("a target that is its Russian source copied is no pair (OmegaT's untranslated units)",
          "[tm][xliff][import]") {
  testing::ScratchDir dir;
  testing::WriteFile(
      dir / "copy.xlf",
      Xliff12("<trans-unit id=\"1\"><source>Не переведено.</source><target>Не переведено.</target>"
              "</trans-unit>\n"
              "<trans-unit id=\"2\"><source>BBC 2018</source><target>BBC 2018</target></trans-unit>\n"));
  const Read r = ReadAll(dir / "copy.xlf");
  REQUIRE(r.summary.ok());
  CHECK(Texts(r) == Pairs{{"BBC 2018", "BBC 2018"}});
  CHECK(r.summary->copied_source == 1);
  CHECK(r.summary->pairs == 1);
}

TEST_CASE("XLIFF 1.2 inline codes are stripped as TMX's, or kept", "[tm][xliff][import]") {
  testing::ScratchDir dir;
  testing::WriteFile(
      dir / "inline.xlf",
      Xliff12("<trans-unit id=\"1\" xml:space=\"preserve\"><source>Большой <g id=\"1\">чёрный</g>"
              "<x id=\"2\"/> <bpt id=\"3\">&lt;b&gt;</bpt>кот<ept id=\"3\">&lt;/b&gt;</ept>"
              "<ph id=\"4\">&lt;br/&gt;</ph>\t<mrk mtype=\"term\">спит</mrk><bx id=\"5\"/><ex id=\"5\"/>"
              "<it id=\"6\" pos=\"open\">&lt;i&gt;</it>.</source>"
              "<target>The big <g id=\"1\">black</g><x id=\"2\"/> <bpt id=\"3\">&lt;b&gt;"
              "<sub>inner</sub></bpt>cat<ept id=\"3\">&lt;/b&gt;</ept>\t<mrk mtype=\"term\">sleeps"
              "</mrk>.</target></trans-unit>\n"));
  const Read r = ReadAll(dir / "inline.xlf");
  REQUIRE(r.summary.ok());
  CHECK(Texts(r) == Pairs{{"Большой чёрный кот\tспит.", "The big black cat\tsleeps."}});
  const Read kept = ReadAll(dir / "inline.xlf", {.keep_inline = true});
  REQUIRE(kept.summary.ok());
  CHECK(Texts(kept) == Pairs{{"Большой чёрный <b>кот</b><br/>\tспит<i>.",
                              "The big black <b>innercat</b>\tsleeps."}});
}

TEST_CASE("XLIFF 1.2 seg-source segments pair with the target's by mid", "[tm][xliff][import]") {
  testing::ScratchDir dir;
  testing::WriteFile(
      dir / "seg.xlf",
      Xliff12("<trans-unit id=\"p1\"><source>Раз. Два. Три.</source>\n"
              "<seg-source><mrk mtype=\"seg\" mid=\"1\">Раз.</mrk> <mrk mtype=\"seg\" mid=\"2\">"
              "<g id=\"1\">Два.</g></mrk> <mrk mtype=\"seg\" mid=\"3\">Три.</mrk></seg-source>\n"
              "<target><mrk mtype=\"seg\" mid=\"2\">Two.</mrk> <mrk mtype=\"seg\" mid=\"1\">One."
              "</mrk> <mrk mtype=\"seg\" mid=\"3\"></mrk></target></trans-unit>\n"
              // seg-source without segments in the target: the whole texts.
              "<trans-unit id=\"p2\"><source>Целиком.</source><seg-source><mrk mtype=\"seg\" "
              "mid=\"1\">Целиком.</mrk></seg-source><target>Whole.</target></trans-unit>\n"));
  const Read r = ReadAll(dir / "seg.xlf");
  REQUIRE(r.summary.ok());
  CHECK(Texts(r) == Pairs{{"Раз.", "One."}, {"Два.", "Two."}, {"Целиком.", "Whole."}});
  CHECK(r.summary->units == 2);
  CHECK(r.summary->no_target == 1);
  CHECK(r.units[1].unit_id == "p1");
}

TEST_CASE("XLIFF 2.x segments of units are pairs, with pc, ph, cp and modules",
          "[tm][xliff][import]") {
  testing::ScratchDir dir;
  testing::WriteFile(
      dir / "b.xlf",
      Xliff20("<unit id=\"u1\"><originalData><data id=\"d1\">&lt;b&gt;</data></originalData>\n"
              "<segment id=\"s1\"><source>Первое <pc id=\"1\" dataRefStart=\"d1\">жирное</pc>"
              "<ph id=\"2\"/>.</source><target>The first <pc id=\"1\">bold</pc><ph id=\"2\"/>."
              "</target></segment>\n"
              "<ignorable><source> </source><target> </target></ignorable>\n"
              "<segment id=\"s2\" state=\"initial\"><source>Второе<sc id=\"3\"/> <mrk id=\"m\" "
              "translate=\"no\">X</mrk><ec startRef=\"3\"/><sm id=\"4\"/>!<em startRef=\"4\"/>"
              "</source><target>Second<cp hex=\"00A0\"/><mrk id=\"m\" translate=\"no\">X</mrk>!</target>"
              "</segment>\n"
              "<segment id=\"s3\"><source>Третье.</source></segment>\n"
              "<mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\"><mtc:match ref=\"#s3\">"
              "<source>Третье.</source><target>Not this.</target></mtc:match></mtc:matches>\n"
              "</unit>\n"
              "<group id=\"g\" translate=\"no\"><unit id=\"u2\"><segment><source>Нет</source>"
              "<target>No</target></segment></unit></group>\n"
              "<unit id=\"u3\" translate=\"no\"><segment><source>Нет</source><target>No</target>"
              "</segment></unit>\n" +
              kUnit20));
  const Read r = ReadAll(dir / "b.xlf");
  REQUIRE(r.summary.ok());
  CHECK(r.summary->version == "2.0");
  CHECK(Texts(r) == Pairs{{"Первое жирное.", "The first bold."},
                          {"Второе X!", "Second\u00A0X!"},
                          {"Привет.", "Hello."}});
  CHECK(r.summary->units == 4);
  CHECK(r.summary->no_target == 1);
  CHECK(r.summary->not_translatable == 2);
  CHECK(r.units[0].line == 5);
  CHECK(r.units[0].unit_id == "u1");
  CHECK(r.units[1].unfinished);
  CHECK(r.summary->unfinished == 1);
}

TEST_CASE("XLIFF languages say which side is Russian; other languages are counted",
          "[tm][xliff][import]") {
  testing::ScratchDir dir;
  // English source, Russian target (a translation into Russian), any case and region.
  testing::WriteFile(dir / "enru.xlf",
                     Xliff12("<trans-unit id=\"1\"><source>Hello.</source><target>Привет.</target>"
                             "</trans-unit>\n",
                             "", "source-language=\"EN-us\" target-language=\"ru_RU\""));
  CHECK(Texts(ReadAll(dir / "enru.xlf")) == Pairs{{"Привет.", "Hello."}});
  testing::WriteFile(dir / "enru2.xlf",
                     Xliff20("<unit id=\"1\"><segment><source>Hello.</source><target>Привет."
                             "</target></segment></unit>\n",
                             "srcLang=\"en\" trgLang=\"ru\""));
  CHECK(Texts(ReadAll(dir / "enru2.xlf")) == Pairs{{"Привет.", "Hello."}});
  // Two <file>s, one German–French: its units are counted, not read.
  testing::WriteFile(
      dir / "two.xlf",
      "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n"
      "<file original=\"a\" datatype=\"plaintext\" source-language=\"de\" target-language=\"fr\"><body>\n"
      "<trans-unit id=\"1\"><source>Ja</source><target>Oui</target></trans-unit>\n"
      "</body></file>\n"
      "<file original=\"b\" datatype=\"plaintext\" source-language=\"ru\" target-language=\"en\"><body>\n" +
          kUnit12 + "</body></file>\n</xliff>\n");
  const Read two = ReadAll(dir / "two.xlf");
  REQUIRE(two.summary.ok());
  CHECK(Texts(two) == Pairs{{"Привет.", "Hello."}});
  CHECK(two.summary->other_languages == 1);
  CHECK(two.summary->other_languages_line == 2);
  CHECK(two.summary->other_languages_pair == "de → fr");
  // --ru-lang and --en-lang choose other languages.
  CHECK(Texts(ReadAll(dir / "two.xlf", {.ru_lang = "fr", .en_lang = "de"})) == Pairs{{"Oui", "Ja"}});
  // source_side overrides the file's languages, present or not.
  CHECK(Texts(ReadAll(dir / "enru.xlf", {.source_side = "ru"})) == Pairs{{"Hello.", "Привет."}});
}

TEST_CASE("translate-toolkit's XLIFF 1.1: no target language, the PO header is no unit",
          "[tm][xliff][import]") {
  // As po2xliff (translate-toolkit 3.8) writes a PO whose msgids are Russian.
  testing::ScratchDir dir;
  testing::WriteFile(
      dir / "po.xlf",
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.1\" version=\"1.1\">\n"
      "  <file original=\"a.po\" source-language=\"en-US\" datatype=\"plaintext\">\n"
      "    <body>\n"
      "      <trans-unit xml:space=\"preserve\" id=\"2\" approved=\"no\" "
      "restype=\"x-gettext-domain-header\"><source>Content-Type: text/plain; charset=UTF-8\n"
      "</source>\n        <target state=\"translated\">Content-Type: text/plain; charset=UTF-8\n"
      "</target>\n      </trans-unit>\n"
      "      <trans-unit xml:space=\"preserve\" id=\"3\" approved=\"yes\"><source>Привет, мир.</source>\n"
      "        <target state=\"translated\">Hello, world.</target>\n      </trans-unit>\n"
      "      <trans-unit xml:space=\"preserve\" id=\"5\" approved=\"no\"><source>Нечётко &amp; "
      "&lt;b&gt;.</source>\n        <target state=\"needs-translation\">Fuzzy &amp; &lt;b&gt;.</target>\n"
      "      </trans-unit>\n    </body>\n  </file>\n</xliff>\n");
  CHECK(ErrorOf(dir / "po.xlf") ==
        dir / "po.xlf" +
            ":3: <file> has no target-language; say which side its <source> is with "
            "--xliff-source ru or en");
  const Read r = ReadAll(dir / "po.xlf", {.source_side = "ru"});
  REQUIRE(r.summary.ok());
  CHECK(r.summary->version == "1.1");
  CHECK(Texts(r) == Pairs{{"Привет, мир.", "Hello, world."}, {"Нечётко & <b>.", "Fuzzy & <b>."}});
  CHECK(r.summary->units == 2);
  CHECK(r.units[1].unfinished);
}

TEST_CASE("XLIFF versions come from the version attribute and the namespace",
          "[tm][xliff][import]") {
  testing::ScratchDir dir;
  const std::string body =
      "<file original=\"a\" source-language=\"ru\" target-language=\"en\"><body>" + kUnit12 +
      "</body></file></xliff>\n";
  // 1.0 has no namespace; a namespace alone says the version.
  testing::WriteFile(dir / "10.xlf", "<xliff version=\"1.0\">" + body);
  CHECK(ReadAll(dir / "10.xlf").summary->version == "1.0");
  testing::WriteFile(dir / "ns.xlf", "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">" + body);
  CHECK(ReadAll(dir / "ns.xlf").summary->version == "1.2");
  CHECK(ReadAll(dir / "ns.xlf").units.size() == 1);
  // 2.1 keeps the 2.0 namespace; UTF-16 with or without a BOM.
  const std::string v21 =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<xliff version=\"2.1\" "
      "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"ru\" trgLang=\"en\"><file id=\"f\">"
      "<unit id=\"u\"><segment><source>A</source><target>B</target></segment></unit></file></xliff>\n";
  for (const bool be : {false, true}) {
    for (const bool bom : {false, true}) {
      INFO("big-endian " << be << " bom " << bom);
      testing::WriteFile(dir / "u16.xlf", Utf16(v21, be, bom));
      const Read r = ReadAll(dir / "u16.xlf");
      REQUIRE(r.summary.ok());
      CHECK(r.summary->version == "2.1");
      CHECK(Texts(r) == Pairs{{"A", "B"}});
    }
  }
}

TEST_CASE("the format of a file of units is told by its root element, else its name",
          "[tm][xliff][tmx]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "x.tmx", Xliff12(kUnit12));
  testing::WriteFile(dir / "t.xlf", "<?xml version=\"1.0\"?>\n<!-- c -->\n<tmx version=\"1.4\"/>\n");
  testing::WriteFile(dir / "u16.dat", Utf16("<?xml version=\"1.0\" encoding=\"UTF-16\"?><xliff/>", false, true));
  testing::WriteFile(dir / "junk.XLIFF", "not xml");
  testing::WriteFile(dir / "junk.txt", "not xml");
  CHECK(formats::DetectUnitFileFormat(dir / "x.tmx") == formats::UnitFileFormat::kXliff);
  CHECK(formats::DetectUnitFileFormat(dir / "t.xlf") == formats::UnitFileFormat::kTmx);
  CHECK(formats::DetectUnitFileFormat(dir / "u16.dat") == formats::UnitFileFormat::kXliff);
  CHECK(formats::DetectUnitFileFormat(dir / "junk.XLIFF") == formats::UnitFileFormat::kXliff);
  CHECK(formats::DetectUnitFileFormat(dir / "junk.txt") == formats::UnitFileFormat::kTmx);
  CHECK(formats::DetectUnitFileFormat(dir / "missing.xlf") == formats::UnitFileFormat::kXliff);
}

TEST_CASE("hostile and broken XLIFF files fail with the file and the line", "[tm][xliff][errors]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "secret.txt", "secret");
  testing::WriteFile(dir / "evil.dtd", "<!ENTITY xxe \"secret\">\n");
  std::string laughs = "<!DOCTYPE xliff [\n<!ENTITY l0 \"lol\">\n";
  for (int k = 1; k <= 9; ++k) {
    laughs += "<!ENTITY l" + std::to_string(k) + " \"";
    for (int j = 0; j < 10; ++j) laughs += "&l" + std::to_string(k - 1) + ";";
    laughs += "\">\n";
  }
  laughs += "]>\n";
  const std::string full = Xliff12(kUnit12 + kUnit12 + kUnit12);
  const std::string with_entity =
      "<trans-unit id=\"e\"><source>&xxe;</source><target>x</target></trans-unit>\n";
  struct Case {
    std::string name, bytes, message;
  };
  const std::vector<Case> cases = {
      {"latin1.xlf", Xliff12("<trans-unit id=\"1\"><source>caf\xE9</source></trans-unit>\n"),
       ":4: not well-formed XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xE9 0x3C "
       "0x2F 0x73"},
      {"comment.xlf", "<?xml version=\"1.0\"?>\n<!-- only a comment -->\n",
       ":3: not an XLIFF file (no root element)"},
      {"text.xlf", "hello\n", ":1: not well-formed XML: Document is empty"},
      {"tmx.xlf", "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body/></tmx>\n",
       ":2: not an XLIFF file (the root element is <tmx>, not <xliff>)"},
      {"truncated.xlf", full.substr(0, full.rfind("<source>") + 8),
       ":6: not well-formed XML: the file ends before </xliff> (truncated?)"},
      {"external-entity.xlf",
       Xliff12(with_entity, "<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file://" + dir / "secret.txt" + "\">]>\n"),
       ": the DOCTYPE declares entities; refused (an XLIFF needs none, and entities can read local "
       "files or expand without bound)"},
      {"external-dtd.xlf", Xliff12(with_entity, "<!DOCTYPE xliff SYSTEM \"" + dir / "evil.dtd" + "\">\n"),
       ":5: reference to the undeclared entity '&xxe;' (sverka reads no DTD)"},
      {"2mb.xlf",
       Xliff12(kUnit12 + "<trans-unit id=\"big\"><source>" + std::string(2 << 20, 'a') +
               "</source><target>b</target></trans-unit>\n"),
       ":5: unit 'big': a segment of over 1 MiB; refused (a translation unit holds a sentence)"},
      {"2mb-seg.xlf",
       Xliff12("<trans-unit id=\"s\"><source>a</source><seg-source><mrk mtype=\"seg\" mid=\"1\">" +
               std::string(2 << 20, 'a') + "</mrk></seg-source><target>b</target></trans-unit>\n"),
       ":4: unit 's': a segment of over 1 MiB; refused (a translation unit holds a sentence)"},
      {"50mb.xlf",
       Xliff20("<unit id=\"u\"><segment><source>" + std::string(50 << 20, 'a') +
               "</source><target>b</target></segment></unit>\n"),
       ":4: a text of over 10 MB (libxml2's limit); a segment is at most 1 MiB"},
      {"version.xlf", "<xliff version=\"3.0\"/>\n",
       ":1: XLIFF version '3.0' is not read (1.0 to 1.2, 2.0 to 2.2)"},
      {"no-version.xlf", "<xliff/>\n", ":1: <xliff> without a version or namespace; not XLIFF 1.x or 2.x"},
      {"mixed.xlf", "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"/>\n",
       ":1: <xliff version=\"2.0\"> in the namespace of XLIFF 1.x "
       "(urn:oasis:names:tc:xliff:document:1.2)"},
      {"namespace.xlf", "<xliff version=\"1.2\" xmlns=\"http://example.com/x\"/>\n",
       ":1: <xliff> in the namespace 'http://example.com/x', not XLIFF's "
       "(urn:oasis:names:tc:xliff:document:1.2 or :2.0)"},
      {"no-target-language.xlf", Xliff12(kUnit12, "", "source-language=\"ru\""),
       ":3: <file> has no target-language; say which side its <source> is with --xliff-source ru or en"},
      {"no-source-language.xlf", Xliff12(kUnit12, "", "target-language=\"en\""),
       ":3: <file> has no source-language; say which side its <source> is with --xliff-source ru or en"},
      {"no-trglang.xlf", Xliff20(kUnit20, "srcLang=\"ru\""),
       ":2: <xliff> has no trgLang; say which side its <source> is with --xliff-source ru or en"},
      {"cp.xlf",
       Xliff20("<unit id=\"u9\"><segment><source>a<cp hex=\"D800\"/></source><target>b</target>"
               "</segment></unit>\n"),
       ":4: unit 'u9': <cp hex=\"D800\"> is not a Unicode code point"},
      {"cp-text.xlf",
       Xliff20("<unit id=\"u9\"><segment><source>a<cp hex=\"zz\"/></source><target>b</target>"
               "</segment></unit>\n"),
       ":4: unit 'u9': <cp hex=\"zz\"> is not a Unicode code point"},
      {"no-file.xlf",
       "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n" + kUnit12 +
           "</xliff>\n",
       ":2: unit '1': <trans-unit> outside a <file> (no languages for it)"},
      {"long-id.xlf",
       Xliff20("<unit id=\"&#10;" + std::string(60, 'x') + "\"><segment><source>a<cp hex=\"" +
               std::string(60, '9') + "\"/></source><target>b</target></segment></unit>\n"),
       ":4: unit '\n" + std::string(39, 'x') + "…': <cp hex=\"" + std::string(40, '9') +
           "…\"> is not a Unicode code point"},
      {"deep.xlf", Xliff12("<trans-unit id=\"d\"><source>" + [] {
                     std::string s;
                     for (int k = 0; k < 300; ++k) s += "<g id=\"g\">";
                     return s;
                   }() + "</source></trans-unit>\n"),
       ":4: elements nested deeper than 256 levels (libxml2's limit)"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    testing::WriteFile(dir / c.name, c.bytes);
    CHECK(ErrorOf(dir / c.name) == dir / c.name + c.message);
  }
  SECTION("billion laughs is refused at once") {
    testing::WriteFile(dir / "lol.xlf",
                       Xliff12("<trans-unit id=\"l\"><source>&l9;</source><target>x</target>"
                               "</trans-unit>\n",
                               laughs));
    const std::string message = ErrorOf(dir / "lol.xlf");
    CHECK(message.rfind(dir / "lol.xlf", 0) == 0);
    CHECK((message.find("entity expansion refused") != std::string::npos ||
           message.find("the DOCTYPE declares entities") != std::string::npos));
  }
  SECTION("a missing file, a directory, an empty file") {
    CHECK(ErrorOf(dir / "none.xlf", {}, ErrorKind::kNotFound) == dir / "none.xlf" + ": cannot open: No such file or directory");
    CHECK(ErrorOf(dir.path().string()) == dir.path().string() + ": is a directory, not an XLIFF file");
    testing::WriteFile(dir / "empty.xlf", "");
    CHECK(ErrorOf(dir / "empty.xlf") == dir / "empty.xlf" + ": empty file (no XLIFF to read)");
  }
  SECTION("UTF-16 without a byte-order mark or declaration, and UTF-8 declared UTF-16") {
    const std::string unit =
        "<trans-unit id=\"1\"><source>a</source><target>b</target></trans-unit>\n";
    std::string xml = Xliff12(unit);
    // libxml2 goes by the bytes: UTF-16 declared UTF-8 reads.
    testing::WriteFile(dir / "u16-said-u8.xlf", Utf16(xml, false, false));
    CHECK(Texts(ReadAll(dir / "u16-said-u8.xlf")) == Pairs{{"a", "b"}});
    testing::WriteFile(dir / "u16-bare.xlf", Utf16(xml.substr(xml.find('\n') + 1), false, false));
    CHECK(ErrorOf(dir / "u16-bare.xlf") ==
          dir / "u16-bare.xlf" +
              ":1: not well-formed XML: a NUL byte (UTF-16 without a byte-order mark or an XML "
              "declaration?)");
    xml.replace(xml.find("UTF-8"), 5, "UTF-16");
    testing::WriteFile(dir / "u8-said-u16.xlf", xml);
    CHECK(ErrorOf(dir / "u8-said-u16.xlf") ==
          dir / "u8-said-u16.xlf" +
              ":1: not well-formed XML: Document labelled UTF-16 but has UTF-8 content");
  }
  SECTION("an error from the callback stops the reading") {
    testing::WriteFile(dir / "ok.xlf", Xliff12(kUnit12 + kUnit12));
    int calls = 0;
    auto r = formats::ReadXliff(dir / "ok.xlf", {}, [&](const formats::XliffEntry&) {
      ++calls;
      return Status::Internal("stop");
    });
    CHECK(calls == 1);
    CHECK(r.status().message() == "stop");
  }
}
