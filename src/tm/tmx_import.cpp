#include "tm/tmx_import.h"

#include <cctype>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>

#include "common/bead_status.h"

namespace sverka::tm {
namespace {

const std::string* Prop(const formats::TmxEntry& e, std::string_view type) {
  for (const auto& [t, v] : e.props) {
    if (t == type) return &v;
  }
  return nullptr;
}

}  // namespace

std::string FileContentHash(const std::string& path) {
  uint64_t h = 0xcbf29ce484222325ULL;
  if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
    char buf[1 << 16];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
      for (size_t k = 0; k < n; ++k) {
        h ^= static_cast<unsigned char>(buf[k]);
        h *= 0x100000001b3ULL;
      }
    }
    std::fclose(f);
  }
  char out[32];
  std::snprintf(out, sizeof out, "fnv1a64:%016" PRIx64, h);
  return out;
}

std::string FileNameWithout(const std::string& path, std::initializer_list<std::string_view> extensions) {
  const std::string base =
      path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  std::string lower = base;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string_view ext : extensions) {
    if (lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) {
      return base.substr(0, base.size() - ext.size());
    }
  }
  return base;
}

std::string DocumentNameFromTmxPath(const std::string& path) { return FileNameWithout(path, {".tmx"}); }

ImportSpec UnitFileSpec(const std::string& path, std::string_view ru_lang, std::string_view en_lang, bool replace,
                        bool discard_review) {
  ImportSpec spec;
  spec.source_file = path;
  spec.source_hash = FileContentHash(path);
  spec.ru_lang = ru_lang;
  spec.en_lang = en_lang;
  spec.replace = replace;
  spec.discard_review = discard_review;
  return spec;
}

Result<TmxImportSummary> ImportTmx(TmStore& store, const std::string& path,
                                   const TmxImportOptions& options) {
  const ImportSpec spec =
      UnitFileSpec(path, options.read.ru_lang, options.read.en_lang, options.replace, options.discard_review);
  const std::string default_name = DocumentNameFromTmxPath(path);
  formats::TmxReadSummary read;
  SVERKA_ASSIGN_OR_RETURN(const ImportCounts counts, ImportUnits(store, spec, [&](const UnitSink& add) {
    Result<formats::TmxReadSummary> r = formats::ReadTmx(path, options.read, [&](const formats::TmxEntry& e) {
      ImportedUnit u;
      const std::string* doc = Prop(e, "x-document");
      u.document = !options.name.empty()  ? options.name
                   : doc && !doc->empty() ? *doc
                                          : default_name;
      u.ru = e.ru;
      u.en = e.en;
      if (const std::string* s = Prop(e, "x-score")) {
        char* end = nullptr;
        const double v = std::strtod(s->c_str(), &end);
        if (end && *end == '\0' && !s->empty() && v >= 0 && v <= 1) u.score = v;
      }
      if (const std::string* s = Prop(e, "x-bead")) {
        char* end = nullptr;
        const long v = std::strtol(s->c_str(), &end, 10);
        if (end && *end == '\0' && !s->empty() && v >= 0 && v < (1L << 30)) {
          u.position = static_cast<int32_t>(v);
        }
      }
      if (const std::string* s = Prop(e, "x-status")) {
        if (IsBeadStatus(*s)) u.status = *s;
      }
      u.created = formats::IsoFromTmxDate(e.creation_date);
      u.changed = formats::IsoFromTmxDate(e.change_date);
      if (u.changed.empty()) u.changed = u.created;
      return add(u);
    });
    if (!r.ok()) return r.status();
    read = *r;
    if (read.units == read.one_language) {
      std::string langs;
      for (const std::string& l : read.languages) langs += (langs.empty() ? "" : ", ") + l;
      return Status::InvalidData(
          path + ": no translation unit has both a '" + options.read.ru_lang + "' and an '" +
          options.read.en_lang + "' segment (" + std::to_string(read.units) +
          " units; languages: " + (langs.empty() ? "none" : langs) + "); see --ru-lang, --en-lang");
    }
    return Status::Ok();
  }));
  TmxImportSummary summary;
  summary.units = counts.units;
  summary.one_language = read.one_language;
  summary.several_variants = read.several_variants;
  summary.several_variants_line = read.several_variants_line;
  summary.several_variants_languages = read.several_variants_languages;
  summary.documents = counts.documents;
  return summary;
}

}  // namespace sverka::tm
