#include "pipeline/dictionary_cache.h"

#include <sys/stat.h>
#include <unicode/uversion.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "common/output_file.h"
#include "pipeline/align_pair.h"
#include "sverka_config.h"

namespace sverka::pipeline {
namespace {

// Raised whenever what the cache holds changes. The stems also depend on
// sverka's own stemming code: its version is in the header too.
constexpr int kFormatVersion = 1;

// The first line of a cache file: what it was made from. A file made from
// another dictionary, another version of it, or by another sverka or ICU is
// not used.
std::string Header(const std::string& path, const struct stat& st) {
  std::ostringstream out;
  out << "sverka-dictionary-stems\t" << kFormatVersion << "\tsverka " << SVERKA_VERSION << "\ticu "
      << U_ICU_VERSION << "\t" << path << "\t"
      << st.st_size << "\t" << st.st_mtim.tv_sec << "." << st.st_mtim.tv_nsec << "\n";
  return out.str();
}

// FNV-1a of the dictionary's path: one cache file per dictionary.
std::string CacheName(const std::string& path) {
  uint64_t h = 14695981039346656037ULL;
  for (unsigned char c : path) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char name[64];
  std::snprintf(name, sizeof name, "dict-%016llx.stems", static_cast<unsigned long long>(h));
  return name;
}

// The entries of a cache file made with `header`, or false when it is
// missing, stale or damaged (its last line counts its entries).
bool ReadCache(const std::string& file, const std::string& header, std::vector<formats::DictionaryEntry>& out) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return false;
  // Read whole in one call, and the entries reserved from the line count:
  // a char-by-char read and the vector's regrowth were a tenth of aligning
  // the book (doc/align.md, "Speed").
  const std::streamoff size = in.tellg();
  if (size < 0) return false;
  std::string data(static_cast<size_t>(size), '\0');
  in.seekg(0);
  if (!in.read(data.data(), size)) return false;
  if (data.compare(0, header.size(), header) != 0) return false;
  std::string_view rest = std::string_view(data).substr(header.size());
  std::vector<formats::DictionaryEntry> entries;
  entries.reserve(static_cast<size_t>(std::count(rest.begin(), rest.end(), '\n')));
  while (!rest.empty()) {
    const size_t end = rest.find('\n');
    if (end == std::string_view::npos) return false;
    const std::string_view line = rest.substr(0, end);
    rest.remove_prefix(end + 1);
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return false;
    if (line.substr(0, tab) == "end") {
      if (!rest.empty() || line.substr(tab + 1) != std::to_string(entries.size())) return false;
      out = std::move(entries);
      return true;
    }
    entries.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)), true});
  }
  return false;  // no end line: cut short
}

// Writes the cache file whole or not at all (output_file.h), through a
// temporary file of its own: two runs at once each rename a complete file.
// Failing to write is not an error: the next run reads the dictionary again.
void WriteCache(const std::string& dir, const std::string& file, const std::string& header,
                const std::vector<formats::DictionaryEntry>& entries) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return;
  Result<std::unique_ptr<OutputFile>> out = OutputFile::Create(file, {}, {.private_temp = true});
  if (!out.ok()) return;
  std::FILE* f = (*out)->stream();
  bool ok = std::fputs(header.c_str(), f) >= 0;
  for (const formats::DictionaryEntry& e : entries) {
    if (!ok) break;
    ok = std::fprintf(f, "%s\t%s\n", e.ru.c_str(), e.en.c_str()) >= 0;
  }
  ok = ok && std::fprintf(f, "end\t%zu\n", entries.size()) >= 0;
  if (ok) (void)(*out)->Commit();
}

}  // namespace

std::string DictionaryCacheDir() {
  if (const char* dir = std::getenv("SVERKA_CACHE_DIR")) return dir;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/sverka";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/sverka";
  return {};
}

Result<std::vector<formats::DictionaryEntry>> ReadDictionaryCached(const std::string& path,
                                                              const std::string& cache_dir,
                                                              uintmax_t min_bytes) {
  struct stat st {};
  if (cache_dir.empty() || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode) ||
      static_cast<uintmax_t>(st.st_size) < min_bytes) {
    return formats::ReadDictionary(path);
  }
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  const std::string key = ec ? path : absolute.lexically_normal().string();
  const std::string header = Header(key, st);
  const std::string file = cache_dir + "/" + CacheName(key);
  std::vector<formats::DictionaryEntry> entries;
  if (ReadCache(file, header, entries)) return entries;
  SVERKA_ASSIGN_OR_RETURN(std::vector<formats::DictionaryEntry> read, formats::ReadDictionary(path));
  SVERKA_ASSIGN_OR_RETURN(WordTokenizers tokenizers, WordTokenizers::Create());
  entries = StemmedEntries(read, tokenizers);
  WriteCache(cache_dir, file, header, entries);
  return entries;
}

}  // namespace sverka::pipeline
