// Which pairs a batch aligns: found by name in a directory, or listed in a
// manifest. Listing a directory is the one piece of file-system work here;
// the manifest itself is read through text::ReadTextFile.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace sverka::pipeline {

// One pair to align. `problem` non-empty: the pair cannot be aligned (one
// side missing, two files for one side) and is only reported, with it.
struct BatchItem {
  std::string name;    // document name in the memory
  std::string ru, en;  // paths; one may be empty when `problem` says so
  std::string problem;
};

// The pairs in `dir` (not its subdirectories): NAME.ru.EXT with NAME.en.EXT,
// EXT one of txt, html, htm, xhtml, docx, odt, epub, srt, vtt (sides may differ). Other files are ignored;
// a side without its partner, or a side given twice (a.ru.txt and
// a.ru.html), becomes an item with a problem. Sorted by name. Fails with
// kBadInput when `dir` cannot be listed.
Result<std::vector<BatchItem>> FindPairs(const std::string& dir);

// The pairs a manifest lists: one per line, "NAME<TAB>RU<TAB>EN"; blank
// lines and lines starting with '#' are skipped; relative paths are taken
// from the manifest's directory. Order is kept. Fails with kBadInput and
// "manifest:LINE: ..." on a line without three fields, an empty field or a
// name listed twice.
Result<std::vector<BatchItem>> ReadManifest(const std::string& path);

}  // namespace sverka::pipeline
