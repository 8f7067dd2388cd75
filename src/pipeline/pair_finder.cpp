#include "pipeline/pair_finder.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <system_error>
#include <string_view>

#include "text/text_file.h"

namespace sverka::pipeline {
namespace {

namespace fs = std::filesystem;

struct Sides {
  std::vector<std::string> ru, en;
};

// "NAME.ru.txt" -> ("NAME", "ru"); other names -> empty.
std::pair<std::string, std::string> SplitName(const std::string& file) {
  for (const std::string_view ext : {".txt", ".html", ".htm", ".xhtml", ".docx", ".odt", ".epub", ".srt", ".vtt"}) {
    if (!file.ends_with(ext)) continue;
    const std::string stem = file.substr(0, file.size() - ext.size());
    for (const std::string_view lang : {".ru", ".en"}) {
      if (stem.size() > lang.size() && stem.ends_with(lang)) {
        return {stem.substr(0, stem.size() - lang.size()), std::string(lang.substr(1))};
      }
    }
  }
  return {};
}

std::string Names(const std::vector<std::string>& paths) {
  std::string out;
  for (const std::string& p : paths)
    out += (out.empty() ? "" : " and ") + fs::path(p).filename().string();
  return out;
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  for (size_t tab; (tab = line.find('\t', start)) != std::string_view::npos; start = tab + 1) {
    fields.push_back(line.substr(start, tab - start));
  }
  fields.push_back(line.substr(start));
  return fields;
}

}  // namespace

Result<std::vector<BatchItem>> FindPairs(const std::string& dir) {
  std::map<std::string, Sides> found;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    const ErrorKind kind = ec == std::errc::no_such_file_or_directory ? ErrorKind::kNotFound
                                                                      : ErrorKind::kInvalidData;
    return Status::OfKind(kind, dir + ": cannot list the directory (" + ec.message() + ")");
  }
  for (const fs::directory_entry& entry : it) {
    if (!entry.is_regular_file(ec)) continue;
    const auto [name, lang] = SplitName(entry.path().filename().string());
    if (name.empty()) continue;
    (lang == "ru" ? found[name].ru : found[name].en).push_back(entry.path().string());
  }
  std::vector<BatchItem> items;
  for (auto& [name, sides] : found) {
    std::sort(sides.ru.begin(), sides.ru.end());
    std::sort(sides.en.begin(), sides.en.end());
    BatchItem item{name, sides.ru.empty() ? "" : sides.ru[0], sides.en.empty() ? "" : sides.en[0],
                   ""};
    if (sides.ru.size() > 1) {
      item.problem = "two Russian files: " + Names(sides.ru);
    } else if (sides.en.size() > 1) {
      item.problem = "two English files: " + Names(sides.en);
    } else if (sides.ru.empty()) {
      item.problem = Names(sides.en) + ": no Russian partner (" + name + ".ru.txt, .html, .htm, .xhtml, .docx, .odt, .epub, .srt or .vtt)";
    } else if (sides.en.empty()) {
      item.problem = Names(sides.ru) + ": no English partner (" + name + ".en.txt, .html, .htm, .xhtml, .docx, .odt, .epub, .srt or .vtt)";
    }
    items.push_back(std::move(item));
  }
  return items;
}

Result<std::vector<BatchItem>> ReadManifest(const std::string& path) {
  SVERKA_ASSIGN_OR_RETURN(text::TextFile file, text::ReadTextFile(path));
  const fs::path base = fs::path(path).parent_path();
  std::vector<BatchItem> items;
  std::map<std::string, size_t> first_line;
  std::string_view rest = file.bytes;
  for (size_t line_no = 1; !rest.empty(); ++line_no) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos || line.starts_with('#')) continue;
    const std::string where = path + ":" + std::to_string(line_no) + ": ";
    const std::vector<std::string_view> fields = SplitTabs(line);
    if (fields.size() != 3) {
      return Status::InvalidData(where +
                              "expected 3 tab-separated fields (name, Russian path, "
                              "English path), found " +
                              std::to_string(fields.size()));
    }
    if (fields[0].empty() || fields[1].empty() || fields[2].empty()) {
      return Status::InvalidData(where + "empty field (name, Russian path, English path)");
    }
    const std::string name(fields[0]);
    if (const auto [at, fresh] = first_line.emplace(name, line_no); !fresh) {
      return Status::InvalidData(where + "name '" + name + "' listed twice (first on line " +
                              std::to_string(at->second) + ")");
    }
    auto resolve = [&](std::string_view p) {
      const fs::path given{std::string(p)};
      return given.is_absolute() || base.empty() ? given.string() : (base / given).string();
    };
    items.push_back({name, resolve(fields[1]), resolve(fields[2]), ""});
  }
  return items;
}

}  // namespace sverka::pipeline
