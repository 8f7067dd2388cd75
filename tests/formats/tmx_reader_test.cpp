#include "formats/tmx_reader.h"

#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace sverka;

namespace {

struct Read {
  Result<formats::TmxReadSummary> summary = Status::Internal("not run");
  std::vector<formats::TmxEntry> units;
};

Read ReadAll(const std::string& path, const formats::TmxReadOptions& options = {}) {
  Read r;
  r.summary = formats::ReadTmx(path, options, [&](const formats::TmxEntry& e) {
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

// A small TMX around `body` (the <tu> elements).
std::string Tmx(const std::string& body, const std::string& prolog = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + prolog +
         "<tmx version=\"1.4\">\n<header srclang=\"ru\"/>\n<body>\n" + body + "</body>\n</tmx>\n";
}

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

std::string ErrorOf(const std::string& path, const formats::TmxReadOptions& options = {},
                    ErrorKind kind = ErrorKind::kInvalidData) {
  const Read r = ReadAll(path, options);
  REQUIRE_FALSE(r.summary.ok());
  CHECK(r.summary.status().kind() == kind);
  return r.summary.status().message();
}

}  // namespace

TEST_CASE("the four LISA TMX Compliance Kit files read with the right units and text",
          "[tm][tmx][import][lisa]") {
  // corpora/tmx/lisa: public domain (License.txt). Their languages are
  // en/fr/ja, so the French or Japanese side is read as the "Russian" one.
  const formats::TmxReadOptions fr{.ru_lang = "fr", .en_lang = "en"};
  {
    const Read r = ReadAll(testing::Corpus("tmx/lisa/ImportTest1A.tmx"), fr);  // UTF-16LE, BOM
    REQUIRE(r.summary.ok());
    CHECK(r.summary->units == 2);
    CHECK(Texts(r) == Pairs{{"Premier segment avec [\t\t   ]", "First segment with [\t\t   ]"},
                            {"Second segment avec [  \t\t]", "Second segment with [  \t\t]"}});
  }
  {
    const Read r =
        ReadAll(testing::Corpus("tmx/lisa/ImportTest1I.tmx"), {.ru_lang = "ja", .en_lang = "en"});
    REQUIRE(r.summary.ok());
    CHECK(Texts(r) ==
          Pairs{{"Japanese segment with [\u3000\u3000]", "English segment with [    ]"}});
  }
  {
    // UTF-8 with BOM, comments, notes, props, three languages: fr and the first en.
    const Read r = ReadAll(testing::Corpus("tmx/lisa/ImportTest1L.tmx"), fr);
    REQUIRE(r.summary.ok());
    CHECK(Texts(r) == Pairs{{"Texte du segment.", "Text of the segment."}});
    CHECK(r.units[0].creation_date == "20020523T091200Z");
    CHECK(r.units[0].props ==
          std::vector<std::pair<std::string, std::string>>{{"myPropeType", "Data"}});
    CHECK(r.units[0].line == 32);
    CHECK(r.summary->languages == std::vector<std::string>{"en-us", "fr", "en-gb"});
  }
  {
    // UTF-16LE, inline codes, codes in any case, the target before the source.
    const Read r = ReadAll(testing::Corpus("tmx/lisa/ImportTest2A.tmx"), fr);
    REQUIRE(r.summary.ok());
    CHECK(r.summary->units == 7);
    CHECK(Texts(r) ==
          Pairs{{"Le gros chat noir dors.", "The big black cat sleeps."},
                {"Test pour caractères spéciaux = <=lt, >=gt, &=amp, \"=quot.",
                 "Test for special characters = <=lt, >=gt, &=amp, \"=quot."},
                {"Format en gigogne = gras+italique+souligné, gras+italique, gras.",
                 "Nested formatting = Bold+Italic+Underlined, Bold+Italic, Bold."},
                {"Première phrase.", "First sentence."},
                {"Seconde phrase.", "Second sentence."},
                {"Image: ", "Picture: "},
                {"Du texte avec une portion délimitée.", "Some text with a part highlighted."}});
    const Read kept = ReadAll(testing::Corpus("tmx/lisa/ImportTest2A.tmx"),
                              {.ru_lang = "fr", .en_lang = "en", .keep_inline = true});
    REQUIRE(kept.units.size() == 7);
    CHECK(kept.units[0].en == "The big <b>black</b> <u>cat</u> sleeps.");
    CHECK(kept.units[3].en == "First <b>sentence.");
    CHECK(kept.units[5].ru == "Image: <img src=\"img.png\"/>");
  }
}

TEST_CASE("language codes match in any case, with a region, by prefix only without one",
          "[tm][tmx]") {
  struct Case {
    const char* code;
    const char* wanted;
    bool match;
  };
  const Case cases[] = {{"ru", "ru", true},        {"RU", "ru", true},     {"ru-RU", "ru", true},
                        {"ru_ru", "ru", true},     {"rus", "ru", false},   {"en-US", "en-us", true},
                        {"en-GB", "en-US", false}, {"en", "en-US", false}, {"", "en", false}};
  for (const Case& c : cases) {
    INFO(c.code << " ~ " << c.wanted);
    CHECK(formats::LanguageMatches(c.code, c.wanted) == c.match);
  }
}

TEST_CASE("TMX 1.1 lang, UTF-16 without a BOM and big-endian read too", "[tm][tmx][import]") {
  testing::ScratchDir dir;
  const std::string body =
      "<tu><tuv lang=\"RU-ru\"><seg>A</seg></tuv><tuv lang=\"EN\"><seg>B</seg></tuv></tu>\n";
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<tmx version=\"1.1\"><header/><body>" + body +
      "</body></tmx>\n";
  for (const bool be : {false, true}) {
    for (const bool bom : {false, true}) {
      INFO("big-endian " << be << " bom " << bom);
      testing::WriteFile(dir / "u16.tmx", Utf16(xml, be, bom));
      const Read r = ReadAll(dir / "u16.tmx");
      REQUIRE(r.summary.ok());
      CHECK(Texts(r) == Pairs{{"A", "B"}});
    }
  }
}

TEST_CASE("units with one language or an empty segment are counted, not read",
          "[tm][tmx][import]") {
  testing::ScratchDir dir;
  testing::WriteFile(
      dir / "one.tmx",
      Tmx("<tu><tuv xml:lang=\"ru\"><seg>Только русский.</seg></tuv></tu>\n"
          "<tu><tuv xml:lang=\"ru\"><seg/></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>\n"
          "<tu/>\n"
          "<tu><tuv xml:lang=\"de\"><seg>Ja</seg></tuv><tuv xml:lang=\"ru\"><seg>Да</seg></tuv>"
          "<tuv xml:lang=\"en-GB\"><seg>Yes</seg></tuv></tu>\n"));
  const Read r = ReadAll(dir / "one.tmx");
  REQUIRE(r.summary.ok());
  CHECK(r.summary->units == 4);
  CHECK(r.summary->one_language == 3);
  CHECK(Texts(r) == Pairs{{"Да", "Yes"}});
  CHECK(r.units[0].line == 8);
}

TEST_CASE("units with two variants of a side take the first and are counted with the first line",
          "[tm][tmx][import]") {
  testing::ScratchDir dir;
  testing::WriteFile(
      dir / "v.tmx",
      Tmx("<tu><tuv xml:lang=\"ru\"><seg>Один.</seg></tuv><tuv xml:lang=\"en\"><seg>One.</seg></tuv></tu>\n"
          "<tu><tuv xml:lang=\"ru\"><seg>Два.</seg></tuv><tuv xml:lang=\"en-GB\"><seg>Colour.</seg></tuv>"
          "<tuv xml:lang=\"en-US\"><seg>Color.</seg></tuv></tu>\n"
          "<tu><tuv xml:lang=\"ru\"><seg>Ещё.</seg></tuv><tuv xml:lang=\"ru-RU\"><seg>Еще.</seg></tuv>"
          "<tuv xml:lang=\"en\"><seg>More.</seg></tuv></tu>\n"
          "<tu><tuv xml:lang=\"ru\"><seg/></tuv><tuv xml:lang=\"ru\"><seg>Пусто.</seg></tuv>"
          "<tuv xml:lang=\"en\"><seg>Empty.</seg></tuv></tu>\n"));
  const Read r = ReadAll(dir / "v.tmx");
  REQUIRE(r.summary.ok());
  CHECK(Texts(r) == Pairs{{"Один.", "One."}, {"Два.", "Colour."}, {"Ещё.", "More."}, {"Пусто.", "Empty."}});
  // An empty <seg> is no variant: the fourth unit has one Russian text.
  CHECK(r.summary->several_variants == 2);
  CHECK(r.summary->several_variants_line == 6);
  CHECK(r.summary->several_variants_languages == "en-GB, en-US");
  // A language with its region chooses that variant, and no warning is due.
  const Read us = ReadAll(dir / "v.tmx", {.en_lang = "en-US"});
  REQUIRE(us.summary.ok());
  CHECK(Texts(us) == Pairs{{"Два.", "Color."}});
  CHECK(us.summary->several_variants == 0);
}

TEST_CASE("hostile and broken TMX files fail with the file and line", "[tm][tmx][import][errors]") {
  testing::ScratchDir dir;
  const std::string unit =
      "<tu><tuv xml:lang=\"ru\"><seg>a</seg></tuv><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n";
  SECTION("a missing file") {
    CHECK(ErrorOf(dir / "none.tmx", {}, ErrorKind::kNotFound) ==
          dir / "none.tmx" + ": cannot open: No such file or directory");
  }
  SECTION("libxml2's two-line messages become one line") {
    testing::WriteFile(dir / "latin1.tmx", Tmx("<tu><tuv xml:lang=\"ru\"><seg>caf\xE9</seg></tuv></tu>\n"));
    CHECK(ErrorOf(dir / "latin1.tmx") ==
          dir / "latin1.tmx" +
              ":5: not well-formed XML: Input is not proper UTF-8, indicate encoding ! Bytes: 0xE9 "
              "0x3C 0x2F 0x73");
  }
  SECTION("a directory, a document without a root element") {
    CHECK(ErrorOf(dir.path().string()) == dir.path().string() + ": is a directory, not a TMX file");
    testing::WriteFile(dir / "comment.tmx", "<?xml version=\"1.0\"?>\n<!-- only a comment -->\n");
    CHECK(ErrorOf(dir / "comment.tmx") == dir / "comment.tmx" + ":3: not a TMX file (no root element)");
  }
  SECTION("not XML, an empty file, not TMX") {
    testing::WriteFile(dir / "text.tmx", "hello\n");
    CHECK(ErrorOf(dir / "text.tmx") ==
          dir / "text.tmx" + ":1: not well-formed XML: Document is empty");
    testing::WriteFile(dir / "empty.tmx", "");
    CHECK(ErrorOf(dir / "empty.tmx") == dir / "empty.tmx" + ": empty file (no TMX to read)");
    testing::WriteFile(dir / "html.tmx", "<?xml version=\"1.0\"?>\n<html><body/></html>\n");
    CHECK(ErrorOf(dir / "html.tmx") ==
          dir / "html.tmx" + ":2: not a TMX file (the root element is <html>, not <tmx>)");
  }
  SECTION("a truncated file names the line where it ends") {
    const std::string full = Tmx(unit + unit + unit);
    testing::WriteFile(dir / "cut.tmx", full.substr(0, full.rfind("<seg>b") + 6));
    CHECK(ErrorOf(dir / "cut.tmx") ==
          dir / "cut.tmx" + ":7: not well-formed XML: the file ends before </tmx> (truncated?)");
  }
  SECTION("entity declarations are refused before use") {
    testing::WriteFile(dir / "secret.txt", "secret");
    testing::WriteFile(dir / "xxe.tmx", Tmx("<tu><tuv xml:lang=\"ru\"><seg>&xxe;</seg></tuv><tuv "
                                            "xml:lang=\"en\"><seg>b</seg></tuv></tu>\n",
                                            "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file://" +
                                                dir / "secret.txt" + "\">]>\n"));
    CHECK(ErrorOf(dir / "xxe.tmx") ==
          dir / "xxe.tmx" +
              ": the DOCTYPE declares entities; refused (a TMX needs none, and entities "
              "can read local files or expand without bound)");
  }
  SECTION("an external DTD is not loaded, so its entities stay undeclared") {
    testing::WriteFile(dir / "evil.dtd", "<!ENTITY xxe \"secret\">\n");
    testing::WriteFile(dir / "dtd.tmx",
                       Tmx("<tu><tuv xml:lang=\"ru\"><seg>a &xxe;</seg></tuv><tuv "
                           "xml:lang=\"en\"><seg>b</seg></tuv></tu>\n",
                           "<!DOCTYPE tmx SYSTEM \"" + dir / "evil.dtd" + "\">\n"));
    CHECK(ErrorOf(dir / "dtd.tmx") ==
          dir / "dtd.tmx" + ":6: reference to the undeclared entity '&xxe;' (sverka reads no DTD)");
    // A DOCTYPE naming tmx14.dtd (as every LISA file does) is fine.
    testing::WriteFile(dir / "plain.tmx",
                       Tmx(unit, "<!DOCTYPE tmx SYSTEM \"http://example.invalid/tmx14.dtd\">\n"));
    CHECK(ReadAll(dir / "plain.tmx").units.size() == 1);
  }
  SECTION("billion laughs is refused at once") {
    std::string decl = "<!DOCTYPE tmx [\n<!ENTITY l0 \"lol\">\n";
    for (int k = 1; k <= 9; ++k) {
      decl += "<!ENTITY l" + std::to_string(k) + " \"";
      for (int j = 0; j < 10; ++j) decl += "&l" + std::to_string(k - 1) + ";";
      decl += "\">\n";
    }
    decl += "]>\n";
    testing::WriteFile(dir / "lol.tmx", Tmx("<tu><tuv xml:lang=\"ru\"><seg>&l9;</seg></tuv><tuv "
                                            "xml:lang=\"en\"><seg>b</seg></tuv></tu>\n",
                                            decl));
    const std::string message = ErrorOf(dir / "lol.tmx");
    CHECK(message.rfind(dir / "lol.tmx:", 0) == 0);
    CHECK((message.find("entity expansion refused") != std::string::npos ||
           message.find("the DOCTYPE declares entities") != std::string::npos));
  }
  SECTION("a segment over 1 MiB, and one over libxml2's 10 MB text limit") {
    testing::WriteFile(dir / "2mb.tmx",
                       Tmx(unit + "<tu><tuv xml:lang=\"ru\"><seg>" + std::string(2 << 20, 'a') +
                           "</seg></tuv><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n"));
    CHECK(ErrorOf(dir / "2mb.tmx") ==
          dir / "2mb.tmx" +
              ":6: a segment of over 1 MiB; refused (a translation unit holds a sentence)");
    testing::WriteFile(dir / "50mb.tmx",
                       Tmx("<tu><tuv xml:lang=\"ru\"><seg>" + std::string(50 << 20, 'a') +
                           "</seg></tuv><tuv xml:lang=\"en\"><seg>b</seg></tuv></tu>\n"));
    CHECK(ErrorOf(dir / "50mb.tmx") ==
          dir / "50mb.tmx" +
              ":5: a text of over 10 MB (libxml2's limit); a segment is at most 1 MiB");
  }
  SECTION("an error from the callback stops the reading") {
    testing::WriteFile(dir / "ok.tmx", Tmx(unit + unit));
    int calls = 0;
    auto r = formats::ReadTmx(dir / "ok.tmx", {}, [&](const formats::TmxEntry&) {
      ++calls;
      return Status::Internal("stop");
    });
    CHECK(calls == 1);
    CHECK(r.status().message() == "stop");
  }
}

TEST_CASE("TMX dates convert to ISO 8601 and back", "[tm][tmx]") {
  CHECK(formats::IsoFromTmxDate("20020523T091200Z") == "2002-05-23T09:12:00Z");
  CHECK(formats::IsoFromTmxDate("2002-05-23") == "");
  CHECK(formats::IsoFromTmxDate("20020523X091200Z") == "");
  CHECK(formats::IsoFromTmxDate("2002052aT091200Z") == "");
}
