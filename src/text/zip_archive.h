// Reading entries of a zip archive held in memory (DOCX, ODT and EPUB are
// zip packages), through libzip. The archive is untrusted: its entry count,
// the size of what is read and its compression ratio are bounded, and an
// archive naming a path outside itself is refused whole.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sverka::text {

struct ZipLimits {
  size_t max_entries = 10000;
  // One entry's uncompressed size (as read, not only as declared).
  size_t max_entry_bytes = size_t{128} << 20;
  // Every entry read from one archive together.
  size_t max_total_bytes = size_t{512} << 20;
  // Uncompressed / compressed, for entries above min_ratio_bytes: XML
  // compresses 5-30:1; a zip bomb reaches 1000:1.
  size_t max_ratio = 200;
  size_t min_ratio_bytes = size_t{1} << 20;
};

class ZipArchive {
 public:
  // Opens `bytes` (which must outlive the archive) as a zip archive. Fails
  // with kBadInput ("NAME: ...") when it is not one, is truncated or
  // inconsistent, has more than max_entries entries, an encrypted entry, or
  // an entry name that is absolute or climbs out with "..".
  static Result<std::unique_ptr<ZipArchive>> Open(std::string name, std::string_view bytes,
                                                  const ZipLimits& limits = {});
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  // Entry names in archive order.
  const std::vector<std::string>& names() const { return names_; }
  bool Has(std::string_view entry) const;

  // The bytes of `entry`. Fails with kBadInput when it is missing, larger
  // than the limits, compressed beyond max_ratio, or damaged (CRC).
  Result<std::string> Read(std::string_view entry);

 private:
  ZipArchive() = default;
  std::string name_;
  ZipLimits limits_;
  struct Handle;
  std::unique_ptr<Handle> handle_;
  std::vector<std::string> names_;
  size_t total_read_ = 0;
};

// Whether `name` stays inside an archive: relative, no ".." component, no
// drive letter or backslash tricks.
bool IsSafeEntryName(std::string_view name);

}  // namespace sverka::text
