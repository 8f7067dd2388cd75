#include "tm/xliff_import.h"

#include "tm/tmx_import.h"

namespace sverka::tm {
namespace {

// Why a file gave no pair, after "FILE".
std::string NothingToImport(const formats::XliffReadSummary& r, const formats::XliffReadOptions& options) {
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
  return FileNameWithout(path, {".xlf", ".xliff", ".sdlxliff"});
}

Result<XliffImportSummary> ImportXliff(TmStore& store, const std::string& path,
                                       const XliffImportOptions& options) {
  const ImportSpec spec =
      UnitFileSpec(path, options.read.ru_lang, options.read.en_lang, options.replace, options.discard_review);
  const std::string document =
      options.name.empty() ? DocumentNameFromXliffPath(path) : options.name;
  formats::XliffReadSummary read;
  SVERKA_ASSIGN_OR_RETURN(const ImportCounts counts, ImportUnits(store, spec, [&](const UnitSink& add) {
    Result<formats::XliffReadSummary> r = formats::ReadXliff(path, options.read, [&](const formats::XliffEntry& e) {
      ImportedUnit u;
      u.document = document;
      u.ru = e.ru;
      u.en = e.en;
      if (e.unfinished) u.status = "auto";
      return add(u);
    });
    if (!r.ok()) return r.status();
    read = *r;
    if (read.pairs == 0) return Status::InvalidData(path + NothingToImport(read, options.read));
    return Status::Ok();
  }));
  XliffImportSummary summary;
  summary.units = counts.units;
  summary.read = read;
  summary.documents = counts.documents;
  return summary;
}

}  // namespace sverka::tm
