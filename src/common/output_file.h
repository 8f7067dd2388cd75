// Writing an output file so that it is never half there and never lands on
// an input (issue 17): the bytes go to "PATH.tmp" in the target's directory,
// which is flushed to disk (fsync), renamed onto PATH, and the directory is
// synced. A kill or a power cut leaves the old PATH or the complete new one.
// Every writer of sverka (TMX, TSV/parallel, HTML report, merged memory,
// batch report, eval links) goes through this one class.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"

namespace sverka {

// Refuses `path` as an output when it is a directory or the same file as one
// of `inputs` (the command's translation memories) (same device and inode: the same path, a "./" variant, a
// symlink or a hard link): kUsage, one line naming the file. A `path` that
// does not exist yet is fine.
Status CheckOutputPath(const std::string& path, const std::vector<std::string>& inputs);

struct OutputFileOptions {
  // The temporary file gets a name of its own ("PATH.XXXXXX", mkstemp)
  // instead of "PATH.tmp": for a file several processes may write at once
  // (the dictionary cache), where the last complete copy wins.
  bool private_temp = false;
};

class OutputFile {
 public:
  // Checks `path` (CheckOutputPath) and creates "path.tmp" for writing (a
  // symlink there is not followed). kInvalidData "PATH: cannot write:
  // REASON" when it cannot be created (missing directory, no permission).
  static Result<std::unique_ptr<OutputFile>> Create(const std::string& path,
                                                    const std::vector<std::string>& inputs = {},
                                                    OutputFileOptions options = {});
  // Removes the temporary file unless Commit() succeeded.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // The open stream on the temporary file; nullptr after CloseStream().
  std::FILE* stream() { return stream_; }
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }
  // Writes `bytes` to the stream; kIo "PATH: write failed: …" on failure.
  Status Write(std::string_view bytes);
  // Closes the stream, for writers that fill the temporary file by its name
  // (SQLite's VACUUM INTO): it is then empty.
  Status CloseStream();
  // Flushes and closes the stream (if open), fsyncs the temporary file,
  // renames it onto path() and fsyncs the directory. kIo on any failure,
  // with "; nothing was written"; the temporary file is removed.
  Status Commit();

 private:
  OutputFile() = default;
  Status WriteFailed(int err) const;
  std::string path_, temp_path_;
  std::FILE* stream_ = nullptr;
  bool committed_ = false;
};

// The whole of `bytes` written to `path` through an OutputFile.
Status WriteFileAtomically(const std::string& path, std::string_view bytes,
                           const std::vector<std::string>& inputs = {});

}  // namespace sverka
