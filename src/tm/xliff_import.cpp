#include "tm/xliff_import.h"

#include <cctype>

#include "tm/tmx_import.h"

namespace sverka::tm {
namespace {

// Why a file gave no pair, after "FILE".
std::string NothingToImport(const XliffReadSummary& r, const XliffReadOptions& options) {
  const char* unit = r.version.rfind("2", 0) == 0 ? "<unit>" : "<trans-unit>";
  if (r.other_languages > 0 && r.other_languages == r.units - r.not_translatable) {
    return ":" + std::to_string(r.other_languages_line) + ": the languages are " +
           r.other_languages_pair + ", not '" + options.ru_lang + "' and '" + options.en_lang +
           "' (" + std::to_string(r.units) + " units); nothing imported; see --ru-lang, --en-lang";
  }
  if (r.units == 0) return std::string(": no translation unit (no ") + unit + "); nothing imported";
  std::string why = std::to_string(r.no_target) + " without a target";
  if (r.not_translatable) why += ", " + std::to_string(r.not_translatable) + " translate=\"no\"";
  if (r.copied_source) {
    why += ", " + std::to_string(r.copied_source) + " whose target is the Russian source copied";
  }
  if (r.other_languages) {
    why += ", " + std::to_string(r.other_languages) + " in " + r.other_languages_pair;
  }
  return ": no translation unit has both a source and a target (" + std::to_string(r.units) +
         " units: " + why + "); nothing imported";
}

}  // namespace

std::string DocumentNameFromXliffPath(const std::string& path) {
  std::string base =
      path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  std::string lower = base;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const std::string ext : {".xlf", ".xliff", ".sdlxliff"}) {
    if (lower.size() > ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0) {
      return base.substr(0, base.size() - ext.size());
    }
  }
  return base;
}

Result<XliffImportSummary> ImportXliff(TmStore& store, const std::string& path,
                                       const XliffImportOptions& options) {
  ImportSpec spec;
  spec.source_file = path;
  spec.source_hash = FileContentHash(path);
  spec.ru_lang = options.read.ru_lang;
  spec.en_lang = options.read.en_lang;
  spec.replace = options.replace;
  spec.discard_review = options.discard_review;
  const std::string document =
      options.name.empty() ? DocumentNameFromXliffPath(path) : options.name;
  XliffReadSummary read;
  Result<ImportCounts> counts = store.ImportUnits(spec, [&](const TmStore::UnitSink& add) {
    Result<XliffReadSummary> r = ReadXliff(path, options.read, [&](const XliffEntry& e) {
      ImportedUnit u;
      u.document = document;
      u.ru = e.ru;
      u.en = e.en;
      if (e.unfinished) u.status = "auto";
      return add(u);
    });
    if (!r.ok()) return r.status();
    read = *r;
    if (read.pairs == 0) return Status::BadInput(path + NothingToImport(read, options.read));
    return Status::Ok();
  });
  if (!counts.ok()) return counts.status();
  XliffImportSummary summary;
  summary.units = counts->units;
  summary.read = read;
  summary.documents = counts->documents;
  return summary;
}

}  // namespace sverka::tm
