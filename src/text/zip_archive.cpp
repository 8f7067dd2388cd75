#include "text/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace sverka::text {

struct ZipArchive::Handle {
  zip_t* zip = nullptr;
  ~Handle() {
    if (zip != nullptr) zip_discard(zip);
  }
};

namespace {

std::string ZipMessage(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

std::string MiB(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

}  // namespace

bool IsSafeEntryName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.front() == '\\') return false;
  if (name.find('\\') != std::string_view::npos) return false;
  if (name.size() >= 2 && name[1] == ':') return false;  // C:...
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  return true;
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string name, std::string_view bytes,
                                                     const ZipLimits& limits) {
  std::unique_ptr<ZipArchive> archive(new ZipArchive());
  archive->name_ = std::move(name);
  archive->limits_ = limits;
  archive->handle_ = std::make_unique<Handle>();
  const std::string& n = archive->name_;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    std::string m = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Status::InvalidData(n + ": cannot read the zip archive: " + m);
  }
  // CHECKCONS: a truncated or patched archive fails here, not half-read.
  archive->handle_->zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (archive->handle_->zip == nullptr) {
    const int code = zip_error_code_zip(&error);
    zip_source_free(source);
    zip_error_fini(&error);
    std::string why = code == ZIP_ER_NOZIP ? "not a zip archive (truncated?)"
                      : code == ZIP_ER_INCONS ? "damaged zip archive (truncated or inconsistent)"
                                              : "cannot read the zip archive: " + ZipMessage(code);
    return Status::InvalidData(n + ": " + why);
  }
  zip_error_fini(&error);
  zip_t* zip = archive->handle_->zip;
  const zip_int64_t count = zip_get_num_entries(zip, 0);
  if (count < 0 || static_cast<size_t>(count) > limits.max_entries) {
    return Status::InvalidData(n + ": zip archive with " + std::to_string(count) + " entries (limit " +
                            std::to_string(limits.max_entries) + ")");
  }
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0 ||
        (st.valid & ZIP_STAT_NAME) == 0) {
      return Status::InvalidData(n + ": damaged zip archive (entry " + std::to_string(i) + ")");
    }
    std::string entry = st.name;
    if (!IsSafeEntryName(entry)) {
      return Status::InvalidData(n + ": zip entry '" + entry.substr(0, 80) +
                              "' names a path outside the archive; refused");
    }
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
      return Status::InvalidData(n + ": zip entry '" + entry.substr(0, 80) +
                              "' is encrypted (password-protected document); save it without a password");
    }
    archive->names_.push_back(std::move(entry));
  }
  return archive;
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::Has(std::string_view entry) const {
  return std::find(names_.begin(), names_.end(), entry) != names_.end();
}

Result<std::string> ZipArchive::Read(std::string_view entry) {
  const std::string e(entry);
  const std::string where = name_ + ": zip entry '" + e.substr(0, 80) + "'";
  zip_t* zip = handle_->zip;
  const zip_int64_t index = zip_name_locate(zip, e.c_str(), 0);
  if (index < 0) return Status::InvalidData(where + " is missing");
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
    return Status::InvalidData(where + ": damaged");
  }
  const size_t declared = (st.valid & ZIP_STAT_SIZE) ? static_cast<size_t>(st.size) : 0;
  const size_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? static_cast<size_t>(st.comp_size) : 0;
  if (declared > limits_.max_entry_bytes) {
    return Status::InvalidData(where + " is " + MiB(declared) + " uncompressed (limit " +
                            MiB(limits_.max_entry_bytes) + ")");
  }
  if (declared > limits_.min_ratio_bytes &&
      declared / std::max<size_t>(compressed, 1) > limits_.max_ratio) {
    return Status::InvalidData(where + " expands " + std::to_string(declared / std::max<size_t>(compressed, 1)) +
                            ":1 (limit " + std::to_string(limits_.max_ratio) + ":1); a zip bomb?");
  }
  zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) return Status::InvalidData(where + ": cannot read: " + zip_strerror(zip));
  std::string out;
  out.reserve(std::min(declared, limits_.max_entry_bytes));
  char chunk[1 << 16];
  Status status = Status::Ok();
  for (;;) {
    const zip_int64_t n = zip_fread(file, chunk, sizeof chunk);
    if (n < 0) {
      status = Status::InvalidData(where + ": damaged (" + std::string(zip_file_strerror(file)) + ")");
      break;
    }
    if (n == 0) break;
    out.append(chunk, static_cast<size_t>(n));
    // The declared size may lie: the bytes actually read are bounded too.
    if (out.size() > limits_.max_entry_bytes || out.size() > declared ||
        total_read_ + out.size() > limits_.max_total_bytes) {
      status = Status::InvalidData(where + " holds more than its declared or allowed size; refused");
      break;
    }
  }
  zip_fclose(file);
  if (!status.ok()) return status;
  total_read_ += out.size();
  return out;
}

}  // namespace sverka::text
