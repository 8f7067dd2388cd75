// sverka segment --lang ru|en [--format text|json] [input options] [FILE|-]
#include <cstdio>
#include <iostream>
#include <utility>
#include <vector>

#include "cli/cli_util.h"
#include "common/json.h"
#include "common/language.h"
#include "pipeline/document_reader.h"

namespace sverka::cli {
namespace {

// Prints sentences as they come: one per line with a blank line between
// paragraphs, or one JSON object whose "sentences" array is written
// element by element (so memory stays flat on large files).
class Printer {
 public:
  Printer(bool json, std::string file) : json_(json), file_(std::move(file)) {}
  void operator()(const SentenceRecord& s) {
    if (json_) {
      if (count_ == 0) Header();
      std::cout << (count_ ? ",\n  " : "\n  ") << "{\"text\":" << JsonQuote(s.text)
                << ",\"paragraph\":" << s.paragraph << ",\"start\":" << s.start_offset
                << ",\"end\":" << s.end_offset;
      if (s.start_ms >= 0) std::cout << ",\"start_ms\":" << s.start_ms << ",\"end_ms\":" << s.end_ms;
      if (!candidates_.empty()) {
        std::cout << ",\"candidates\":[";
        for (size_t k = 0; k < candidates_.size(); ++k) {
          char prior[16];
          std::snprintf(prior, sizeof prior, "%.2f", candidates_[k].second);
          std::cout << (k ? "," : "") << "{\"at\":" << candidates_[k].first << ",\"prior\":" << prior << "}";
        }
        std::cout << "]";
      }
      std::cout << "}";
    } else {
      if (count_ && s.paragraph != paragraph_) std::cout << "\n";
      std::cout << s.text << "\n";
    }
    paragraph_ = s.paragraph;
    ++count_;
    candidates_.clear();
  }
  // A cut the segmenter declined inside the next sentence (JSON only).
  void Candidate(int64_t offset, double prior) { candidates_.emplace_back(offset, prior); }
  // Text an HTML page left out as boilerplate (JSON only).
  void LeftOut(const pipeline::SideText::LeftOut& l) { left_out_.push_back(l); }
  void Finish() {
    if (json_ && count_ == 0) Header();
    if (!json_) return;
    std::cout << "]";
    if (!left_out_.empty()) {
      std::cout << ",\"left_out\":[";
      for (size_t k = 0; k < left_out_.size(); ++k) {
        const pipeline::SideText::LeftOut& l = left_out_[k];
        std::cout << (k ? ",\n  " : "\n  ") << "{\"start\":" << l.start << ",\"end\":" << l.end
                  << ",\"why\":" << JsonQuote(l.why) << ",\"text\":" << JsonQuote(l.text) << "}";
      }
      std::cout << "]";
    }
    std::cout << "}\n";
  }

 private:
  // Written with the first sentence, so that a file refused at once prints nothing.
  void Header() { std::cout << "{\"file\":" << JsonQuote(file_) << ",\"sentences\":["; }

  bool json_;
  std::string file_;
  size_t count_ = 0;
  int32_t paragraph_ = 0;
  std::vector<std::pair<int64_t, double>> candidates_;
  std::vector<pipeline::SideText::LeftOut> left_out_;
};

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
                "also gives each sentence's byte offsets in the file, for subtitles (SRT,\n"
                "WebVTT) its cues' time span (\"start_ms\", \"end_ms\") and, for a web page,\n"
                "the text left out as menus, banners and footers (\"left_out\", with why).")) {
    return 0;
  }
  const std::optional<Language> lang = ParseLanguage(lang_code);
  if (!lang) throw UsageError("--lang must be ru or en, not '" + lang_code + "'");
  if (format != "text" && format != "json") {
    throw UsageError("--format must be text or json, not '" + format + "'");
  }
  pipeline::ReadOptions read_options = ToReadOptions(read_args, vm);
  // One side, its language given, nothing stored: no pairing checks.
  read_options.check_script = false;
  read_options.max_sentence_bytes = 0;
  Printer printer(format == "json", file);
  const Status status = pipeline::StreamSide(
      file, *lang, read_options, [&](const SentenceRecord& s) { printer(s); },
      [&](int64_t offset, double prior) { printer.Candidate(offset, prior); },
      [&](const pipeline::SideText::LeftOut& l) { printer.LeftOut(l); });
  if (!status.ok()) {
    std::cout.flush();
    return Report(status);
  }
  printer.Finish();
  return ReportStdout();
}

}  // namespace sverka::cli
