#include "fixtures.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sverka::testing {

std::string Corpus(const std::string& relative) {
  const char* dir = std::getenv("SVERKA_CORPORA");
  REQUIRE(dir != nullptr);
  return std::string(dir) + "/" + relative;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  INFO("reading " << path);
  REQUIRE(in.good());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  REQUIRE(out.good());
}

ScratchDir::ScratchDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "sverka-test-XXXXXX").string();
  REQUIRE(mkdtemp(templ.data()) != nullptr);
  path_ = templ;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

}  // namespace sverka::testing
