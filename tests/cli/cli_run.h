// Running the built `sverka` binary (path from SVERKA_BIN) from tests:
// exit code, standard output and standard error.
#pragma once

#include <string>
#include <vector>

namespace sverka::testing {

struct Run {
  int exit_code = -1;  // 128 + signal when killed
  std::string out, err;
  // stderr without its final newline; checks it is exactly one line.
  std::string ErrLine() const;
};

// `s` quoted for sh.
std::string Quote(const std::string& s);

// The binary under test.
std::string SverkaBin();

// Runs `sh -c script` with stdin from `stdin_path`, capturing the rest.
Run Shell(const std::string& script, const std::string& stdin_path = "/dev/null");

// Runs sverka with `args` (each quoted).
Run Sverka(const std::vector<std::string>& args, const std::string& stdin_path = "/dev/null");

// A usage error of `command` as sverka prints it (cli/report.h), without
// the newline: "sverka CMD: MESSAGE; see 'sverka CMD --help'".
std::string UsageLine(const std::string& command, const std::string& message);

// "process PID (NAME)" of this test process, as sverka names the holder of
// a memory's write lock (tm/lock_holder.h).
std::string ThisProcess();

// The sh command line that runs sverka with `args`.
std::string SverkaCommand(const std::vector<std::string>& args);

}  // namespace sverka::testing
