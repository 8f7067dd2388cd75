#include "text/offset_map.h"

#include <catch2/catch.hpp>
#include <string>

using namespace sverka::text;

TEST_CASE("offset map: UTF-8 shifts by the base, one-byte and UTF-16 count code points", "[text]") {
  const std::string text = "Aб€😀z";  // 1 + 2 + 3 + 4 + 1 bytes
  CHECK(OffsetMap(3, SourceWidth::kUtf8).ToSource(text, 6) == 9);
  OffsetMap one(0, SourceWidth::kOneByte);
  CHECK(one.ToSource(text, 3) == 2);
  OffsetMap utf16(2, SourceWidth::kUtf16);
  CHECK(utf16.ToSource(text, 10) == 2 + 2 + 2 + 2 + 4);
}

TEST_CASE("offset map checkpoints: exact ones restart counting, inexact ones pin", "[text]") {
  const std::string text = "abcdefgh";
  OffsetMap map(0, SourceWidth::kUtf8);
  map.Add(2, 10, false);
  map.Add(4, 20, true);
  CHECK(map.ToSource(text, 1) == 1);
  CHECK(map.ToSource(text, 3) == 10);
  CHECK(map.ToSource(text, 6) == 22);
}

TEST_CASE("Densify keeps every answer and adds checkpoints", "[text]") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "жz";
  OffsetMap sparse(5, SourceWidth::kOneByte);
  OffsetMap dense = sparse;
  dense.Densify(text, 16);
  CHECK(dense.checkpoints() > 5);
  for (size_t i = 0; i <= text.size(); i += 3) {
    if ((static_cast<unsigned char>(text[i < text.size() ? i : 0]) & 0xC0) == 0x80) continue;
    CHECK(dense.ToSource(text, i) == sparse.ToSource(text, i));
  }
}
