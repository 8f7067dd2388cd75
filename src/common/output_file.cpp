#include "common/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sverka {
namespace {

// The directory holding `path` ("." for a bare name).
std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// fsync of a file or directory by name; true when done (or not possible on
// this file system: EINVAL).
bool SyncPath(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0 || errno == EINVAL;
  ::close(fd);
  return ok;
}

// "PATH: cannot write: REASON": bad input (a missing directory, no
// permission), as the exit codes document (doc/cli.md).
Status CannotCreate(const std::string& path, int err) {
  return Status::InvalidData(path + ": cannot write: " + std::strerror(err));
}

}  // namespace

Status CheckOutputPath(const std::string& path, const std::vector<std::string>& inputs) {
  struct stat out {};
  if (::stat(path.c_str(), &out) != 0) return Status::Ok();  // to be created
  if (S_ISDIR(out.st_mode)) {
    return Status::Usage(path + ": is a directory; name the file to write");
  }
  for (const std::string& input : inputs) {
    struct stat in {};
    if (::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino) {
      return Status::Usage(path + ": is the translation memory " +
                           (input == path ? "" : input + ", which ") +
                           "this command reads; write the output to another file");
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<OutputFile>> OutputFile::Create(const std::string& path,
                                                       const std::vector<std::string>& inputs,
                                                       OutputFileOptions options) {
  SVERKA_RETURN_IF_ERROR(CheckOutputPath(path, inputs));
  std::unique_ptr<OutputFile> f(new OutputFile());
  f->path_ = path;
  int fd = -1;
  if (options.private_temp) {
    f->temp_path_ = path + ".XXXXXX";
    fd = ::mkostemp(f->temp_path_.data(), O_CLOEXEC);
  } else {
    f->temp_path_ = path + ".tmp";
    fd = ::open(f->temp_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0666);
  }
  if (fd < 0) return CannotCreate(path, errno);
  f->stream_ = ::fdopen(fd, "wb");
  if (!f->stream_) {
    const int err = errno;
    ::close(fd);
    return CannotCreate(path, err);
  }
  return f;
}

OutputFile::~OutputFile() {
  if (stream_) std::fclose(stream_);
  if (!committed_) std::remove(temp_path_.c_str());
}

Status OutputFile::WriteFailed(int err) const {
  return Status::Io(path_ + ": write failed: " + std::strerror(err) +
                          "; nothing was written");
}

Status OutputFile::Write(std::string_view bytes) {
  if (!stream_) return Status::Internal(path_ + ": write after close");
  if (std::fwrite(bytes.data(), 1, bytes.size(), stream_) != bytes.size()) return WriteFailed(errno);
  return Status::Ok();
}

Status OutputFile::CloseStream() {
  if (!stream_) return Status::Ok();
  const bool flushed = std::fflush(stream_) == 0;
  const int err = errno;
  const bool synced = flushed && ::fsync(::fileno(stream_)) == 0;
  const int sync_err = errno;
  const bool closed = std::fclose(stream_) == 0;
  stream_ = nullptr;
  if (!flushed) return WriteFailed(err);
  if (!synced && sync_err != EINVAL) return WriteFailed(sync_err);
  if (!closed) return WriteFailed(errno);
  return Status::Ok();
}

Status OutputFile::Commit() {
  const bool had_stream = stream_ != nullptr;
  SVERKA_RETURN_IF_ERROR(CloseStream());
  // Filled by name (VACUUM INTO): synced here instead.
  if (!had_stream && !SyncPath(temp_path_, O_RDONLY)) return WriteFailed(errno);
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return Status::Io(path_ + ": cannot rename " + temp_path_ + ": " + std::strerror(errno) +
                            "; nothing was written");
  }
  committed_ = true;
  // The rename itself reaches the disk with the directory.
  SyncPath(DirectoryOf(path_), O_RDONLY | O_DIRECTORY);
  return Status::Ok();
}

Status WriteFileAtomically(const std::string& path, std::string_view bytes,
                           const std::vector<std::string>& inputs) {
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<OutputFile> f, OutputFile::Create(path, inputs));
  SVERKA_RETURN_IF_ERROR(f->Write(bytes));
  return f->Commit();
}

}  // namespace sverka
