// sverka import FILE.tmx|FILE.xlf --db TM [--name NAME] [--ru-lang ru] [--en-lang en]
//                [--xliff-source ru|en] [--inline strip|keep]
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/cli_util.h"
#include "text/display_text.h"
#include "tm/tm_store.h"
#include "tm/tmx_import.h"
#include "tm/xliff_import.h"

namespace sverka::cli {
namespace {

// Removes a database this command created when the import failed, so that a
// failed first import leaves no file behind.
void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((db + suffix).c_str());
}

// "; skipped 2 without a target, 1 translate="no"" for an XLIFF import's skipped units.
std::string XliffSkipped(const formats::XliffReadSummary& r) {
  std::string out;
  const auto add = [&](size_t n, const std::string& what) {
    if (n) out += (out.empty() ? "; skipped " : ", ") + std::to_string(n) + " " + what;
  };
  add(r.no_target, "without a target");
  add(r.not_translatable, "translate=\"no\"");
  add(r.copied_source, "whose target is the Russian source copied");
  add(r.other_languages, "in " + text::VisibleControls(r.other_languages_pair));
  if (r.unfinished) {
    out += "; " + std::to_string(r.unfinished) + " marked unfinished in the file, stored as 'auto'";
  }
  return out;
}

// Opens (or creates) the memory, runs `import` on it, and removes a memory it
// created when the import failed.
template <typename Summary>
Result<Summary> WithMemory(const std::string& db,
                           const std::function<Result<Summary>(tm::TmStore&)>& import) {
  struct stat st {};
  const bool existed = ::stat(db.c_str(), &st) == 0;
  Status s;
  Summary summary;
  {
    Result<std::unique_ptr<tm::TmStore>> store =
        tm::TmStore::Open(db, tm::OpenMode::kCreateOrWrite, {.quick_check = true});
    if (!store.ok()) return store.status();
    Result<Summary> r = import(**store);
    if (r.ok()) summary = *r;
    s = r.ok() ? Status::Ok() : r.status();
  }  // closed before a new, failed database is removed
  if (!s.ok()) {
    if (!existed) RemoveDatabase(db);
    return s;
  }
  return summary;
}

void PrintImported(const std::string& file, size_t units, const std::vector<std::string>& documents,
                   const std::string& skipped) {
  std::cout << file << ": imported " << units << " translation units into ";
  if (documents.size() == 1) {
    std::cout << "document '" << documents[0] << "'";
  } else {
    std::cout << documents.size() << " documents";
  }
  std::cout << skipped << "\n";
}

}  // namespace

int RunImport(const Args& args) {
  if (std::find(args.begin(), args.end(), "--jsonl") != args.end()) return RunImportJsonl(args);
  po::options_description options("Options");
  std::string file, db, name, inline_mode, xliff_source;
  tm::TmxImportOptions import;
  options.add_options()
      ("file", po::value(&file)->required(),
       "TMX (1.1 to 1.4) or XLIFF (1.0 to 1.2, 2.0 to 2.2) file, told apart by its content")
      ("db", po::value(&db)->required(), "translation memory to add to (created when missing)")
      ("name", po::value(&name), "put every unit in this document (default: each unit's x-document "
                                 "prop, else the file name without .tmx, .xlf or .xliff)")
      ("ru-lang", po::value(&import.read.ru_lang)->default_value("ru"),
       "language of the Russian (first) side: ru matches ru, ru-RU, RU_ru…; ru-RU only itself")
      ("en-lang", po::value(&import.read.en_lang)->default_value("en"),
       "language of the English (second) side")
      ("xliff-source", po::value(&xliff_source),
       "XLIFF: the side <source> holds, ru or en, whatever the file's languages say "
       "(for files without a target language, as po2xliff writes them)")
      ("inline", po::value(&inline_mode)->default_value("strip"),
       "inline codes (TMX bpt, ept, ph, it, ut; XLIFF 1.2 bpt, ept, ph, it): strip them, or "
       "keep their native code as text")
      ("replace", "replace stored documents of the same names (not reviewed ones)")
      ("discard-review", "with --replace: replace reviewed documents too, discarding their review")
      ("quiet,q", "print nothing on success");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka import FILE.tmx|FILE.xlf --db TM [--name NAME] [--ru-lang ru] [--en-lang en]\n"
                "                     [--xliff-source ru|en] [--inline strip|keep]\n"
                "                     [--replace [--discard-review]]\n\n"
                "Adds the translation units of a TMX file that have both languages, or the\n"
                "translated units (segments) of an XLIFF file, to the memory, each as a 1-1\n"
                "pair; all or nothing. TMX or XLIFF is told by the file's root element.")) {
    return 0;
  }
  if (inline_mode != "strip" && inline_mode != "keep") {
    throw UsageError("--inline must be strip or keep, not '" + inline_mode + "'");
  }
  import.read.keep_inline = inline_mode == "keep";
  import.name = name;
  import.replace = vm.count("replace") > 0;
  import.discard_review = vm.count("discard-review") > 0;
  if (import.discard_review && !import.replace) throw UsageError("--discard-review goes with --replace");

  const bool xliff = formats::DetectUnitFileFormat(file) == formats::UnitFileFormat::kXliff;
  if (!xliff_source.empty() && xliff_source != "ru" && xliff_source != "en") {
    throw UsageError("--xliff-source must be ru or en, not '" + xliff_source + "'");
  }
  if (!xliff_source.empty() && !xliff) {
    throw UsageError("--xliff-source is for XLIFF files; " + file + " is read as TMX");
  }
  if (xliff) {
    tm::XliffImportOptions options{.name = name,
                                   .read = {.ru_lang = import.read.ru_lang,
                                            .en_lang = import.read.en_lang,
                                            .source_side = xliff_source,
                                            .keep_inline = import.read.keep_inline},
                                   .replace = import.replace,
                                   .discard_review = import.discard_review};
    Result<tm::XliffImportSummary> r = WithMemory<tm::XliffImportSummary>(
        db, [&](tm::TmStore& store) { return tm::ImportXliff(store, file, options); });
    if (!r.ok()) return Report(r.status());
    if (!vm.count("quiet")) PrintImported(file, r->units, r->documents, XliffSkipped(r->read));
  } else {
    Result<tm::TmxImportSummary> r = WithMemory<tm::TmxImportSummary>(
        db, [&](tm::TmStore& store) { return tm::ImportTmx(store, file, import); });
    if (!r.ok()) return Report(r.status());
    const tm::TmxImportSummary& summary = *r;
    if (summary.several_variants > 0) {
      // Said even with --quiet: which text was stored is the user's to know.
      std::cerr << "sverka: " << text::VisibleControls(file) << ": " << summary.several_variants
                << (summary.several_variants == 1 ? " unit has" : " units have")
                << " more than one Russian or English variant (the first at line "
                << summary.several_variants_line << ": "
                << text::VisibleControls(summary.several_variants_languages)
                << "); the first of each was taken (--ru-lang or --en-lang with a region, "
                   "as en-GB, takes that variant)\n";
    }
    if (!vm.count("quiet")) {
      PrintImported(file, summary.units, summary.documents,
                    summary.one_language ? "; skipped " + std::to_string(summary.one_language) +
                                               " without both languages"
                                         : "");
    }
  }
  return ReportStdout();
}

}  // namespace sverka::cli
