#include "cli/review_editor.h"

#include <curses.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sverka::cli {

Result<std::string> EditInEditor(const std::string& sentence) {
  char path[] = "/tmp/sverka-edit-XXXXXX";
  const int fd = ::mkstemp(path);
  if (fd < 0) return Status::Internal("cannot create a temporary file");
  const std::string old = sentence + "\n";
  const bool wrote = ::write(fd, old.data(), old.size()) == static_cast<ssize_t>(old.size());
  ::close(fd);
  if (!wrote) return Status::Internal(std::string(path) + ": write failed");
  const char* editor = std::getenv("EDITOR");
  const std::string command = std::string(editor && *editor ? editor : "vi") + " '" + path + "'";
  def_prog_mode();
  endwin();
  const int rc = std::system(command.c_str());
  reset_prog_mode();
  refresh();
  std::ifstream in(path);
  std::stringstream all;
  all << in.rdbuf();
  std::remove(path);
  if (rc != 0) return Status::InvalidData("the editor failed; nothing changed");
  std::string text = all.str();
  for (char& c : text)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace sverka::cli
