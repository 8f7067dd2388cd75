// sverka segment --lang ru|en [--format text|json] [input options] [FILE|-]
#include <iostream>

#include "cli/cli_util.h"
#include "common/json.h"
#include "common/language.h"
#include "pipeline/document_reader.h"

namespace sverka::cli {
namespace {

void PrintText(const pipeline::SideText& side) {
  int32_t paragraph = side.sentences.empty() ? 0 : side.sentences.front().paragraph;
  for (const auto& s : side.sentences) {
    if (s.paragraph != paragraph) std::cout << "\n";
    paragraph = s.paragraph;
    std::cout << s.text << "\n";
  }
}

void PrintJson(const pipeline::SideText& side) {
  std::cout << "{\"file\":" << JsonQuote(side.file) << ",\"sentences\":[";
  for (size_t k = 0; k < side.sentences.size(); ++k) {
    const auto& s = side.sentences[k];
    std::cout << (k ? ",\n  " : "\n  ") << "{\"text\":" << JsonQuote(s.text)
              << ",\"paragraph\":" << s.paragraph << ",\"start\":" << s.start_offset
              << ",\"end\":" << s.end_offset << "}";
  }
  std::cout << "]}\n";
}

}  // namespace

int RunSegment(const Args& args) {
  po::options_description options("Options");
  std::string lang_code, file, format;
  ReadArgs read_args;
  options.add_options()
      ("lang,l", po::value(&lang_code)->required(), "language of the text: ru or en")
      ("format,f", po::value(&format)->default_value("text"),
       "text (one sentence per line, blank line between paragraphs) or json (with byte offsets)")
      ("file", po::value(&file)->default_value("-"), "input file; '-' reads standard input");
  AddReadOptions(options, read_args);
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka segment --lang ru|en [--format text|json] [FILE|-]\n\n"
                "Splits a text (plain text or HTML, any common encoding) into sentences:\n"
                "one sentence per line, a blank line between paragraphs; --format json\n"
                "also gives each sentence's byte offsets in the file.")) {
    return 0;
  }
  const std::optional<Language> lang = ParseLanguage(lang_code);
  if (!lang) throw UsageError("--lang must be ru or en, not '" + lang_code + "'");
  if (format != "text" && format != "json") {
    throw UsageError("--format must be text or json, not '" + format + "'");
  }
  const pipeline::ReadOptions read_options = ToReadOptions(read_args, vm);
  Result<pipeline::SideText> side = pipeline::ReadSide(file, *lang, read_options);
  if (!side.ok()) return Report(side.status());
  if (format == "json") {
    PrintJson(*side);
  } else {
    PrintText(*side);
  }
  std::cout.flush();
  return std::cout ? 0 : Report(Status::Internal("cannot write standard output"));
}

}  // namespace sverka::cli
