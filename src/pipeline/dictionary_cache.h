// A large dictionary read once, its stems kept: reading Mueller's dictd file
// and stemming its entries took 0.3 s of every `sverka align` (three
// quarters of aligning a news article). The stem pairs the aligner uses are
// written to a cache file on the first run and read back on the next ones
// (doc/decisions.md). The cache is an optimisation only: a missing,
// unwritable, stale or damaged cache is rebuilt or bypassed, never an error,
// and the beads are the same with it or without it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "formats/dictionary_reader.h"

namespace sverka::pipeline {

// Dictionary files smaller than this are read directly (FreeDict, a
// project's own word list: reading them costs less than a cache).
inline constexpr uintmax_t kCacheMinBytes = 1 << 20;

// The cache directory: $SVERKA_CACHE_DIR when set (empty: no cache), else
// $XDG_CACHE_HOME/sverka, else $HOME/.cache/sverka; empty when none.
std::string DictionaryCacheDir();

// The entries of the dictionary at `path`, stemmed (DictionaryEntry::stemmed:
// each a pair of stems the aligner keeps, duplicates dropped), from the
// cache in `cache_dir` when it holds this file at its size and modification
// time, else read with formats::ReadDictionary, stemmed and written there.
// Files below `min_bytes` and an empty `cache_dir` are read and returned
// unstemmed. Fails only as formats::ReadDictionary fails.
Result<std::vector<formats::DictionaryEntry>> ReadDictionaryCached(const std::string& path,
                                                              const std::string& cache_dir,
                                                              uintmax_t min_bytes = kCacheMinBytes);

}  // namespace sverka::pipeline
