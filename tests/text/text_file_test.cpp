#include "text/text_file.h"

#include <catch2/catch.hpp>

#include "fixtures.h"

using sverka::StatusCode;
using sverka::text::CheckText;
using sverka::text::ReadTextFile;

TEST_CASE("CheckText keeps valid UTF-8 as it is and drops a BOM", "[text]") {
  auto plain = CheckText("a.txt", "Привет.\r\nМир.");
  REQUIRE(plain.ok());
  CHECK(plain->bytes == "Привет.\r\nМир.");
  CHECK(plain->base_offset == 0);

  auto bom = CheckText("a.txt", "\xEF\xBB\xBFText");
  REQUIRE(bom.ok());
  CHECK(bom->bytes == "Text");
  CHECK(bom->base_offset == 3);
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
       "a.txt:2:7: invalid UTF-8 (byte 0xE2); is the file in another encoding, such as "
       "Windows-1251 or KOI8-R?"},
      {"\xEF\xBB\xBF\xC3", "a.txt:1:4: invalid UTF-8 (byte 0xC3); is the file in another "
                           "encoding, such as Windows-1251 or KOI8-R?"},
      {std::string("ab\0cd", 5), "a.txt:1:3: NUL byte in text (a binary file?)"},
      {"\xFF\xFEH\0i\0", "a.txt: UTF-16 text is not supported yet; convert it to UTF-8 (iconv "
                         "-f UTF-16 -t UTF-8)"},
      {std::string("\xFF\xFE\0\0", 4), "a.txt: UTF-32 text is not supported; convert it to UTF-8"},
  };
  for (const Case& c : cases) {
    auto result = CheckText("a.txt", c.bytes);
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == StatusCode::kBadInput);
    CHECK(result.status().message() == c.message);
  }
}

TEST_CASE("ReadTextFile names a missing file and a directory", "[text][errors]") {
  sverka::testing::ScratchDir dir;
  auto missing = ReadTextFile(dir / "nope.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == dir / "nope.txt" + ": cannot open: No such file or directory");
  CHECK(missing.status().code() == StatusCode::kBadInput);

  auto directory = ReadTextFile(dir.path().string());
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.status().message() == dir.path().string() + ": is a directory, not a text file");
}

TEST_CASE("ReadTextFile reads a real article", "[text]") {
  auto file = ReadTextFile(sverka::testing::Corpus("ntrex/bbc.381694.ru.txt"));
  REQUIRE(file.ok());
  CHECK(file->bytes.find("\n\n") != std::string::npos);
}
