#include "common/file_error.h"

#include <cerrno>
#include <cstring>

namespace sverka {

Status CannotOpen(const std::string& path, int err) {
  std::string message = path + ": cannot open: " + std::strerror(err);
  if (err == ENOENT || err == ENOTDIR) return Status::NotFound(std::move(message));
  return Status::InvalidData(std::move(message));
}

Status ReadError(const std::string& name, int err) {
  return Status::Io(name + ": read error: " + std::strerror(err));
}

}  // namespace sverka
