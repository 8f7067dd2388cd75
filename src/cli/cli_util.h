// Small helpers shared by the subcommands: parsing and reporting.
#pragma once

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/report.h"
#include "common/status.h"
#include "formats/dictionary_reader.h"
#include "pipeline/document_reader.h"

namespace sverka::cli {

namespace po = boost::program_options;

// Parses `args` against `options` and `positional` into `vm`. Returns true
// when --help was given (after printing `usage` and the options).
bool ParseArgs(const Args& args, const po::options_description& options,
               const po::positional_options_description& positional, po::variables_map& vm,
               const std::string& usage);

// The items of a comma-separated option value ("auto,edited"), empty ones
// dropped; every value of a repeated option in turn.
std::vector<std::string> SplitCommas(const std::vector<std::string>& values);

// Adds --dict FILE... and --no-dict to `options`.
void AddDictionaryOptions(po::options_description& options);

// The dictionaries the options ask for: the --dict files, else (unless
// --no-dict) the default one (pipeline::DefaultDictionaryPath).
Result<std::vector<formats::DictionaryEntry>> LoadDictionaries(const po::variables_map& vm);
// The input options `segment` and `align` share (doc/cli.md).
struct ReadArgs {
  std::string encoding, paragraphs = "auto", input = "auto", engine = "rules", rules;
};
void AddReadOptions(po::options_description& options, ReadArgs& args);
// Throws UsageError for a value not in the option's list.
pipeline::ReadOptions ToReadOptions(const ReadArgs& args, const po::variables_map& vm);

// A JSON-lines input: the file `path`, or standard input for "-".
class LineInput {
 public:
  explicit LineInput(const std::string& path);
  bool ok() const { return path_ == "-" || file_.is_open(); }
  std::istream& stream() { return path_ == "-" ? std::cin : file_; }
  // The name messages use: the path, or "<stdin>".
  std::string name() const { return path_ == "-" ? "<stdin>" : path_; }

 private:
  std::string path_;
  std::ifstream file_;
};

// Thrown for a usage error found after parsing; main reports it with
// ReportUsage (exit 2).
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace sverka::cli
