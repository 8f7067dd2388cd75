#include "common/file_error.h"

#include <catch2/catch.hpp>
#include <cerrno>

using sverka::ErrorKind;

TEST_CASE("a missing file cannot be opened: not found, with the reason", "[common][file_error]") {
  const sverka::Status s = sverka::CannotOpen("a.txt", ENOENT);
  CHECK(s.kind() == ErrorKind::kNotFound);
  CHECK(s.message() == "a.txt: cannot open: No such file or directory");
}

TEST_CASE("a file without permission cannot be opened: invalid data", "[common][file_error]") {
  const sverka::Status s = sverka::CannotOpen("a.txt", EACCES);
  CHECK(s.kind() == ErrorKind::kInvalidData);
  CHECK(s.message() == "a.txt: cannot open: Permission denied");
}

TEST_CASE("a failed read is an I/O error naming the file", "[common][file_error]") {
  const sverka::Status s = sverka::ReadError("a.txt", EIO);
  CHECK(s.kind() == ErrorKind::kIo);
  CHECK(s.message() == "a.txt: read error: Input/output error");
}
