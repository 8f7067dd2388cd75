// Status and Result<T>: how library code reports failure without throwing or
// printing. A Status carries the kind of failure (what went wrong, not what
// the process should do: the CLI alone maps kinds to exit codes, cli/exit_code.h),
// a one-line message that already names the file and place, and nothing else;
// callers add context with WithContext().
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace sverka {

// What failed. The library says which; cli/exit_code.h says what the process does.
enum class ErrorKind {
  kOk,
  kInvalidData,    // the user's data is unreadable, malformed or conflicting
  kNotFound,       // a named file, document, bead or history entry does not exist
  kAlreadyExists,  // the name is taken (a stored document, an output without --force)
  kBusy,           // another process holds the memory (SQLite's busy timeout ran out)
  kIo,             // the disk or the operating system failed (write, rename, fsync, read)
  kUsage,          // the command line is wrong
  kInternal,       // a bug, or a library we depend on is unusable
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidData(std::string m) { return Status(ErrorKind::kInvalidData, std::move(m)); }
  static Status NotFound(std::string m) { return Status(ErrorKind::kNotFound, std::move(m)); }
  static Status AlreadyExists(std::string m) { return Status(ErrorKind::kAlreadyExists, std::move(m)); }
  static Status Busy(std::string m) { return Status(ErrorKind::kBusy, std::move(m)); }
  static Status Io(std::string m) { return Status(ErrorKind::kIo, std::move(m)); }
  static Status Usage(std::string m) { return Status(ErrorKind::kUsage, std::move(m)); }
  static Status Internal(std::string m) { return Status(ErrorKind::kInternal, std::move(m)); }
  // The same kind with another message (for rewording a lower layer's failure).
  static Status OfKind(ErrorKind kind, std::string m) { return Status(kind, std::move(m)); }

  bool ok() const { return kind_ == ErrorKind::kOk; }
  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }

  // Returns a copy whose message is "prefix: message" (for adding a file name).
  Status WithContext(std::string_view prefix) const {
    if (ok()) return *this;
    return Status(kind_, std::string(prefix) + ": " + message_);
  }

 private:
  Status(ErrorKind kind, std::string message) : kind_(kind), message_(std::move(message)) {}
  ErrorKind kind_ = ErrorKind::kOk;
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

#define SVERKA_CONCAT_INNER_(a, b) a##b
#define SVERKA_CONCAT_(a, b) SVERKA_CONCAT_INNER_(a, b)
// `SVERKA_ASSIGN_OR_RETURN(Foo foo, MakeFoo());` declares `foo` from a Result<Foo>,
// or returns its Status from the enclosing function (which returns Status or Result).
#define SVERKA_ASSIGN_OR_RETURN(lhs, expr) \
  SVERKA_ASSIGN_OR_RETURN_IMPL_(SVERKA_CONCAT_(sverka_result_, __LINE__), lhs, expr)
#define SVERKA_ASSIGN_OR_RETURN_IMPL_(result, lhs, expr) \
  auto result = (expr);                                  \
  if (!result.ok()) return result.status();              \
  lhs = std::move(result).value()
