// One side of a pair: a text file read, split into paragraphs and sentences.
#pragma once

#include <string>
#include <vector>

#include "common/language.h"
#include "common/status.h"
#include "segment/sentence_splitter.h"
#include "tm/tm_store.h"

namespace sverka::pipeline {

struct SideText {
  std::string file;  // as given
  std::string hash;  // tm::ContentHash of the file's bytes
  std::vector<tm::SentenceRecord> sentences;
};

struct ReadOptions {
  // One sentence per line (blank lines end paragraphs); no segmentation.
  bool presegmented = false;
  // How sentences are found (built-in rules, a user's SRX file, plain ICU).
  segment::SplitterOptions splitter;
};

// Reads and segments `path` ("-": standard input). Fails with kBadInput on
// unusable files (see text::ReadTextFile) and when no sentence is found.
Result<SideText> ReadSide(const std::string& path, Language lang, const ReadOptions& options);

}  // namespace sverka::pipeline
