#include "formats/dictionary_reader.h"

#include <sys/stat.h>

#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string_view>

#include "common/file_error.h"
#include "common/utf8.h"
#include "formats/mueller_entry.h"

namespace sverka::formats {
namespace {

bool HasCyrillic(std::string_view s) {
  // Cyrillic U+0400–U+04FF is 0xD0–0xD3 followed by a continuation byte in UTF-8.
  for (size_t k = 0; k + 1 < s.size(); ++k) {
    const auto c = static_cast<unsigned char>(s[k]);
    if (c >= 0xD0 && c <= 0xD3) return true;
  }
  return false;
}

std::string Trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string_view::npos) return {};
  const size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

Result<std::string> ReadWhole(const std::string& path) {
  if (path.size() > 3 && path.ends_with(".dz")) {
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz) return CannotOpen(path, errno);
    std::string out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(gz, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
    const bool failed = n < 0;
    gzclose(gz);
    if (failed) return Status::InvalidData(path + ": not a valid dictzip/gzip file");
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return CannotOpen(path, errno);
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

// dictd's base64 numbers (offsets and lengths in the .index file).
bool DecodeDictdNumber(std::string_view s, uint64_t& out) {
  static constexpr std::string_view kDigits =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  out = 0;
  // Ten digits are 60 bits: more would overflow (and no dictionary is that big).
  if (s.empty() || s.size() > 10) return false;
  for (const char c : s) {
    const size_t v = kDigits.find(c);
    if (v == std::string_view::npos) return false;
    out = out * 64 + v;
  }
  return true;
}

// Splits a FreeDict translation block ("1. в, на\n2. кто-то") into single
// translations.
void AddTranslations(std::string_view en, std::string_view block, std::vector<DictionaryEntry>& out) {
  std::string item;
  auto flush = [&] {
    std::string t = Trim(item);
    item.clear();
    // Numbering "1." left at the front of a line.
    size_t k = 0;
    while (k < t.size() && std::isdigit(static_cast<unsigned char>(t[k]))) ++k;
    if (k > 0 && k < t.size() && t[k] == '.') t = Trim(std::string_view(t).substr(k + 1));
    if (!t.empty() && HasCyrillic(t)) out.push_back({t, std::string(en)});
  };
  for (const char c : block) {
    if (c == ',' || c == ';' || c == '\n') {
      flush();
    } else {
      item.push_back(c);
    }
  }
  flush();
}

// One line of a dictd index: headword, offset and length of its entry.
struct IndexLine {
  std::string_view headword;
  uint64_t offset = 0, length = 0;
};

bool ParseIndexLine(std::string_view line, size_t dict_size, IndexLine& out) {
  const size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
  if (t1 == std::string_view::npos || t2 == std::string_view::npos ||
      !DecodeDictdNumber(line.substr(t1 + 1, t2 - t1 - 1), out.offset) ||
      !DecodeDictdNumber(Trim(line.substr(t2 + 1)), out.length) ||
      out.offset > dict_size || out.length > dict_size - out.offset) {
    return false;
  }
  out.headword = line.substr(0, t1);
  return true;
}

// Whether the dictionary names itself Mueller's in its "00-database-short"
// entry (dictfmt -s, what `dict -D` lists): its entries have their own layout
// (mueller_entry.h).
bool IsMueller(std::string_view index, std::string_view dict) {
  for (const std::string_view key : {"00-database-short\t", "00databaseshort\t"}) {
    const size_t at = index.starts_with(key) ? 0 : index.find("\n" + std::string(key));
    if (at == std::string_view::npos) continue;
    const size_t begin = at == 0 ? 0 : at + 1;
    IndexLine line;
    if (!ParseIndexLine(index.substr(begin, index.find('\n', begin) - begin), dict.size(), line)) {
      return false;
    }
    return dict.substr(line.offset, line.length).find("Mueller") != std::string_view::npos;
  }
  return false;
}

Result<std::vector<DictionaryEntry>> ReadDictd(const std::string& dict_path) {
  const std::string base = dict_path.substr(0, dict_path.rfind(".dict"));
  const std::string index_path = base + ".index";
  // The file the user named first: an empty or missing one is reported as
  // itself, not as its index.
  SVERKA_ASSIGN_OR_RETURN(std::string dict, ReadWhole(dict_path));
  if (dict.empty()) return Status::InvalidData(dict_path + ": empty dictionary file");
  Result<std::string> index = ReadWhole(index_path);
  if (!index.ok()) {
    return Status::InvalidData(dict_path + ": a dictd dictionary needs its index " + index_path +
                            " (" + index.status().message() + ")");
  }
  const bool mueller = IsMueller(*index, dict);
  std::vector<DictionaryEntry> out;
  std::istringstream lines(*index);
  std::string line;
  for (size_t line_no = 1; std::getline(lines, line); ++line_no) {
    if (line.empty() || line.starts_with("00database") || line.starts_with("00-database")) continue;
    IndexLine entry_line;
    if (!ParseIndexLine(line, dict.size(), entry_line)) {
      return Status::InvalidData(index_path + ":" + std::to_string(line_no) +
                              ": not a dictd index line: '" + Shorten(line, 60) + "'");
    }
    const std::string_view entry =
        std::string_view(dict).substr(entry_line.offset, entry_line.length);
    const size_t nl = entry.find('\n');
    if (nl == std::string_view::npos) continue;
    if (!mueller) {
      AddTranslations(entry_line.headword, entry.substr(nl + 1), out);
      continue;
    }
    // Mueller's list of its own labels ("_n.", "_зоол.", also "преим.")
    // explains abbreviations; it translates no English word.
    if (entry_line.headword.starts_with('_') || HasCyrillic(entry_line.headword)) continue;
    AddMuellerTranslations(entry_line.headword, entry.substr(nl + 1), out);
  }
  // The entries live while documents are aligned: no spare capacity (up to
  // half of them after the last doubling, 8 MB for Mueller).
  out.shrink_to_fit();
  return out;
}

}  // namespace

Result<std::vector<DictionaryEntry>> ReadDictionary(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::InvalidData(path + ": is a directory, not a dictionary");
  }
  if (path.ends_with(".dict") || path.ends_with(".dict.dz")) return ReadDictd(path);
  SVERKA_ASSIGN_OR_RETURN(std::string text, ReadWhole(path));
  if (const auto bad = FindInvalidUtf8(text)) {
    return Status::InvalidData(path + ":" + std::to_string(PositionOf(text, *bad).line) +
                            ": invalid UTF-8");
  }
  std::vector<DictionaryEntry> out;
  std::istringstream lines(text);
  std::string line;
  for (size_t line_no = 1; std::getline(lines, line); ++line_no) {
    const std::string trimmed = Trim(line);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    if (const size_t at = trimmed.find(" @ "); at != std::string::npos) {
      out.push_back({Trim(std::string_view(trimmed).substr(at + 3)), Trim(std::string_view(trimmed).substr(0, at))});
      continue;
    }
    const size_t tab = trimmed.find('\t');
    if (tab != std::string::npos && trimmed.find('\t', tab + 1) == std::string::npos) {
      std::string a = Trim(std::string_view(trimmed).substr(0, tab));
      std::string b = Trim(std::string_view(trimmed).substr(tab + 1));
      if (HasCyrillic(b) && !HasCyrillic(a)) std::swap(a, b);
      if (!a.empty() && !b.empty()) {
        out.push_back({std::move(a), std::move(b)});
        continue;
      }
    }
    return Status::InvalidData(path + ":" + std::to_string(line_no) +
                            ": expected 'english @ russian' or two tab-separated columns, not '" +
                            Shorten(trimmed, 60) + "'");
  }
  return out;
}

}  // namespace sverka::formats
