// Shared by the fuzz targets (doc/fuzzing.md): an invariant check that stops
// the run so libFuzzer keeps the input, text as the reader hands it on, and a
// scratch file for readers that take a path. Not part of any module.
#pragma once

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/utf8.h"
#include "text/encoding.h"

namespace sverka::fuzz {

// Aborts (a crash libFuzzer records) when `condition` is false.
#define FUZZ_CHECK(condition) \
  ::sverka::fuzz::Check((condition), #condition, __FILE__, __LINE__)

inline void Check(bool condition, const char* what, const char* file, int line) {
  if (condition) return;
  std::fprintf(stderr, "%s:%d: invariant violated: %s\n", file, line, what);
  std::abort();
}

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// `bytes` as text::DecodeText would pass it on: ill-formed UTF-8 replaced by
// U+FFFD (--replace-invalid), the control bytes it refuses as spaces, in NFC.
inline std::string ReaderText(std::string_view bytes) {
  std::string out;
  while (!bytes.empty()) {
    const std::optional<size_t> bad = FindInvalidUtf8(bytes);
    out.append(bytes.substr(0, bad.value_or(bytes.size())));
    if (!bad) break;
    out.append("\xEF\xBF\xBD");
    bytes.remove_prefix(*bad + 1);
  }
  for (char& ch : out) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1B) {
      ch = ' ';
    }
  }
  return text::ToNfc(out);
}

// One file per process, rewritten for every input: for readers whose API
// takes a path (ReadTmx, ParagraphReader). Unlinked as soon as it is made and
// reached as /proc/self/fd/N, so nothing is left behind however the process
// ends (libFuzzer leaves by _Exit, without destructors); in /dev/shm when
// there is one, so no input touches the disk.
class ScratchFile {
 public:
  ScratchFile() {
    std::string name = std::string(access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") +
                       "/sverka-fuzz-XXXXXX";
    fd_ = mkstemp(name.data());
    if (fd_ < 0) {
      std::perror("sverka fuzz: mkstemp");
      std::abort();
    }
    unlink(name.c_str());
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;

  // Replaces the file's content by `bytes` and returns its path.
  const std::string& Write(std::string_view bytes) {
    if (ftruncate(fd_, 0) != 0 ||
        pwrite(fd_, bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) {
      std::perror("sverka fuzz: writing the scratch file");
      std::abort();
    }
    return path_;
  }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace sverka::fuzz
