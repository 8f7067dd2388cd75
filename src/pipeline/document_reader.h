// One side of a pair: a text file read, split into paragraphs and sentences.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/language.h"
#include "common/status.h"
#include "segment/sentence_splitter.h"
#include "text/encoding.h"
#include "text/paragraphs.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

struct SideText {
  std::string file;  // as given
  std::string hash;  // tm::ContentHash of the file's bytes
  std::vector<tm::SentenceRecord> sentences;
};

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
  // An SRX 2.0 file whose rules for the side's language replace the built-in
  // segmentation (empty: none).
  std::string srx_file;
  // Refuse a side whose letters are mostly of the other language's script
  // (the Russian and English files swapped, or the wrong file): see
  // CheckScript. Off for `segment`, on for the commands that pair sides.
  bool check_script = false;
  // Refuse a sentence longer than this many bytes (0: no limit): a unit
  // that long could not be imported back from TMX (tm::kMaxSegmentBytes),
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

// The hash ReadSide would give `path` (tm::ContentHash of its decoded
// text), without segmenting it: how `batch` finds unchanged pairs cheaply.
Result<std::string> SideHash(const std::string& path, const ReadOptions& options);

// Called with each sentence in order; `text` is white-space-collapsed.
using SentenceSink = std::function<void(const tm::SentenceRecord&)>;

// Like ReadSide, but hands each sentence to `sink` as soon as it is found.
// A plain UTF-8 text file (the common case) is read a block of paragraphs
// at a time, so memory stays flat however large the file; other inputs
// (HTML, other encodings, --replace-invalid, --paragraphs lines) are read
// whole through ReadSide. An error found late in a streamed file comes after
// the sentences before it were already given to `sink`.
Status StreamSide(const std::string& path, Language lang, const ReadOptions& options,
                  const SentenceSink& sink);

}  // namespace sverka::pipeline
