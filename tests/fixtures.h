// Finding fixtures and making scratch space in tests.
#pragma once

#include <filesystem>
#include <string>

namespace sverka::testing {

// Path of a file under corpora/ (meson passes the directory in SVERKA_CORPORA).
std::string Corpus(const std::string& relative);

// Reads a whole file; fails the test when it cannot.
std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, const std::string& bytes);

// A fresh empty directory, removed when the object goes away.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace sverka::testing
