// Reading a large UTF-8 text file a block of whole paragraphs at a time, so
// that `sverka segment` works in flat memory on any size of file.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sverka::text {

class ParagraphReader {
 public:
  // How many bytes are read at a time (a paragraph longer than this grows the buffer).
  static constexpr size_t kBlockBytes = size_t{1} << 20;

  // Opens `path` ("-": standard input) and reads the first block. Fails with
  // kBadInput like ReadTextFile (missing file, a directory).
  static Result<std::unique_ptr<ParagraphReader>> Open(const std::string& path);
  ~ParagraphReader();
  ParagraphReader(const ParagraphReader&) = delete;
  ParagraphReader& operator=(const ParagraphReader&) = delete;

  // True when the file starts as UTF-8 text: a UTF-8 BOM, or a first block
  // that is valid UTF-8 without control bytes. Only then may Next be used;
  // otherwise TakeAll hands the whole file to the ordinary reader.
  bool streamable() const { return streamable_; }

  // The first block as read (for format detection); empty at end of file.
  std::string_view head() const { return buffer_; }
  // The file's name for messages ("<stdin>" for "-").
  const std::string& name() const { return name_; }

  // The next run of whole paragraphs (it ends after a blank line, or at the
  // end of the file), BOM removed; `*offset` is where it starts in the file.
  // Empty at the end. Fails with kBadInput "NAME:LINE:COL: invalid UTF-8
  // (byte 0xC3 at byte offset N); ..." or a control-byte error.
  Result<std::string_view> Next(size_t* offset);

  // Everything not yet returned by Next, the first block included (once).
  Result<std::string> TakeAll();

 private:
  ParagraphReader(std::string name, std::FILE* file, bool owned);
  Status Fill();

  std::string name_;
  std::FILE* file_;
  bool owned_;
  bool eof_ = false;
  bool streamable_ = false;
  std::string buffer_;   // read but not yet returned
  std::string current_;  // what the last Next returned
  size_t offset_ = 0;    // file offset of buffer_[0]
  size_t line_ = 1;      // line number of buffer_[0], for messages
};

}  // namespace sverka::text
