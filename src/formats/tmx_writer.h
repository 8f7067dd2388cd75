// Writing TMX 1.4b (doc/tmx.md) with libxml2's streaming writer. The file
// appears only when Commit() succeeds: it is written through an OutputFile
// (output_file.h: "PATH.tmp", synced, renamed at the end).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"

namespace sverka::formats {

struct TmxHeader {
  std::string tool_version;   // creationtoolversion
  std::string creation_date;  // YYYYMMDDThhmmssZ; now when empty
  std::string source_lang = "ru";
  std::string ru_code = "ru";  // xml:lang of the Russian and English <tuv>
  std::string en_code = "en";
};

struct TmxUnit {
  std::string ru, en;  // exactly the <seg> text
  using Props = std::vector<std::pair<std::string, std::string>>;
  Props props;  // <prop type="…">…</prop> of the <tu>
  std::string creation_date, change_date;  // <tu> attributes, YYYYMMDDThhmmssZ; omitted when empty
  // <prop>s of each side's <tuv>, before its <seg> (subtitles: x-sverka-time).
  Props ru_props, en_props;
};

class TmxWriter {
 public:
  // Starts writing `path` (through "path.tmp"). Fails with kBadInput when
  // the temporary file cannot be created (missing directory, no permission),
  // kUsage when `path` is a directory or one of `inputs` (CheckOutputPath).
  static Result<std::unique_ptr<TmxWriter>> Create(const std::string& path, const TmxHeader& header,
                                                   const std::vector<std::string>& inputs = {});
  // Removes the temporary file unless Commit() succeeded.
  ~TmxWriter();
  TmxWriter(const TmxWriter&) = delete;
  TmxWriter& operator=(const TmxWriter&) = delete;

  Status Add(const TmxUnit& unit);
  // Closes the document and puts the file in place (OutputFile::Commit).
  Status Commit();
  size_t units() const { return units_; }

 private:
  struct Impl;
  explicit TmxWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::string ru_code_, en_code_;
  size_t units_ = 0;
};

// Returns `text` with the characters XML 1.0 forbids (C0 controls except
// tab, LF, CR) replaced by a space, so the TMX stays well-formed.
std::string XmlSafe(std::string_view text);

// The current UTC time as TMX wants it: YYYYMMDDThhmmssZ.
std::string TmxNow();

// "2026-11-28T11:30:00Z" (the store's ISO 8601) as TMX's "20261128T113000Z";
// empty when `iso` is not of that form.
std::string TmxDateFromIso(std::string_view iso);

}  // namespace sverka::formats
