// sverka import FILE.tmx --db TM [--name NAME] [--ru-lang ru] [--en-lang en] [--inline strip|keep]
#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/cli_util.h"
#include "text/display_text.h"
#include "tm/tm_store.h"
#include "tm/tmx_import.h"

namespace sverka::cli {
namespace {

// Removes a database this command created when the import failed, so that a
// failed first import leaves no file behind.
void RemoveDatabase(const std::string& db) {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((db + suffix).c_str());
}

}  // namespace

int RunImport(const Args& args) {
  if (std::find(args.begin(), args.end(), "--jsonl") != args.end()) return RunImportJsonl(args);
  po::options_description options("Options");
  std::string file, db, name, inline_mode;
  tm::TmxImportOptions import;
  options.add_options()
      ("file", po::value(&file)->required(), "TMX file (1.1 to 1.4, UTF-8 or UTF-16)")
      ("db", po::value(&db)->required(), "translation memory to add to (created when missing)")
      ("name", po::value(&name), "put every unit in this document (default: each unit's x-document "
                                 "prop, else the file name without .tmx)")
      ("ru-lang", po::value(&import.read.ru_lang)->default_value("ru"),
       "language of the Russian (first) side: ru matches ru, ru-RU, RU_ru…; ru-RU only itself")
      ("en-lang", po::value(&import.read.en_lang)->default_value("en"),
       "language of the English (second) side")
      ("inline", po::value(&inline_mode)->default_value("strip"),
       "inline codes (bpt, ept, ph, it, ut): strip them, or keep their native code as text")
      ("replace", "replace stored documents of the same names (not reviewed ones)")
      ("discard-review", "with --replace: replace reviewed documents too, discarding their review")
      ("quiet,q", "print nothing on success");
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka import FILE.tmx --db TM [--name NAME] [--ru-lang ru] [--en-lang en]\n"
                "                     [--inline strip|keep] [--replace [--discard-review]]\n\n"
                "Adds the translation units of a TMX file that have both languages to the\n"
                "memory, each as a 1-1 pair; all or nothing.")) {
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

  struct stat st {};
  const bool existed = ::stat(db.c_str(), &st) == 0;
  Status s;
  tm::TmxImportSummary summary;
  {
    Result<std::unique_ptr<tm::TmStore>> store =
        tm::TmStore::Open(db, tm::OpenMode::kCreateOrWrite, {.quick_check = true});
    if (!store.ok()) return Report(store.status());
    Result<tm::TmxImportSummary> r = tm::ImportTmx(**store, file, import);
    if (r.ok()) summary = *r;
    s = r.ok() ? Status::Ok() : r.status();
  }  // closed before a new, failed database is removed
  if (!s.ok()) {
    if (!existed) RemoveDatabase(db);
    return Report(s);
  }
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
    std::cout << file << ": imported " << summary.units << " translation units into ";
    if (summary.documents.size() == 1) {
      std::cout << "document '" << summary.documents[0] << "'";
    } else {
      std::cout << summary.documents.size() << " documents";
    }
    if (summary.one_language) {
      std::cout << "; skipped " << summary.one_language << " without both languages";
    }
    std::cout << "\n";
  }
  std::cout.flush();
  return std::cout ? 0 : Report(Status::Internal("cannot write standard output"));
}

}  // namespace sverka::cli
