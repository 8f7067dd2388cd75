// The errors of reading a file, in one wording and with the kind that says
// what failed (issue 18): every reader of sverka names the file the same way.
#pragma once

#include <string>

#include "common/status.h"

namespace sverka {

// "PATH: cannot open: REASON" for errno `err`: kNotFound when the file does
// not exist (ENOENT, ENOTDIR), kInvalidData otherwise (no permission, a
// loop of links): both bad input to the command (exit 1, doc/cli.md).
Status CannotOpen(const std::string& path, int err);

// "NAME: read error: REASON" for errno `err`: the operating system failed
// to read a file it had opened (kIo).
Status ReadError(const std::string& name, int err);

}  // namespace sverka
