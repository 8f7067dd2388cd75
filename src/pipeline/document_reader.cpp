#include "pipeline/document_reader.h"

#include <algorithm>

#include "common/utf8.h"
#include "segment/sentence_splitter.h"
#include "text/paragraphs.h"
#include "text/text_file.h"

namespace sverka::pipeline {
namespace {

void AddSentence(SideText& side, std::string_view bytes, text::Span span, size_t base,
                 int32_t paragraph) {
  tm::SentenceRecord s;
  s.paragraph = paragraph;
  s.text = JoinWrappedLines(bytes.substr(span.begin, span.size()));  // issue 5: keeps double spaces (OmegaT)
  s.start_offset = static_cast<int64_t>(base + span.begin);
  s.end_offset = static_cast<int64_t>(base + span.end);
  side.sentences.push_back(std::move(s));
}

}  // namespace

Result<SideText> ReadSide(const std::string& path, Language lang, const ReadOptions& options) {
  Result<text::TextFile> file = text::ReadTextFile(path);
  if (!file.ok()) return file.status();
  SideText side;
  side.file = path;
  side.hash = tm::ContentHash(file->bytes);
  const std::string_view bytes = file->bytes;
  if (options.presegmented) {
    // Paragraphs still count: a blank line starts a new one.
    int32_t paragraph = 0;
    size_t expected_next = 0;
    for (const text::Span line : text::SplitNonBlankLines(bytes)) {
      const std::string_view gap = bytes.substr(expected_next, line.begin - expected_next);
      if (!side.sentences.empty() && std::count(gap.begin(), gap.end(), '\n') >= 2) ++paragraph;
      AddSentence(side, bytes, line, file->base_offset, paragraph);
      expected_next = line.end;
    }
  } else {
    Result<std::unique_ptr<segment::SentenceSplitter>> splitter =
        segment::SentenceSplitter::Create(lang);
    if (!splitter.ok()) return splitter.status();
    int32_t paragraph = 0;
    for (const text::Span para : text::SplitParagraphs(bytes)) {
      const std::string_view para_text = bytes.substr(para.begin, para.size());
      for (const text::Span s : (*splitter)->Split(para_text)) {
        AddSentence(side, bytes, {para.begin + s.begin, para.begin + s.end}, file->base_offset,
                    paragraph);
      }
      ++paragraph;
    }
  }
  return side;
}

}  // namespace sverka::pipeline
