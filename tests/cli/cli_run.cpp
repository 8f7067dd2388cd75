#include "cli/cli_run.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "fixtures.h"

namespace sverka::testing {

std::string Run::ErrLine() const {
  CHECK(std::count(err.begin(), err.end(), '\n') == 1);
  return err.substr(0, err.find('\n'));
}

std::string UsageLine(const std::string& command, const std::string& message) {
  return "sverka " + command + ": " + message + "; see 'sverka " + command + " --help'";
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string SverkaBin() {
  const char* bin = std::getenv("SVERKA_BIN");
  REQUIRE(bin != nullptr);
  return bin;
}

Run Shell(const std::string& script, const std::string& stdin_path) {
  static int counter = 0;
  const std::string base = (std::filesystem::temp_directory_path() /
                            ("sverka-run-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++)))
                               .string();
  const std::string cmd = "(" + script + ") <" + Quote(stdin_path) + " >" + Quote(base + ".out") +
                          " 2>" + Quote(base + ".err");
  const int status = std::system(cmd.c_str());
  Run r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  r.out = ReadFile(base + ".out");
  r.err = ReadFile(base + ".err");
  std::filesystem::remove(base + ".out");
  std::filesystem::remove(base + ".err");
  INFO("command: " << cmd << "\nstderr: " << r.err);
  return r;
}

std::string ThisProcess() {
  std::string name = ReadFile("/proc/self/comm");
  if (!name.empty() && name.back() == '\n') name.pop_back();
  return "process " + std::to_string(::getpid()) + " (" + name + ")";
}

std::string SverkaCommand(const std::vector<std::string>& args) {
  std::string cmd = Quote(SverkaBin());
  for (const auto& a : args) cmd += " " + Quote(a);
  return cmd;
}

Run Sverka(const std::vector<std::string>& args, const std::string& stdin_path) {
  return Shell(SverkaCommand(args), stdin_path);
}

}  // namespace sverka::testing
