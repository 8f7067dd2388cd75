#include "text/zip_archive.h"

#include <catch2/catch.hpp>

#include "zip_fixtures.h"

using namespace sverka;
using namespace sverka::text;
using sverka::testing::MakeZip;

TEST_CASE("Zip entries are read back, and missing ones named", "[text][zip]") {
  const std::string bytes = MakeZip({{"a.txt", "alpha"}, {"dir/b.xml", std::string(5000, 'b')}});
  auto zip = ZipArchive::Open("x.zip", bytes);
  REQUIRE(zip.ok());
  CHECK((*zip)->names() == std::vector<std::string>{"a.txt", "dir/b.xml"});
  CHECK((*zip)->Read("a.txt").value() == "alpha");
  CHECK((*zip)->Read("dir/b.xml").value() == std::string(5000, 'b'));
  auto missing = (*zip)->Read("c.txt");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "x.zip: zip entry 'c.txt' is missing");
}

TEST_CASE("Zip limits: entries, entry size, total read, ratio", "[text][zip][hostile]") {
  const std::string bytes = MakeZip({{"a", std::string(3000, 'a')}, {"b", std::string(3000, 'b')}, {"c", "c"}});
  SECTION("too many entries") {
    auto zip = ZipArchive::Open("x.zip", bytes, {.max_entries = 2});
    REQUIRE_FALSE(zip.ok());
    CHECK(zip.status().message() == "x.zip: zip archive with 3 entries (limit 2)");
  }
  SECTION("an entry over the size limit") {
    auto zip = ZipArchive::Open("x.zip", bytes, {.max_entry_bytes = 2000});
    REQUIRE(zip.ok());
    CHECK((*zip)->Read("c").ok());
    auto a = (*zip)->Read("a");
    REQUIRE_FALSE(a.ok());
    CHECK(a.status().message() == "x.zip: zip entry 'a' is 0 MiB uncompressed (limit 0 MiB)");
  }
  SECTION("the total read from one archive") {
    auto zip = ZipArchive::Open("x.zip", bytes, {.max_total_bytes = 5000});
    REQUIRE(zip.ok());
    CHECK((*zip)->Read("a").ok());
    auto b = (*zip)->Read("b");
    REQUIRE_FALSE(b.ok());
    CHECK(b.status().message() == "x.zip: zip entry 'b' holds more than its declared or allowed size; refused");
  }
  SECTION("compression ratio") {
    auto zip = ZipArchive::Open("x.zip", bytes, {.max_ratio = 10, .min_ratio_bytes = 1000});
    REQUIRE(zip.ok());
    auto a = (*zip)->Read("a");
    REQUIRE_FALSE(a.ok());
    CHECK_THAT(a.status().message(), Catch::StartsWith("x.zip: zip entry 'a' expands ") &&
                                         Catch::EndsWith(":1 (limit 10:1); a zip bomb?"));
  }
}

TEST_CASE("Entry names that leave the archive", "[text][zip][hostile]") {
  for (const char* bad : {"../x", "a/../../x", "a/b/../c", "/etc/passwd", "..", "C:/x", "a\\..\\x", ""}) {
    INFO(bad);
    CHECK_FALSE(IsSafeEntryName(bad));
  }
  for (const char* good : {"word/document.xml", "..x", "x..", "OEBPS/ch 1.xhtml"}) {
    INFO(good);
    CHECK(IsSafeEntryName(good));
  }
}

TEST_CASE("Not a zip, or a damaged one", "[text][zip][hostile]") {
  auto z = ZipArchive::Open("x.zip", "just text");
  REQUIRE_FALSE(z.ok());
  CHECK(z.status().message() == "x.zip: not a zip archive (truncated?)");
  const std::string bytes = MakeZip({{"a.txt", std::string(10000, 'z')}});
  auto cut = ZipArchive::Open("x.zip", bytes.substr(0, bytes.size() - 30));
  REQUIRE_FALSE(cut.ok());
  CHECK_THAT(cut.status().message(), Catch::StartsWith("x.zip: "));
}
