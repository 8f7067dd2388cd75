// Reading a user's text file into memory, checked. The only place a text file
// is opened; everything after works on the returned bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sverka::text {

// Files above this size are refused rather than read: a translation pair is
// a document, not a corpus dump, and the aligner keeps every sentence in memory.
inline constexpr size_t kMaxTextFileBytes = size_t{1} << 30;  // 1 GiB

struct TextFile {
  std::string name;   // as given by the user ("-" for standard input)
  std::string bytes;  // UTF-8, byte-order mark removed, otherwise as in the file
  size_t base_offset = 0;  // bytes dropped before `bytes` (3 for a UTF-8 BOM)
};

// Reads `path` ("-" means standard input) and checks it is usable text.
// Fails with kBadInput and a one-line message that starts with the file name
// when the file is missing, unreadable, a directory, larger than
// kMaxTextFileBytes, empty (or white space only), UTF-16/UTF-32, not valid
// UTF-8, or contains a NUL byte; the message gives line and column.
Result<TextFile> ReadTextFile(const std::string& path);

// Same checks on bytes already in memory; `name` is used in messages.
Result<TextFile> CheckText(std::string name, std::string bytes);

}  // namespace sverka::text
