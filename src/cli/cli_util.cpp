#include "cli/cli_util.h"

#include <iostream>

namespace sverka::cli {

int Report(const Status& status) {
  if (!status.ok()) std::cerr << "sverka: " << status.message() << "\n";
  return status.exit_code();
}

bool ParseArgs(const Args& args, const po::options_description& options,
               const po::positional_options_description& positional, po::variables_map& vm,
               const std::string& usage) {
  po::options_description all = options;
  all.add_options()("help,h", "show this help and exit");
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help")) {
    std::cout << usage << "\n\n" << all << "\n";
    return true;
  }
  po::notify(vm);
  return false;
}

}  // namespace sverka::cli
