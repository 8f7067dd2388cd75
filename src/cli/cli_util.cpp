#include "cli/cli_util.h"

#include <iostream>

#include "pipeline/align_pair.h"

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

void AddDictionaryOptions(po::options_description& options) {
  options.add_options()
      ("dict", po::value<std::vector<std::string>>()->composing(),
       "bilingual dictionary: hunalign 'english @ russian' lines, two-column TSV, or dictd "
       "(.dict/.dict.dz); repeatable. Default: Debian's FreeDict eng-rus when installed")
      ("no-dict", "use no dictionary at all (not even the default)");
}

Result<std::vector<tm::DictionaryEntry>> LoadDictionaries(const po::variables_map& vm) {
  if (vm.count("no-dict")) {
    if (vm.count("dict")) throw UsageError("--dict and --no-dict exclude each other");
    return std::vector<tm::DictionaryEntry>{};
  }
  if (!vm.count("dict")) return pipeline::DefaultDictionary();
  std::vector<tm::DictionaryEntry> all;
  for (const std::string& path : vm["dict"].as<std::vector<std::string>>()) {
    Result<std::vector<tm::DictionaryEntry>> entries = tm::ReadDictionary(path);
    if (!entries.ok()) return entries.status();
    all.insert(all.end(), entries->begin(), entries->end());
  }
  return all;
}

}  // namespace sverka::cli
