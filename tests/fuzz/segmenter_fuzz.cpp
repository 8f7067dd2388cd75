// Sentence splitting, then word tokens and aligner features, on any text the
// reader can hand on (fuzz_util.h ReaderText). The first byte chooses the
// language, the engine and the paragraph mode.
//
// Checks: sentences are ordered, disjoint, non-empty spans of their
// paragraph, trimmed of white space and cut on code point starts; every
// token is valid UTF-8.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "align/sentence_features.h"
#include "common/utf8.h"
#include "fuzz_util.h"
#include "segment/sentence_splitter.h"
#include "segment/word_tokenizer.h"
#include "text/paragraphs.h"

namespace {

using namespace sverka;

bool IsBlank(char ch) { return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n'; }

struct Side {
  std::unique_ptr<segment::SentenceSplitter> rules, icu;
  std::unique_ptr<segment::WordTokenizer> tokenizer;
};

Side MakeSide(Language lang) {
  Side side;
  auto rules = segment::SentenceSplitter::Create(lang);
  auto icu = segment::SentenceSplitter::Create(lang, {.engine = segment::Engine::kIcu});
  auto tokenizer = segment::WordTokenizer::Create(lang);
  FUZZ_CHECK(rules.ok() && icu.ok() && tokenizer.ok());
  side.rules = std::move(rules).value();
  side.icu = std::move(icu).value();
  side.tokenizer = std::move(tokenizer).value();
  return side;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 64 * 1024) return 0;
  static Side sides[2] = {MakeSide(Language::kRussian), MakeSide(Language::kEnglish)};
  const uint8_t flags = data[0];
  const Language lang = (flags & 1) ? Language::kEnglish : Language::kRussian;
  Side& side = sides[flags & 1];
  segment::SentenceSplitter& splitter = (flags & 2) ? *side.icu : *side.rules;
  const text::ParagraphMode mode =
      (flags & 4) ? text::ParagraphMode::kLines : text::ParagraphMode::kBlankLines;

  const std::string text = fuzz::ReaderText(fuzz::AsText(data + 1, size - 1));
  align::Vocabulary anchors, words;
  for (const text::Span para : text::SplitParagraphs(text, mode)) {
    const std::string_view paragraph = std::string_view(text).substr(para.begin, para.size());
    size_t last_end = 0;
    for (const text::Span s : splitter.Split(paragraph)) {
      FUZZ_CHECK(s.begin >= last_end && s.begin < s.end && s.end <= paragraph.size());
      FUZZ_CHECK(!IsBlank(paragraph[s.begin]) && !IsBlank(paragraph[s.end - 1]));
      const std::string_view sentence = paragraph.substr(s.begin, s.size());
      FUZZ_CHECK(FindInvalidUtf8(sentence) == std::nullopt);
      last_end = s.end;
      if ((flags & 8) == 0) continue;
      const std::vector<Token> tokens = side.tokenizer->Tokenize(JoinWrappedLines(sentence));
      for (const Token& t : tokens) {
        FUZZ_CHECK(!t.text.empty());
        FUZZ_CHECK(FindInvalidUtf8(t.text) == std::nullopt);
        FUZZ_CHECK(FindInvalidUtf8(t.stem) == std::nullopt);
        FUZZ_CHECK(FindInvalidUtf8(t.latin) == std::nullopt);
      }
      const align::SentenceFeatures f = align::BuildFeatures(
          static_cast<int32_t>(CountCodePoints(sentence)), tokens, lang, anchors, words);
      FUZZ_CHECK(std::is_sorted(f.anchors.begin(), f.anchors.end()));
      FUZZ_CHECK(std::is_sorted(f.words.begin(), f.words.end()));
    }
  }
  return 0;
}
