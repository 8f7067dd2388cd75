// Status and Result<T>: how library code reports failure without throwing or
// printing. A Status carries a code (which is also the process exit code the
// CLI uses), a one-line message that already names the file and place, and
// nothing else; callers add context with WithContext().
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace sverka {

// Values are the documented exit codes of the `sverka` binary (doc/cli.md).
enum class StatusCode : int {
  kOk = 0,
  kBadInput = 1,  // the user's data is unreadable, malformed or conflicting
  kUsage = 2,     // the command line is wrong
  kInternal = 3,  // a bug or an environment failure (disk, database engine)
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status BadInput(std::string message) {
    return Status(StatusCode::kBadInput, std::move(message));
  }
  static Status Usage(std::string message) { return Status(StatusCode::kUsage, std::move(message)); }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  int exit_code() const { return static_cast<int>(code_); }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "prefix: message" (for adding a file name).
  Status WithContext(std::string_view prefix) const {
    if (ok()) return *this;
    return Status(code_, std::string(prefix) + ": " + message_);
  }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a value or a non-ok Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok());
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace sverka

// Returns early from the enclosing function when `expr` is a non-ok Status.
#define SVERKA_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::sverka::Status sverka_status_ = (expr); \
    if (!sverka_status_.ok()) return sverka_status_; \
  } while (false)
