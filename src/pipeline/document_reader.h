// One side of a pair: a text file read, split into paragraphs and sentences.
#pragma once

#include <functional>
#include <span>
#include <utility>
#include <string>
#include <vector>

#include "align/heading_pairs.h"
#include "common/language.h"
#include "common/status.h"
#include "common/document.h"
#include "segment/sentence_splitter.h"
#include "text/encoding.h"
#include "text/paragraphs.h"
#include "text/text_file.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

// A sentence the segmenter could have cut (segment::DeclinedCut): its
// pieces, which the aligner cuts where the translation confirms a sentence
// break (issue 20). The sentence's text is the pieces' texts with
// joins[k] between piece k and k + 1.
struct SentencePieces {
  int32_t sentence = 0;                    // index into SideText::sentences
  std::vector<SentenceRecord> pieces;  // text and file offsets of each; the sentence's paragraph
  std::vector<std::string> joins;
  std::vector<double> priors;              // that a sentence ends after piece k
};

struct SideText {
  std::string file;  // as given
  std::string hash;  // tm::ContentHash of the file's bytes
  std::vector<SentenceRecord> sentences;
  // Ascending by sentence; empty for presegmented text, SRX rules or plain
  // ICU, and once the aligner has decided (ApplyCuts).
  std::vector<SentencePieces> pieces;
  // HTML: the page's text left out as boilerplate (text::HtmlText::left_out),
  // as byte offsets into the file.
  struct LeftOut {
    int64_t start = 0, end = 0;
    std::string why, text;
  };
  std::vector<LeftOut> left_out;
  // The sentences that begin a headed section (side_headings.h), ascending:
  // a paragraph that is a numbered heading ("Глава 5", "Chapter V"), or an
  // HTML <h1>-<h6>. Those both sides share bound the alignment.
  std::vector<align::HeadingMark> headings;
};

// Cuts `side`'s sentences after the pieces listed in `cuts` ({sentence,
// piece}, ascending, of side.pieces) and forgets the pieces: the new
// sentences have their pieces' texts and offsets.
void ApplyCuts(SideText& side, std::span<const std::pair<int32_t, int32_t>> cuts);

enum class InputFormat {
  kAuto,  // HTML when text::LooksLikeHtml, else plain text
  kText,
  kHtml,
};

struct ReadOptions {
  // One sentence per line (blank lines end paragraphs); no segmentation.
  bool presegmented = false;
  // How sentences are found (built-in rules, a user's SRX file, plain ICU).
  segment::SplitterOptions splitter;
  // Encoding (named or recognised) and what to do with invalid UTF-8.
  text::DecodeOptions decode;
  // Plain text only: how paragraphs are marked.
  text::ParagraphMode paragraphs = text::ParagraphMode::kAuto;
  InputFormat format = InputFormat::kAuto;
  // HTML: read the whole page, menus, banners and footers too, not only the
  // article (text::ExtractHtmlText).
  bool keep_boilerplate = false;
  // An SRX 2.0 file whose rules for the side's language replace the built-in
  // segmentation (empty: none).
  std::string srx_file;
  // Refuse a side whose letters are mostly of the other language's script
  // (the Russian and English files swapped, or the wrong file): see
  // CheckScript. Off for `segment`, on for the commands that pair sides.
  bool check_script = false;
  // Refuse a sentence longer than this many bytes (0: no limit): a unit
  // that long could not be imported back from TMX (formats::kMaxSegmentBytes),
  // and it is not a sentence but unpunctuated or binary-like text. Off for
  // `segment`, on for the commands that pair sides.
  size_t max_sentence_bytes = 0;
};

// Fails with kBadInput when `side`, read as `lang`, has at least 40 letters
// and under 25 % of them Cyrillic (Russian) or over 50 % Cyrillic (English):
// no translation between the two reads like that, and aligning it would
// store nonsense. The message names the file and the share.
Status CheckScript(const SideText& side, Language lang);

// Reads and segments `path` ("-": standard input): plain text or HTML, in
// any encoding text::DecodeText reads. Sentence offsets are byte offsets
// into the file as stored. Fails with kBadInput on unusable files (see
// text::ReadTextFile, text::ExtractHtmlText), kUsage on an unknown encoding name.
Result<SideText> ReadSide(const std::string& path, Language lang, const ReadOptions& options);

// Like ReadSide, on text already in memory (the JSON-lines filter):
// `name` stands for the file in messages and in SideText::file.
Result<SideText> ReadSideText(const std::string& name, std::string bytes, Language lang,
                              const ReadOptions& options);

// Reads and decodes `path` once (text::ReadTextFile with options.decode),
// for a caller that needs its hash before deciding to segment it: `batch`
// finds unchanged pairs by SideHash, then segments the same bytes with
// ReadSide(path, file, ...) instead of reading the file again.
Result<text::TextFile> ReadSideFile(const std::string& path, const ReadOptions& options);

// The hash ReadSide gives the file `file` was read from (tm::ContentHash of
// its decoded text).
std::string SideHash(const text::TextFile& file);

// As ReadSide, on `file` read from `path` by ReadSideFile.
Result<SideText> ReadSide(const std::string& path, text::TextFile file, Language lang,
                          const ReadOptions& options);

// Called with each sentence in order; `text` is white-space-collapsed.
using SentenceSink = std::function<void(const SentenceRecord&)>;

// Like ReadSide, but hands each sentence to `sink` as soon as it is found.
// A plain UTF-8 text file (the common case) is read a block of paragraphs
// at a time, so memory stays flat however large the file; other inputs
// (HTML, other encodings, --replace-invalid, --paragraphs lines) are read
// whole through ReadSide. An error found late in a streamed file comes after
// the sentences before it were already given to `sink`.
//
// With `candidates`, each cut the segmenter declined inside a sentence
// (segment::DeclinedCut: the aligner may yet cut there) is handed to it,
// as the file offset where the first piece ends and its prior, before the
// sentence holding it goes to `sink`.
using CandidateSink = std::function<void(int64_t offset, double prior)>;
// With `left_out`, the text an HTML page left out (SideText::left_out) is
// handed to it after the last sentence.
using LeftOutSink = std::function<void(const SideText::LeftOut&)>;
Status StreamSide(const std::string& path, Language lang, const ReadOptions& options,
                  const SentenceSink& sink, const CandidateSink& candidates = {},
                  const LeftOutSink& left_out = {});

}  // namespace sverka::pipeline
