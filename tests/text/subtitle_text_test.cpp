#include "text/subtitle_text.h"

#include <catch2/catch.hpp>

#include "text/text_file.h"

using namespace sverka;
using namespace sverka::text;

namespace {

SubtitleText Read(const std::string& utf8, const std::string& name = "film.srt") {
  Result<SubtitleText> out = ExtractSubtitleText(name, utf8);
  if (!out.ok()) FAIL(out.status().message());
  return std::move(out).value();
}

std::string ErrorOf(const std::string& utf8, const std::string& name = "film.srt") {
  Result<SubtitleText> out = ExtractSubtitleText(name, utf8);
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().kind() == ErrorKind::kInvalidData);
  CHECK(out.status().message().find('\n') == std::string::npos);
  return out.status().message();
}

// The file text a cue's text [begin, end) maps to, through the map.
std::string SourceOf(const SubtitleText& s, const std::string& file, size_t begin, size_t end) {
  const size_t a = s.map.ToSource(s.text, begin), b = s.map.ToSource(s.text, end);
  return file.substr(a, b - a);
}

// Russian letters А-я (no ё) and ASCII, as Windows-1251 encodes them.
std::string ToWindows1251(const std::string& utf8) {
  std::string out;
  for (size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      continue;
    }
    const unsigned cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3Fu);
    out += static_cast<char>(cp - 0x350);
  }
  return out;
}

}  // namespace

TEST_CASE("an SRT file gives its cues' text, lines joined, numbers and times left out", "[text][subtitles]") {
  const std::string srt =
      "1\r\n00:00:01,000 --> 00:00:04,200\r\nThe being formally\r\nknown as Kanye West.\r\n\r\n"
      "2\r\n00:00:04,300 --> 00:00:06,000\r\n<i>West, 41,</i> has been\r\n\r\n"
      "3\r\n00:00:06,100 --> 00:00:08,000\r\n{\\an8}nicknamed <font color=\"#ff0\">Ye</font>.\r\n";
  const SubtitleText s = Read(srt);
  CHECK(s.format == "SRT");
  CHECK(s.text == "The being formally known as Kanye West. West, 41, has been nicknamed Ye.");
  REQUIRE(s.cues.size() == 3);
  CHECK(s.cues[0].start_ms == 1000);
  CHECK(s.cues[0].end_ms == 4200);
  CHECK(s.cues[1].start_ms == 4300);
  CHECK(s.cues[2].end_ms == 8000);
  CHECK(s.cues[2].line == 11);
  // Each cue's text is found at its place in the file.
  CHECK(SourceOf(s, srt, s.cues[1].begin, s.cues[1].begin + 9) == "West, 41,</i>");
  CHECK(SourceOf(s, srt, s.cues[2].end - 3, s.cues[2].end) == "Ye</font>.");
  CHECK(s.text.substr(s.cues[2].begin, s.cues[2].end - s.cues[2].begin) == "nicknamed Ye.");
}

TEST_CASE("a sentence's span runs from the first cue it touches to the last", "[text][subtitles]") {
  const SubtitleText s = Read(
      "1\n00:00:01,000 --> 00:00:02,000\nOne sentence\n\n"
      "2\n00:00:02,500 --> 00:00:03,000\nacross two cues. Two\n\n"
      "3\n00:00:03,200 --> 00:00:05,000\nhere. Three.\n");
  int64_t a = -1, b = -1;
  const size_t second = s.text.find("Two");
  REQUIRE(s.Span(0, s.text.find(" Two"), a, b));
  CHECK(a == 1000);
  CHECK(b == 3000);
  REQUIRE(s.Span(second, s.text.find(" Three"), a, b));
  CHECK(a == 2500);
  CHECK(b == 5000);
  REQUIRE(s.Span(s.text.find("Three"), s.text.size(), a, b));
  CHECK(a == 3200);
  CHECK(b == 5000);
  CHECK_FALSE(s.Span(s.text.size(), s.text.size() + 1, a, b));
}

TEST_CASE("WebVTT: header, NOTE, STYLE, REGION, identifiers, settings and tags are not text", "[text][subtitles]") {
  const std::string vtt =
      "\xEF\xBB\xBFWEBVTT - a film\nKind: captions\nLanguage: en\n\n"
      "NOTE made by hand\nover two lines\n\n"
      "STYLE\n::cue { color: yellow }\n\n"
      "REGION\nid:fred width:40%\n\n"
      "intro\n00:01.000 --> 00:04.200 align:start position:10% region:fred\n"
      "<v Roger Bingham>We are in <c.loud>New York</c> &amp; <b>Boston</b>\n\n"
      "01:00:00.000 --> 01:00:02.500\n<00:00:00.500>Karaoke <00:00:01.000>time &lt;3 &#x41;&#66;\n";
  const SubtitleText s = Read(vtt, "film.txt");
  CHECK(s.format == "WebVTT");
  CHECK(s.text == "We are in New York & Boston\n\nKaraoke time <3 AB");
  REQUIRE(s.cues.size() == 2);
  CHECK(s.cues[0].start_ms == 1000);
  CHECK(s.cues[0].end_ms == 4200);
  CHECK(s.cues[1].start_ms == 3600000);
  CHECK(s.cues[1].end_ms == 3602500);
  CHECK(SourceOf(s, vtt, 0, 9) == "We are in");
  // A decoded reference maps to its '&'.
  CHECK(vtt.substr(s.map.ToSource(s.text, s.text.find('&')), 5) == "&amp;");
}

TEST_CASE("cues far apart are paragraphs; close cues flow into one another", "[text][subtitles]") {
  const SubtitleText s = Read(
      "1\n00:00:01,000 --> 00:00:02,000\nA title\n\n"
      "2\n00:00:05,000 --> 00:00:06,000\nFirst line\n\n"
      "3\n00:00:07,999 --> 00:00:09,000\ngoes on.\n");
  CHECK(s.text == "A title\n\nFirst line goes on.");
}

TEST_CASE("out-of-order cues are sorted by start, overlapping ones kept", "[text][subtitles]") {
  const SubtitleText s = Read(
      "2\n00:00:03,000 --> 00:00:04,000\nsecond\n\n"
      "1\n00:00:01,000 --> 00:00:03,500\nfirst\n\n"
      "3\n00:00:03,000 --> 00:00:05,000\nthird\n");
  CHECK(s.text == "first second third");
  REQUIRE(s.cues.size() == 3);
  CHECK(s.cues[0].line == 6);
  int64_t a = -1, b = -1;
  REQUIRE(s.Span(0, s.text.find("second") + 1, a, b));
  CHECK(a == 1000);
  CHECK(b == 4000);
}

TEST_CASE("SRT quirks: a missing blank line, a blank line inside a cue, no numbers", "[text][subtitles]") {
  CHECK(Read("1\n00:00:01,000 --> 00:00:02,000\nOne.\n2\n00:00:02,000 --> 00:00:03,000\nTwo.\n").text ==
        "One. Two.");
  CHECK(Read("1\n00:00:01,000 --> 00:00:02,000\nOne\n\nand more.\n\n2\n00:00:02,000 --> 00:00:03,000\nTwo.\n")
            .text == "One and more. Two.");
  CHECK(Read("00:00:01,000 --> 00:00:02,000\nOne.\n\n00:00:02,000 --> 00:00:03,000\nTwo.\n").text ==
        "One. Two.");
  CHECK(Read("1\r00:00:01.000 --> 00:00:02.000\rClassic Mac line ends.\r").text == "Classic Mac line ends.");
}

TEST_CASE("subtitles are known by their content, or by a .srt / .vtt name", "[text][subtitles]") {
  CHECK(LooksLikeSubtitles("a.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n"));
  CHECK(LooksLikeSubtitles("a.txt", "\n\n1\n00:00:01,000 --> 00:00:02,000\nHi\n"));
  CHECK(LooksLikeSubtitles("a.txt", "1\n00:00:0x,000 --> 00:00:02,000\nHi\n"));
  CHECK(LooksLikeSubtitles("a.SRT", "Just prose.\n"));
  CHECK(LooksLikeSubtitles("a.vtt", "Just prose.\n"));
  CHECK_FALSE(LooksLikeSubtitles("a.txt", "WEBVTTS\n"));
  CHECK_FALSE(LooksLikeSubtitles("a.txt", "1\nThe first chapter --> begins.\n"));
  CHECK_FALSE(LooksLikeSubtitles("a.txt", "2019\n\nA year.\n"));
}

TEST_CASE("a broken subtitle file is one line naming the file and line", "[text][subtitles]") {
  struct Case {
    const char* what;
    std::string bytes, name, message;
  };
  const std::vector<Case> cases = {
      {"malformed time", "1\n00:00:01,000 --> 00:00:0x,000\nHi\n", "f.srt",
       "f.srt:2: malformed cue time line '00:00:01,000 --> 00:00:0x,000' (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm')"},
      {"minutes over 59", "1\n00:61:01,000 --> 00:62:00,000\nHi\n", "f.srt",
       "f.srt:2: malformed cue time line '00:61:01,000 --> 00:62:00,000' (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm')"},
      {"two-digit milliseconds", "WEBVTT\n\n00:01.00 --> 00:02.000\nHi\n", "f.vtt",
       "f.vtt:3: malformed cue time line '00:01.00 --> 00:02.000' (expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm')"},
      {"missing time line", "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\nThere\n", "f.srt",
       "f.srt:6: cue 2 has no time line (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm', found 'There')"},
      {"WebVTT block without time", "WEBVTT\n\nintro\nHello\n", "f.vtt",
       "f.vtt:4: cue 'intro' has no time line (expected 'HH:MM:SS.mmm --> HH:MM:SS.mmm', found 'Hello')"},
      {"end before start", "1\n00:00:05,000 --> 00:00:04,000\nHi\n", "f.srt",
       "f.srt:2: the cue ends before it starts (00:00:05.000 --> 00:00:04.000)"},
      {"cue with no text", "1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\nHi\n", "f.srt",
       "f.srt:2: the cue 00:00:01.000 --> 00:00:02.000 has no text"},
      {"cue of markup only", "WEBVTT\n\n00:01.000 --> 00:02.000\n<i></i>\n", "f.vtt",
       "f.vtt:3: the cue 00:00:01.000 --> 00:00:02.000 has no text"},
      {"ends after a number", "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2", "f.srt",
       "f.srt:5: the file ends inside a cue, before its time line (truncated?)"},
      {"ends after a time line", "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:02,000 --> 00:00:03,000\n",
       "f.srt", "f.srt:6: the file ends inside a cue, before its text (truncated?)"},
      {"a .vtt of prose", "\nOnce upon a time.\n", "f.vtt",
       "f.vtt:2: a WebVTT file must start with 'WEBVTT', not 'Once upon a time.'"},
      {"a .srt of prose", "Once upon a time.\n", "f.srt",
       "f.srt:1: expected a cue number or a time line, found 'Once upon a time.'"},
      {"no cues", "WEBVTT\n\nNOTE nothing here\n", "f.vtt", "f.vtt: a WebVTT file without cues"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    CHECK(ErrorOf(c.bytes, c.name) == c.message);
  }
}

TEST_CASE("more cues than the limit refuse the file at the first one over", "[text][subtitles]") {
  std::string srt;
  for (size_t k = 0; k <= kMaxSubtitleCues; ++k) {
    srt += std::to_string(k + 1) + "\n00:00:01,000 --> 00:00:02,000\nx\n\n";
  }
  CHECK(ErrorOf(srt) == "film.srt:" + std::to_string(4 * kMaxSubtitleCues + 2) + ": more than " +
                            std::to_string(kMaxSubtitleCues) + " cues (a film has a few thousand); refused");
}

TEST_CASE("CheckText reads a Windows-1251 SRT as subtitles, offsets into the file", "[text][subtitles]") {
  const std::string russian = "Привет, мир. Это проверка кодировки субтитров, и она длинная.";
  const std::string srt = "1\r\n00:00:01,000 --> 00:00:02,000\r\n" + ToWindows1251(russian) + "\r\n";
  Result<TextFile> file = CheckText("ru.srt", srt);
  REQUIRE(file.ok());
  CHECK(file->encoding == "windows-1251");
  REQUIRE(file->subtitles.has_value());
  CHECK(file->subtitles->text == russian);
  const size_t in_bytes = file->subtitles->map.ToSource(file->subtitles->text, 0);
  CHECK(file->Source(in_bytes) == 34);
  Result<TextFile> plain = CheckText("a.txt", "Just prose.\n");
  REQUIRE(plain.ok());
  CHECK_FALSE(plain->subtitles.has_value());
  Result<TextFile> binary = CheckText("b.srt", std::string("1\n00:00:01,000 --> 00:00:02,000\nH\0i\n", 36));
  REQUIRE_FALSE(binary.ok());
  CHECK(binary.status().message() == "b.srt:3:2: NUL byte in text at byte offset 33 (a binary file?)");
}

TEST_CASE("fuzz: the file's last cue sorted first keeps the map inside the file", "[text][subtitles]") {
  // subtitle_fuzz found it: the separator after a cue took its place in the
  // file from the cue before it, past the end when that cue ended the file.
  const std::string srt =
      "1\n00:00:05,000 --> 00:00:06,000\nSecond.\n\n"
      "2\n00:00:01,000 --> 00:00:02,000\nFirst, at the end of the file.";
  const SubtitleText s = Read(srt);
  CHECK(s.text == "First, at the end of the file.\n\nSecond.");
  for (size_t k = 0; k <= s.text.size(); ++k) {
    INFO(k);
    CHECK(s.map.ToSource(s.text, k) <= srt.size());
  }
  CHECK(SourceOf(s, srt, s.cues[1].begin, s.cues[1].end) == "Second.");
}
