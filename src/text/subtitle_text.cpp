#include "text/subtitle_text.h"

#include <algorithm>
#include <optional>

#include "common/media_time.h"
#include "common/utf8.h"
#include "text/subtitle_markup.h"

namespace sverka::text {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t") == std::string_view::npos;
}
bool HasSuffix(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  for (size_t k = 0; k < suffix.size(); ++k) {
    char c = name[name.size() - suffix.size() + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[k]) return false;
  }
  return true;
}
bool AllDigits(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), IsDigit);
}
// "WEBVTT" alone or followed by a space or tab (the WebVTT signature).
bool IsVttSignature(std::string_view line) {
  return line.starts_with("WEBVTT") && (line.size() == 6 || line[6] == ' ' || line[6] == '\t');
}
// A block of the WebVTT header area that is not a cue: NOTE, STYLE, REGION.
bool IsVttSkippedBlock(std::string_view line) {
  for (std::string_view word : {"NOTE", "STYLE", "REGION"}) {
    if (line.starts_with(word) &&
        (line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t')) {
      return true;
    }
  }
  return false;
}

// The file's lines one at a time (LF, CRLF or CR), with one line of lookahead.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  }
  struct Line {
    std::string_view text;
    size_t begin = 0;  // offset in the file's text
    size_t number = 0;  // 1-based
  };
  bool Done() const { return pos_ >= text_.size(); }
  Line Peek() const {
    size_t end = pos_;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
    return {text_.substr(pos_, end - pos_), pos_, number_ + 1};
  }
  Line Next() {
    Line line = Peek();
    pos_ = line.begin + line.text.size();
    if (pos_ < text_.size() && text_[pos_] == '\r') {
      ++pos_;
      if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    } else if (pos_ < text_.size()) {
      ++pos_;  // '\n'
    }
    ++number_;
    return line;
  }
  size_t number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t number_ = 0;
};

// Reads "[H…H:]MM:SS[.,]mmm" at `pos` of `s`, advancing `pos`.
bool ParseTime(std::string_view s, size_t& pos, int64_t& ms) {
  int64_t parts[3] = {0, 0, 0};
  size_t digits[3] = {0, 0, 0};
  int n = 0;
  for (;;) {
    int64_t v = 0;
    size_t d = 0;
    while (pos < s.size() && IsDigit(s[pos]) && d < 6) v = v * 10 + (s[pos++] - '0'), ++d;
    if (d == 0 || n == 3) return false;
    parts[n] = v;
    digits[n++] = d;
    if (pos < s.size() && s[pos] == ':') {
      ++pos;
      continue;
    }
    break;
  }
  if (n < 2 || pos >= s.size() || (s[pos] != '.' && s[pos] != ',')) return false;
  ++pos;
  int64_t frac = 0;
  size_t d = 0;
  while (pos < s.size() && IsDigit(s[pos]) && d < 4) frac = frac * 10 + (s[pos++] - '0'), ++d;
  if (d != 3) return false;
  const int64_t hours = n == 3 ? parts[0] : 0;
  const int64_t minutes = parts[n - 2], seconds = parts[n - 1];
  if (digits[n - 2] != 2 || digits[n - 1] != 2 || minutes > 59 || seconds > 59) return false;
  ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + frac;
  return true;
}

// "START --> END[ settings]"; false unless both times parse.
bool ParseTimeLine(std::string_view line, int64_t& start, int64_t& end) {
  size_t pos = line.find_first_not_of(" \t");
  if (pos == std::string_view::npos || !ParseTime(line, pos, start)) return false;
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  if (line.substr(pos, 3) != "-->") return false;
  pos += 3;
  while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
  if (!ParseTime(line, pos, end)) return false;
  return pos == line.size() || line[pos] == ' ' || line[pos] == '\t';
}

struct ParsedCue {
  int64_t start_ms = 0, end_ms = 0;
  size_t line = 0;
  CueText text;
};

class Parser {
 public:
  Parser(std::string_view name, std::string_view utf8, bool vtt)
      : name_(name), lines_(utf8), vtt_(vtt) {}

  Result<std::vector<ParsedCue>> Run() {
    if (vtt_) SVERKA_RETURN_IF_ERROR(SkipVttHeader());
    while (SkipBlankLines()) {
      const Lines::Line first = lines_.Next();
      if (vtt_ && IsVttSkippedBlock(first.text)) {
        SkipBlock();
        continue;
      }
      SVERKA_RETURN_IF_ERROR(Cue(first));
    }
    if (cues_.empty()) return Status::InvalidData(std::string(name_) + ": a " + Format() + " file without cues");
    return std::move(cues_);
  }

 private:
  std::string Format() const { return vtt_ ? "WebVTT" : "SubRip (SRT)"; }
  std::string Expected() const {
    return vtt_ ? "HH:MM:SS.mmm --> HH:MM:SS.mmm" : "HH:MM:SS,mmm --> HH:MM:SS,mmm";
  }
  Status Error(size_t line, const std::string& what) const {
    return Status::InvalidData(std::string(name_) + ":" + std::to_string(line) + ": " + what);
  }
  static std::string Quote(std::string_view s) { return "'" + Shorten(s, 60) + "'"; }

  Status SkipVttHeader() {
    SkipBlankLines();
    const Lines::Line first = lines_.Next();
    if (!IsVttSignature(first.text)) {
      return Error(first.number, "a WebVTT file must start with 'WEBVTT', not " + Quote(first.text));
    }
    SkipBlock();  // header lines (old "Kind:", "Language:" metadata) up to the first blank line
    return Status::Ok();
  }
  bool SkipBlankLines() {
    while (!lines_.Done() && IsBlank(lines_.Peek().text)) lines_.Next();
    return !lines_.Done();
  }
  void SkipBlock() {
    while (!lines_.Done() && !IsBlank(lines_.Peek().text)) lines_.Next();
  }
  // Whether the lines ahead start a new cue: a time line, or a cue number
  // and a time line (SRT files often lack the blank line between cues).
  bool NewCueAhead() const {
    Lines ahead = lines_;
    const Lines::Line line = ahead.Next();
    int64_t a, b;
    if (ParseTimeLine(line.text, a, b)) return true;
    return !vtt_ && AllDigits(line.text) && !ahead.Done() && ParseTimeLine(ahead.Next().text, a, b);
  }

  Status Cue(const Lines::Line& first) {
    Lines::Line timing = first;
    if (first.text.find("-->") == std::string_view::npos) {
      // A cue number (SRT) or identifier (WebVTT), then its time line.
      const bool number = AllDigits(first.text);
      if (!vtt_ && !number) {
        if (cues_.empty()) {
          return Error(first.number, "expected a cue number or a time line, found " + Quote(first.text));
        }
        // Text after a blank line inside a cue: the cue goes on.
        AddLines(cues_.back(), first);
        return Status::Ok();
      }
      if (lines_.Done()) {
        return Error(first.number, "the file ends inside a cue, before its time line (truncated?)");
      }
      timing = lines_.Next();
      if (timing.text.find("-->") == std::string_view::npos) {
        const std::string cue = number ? "cue " + std::string(first.text) : "cue " + Quote(first.text);
        return Error(timing.number, cue + " has no time line (expected '" + Expected() + "', found " +
                                        Quote(timing.text) + ")");
      }
    }
    ParsedCue cue;
    cue.line = timing.number;
    if (!ParseTimeLine(timing.text, cue.start_ms, cue.end_ms)) {
      return Error(timing.number, "malformed cue time line " + Quote(timing.text) + " (expected '" +
                                      Expected() + "')");
    }
    if (cue.end_ms < cue.start_ms) {
      return Error(timing.number, "the cue ends before it starts (" +
                                      FormatMediaSpan(cue.start_ms, cue.end_ms) + ")");
    }
    if (cues_.size() == kMaxSubtitleCues) {
      return Error(timing.number, "more than " + std::to_string(kMaxSubtitleCues) +
                                      " cues (a film has a few thousand); refused");
    }
    if (lines_.Done()) {
      return Error(timing.number, "the file ends inside a cue, before its text (truncated?)");
    }
    AddLines(cue, std::nullopt);
    if (cue.text.text.empty()) {
      return Error(timing.number, "the cue " + FormatMediaSpan(cue.start_ms, cue.end_ms) +
                                      " has no text");
    }
    cues_.push_back(std::move(cue));
    return Status::Ok();
  }

  // The cue's text lines: `first` (when given), then lines up to a blank
  // line or the start of the next cue.
  void AddLines(ParsedCue& cue, std::optional<Lines::Line> first) {
    if (first) AppendCueLine(cue.text, first->text, first->begin, vtt_);
    while (!lines_.Done()) {
      const Lines::Line next = lines_.Peek();
      if (IsBlank(next.text) || NewCueAhead()) break;
      lines_.Next();
      AppendCueLine(cue.text, next.text, next.begin, vtt_);
    }
  }

  std::string_view name_;
  Lines lines_;
  bool vtt_;
  std::vector<ParsedCue> cues_;
};

// Whether the first non-blank line of `utf8` begins a subtitle file.
bool SubtitleContent(std::string_view utf8, bool* vtt) {
  Lines lines(utf8);
  while (!lines.Done() && IsBlank(lines.Peek().text)) lines.Next();
  if (lines.Done()) return false;
  const Lines::Line first = lines.Next();
  *vtt = IsVttSignature(first.text);
  if (*vtt) return true;
  int64_t a, b;
  if (ParseTimeLine(first.text, a, b)) return true;
  if (!AllDigits(first.text) || lines.Done()) return false;
  // A cue number, then something like a time line (a malformed one is
  // reported by the parser, not read as prose).
  const std::string_view second = lines.Next().text;
  const size_t lead = second.find_first_not_of(" \t");
  return lead != std::string_view::npos && IsDigit(second[lead]) &&
         second.find("-->") != std::string_view::npos;
}

}  // namespace

bool SubtitleText::Span(size_t begin, size_t end, int64_t& start_ms, int64_t& end_ms) const {
  auto it = std::partition_point(cues.begin(), cues.end(),
                                 [&](const SubtitleCue& c) { return c.end <= begin; });
  bool any = false;
  for (; it != cues.end() && it->begin < end; ++it) {
    start_ms = any ? std::min(start_ms, it->start_ms) : it->start_ms;
    end_ms = any ? std::max(end_ms, it->end_ms) : it->end_ms;
    any = true;
  }
  return any;
}

bool LooksLikeSubtitles(std::string_view name, std::string_view utf8) {
  bool vtt = false;
  return HasSuffix(name, ".srt") || HasSuffix(name, ".vtt") || SubtitleContent(utf8, &vtt);
}

Result<SubtitleText> ExtractSubtitleText(std::string_view name, std::string_view utf8) {
  bool vtt = false;
  if (!SubtitleContent(utf8, &vtt)) vtt = HasSuffix(name, ".vtt");
  Parser parser(name, utf8, vtt);
  SVERKA_ASSIGN_OR_RETURN(std::vector<ParsedCue> parsed, parser.Run());
  std::vector<ParsedCue>& cues = parsed;
  // Players show cues by time; a file's order is how it was edited.
  std::stable_sort(cues.begin(), cues.end(),
                   [](const ParsedCue& a, const ParsedCue& b) { return a.start_ms < b.start_ms; });
  SubtitleText out;
  out.format = vtt ? "WebVTT" : "SRT";
  out.cues.reserve(cues.size());
  int64_t last_end = 0;
  size_t source_end = 0;  // in the file, just after the text of the cue before
  for (ParsedCue& c : cues) {
    if (!out.text.empty()) {
      // The separator maps to the end of the cue before: sorted cues need
      // not be neighbours in the file (the last line of a file may come first).
      out.map.Add(out.text.size(), source_end, false);
      out.text += c.start_ms - last_end >= kSubtitleParagraphGapMs ? "\n\n" : " ";
    }
    const size_t begin = out.text.size();
    for (const CueText::Mark& m : c.text.marks) out.map.Add(begin + m.text, m.source, m.exact);
    out.text += c.text.text;
    const CueText::Mark& last = c.text.marks.back();  // a cue has text, so a mark
    source_end = last.exact ? last.source + (c.text.text.size() - last.text) : last.source;
    out.cues.push_back({c.start_ms, c.end_ms, begin, out.text.size(), c.line});
    last_end = std::max(last_end, c.end_ms);
  }
  return out;
}

}  // namespace sverka::text
