#include "cli/cli_util.h"

#include <sstream>

#include <iostream>

#include "pipeline/align_pair.h"
#include "pipeline/dictionary_cache.h"
#include "formats/tmx_reader.h"

namespace sverka::cli {

LineInput::LineInput(const std::string& path) : path_(path) {
  if (path_ != "-") file_.open(path_, std::ios::binary);
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

std::vector<std::string> SplitCommas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    std::stringstream in(v);
    for (std::string item; std::getline(in, item, ',');) {
      if (!item.empty()) out.push_back(item);
    }
  }
  return out;
}

void AddDictionaryOptions(po::options_description& options) {
  options.add_options()
      ("dict", po::value<std::vector<std::string>>()->composing(),
       "bilingual dictionary: hunalign 'english @ russian' lines, two-column TSV, or dictd "
       "(.dict/.dict.dz); repeatable. Default: Debian's mueller7-dict when installed, else its "
       "FreeDict eng-rus")
      ("no-dict", "use no dictionary at all (not even the default)");
}

Result<std::vector<formats::DictionaryEntry>> LoadDictionaries(const po::variables_map& vm) {
  if (vm.count("no-dict")) {
    if (vm.count("dict")) throw UsageError("--dict and --no-dict exclude each other");
    return std::vector<formats::DictionaryEntry>{};
  }
  if (!vm.count("dict")) return pipeline::DefaultDictionary();
  std::vector<formats::DictionaryEntry> all;
  for (const std::string& path : vm["dict"].as<std::vector<std::string>>()) {
    SVERKA_ASSIGN_OR_RETURN(const std::vector<formats::DictionaryEntry> entries,
                            pipeline::ReadDictionaryCached(path, pipeline::DictionaryCacheDir()));
    all.insert(all.end(), entries.begin(), entries.end());
  }
  return all;
}

void AddReadOptions(po::options_description& options, ReadArgs& args) {
  options.add_options()
      ("encoding", po::value(&args.encoding),
       "input encoding (windows-1251, koi8-r, utf-16le, ...); default: recognised")
      ("replace-invalid", "replace invalid UTF-8 by U+FFFD instead of stopping")
      ("paragraphs", po::value(&args.paragraphs)->default_value("auto"),
       "plain text paragraphs: auto, blank-lines (hard-wrapped text) or lines (one per line)")
      ("input", po::value(&args.input)->default_value("auto"),
       "auto (HTML by .html/.htm/.xhtml or content), text or html")
      ("rules", po::value(&args.rules),
       "segment with the rules of this SRX 2.0 file (as a CAT tool would) instead of sverka's")
      ("engine", po::value(&args.engine)->default_value("rules"),
       "rules (ICU and sverka's language rules) or icu (plain ICU, for comparison)")
      ("no-script-check",
       "align a side even when its letters are mostly of the other language's script")
      ("keep-boilerplate",
       "HTML: read the whole page (menus, banners, related links, footers), not only the article");
}

pipeline::ReadOptions ToReadOptions(const ReadArgs& args, const po::variables_map& vm) {
  pipeline::ReadOptions read;
  read.decode.encoding = args.encoding;
  read.decode.replace_invalid = vm.count("replace-invalid") > 0;
  read.check_script = vm.count("no-script-check") == 0;
  read.keep_boilerplate = vm.count("keep-boilerplate") > 0;
  read.max_sentence_bytes = formats::kMaxSegmentBytes;
  if (args.paragraphs == "auto") {
    read.paragraphs = text::ParagraphMode::kAuto;
  } else if (args.paragraphs == "blank-lines") {
    read.paragraphs = text::ParagraphMode::kBlankLines;
  } else if (args.paragraphs == "lines") {
    read.paragraphs = text::ParagraphMode::kLines;
  } else {
    throw UsageError("--paragraphs must be auto, blank-lines or lines, not '" + args.paragraphs + "'");
  }
  if (args.input == "auto") {
    read.format = pipeline::InputFormat::kAuto;
  } else if (args.input == "text") {
    read.format = pipeline::InputFormat::kText;
  } else if (args.input == "html") {
    read.format = pipeline::InputFormat::kHtml;
  } else {
    throw UsageError("--input must be auto, text or html, not '" + args.input + "'");
  }
  if (args.engine == "icu") {
    read.splitter.engine = segment::Engine::kIcu;
  } else if (args.engine != "rules") {
    throw UsageError("--engine must be rules or icu, not '" + args.engine + "'");
  }
  read.srx_file = args.rules;
  return read;
}

}  // namespace sverka::cli
