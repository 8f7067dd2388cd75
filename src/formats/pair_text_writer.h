// Writing pairs as plain text (doc/cli.md, "export formats"): TSV, one pair a
// line "Russian<TAB>English" (LF Aligner, spreadsheets), or "parallel", two
// line-aligned files PREFIX.<ru-code> and PREFIX.<en-code> (MT training
// pipelines). Both are line formats, so tabs, CR and LF inside a text are
// replaced by one space each (counted in flattened()); TMX keeps them exactly.
// Files appear only when Commit() succeeds: each is written through an
// OutputFile (output_file.h).
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "common/output_file.h"

namespace sverka::formats {

enum class PairTextFormat { kTsv, kParallel };

class PairTextWriter {
 public:
  // kTsv writes `path`; kParallel writes `path` + "." + ru_code and + en_code.
  // Fails with kBadInput when a temporary file cannot be created, kUsage
  // when a file to write is a directory or one of `inputs` (CheckOutputPath).
  static Result<std::unique_ptr<PairTextWriter>> Create(PairTextFormat format,
                                                        const std::string& path,
                                                        const std::string& ru_code,
                                                        const std::string& en_code,
                                                        const std::vector<std::string>& inputs = {});
  // Removes the temporary files unless Commit() succeeded.
  ~PairTextWriter();
  PairTextWriter(const PairTextWriter&) = delete;
  PairTextWriter& operator=(const PairTextWriter&) = delete;

  Status Add(std::string_view ru, std::string_view en);
  Status Commit();
  size_t units() const { return units_; }
  size_t flattened() const { return flattened_; }  // pairs whose text had a tab or line break
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  PairTextWriter() = default;
  Status Write(size_t file, std::string_view text);
  PairTextFormat format_ = PairTextFormat::kTsv;
  std::vector<std::string> paths_;
  std::vector<std::unique_ptr<OutputFile>> files_;
  size_t units_ = 0, flattened_ = 0;
};

// `text` with every tab, CR and LF replaced by a space; sets `*changed` when one was.
std::string FlattenLine(std::string_view text, bool* changed);

}  // namespace sverka::formats
