#include "cli/exit_code.h"

namespace sverka::cli {

int ExitCode(const Status& status) {
  switch (status.kind()) {
    case ErrorKind::kOk:
      return kExitOk;
    case ErrorKind::kInvalidData:
    case ErrorKind::kNotFound:
    case ErrorKind::kAlreadyExists:
      return kExitBadInput;
    case ErrorKind::kUsage:
      return kExitUsage;
    case ErrorKind::kBusy:
    case ErrorKind::kIo:
    case ErrorKind::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace sverka::cli
