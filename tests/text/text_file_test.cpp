#include "text/text_file.h"

#include <catch2/catch.hpp>

#include "fixtures.h"

using sverka::ErrorKind;
using sverka::text::CheckText;
using sverka::text::ReadTextFile;

TEST_CASE("CheckText keeps valid UTF-8 as it is and drops a BOM", "[text]") {
  auto plain = CheckText("a.txt", "Привет.\r\nМир.");
  REQUIRE(plain.ok());
  CHECK(plain->bytes == "Привет.\r\nМир.");
  CHECK(plain->Source(4) == 4);

  auto bom = CheckText("a.txt", "\xEF\xBB\xBFText");
  REQUIRE(bom.ok());
  CHECK(bom->bytes == "Text");
  CHECK(bom->Source(0) == 3);
}

TEST_CASE("CheckText rejects unusable text with one line naming file and place", "[text][errors]") {
  struct Case {
    std::string bytes;
    std::string message;
  };
  const Case cases[] = {
      {"", "a.txt: empty file (no text to read)"},
      {" \n\t\r\n", "a.txt: empty file (no text to read)"},
      {"Line one\nПри\xE2\xE5\xF2",
       "a.txt:2:7: invalid UTF-8 (byte 0xE2 at byte offset 15); name the encoding with "
       "--encoding, or use --replace-invalid"},
      {"\xEF\xBB\xBF\xC3", "a.txt:1:4: invalid UTF-8 (byte 0xC3 at byte offset 3); name the "
                           "encoding with --encoding, or use --replace-invalid"},
      {std::string("ab\0cd", 5), "a.txt:1:3: NUL byte in text at byte offset 2 (a binary file?)"},
      {"ab\x01" "cd", "a.txt:1:3: control byte 0x01 at byte offset 2 (a binary file?)"},
      {"\xFF\xFEH", "a.txt: not valid UTF-16LE text (the text ends inside a character)"},
      {"\x80\x81\x82\x83 \x84",
       "a.txt: cannot recognise the encoding (not UTF-8, UTF-16, Windows-1251 or KOI8-R); name it "
       "with --encoding"},
      {std::string("\xFF\xFE\0\0", 4), "a.txt: UTF-32 text is not supported; convert it to UTF-8"},
  };
  for (const Case& c : cases) {
    auto result = CheckText("a.txt", c.bytes);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().kind() == ErrorKind::kInvalidData);
    CHECK(result.status().message() == c.message);
  }
}

TEST_CASE("ReadTextFile names a missing file and a directory", "[text][errors]") {
  sverka::testing::ScratchDir dir;
  auto missing = ReadTextFile(dir / "nope.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == dir / "nope.txt" + ": cannot open: No such file or directory");
  CHECK(missing.status().kind() == ErrorKind::kNotFound);

  auto directory = ReadTextFile(dir.path().string());
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().message() == dir.path().string() + ": is a directory, not a text file");
}

TEST_CASE("ReadTextFile reads a real article", "[text]") {
  auto file = ReadTextFile(sverka::testing::Corpus("ntrex/bbc.381694.ru.txt"));
  REQUIRE(file.ok());
  CHECK(file->bytes.find("\n\n") != std::string::npos);
}
