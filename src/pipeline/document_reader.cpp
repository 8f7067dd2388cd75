#include "pipeline/document_reader.h"

#include <algorithm>
#include <optional>

#include "common/utf8.h"
#include "pipeline/side_headings.h"
#include "segment/sentence_splitter.h"
#include "text/html_text.h"
#include "text/package_text.h"
#include "text/paragraph_reader.h"
#include "text/sentence_text.h"
#include "text/srx_file.h"
#include "text/paragraphs.h"
#include "text/text_file.h"

namespace sverka::pipeline {
namespace {

// The text sentences are cut from, and how its offsets lead back to the file.
struct Source {
  const text::TextFile& file;
  std::string_view text;              // file.bytes, or the HTML's or subtitles' running text
  const text::OffsetMap* html_map;    // text -> file.bytes for HTML and subtitles, else null
  size_t ToFile(size_t offset) const {
    return file.Source(html_map ? html_map->ToSource(text, offset) : offset);
  }
  // Subtitles: the time span of the cues `text` [begin, end) came from.
  void SetTimes(SentenceRecord& s, size_t begin, size_t end) const {
    if (file.subtitles) file.subtitles->Span(begin, end, s.start_ms, s.end_ms);
  }
};

// Why `splitter` gave up (an SRX rule over ICU's match limit), placed at
// the paragraph that made it, at byte `offset` of file `name`; else ok.
Status SplitterError(const segment::SentenceSplitter& splitter, const std::string& name,
                     size_t offset) {
  const Status e = splitter.error();
  return e.ok() ? e : e.WithContext(name + ": the paragraph at byte offset " + std::to_string(offset));
}

void AddSentence(SideText& side, const Source& source, text::Span span, int32_t paragraph) {
  SentenceRecord s;
  s.paragraph = paragraph;
  s.text = text::SentenceText(source.text.substr(span.begin, span.size()));
  s.start_offset = static_cast<int64_t>(source.ToFile(span.begin));
  s.end_offset = static_cast<int64_t>(source.ToFile(span.end));
  source.SetTimes(s, span.begin, span.end);
  side.sentences.push_back(std::move(s));
}

size_t SkipBlank(std::string_view text, size_t i) {
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  return i;
}

// The pieces of the sentence just added (`span` of the source) between the
// declined cuts inside it; nothing when the pieces' texts do not join into
// the sentence's (a safeguard: the sentence then stays whole).
void AddPieces(SideText& side, const Source& source, text::Span span,
               std::span<const segment::DeclinedCut> declined) {
  SentencePieces p;
  p.sentence = static_cast<int32_t>(side.sentences.size()) - 1;
  const SentenceRecord& sentence = side.sentences.back();
  size_t begin = span.begin;
  std::string joined;
  for (const segment::DeclinedCut& cut : declined) {
    if (cut.offset <= begin || cut.offset >= span.end) continue;
    const size_t next = SkipBlank(source.text, cut.offset);
    if (next >= span.end) break;
    SentenceRecord piece;
    piece.paragraph = sentence.paragraph;
    piece.text = text::SentenceText(source.text.substr(begin, cut.offset - begin));
    piece.start_offset = static_cast<int64_t>(source.ToFile(begin));
    piece.end_offset = static_cast<int64_t>(source.ToFile(cut.offset));
    source.SetTimes(piece, begin, cut.offset);
    if (piece.text.empty()) continue;
    joined += piece.text;
    p.joins.emplace_back(JoinedSpace(source.text.substr(cut.offset, next - cut.offset)));
    joined += p.joins.back();
    p.priors.push_back(cut.prior);
    p.pieces.push_back(std::move(piece));
    begin = next;
  }
  if (p.pieces.empty()) return;
  SentenceRecord last;
  last.paragraph = sentence.paragraph;
  last.text = text::SentenceText(source.text.substr(begin, span.end - begin));
  last.start_offset = static_cast<int64_t>(source.ToFile(begin));
  last.end_offset = sentence.end_offset;
  source.SetTimes(last, begin, span.end);
  joined += last.text;
  p.pieces.push_back(std::move(last));
  if (joined != sentence.text || p.pieces.front().start_offset != sentence.start_offset) return;
  side.pieces.push_back(std::move(p));
}

// Whether paragraph `para` is the first paragraph of an HTML heading
// (HtmlText::headings, ascending); `next` walks through them.
bool MarkupHeading(const std::vector<std::pair<size_t, size_t>>& headings, text::Span para, size_t& next) {
  while (next < headings.size() && headings[next].second <= para.begin) ++next;
  if (next == headings.size() || headings[next].first > para.begin || para.end > headings[next].second) {
    return false;
  }
  ++next;
  return true;
}

// The SRX rules (if any) and the splitter for one side.
Result<std::unique_ptr<segment::SentenceSplitter>> MakeSplitter(Language lang,
                                                                const ReadOptions& options) {
  segment::SplitterOptions splitter_options = options.splitter;
  if (!options.srx_file.empty()) {
    SVERKA_ASSIGN_OR_RETURN(text::TextFile srx_file, text::ReadTextFile(options.srx_file));
    SVERKA_ASSIGN_OR_RETURN(text::SrxRules srx,
                            text::ParseSrx(options.srx_file, srx_file.bytes, LanguageCode(lang)));
    splitter_options.srx = std::make_shared<const text::SrxRules>(std::move(srx));
  }
  return segment::SentenceSplitter::Create(lang, splitter_options);
}

Result<SideText> SideFromFile(const std::string& path, Result<text::TextFile> file, Language lang,
                              const ReadOptions& options) {
  if (!file.ok()) return file.status();
  SideText side;
  side.file = path;
  side.hash = SideHash(*file);
  std::optional<text::HtmlText> html;
  const bool is_html = !file->package && !file->subtitles && (options.format == InputFormat::kHtml ||
                                           (options.format == InputFormat::kAuto &&
                                            text::LooksLikeHtml(path, file->bytes)));
  if (is_html) {
    SVERKA_ASSIGN_OR_RETURN(text::HtmlText extracted,
                            text::ExtractHtmlText(file->name, file->bytes, options.keep_boilerplate));
    html = std::move(extracted);
    for (text::HtmlText::LeftOut& l : html->left_out) {
      side.left_out.push_back({static_cast<int64_t>(file->Source(l.begin)),
                               static_cast<int64_t>(file->Source(l.end)), std::move(l.why), std::move(l.text)});
    }
  }
  const text::SubtitleText* subtitles = file->subtitles ? &*file->subtitles : nullptr;
  const Source source{*file,
                      html        ? std::string_view(html->text)
                      : subtitles ? std::string_view(subtitles->text)
                                  : std::string_view(file->bytes),
                      html ? &html->map : subtitles ? &subtitles->map : nullptr};
  const std::string_view bytes = source.text;
  const text::ParagraphMode mode = html || file->package || subtitles
                                       ? text::ParagraphMode::kBlankLines
                                       : options.paragraphs;
  if (options.presegmented) {
    // Paragraphs still count: a blank line starts a new one.
    int32_t paragraph = 0;
    size_t expected_next = 0;
    size_t next_heading = 0;  // into html->headings
    for (const text::Span line : text::SplitNonBlankLines(bytes)) {
      const std::string_view gap = bytes.substr(expected_next, line.begin - expected_next);
      if (!side.sentences.empty() && std::count(gap.begin(), gap.end(), '\n') >= 2) ++paragraph;
      const auto first = static_cast<int32_t>(side.sentences.size());
      const bool by_markup = html && MarkupHeading(html->headings, line, next_heading);
      if (auto h = HeadingOfParagraph(bytes.substr(line.begin, line.size()), by_markup, first, lang)) {
        side.headings.push_back(*h);
      }
      AddSentence(side, source, line, paragraph);
      expected_next = line.end;
    }
  } else {
    SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<segment::SentenceSplitter> splitter, MakeSplitter(lang, options));
    int32_t paragraph = 0;
    std::vector<segment::DeclinedCut> declined;
    size_t next_heading = 0;  // into html->headings
    for (const text::Span para : text::SplitParagraphs(bytes, mode)) {
      const std::string_view para_text = bytes.substr(para.begin, para.size());
      const bool by_markup = html ? MarkupHeading(html->headings, para, next_heading)
                                  : std::binary_search(file->heading_paragraphs.begin(),
                                                       file->heading_paragraphs.end(), paragraph);
      const auto first = static_cast<int32_t>(side.sentences.size());
      declined.clear();
      const std::vector<text::Span> spans = splitter->Split(para_text, &declined);
      for (segment::DeclinedCut& d : declined) d.offset += para.begin;
      for (const text::Span s : spans) {
        const text::Span span{para.begin + s.begin, para.begin + s.end};
        AddSentence(side, source, span, paragraph);
        if (!declined.empty()) AddPieces(side, source, span, declined);
      }
      SVERKA_RETURN_IF_ERROR(SplitterError(*splitter, file->name, source.ToFile(para.begin)));
      if (static_cast<int32_t>(side.sentences.size()) > first) {
        if (auto h = HeadingOfParagraph(para_text, by_markup, first, lang)) side.headings.push_back(*h);
      }
      ++paragraph;
    }
  }
  if (options.max_sentence_bytes > 0) {
    for (const SentenceRecord& s : side.sentences) {
      if (s.text.size() <= options.max_sentence_bytes) continue;
      return Status::InvalidData(path + ": a sentence of " + std::to_string(s.text.size() >> 20) +
                              " MiB at byte offset " + std::to_string(s.start_offset) +
                              " (at most " + std::to_string(options.max_sentence_bytes >> 20) +
                              " MiB can be stored and exported); is the text punctuated?");
    }
  }
  if (options.check_script) SVERKA_RETURN_IF_ERROR(CheckScript(side, lang));
  return side;
}

}  // namespace

void ApplyCuts(SideText& side, std::span<const std::pair<int32_t, int32_t>> cuts) {
  if (!cuts.empty()) {
    std::vector<SentenceRecord> out;
    out.reserve(side.sentences.size() + cuts.size());
    auto pieces = side.pieces.begin();
    auto cut = cuts.begin();
    for (int32_t s = 0; s < static_cast<int32_t>(side.sentences.size()); ++s) {
      while (pieces != side.pieces.end() && pieces->sentence < s) ++pieces;
      while (cut != cuts.end() && cut->first < s) ++cut;
      if (cut == cuts.end() || cut->first != s || pieces == side.pieces.end() || pieces->sentence != s) {
        out.push_back(std::move(side.sentences[s]));
        continue;
      }
      // Pieces [first, k] make one sentence at each cut after piece k.
      const SentencePieces& p = *pieces;
      size_t first = 0;
      auto emit = [&](size_t last) {
        SentenceRecord r = p.pieces[first];
        for (size_t k = first + 1; k <= last; ++k) {
          r.text += p.joins[k - 1] + p.pieces[k].text;
          r.end_ms = std::max(r.end_ms, p.pieces[k].end_ms);  // overlapping cues: the latest end
        }
        r.end_offset = p.pieces[last].end_offset;
        out.push_back(std::move(r));
        first = last + 1;
      };
      for (; cut != cuts.end() && cut->first == s; ++cut) emit(static_cast<size_t>(cut->second));
      emit(p.pieces.size() - 1);
    }
    // A heading's sentence moves down by the cuts made before it.
    for (align::HeadingMark& h : side.headings) {
      h.sentence += static_cast<int32_t>(std::count_if(
          cuts.begin(), cuts.end(), [&](const std::pair<int32_t, int32_t>& c) { return c.first < h.sentence; }));
    }
    side.sentences = std::move(out);
  }
  side.pieces.clear();
}

Status CheckScript(const SideText& side, Language lang) {
  ScriptCounts n;
  for (const SentenceRecord& s : side.sentences) {
    const ScriptCounts k = CountScripts(s.text);
    n.cyrillic += k.cyrillic;
    n.latin += k.latin;
  }
  const size_t letters = n.cyrillic + n.latin;
  if (letters < 40) return Status::Ok();  // too little to judge: a title, a list of numbers
  const double share = static_cast<double>(n.cyrillic) / static_cast<double>(letters);
  const bool russian = lang == Language::kRussian;
  if (russian ? share >= 0.25 : share <= 0.5) return Status::Ok();
  const int percent = static_cast<int>(share * 100 + 0.5);
  return Status::InvalidData(side.file + ": does not look " + (russian ? "Russian" : "English") +
                          ": " + std::to_string(percent) +
                          " % of its letters are Cyrillic; are the Russian and English files "
                          "swapped? (--no-script-check aligns it anyway)");
}

Result<SideText> ReadSide(const std::string& path, Language lang, const ReadOptions& options) {
  return SideFromFile(path, text::ReadTextFile(path, options.decode), lang, options);
}

Result<SideText> ReadSideText(const std::string& name, std::string bytes, Language lang,
                              const ReadOptions& options) {
  return SideFromFile(name, text::CheckText(name, std::move(bytes), options.decode), lang, options);
}

Result<text::TextFile> ReadSideFile(const std::string& path, const ReadOptions& options) {
  return text::ReadTextFile(path, options.decode);
}

std::string SideHash(const text::TextFile& file) { return tm::ContentHash(file.bytes); }

Result<SideText> ReadSide(const std::string& path, text::TextFile file, Language lang,
                          const ReadOptions& options) {
  return SideFromFile(path, std::move(file), lang, options);
}

Status StreamSide(const std::string& path, Language lang, const ReadOptions& options,
                  const SentenceSink& sink, const CandidateSink& candidates, const LeftOutSink& left_out) {
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<text::ParagraphReader> reader, text::ParagraphReader::Open(path));
  text::ParagraphReader& in = *reader;
  // A subtitle file is known by its head too (CheckText decides on the whole text).
  const bool plain = !text::LooksLikePackage(in.head()) && !text::LooksLikeSubtitles(path, in.head()) &&
                     (options.format == InputFormat::kText ||
                      (options.format == InputFormat::kAuto && !text::LooksLikeHtml(path, in.head())));
  const text::ParagraphMode mode = options.paragraphs == text::ParagraphMode::kAuto
                                       ? text::DetectParagraphMode(in.head())
                                       : options.paragraphs;
  if (!in.streamable() || !plain || options.presegmented || !options.decode.encoding.empty() ||
      options.decode.replace_invalid || mode != text::ParagraphMode::kBlankLines) {
    SVERKA_ASSIGN_OR_RETURN(std::string bytes, in.TakeAll());
    // ReadSide reads the file itself; hand it the bytes already read instead.
    SVERKA_ASSIGN_OR_RETURN(SideText side,
                            SideFromFile(path, text::CheckText(path == "-" ? "<stdin>" : path, std::move(bytes),
                                           options.decode),
                     lang, options));
    auto pieces = side.pieces.begin();
    for (size_t k = 0; k < side.sentences.size(); ++k) {
      if (pieces != side.pieces.end() && pieces->sentence == static_cast<int32_t>(k)) {
        if (candidates) {
          for (size_t c = 0; c + 1 < pieces->pieces.size(); ++c) {
            candidates(pieces->pieces[c].end_offset, pieces->priors[c]);
          }
        }
        ++pieces;
      }
      sink(side.sentences[k]);
    }
    if (left_out) {
      for (const SideText::LeftOut& l : side.left_out) left_out(l);
    }
    return Status::Ok();
  }
  SVERKA_ASSIGN_OR_RETURN(std::unique_ptr<segment::SentenceSplitter> splitter, MakeSplitter(lang, options));
  int32_t paragraph = 0;
  bool any = false;
  std::vector<segment::DeclinedCut> declined;
  for (;;) {
    size_t base = 0;
    SVERKA_ASSIGN_OR_RETURN(std::string_view chunk, in.Next(&base));
    if (chunk.empty()) break;
    for (const text::Span para : text::SplitParagraphs(chunk)) {
      const std::string_view para_text = chunk.substr(para.begin, para.size());
      declined.clear();
      for (const text::Span s : splitter->Split(para_text, candidates ? &declined : nullptr)) {
        for (const segment::DeclinedCut& d : declined) {
          if (d.offset > s.begin && d.offset < s.end) candidates(static_cast<int64_t>(base + para.begin + d.offset), d.prior);
        }
        SentenceRecord record;
        record.paragraph = paragraph;
        record.text = text::SentenceText(para_text.substr(s.begin, s.size()));
        record.start_offset = static_cast<int64_t>(base + para.begin + s.begin);
        record.end_offset = static_cast<int64_t>(base + para.begin + s.end);
        sink(record);
        any = true;
      }
      SVERKA_RETURN_IF_ERROR(SplitterError(*splitter, in.name(), base + para.begin));
      ++paragraph;
    }
  }
  if (!any) return Status::InvalidData(in.name() + ": empty file (no text to read)");
  return Status::Ok();
}

}  // namespace sverka::pipeline
