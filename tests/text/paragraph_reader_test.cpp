#include "text/paragraph_reader.h"

#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace sverka;
using text::ParagraphReader;

namespace {
// All chunks of `path`, checking that each starts where the previous ended.
std::vector<std::string> Chunks(const std::string& path) {
  auto reader = ParagraphReader::Open(path);
  REQUIRE(reader.ok());
  REQUIRE((*reader)->streamable());
  std::vector<std::string> out;
  size_t expected = std::string_view((*reader)->head()).substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  for (;;) {
    size_t offset = 0;
    auto chunk = (*reader)->Next(&offset);
    REQUIRE(chunk.ok());
    if (chunk->empty()) break;
    CHECK(offset == expected);
    expected += chunk->size();
    out.emplace_back(*chunk);
  }
  return out;
}
}  // namespace

TEST_CASE("paragraph reader returns whole paragraphs, cut only after blank lines", "[text]") {
  testing::ScratchDir dir;
  // Paragraphs of ~100 KB so that blocks of 1 MiB end inside one.
  std::string text = "\xEF\xBB\xBF";
  for (int p = 0; p < 60; ++p) {
    for (int s = 0; s < 1000; ++s) text += "Предложение номер " + std::to_string(s) + ". ";
    text += "\n\n";
  }
  testing::WriteFile(dir / "big.txt", text);
  const std::vector<std::string> chunks = Chunks(dir / "big.txt");
  CHECK(chunks.size() >= 2);
  std::string joined;
  for (const std::string& c : chunks) {
    CHECK(c.substr(c.size() - 2) == "\n\n");
    joined += c;
  }
  CHECK("\xEF\xBB\xBF" + joined == text);
}

TEST_CASE("paragraph reader cuts CR-only and CRLF files after blank lines too", "[text]") {
  for (const std::string eol : {"\r", "\r\n"}) {
    testing::ScratchDir dir;
    std::string text;
    for (int p = 0; p < 60; ++p) {
      for (int s = 0; s < 1000; ++s) text += "Предложение номер " + std::to_string(s) + "." + eol;
      text += eol;
    }
    testing::WriteFile(dir / "big.txt", text);
    const std::vector<std::string> chunks = Chunks(dir / "big.txt");
    INFO("line end " << (eol == "\r" ? "CR" : "CRLF"));
    CHECK(chunks.size() >= 2);
    std::string joined;
    for (const std::string& c : chunks) {
      CHECK(c.substr(c.size() - 2 * eol.size()) == eol + eol);
      joined += c;
    }
    CHECK(joined == text);
  }
}

TEST_CASE("paragraph reader: other encodings are not streamed; TakeAll gives every byte",
          "[text]") {
  testing::ScratchDir dir;
  testing::WriteFile(dir / "w.txt", "\xCF\xF0\xE8\xE2\xE5\xF2.\n");
  auto reader = ParagraphReader::Open(dir / "w.txt");
  REQUIRE(reader.ok());
  CHECK_FALSE((*reader)->streamable());
  auto all = (*reader)->TakeAll();
  REQUIRE(all.ok());
  CHECK(*all == "\xCF\xF0\xE8\xE2\xE5\xF2.\n");
}

TEST_CASE("paragraph reader: invalid UTF-8 after the first block names line and offset",
          "[text][errors]") {
  testing::ScratchDir dir;
  std::string text;
  while (text.size() < ParagraphReader::kBlockBytes + 10) text += "Строка текста.\n\n";
  const size_t bad = text.size() + 2;
  text += "ab\xC3(\n";
  testing::WriteFile(dir / "a.txt", text);
  auto reader = ParagraphReader::Open(dir / "a.txt");
  REQUIRE(reader.ok());
  REQUIRE((*reader)->streamable());
  Status error;
  for (;;) {
    size_t offset = 0;
    auto chunk = (*reader)->Next(&offset);
    if (!chunk.ok()) {
      error = chunk.status();
      break;
    }
    REQUIRE_FALSE(chunk->empty());
  }
  const size_t line = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  CHECK(error.message() == dir / "a.txt" + ":" + std::to_string(line) +
                               ":3: invalid UTF-8 (byte 0xC3 at byte offset " +
                               std::to_string(bad) +
                               "); name the encoding with --encoding, or use --replace-invalid");
}

TEST_CASE("paragraph reader: a NUL byte after the first block is a binary-file error",
          "[text][errors]") {
  testing::ScratchDir dir;
  std::string text;
  while (text.size() < ParagraphReader::kBlockBytes + 10) text += "Line of text.\n\n";
  const size_t nul = text.size();
  text += std::string("x\0y\n", 4);
  testing::WriteFile(dir / "a.txt", text);
  auto reader = ParagraphReader::Open(dir / "a.txt");
  REQUIRE(reader.ok());
  Status error;
  for (;;) {
    size_t offset = 0;
    auto chunk = (*reader)->Next(&offset);
    if (!chunk.ok()) {
      error = chunk.status();
      break;
    }
    REQUIRE_FALSE(chunk->empty());
  }
  const size_t line = static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
  CHECK(error.message() == dir / "a.txt" + ":" + std::to_string(line) +
                               ":2: NUL byte in text at byte offset " + std::to_string(nul + 1) +
                               " (a binary file?)");
}
