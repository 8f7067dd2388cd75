#include "text/encoding.h"

#include <catch2/catch.hpp>

using sverka::ErrorKind;
using namespace sverka::text;

namespace {
const std::string kRussian =
    "Съешь же ещё этих мягких французских булок, да выпей чаю. "
    "Широкая электрификация южных губерний даст мощный толчок.";

// Windows-1251 and KOI8-R of kRussian (one byte per letter), via ICU itself
// would prove nothing; these tables are the standard code charts.
std::string Encode(const std::string& utf8, const char* const table[2]) {
  // table[0]: the 66 Cyrillic letters in "АБВ…Яабв…яЁё" order; table[1]: their bytes.
  std::string out;
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += utf8[i++];
      continue;
    }
    const std::string letter = utf8.substr(i, 2);
    const size_t pos = std::string(table[0]).find(letter);
    REQUIRE(pos != std::string::npos);
    out += table[1][pos / 2];
    i += 2;
  }
  return out;
}

const char kLetters[] = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюяЁё";
const std::string kCp1251 = [] {
  std::string b;
  for (int i = 0; i < 64; ++i) b += static_cast<char>(0xC0 + i);
  return b + "\xA8\xB8";
}();
const std::string kKoi8 =
    "\xE1\xE2\xF7\xE7\xE4\xE5\xF6\xFA\xE9\xEA\xEB\xEC\xED\xEE\xEF\xF0\xF2\xF3\xF4\xF5\xE6\xE8\xE3"
    "\xFE\xFB\xFD\xFF\xF9\xF8\xFC\xE0\xF1\xC1\xC2\xD7\xC7\xC4\xC5\xD6\xDA\xC9\xCA\xCB\xCC\xCD\xCE"
    "\xCF\xD0\xD2\xD3\xD4\xD5\xC6\xC8\xC3\xDE\xDB\xDD\xDF\xD9\xD8\xDC\xC0\xD1\xB3\xA3";
}  // namespace

TEST_CASE("UTF-8 with and without BOM, UTF-16 LE and BE with BOM decode to the same text",
          "[text]") {
  const std::string text = "Да. Yes.";
  // UTF-16LE/BE of "Да. Yes." by hand.
  std::string le = "\xFF\xFE", be = "\xFE\xFF";
  for (char16_t u : std::u16string(u"Да. Yes.")) {
    le += static_cast<char>(u & 0xFF), le += static_cast<char>(u >> 8);
    be += static_cast<char>(u >> 8), be += static_cast<char>(u & 0xFF);
  }
  struct Case {
    std::string bytes, encoding;
    size_t source_of_yes;  // where "Yes" starts in the file
  };
  const Case cases[] = {{text, "UTF-8", 6},
                        {"\xEF\xBB\xBF" + text, "UTF-8", 9},
                        {le, "UTF-16LE", 2 + 2 * 4},
                        {be, "UTF-16BE", 2 + 2 * 4}};
  for (const Case& c : cases) {
    auto d = DecodeText("a.txt", c.bytes, {});
    INFO(c.encoding);
    REQUIRE(d.ok());
    CHECK(d->utf8 == text);
    CHECK(d->encoding == c.encoding);
    CHECK(d->map.ToSource(d->utf8, d->utf8.find("Yes")) == c.source_of_yes);
  }
}

TEST_CASE("Windows-1251 and KOI8-R are recognised, or named with --encoding", "[text]") {
  const char* cp1251[2] = {kLetters, kCp1251.c_str()};
  const char* koi8[2] = {kLetters, kKoi8.c_str()};
  const std::string w = Encode(kRussian, cp1251), k = Encode(kRussian, koi8);
  auto dw = DecodeText("a.txt", w, {});
  REQUIRE(dw.ok());
  CHECK(dw->encoding == "windows-1251");
  CHECK(dw->utf8 == kRussian);
  // One byte per letter in the file: "да" starts at its code point index.
  const size_t da = dw->utf8.find("да выпей");
  CHECK(dw->map.ToSource(dw->utf8, da) == w.find(Encode("да выпей", cp1251)));
  auto dk = DecodeText("a.txt", k, {});
  REQUIRE(dk.ok());
  CHECK(dk->encoding == "KOI8-R");
  CHECK(dk->utf8 == kRussian);
  auto named = DecodeText("a.txt", Encode("Ёж.", cp1251), {.encoding = "cp1251"});
  REQUIRE(named.ok());
  CHECK(named->utf8 == "Ёж.");
}

TEST_CASE("text is brought to NFC; offsets inside a rewritten stretch point at its start",
          "[text]") {
  const std::string decomposed = "Ёлка. Е\xCC\x88лка. Ok.";  // E + combining diaeresis
  auto d = DecodeText("a.txt", decomposed, {});
  REQUIRE(d.ok());
  CHECK(d->utf8 == "Ёлка. Ёлка. Ok.");
  CHECK(d->map.ToSource(d->utf8, d->utf8.find("Ok")) == decomposed.find("Ok"));
  CHECK(d->map.ToSource(d->utf8, 0) == 0);
}

TEST_CASE("--replace-invalid turns bad bytes into U+FFFD and keeps offsets", "[text]") {
  auto d = DecodeText("a.txt", "Да\xC3 нет. Ok.", {.replace_invalid = true});
  REQUIRE(d.ok());
  CHECK(d->utf8 == "Да\xEF\xBF\xBD нет. Ok.");
  CHECK(d->map.ToSource(d->utf8, d->utf8.find("Ok")) == std::string("Да\xC3 нет. Ok.").find("Ok"));
}

TEST_CASE("NFC after --replace-invalid keeps the offsets after a U+FFFD inside the file", "[text]") {
  // Found by tests/fuzz/text_reader_fuzz: NFC's map dropped the U+FFFD's
  // checkpoints, so offsets after it ran past the end of the file.
  const std::string bytes = "e\xCC\x81 \x91 b";
  auto d = DecodeText("a.txt", bytes, {.replace_invalid = true});
  REQUIRE(d.ok());
  CHECK(d->utf8 == "\xC3\xA9 \xEF\xBF\xBD b");
  CHECK(d->map.ToSource(d->utf8, d->utf8.find('b')) == bytes.find('b'));
  CHECK(d->map.ToSource(d->utf8, d->utf8.size()) == bytes.size());
}

TEST_CASE("an unknown or unsupported --encoding is a usage error", "[text][errors]") {
  auto unknown = DecodeText("a.txt", "x", {.encoding = "klingon"});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().kind() == ErrorKind::kUsage);
  CHECK(unknown.status().message() == "unknown encoding 'klingon'");
  auto multi = DecodeText("a.txt", "x", {.encoding = "Shift_JIS"});
  REQUIRE_FALSE(multi.ok());
  CHECK(multi.status().message() ==
        "encoding 'Shift_JIS' is not supported: use UTF-8, UTF-16 or a single-byte encoding");
}
