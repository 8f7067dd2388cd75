// sverka export --db TM [--doc NAME] -o out.tmx
#include <cstdio>
#include <iostream>

#include "cli/cli_util.h"
#include "sverka_config.h"
#include "tm/tm_store.h"
#include "tm/tmx_writer.h"

namespace sverka::cli {

int RunExport(const Args& args) {
  po::options_description options("Options");
  std::string db, doc, out, ru_code, en_code;
  options.add_options()
      ("db", po::value(&db)->required(), "translation memory to read")
      ("doc", po::value(&doc), "export only this document (default: all)")
      ("output,o", po::value(&out)->required(), "TMX file to write (replaced atomically)")
      ("ru-code", po::value(&ru_code)->default_value("ru"), "xml:lang of Russian segments, e.g. ru-RU")
      ("en-code", po::value(&en_code)->default_value("en"), "xml:lang of English segments, e.g. en-US");
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka export --db TM [--doc NAME] -o OUT.tmx\n\n"
                "Writes TMX 1.4b: one translation unit per bead that has both sides.")) {
    return 0;
  }
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  if (!store.ok()) return Report(store.status());
  Result<std::vector<std::string>> names = (*store)->DocumentNames();
  if (!names.ok()) return Report(names.status());
  if (names->empty()) return Report(Status::BadInput(db + ": the translation memory holds no documents"));
  std::optional<std::string> only;
  if (vm.count("doc")) {
    Result<bool> has = (*store)->HasDocument(doc);
    if (!has.ok()) return Report(has.status());
    if (!*has) return Report(Status::BadInput(db + ": no document named '" + doc + "'"));
    only = doc;
  }
  tm::TmxHeader header;
  header.tool_version = SVERKA_VERSION;
  header.ru_code = ru_code;
  header.en_code = en_code;
  header.source_lang = ru_code;
  Result<std::unique_ptr<tm::TmxWriter>> writer = tm::TmxWriter::Create(out, header);
  if (!writer.ok()) return Report(writer.status());
  char score[32];
  Status s = (*store)->ForEachPair(only, [&](const tm::PairRow& row) {
    std::snprintf(score, sizeof score, "%.3f", row.score);
    tm::TmxUnit unit{row.ru, row.en,
                     {{"x-document", row.document},
                      {"x-bead", std::to_string(row.position)},
                      {"x-score", score},
                      {"x-status", row.status}}};
    return (*writer)->Add(unit);
  });
  if (s.ok()) s = (*writer)->Commit();
  if (!s.ok()) return Report(s);
  std::cout << out << ": " << (*writer)->units() << " translation units\n";
  return 0;
}

}  // namespace sverka::cli
