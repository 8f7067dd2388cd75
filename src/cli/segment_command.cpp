// sverka segment --lang ru|en [FILE|-]
#include <iostream>

#include "cli/cli_util.h"
#include "common/language.h"
#include "pipeline/document_reader.h"

namespace sverka::cli {

int RunSegment(const Args& args) {
  po::options_description options("Options");
  std::string lang_code, file, engine;
  options.add_options()
      ("lang,l", po::value(&lang_code)->required(), "language of the text: ru or en")
      ("engine", po::value(&engine)->default_value("rules"),
       "rules (ICU and sverka's language rules) or icu (plain ICU, for comparison)")
      ("file", po::value(&file)->default_value("-"), "input file, UTF-8; '-' reads standard input");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka segment --lang ru|en [FILE|-]\n\n"
                "Splits a text (paragraphs separated by blank lines) into sentences: one\n"
                "sentence per line, a blank line between paragraphs.")) {
    return 0;
  }
  const std::optional<Language> lang = ParseLanguage(lang_code);
  if (!lang) throw UsageError("--lang must be ru or en, not '" + lang_code + "'");
  pipeline::ReadOptions read_options;
  if (engine == "icu") {
    read_options.splitter.engine = segment::Engine::kIcu;
  } else if (engine != "rules") {
    throw UsageError("--engine must be rules or icu, not '" + engine + "'");
  }
  Result<pipeline::SideText> side = pipeline::ReadSide(file, *lang, read_options);
  if (!side.ok()) return Report(side.status());
  int32_t paragraph = 0;
  for (const auto& s : side->sentences) {
    if (s.paragraph != paragraph) std::cout << "\n";
    paragraph = s.paragraph;
    std::cout << s.text << "\n";
  }
  std::cout.flush();
  return std::cout ? 0 : Report(Status::Internal("cannot write standard output"));
}

}  // namespace sverka::cli
