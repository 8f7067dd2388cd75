// sverka export --db TM [--doc NAME…] [--status S] [--min-score S] [--format tmx|tsv|parallel] -o OUT
#include <cstdio>
#include <iostream>
#include <sstream>

#include "cli/cli_util.h"
#include "common/bead_status.h"
#include "common/media_time.h"
#include "sverka_config.h"
#include "formats/pair_text_writer.h"
#include "tm/queries.h"
#include "tm/tm_store.h"
#include "formats/tmx_writer.h"

namespace sverka::cli {
namespace {

Status ExportTmx(tm::TmStore& store, const tm::PairFilter& filter, const std::string& out,
                 const std::string& ru_code, const std::string& en_code, const std::string& db) {
  formats::TmxHeader header;
  header.tool_version = SVERKA_VERSION;
  header.ru_code = ru_code;
  header.en_code = en_code;
  header.source_lang = ru_code;
  Result<std::unique_ptr<formats::TmxWriter>> writer = formats::TmxWriter::Create(out, header, {db});
  if (!writer.ok()) return writer.status();
  char score[32];
  Status s = tm::ForEachPair(store, filter, [&](const tm::PairRow& row) {
    std::snprintf(score, sizeof score, "%.3f", row.score);
    formats::TmxUnit unit{row.ru,
                     row.en,
                     {{"x-document", row.document},
                      {"x-bead", std::to_string(row.position)},
                      {"x-score", score},
                      {"x-status", row.status}},
                     formats::TmxDateFromIso(row.created),
                     formats::TmxDateFromIso(row.changed)};
    // Subtitles: each side's time, WebVTT's way (doc/formats.md).
    if (row.ru_start_ms >= 0) unit.ru_props = {{"x-sverka-time", FormatMediaSpan(row.ru_start_ms, row.ru_end_ms)}};
    if (row.en_start_ms >= 0) unit.en_props = {{"x-sverka-time", FormatMediaSpan(row.en_start_ms, row.en_end_ms)}};
    return (*writer)->Add(unit);
  });
  if (s.ok()) s = (*writer)->Commit();
  if (!s.ok()) return s;
  std::cout << out << ": " << (*writer)->units() << " translation units\n";
  return Status::Ok();
}

Status ExportText(tm::TmStore& store, const tm::PairFilter& filter, formats::PairTextFormat format,
                  const std::string& out, const std::string& ru_code, const std::string& en_code,
                  const std::string& db) {
  Result<std::unique_ptr<formats::PairTextWriter>> writer =
      formats::PairTextWriter::Create(format, out, ru_code, en_code, {db});
  if (!writer.ok()) return writer.status();
  Status s = tm::ForEachPair(store, filter, [&](const tm::PairRow& row) {
    return (*writer)->Add(row.ru, row.en);
  });
  if (s.ok()) s = (*writer)->Commit();
  if (!s.ok()) return s;
  const auto& paths = (*writer)->paths();
  std::cout << paths[0];
  if (paths.size() > 1) std::cout << ", " << paths[1];
  std::cout << ": " << (*writer)->units() << " pairs";
  if ((*writer)->flattened()) {
    std::cout << " (" << (*writer)->flattened() << " with tabs or line breaks made spaces)";
  }
  std::cout << "\n";
  return Status::Ok();
}

}  // namespace

int RunExport(const Args& args) {
  po::options_description options("Options");
  std::string db, out, ru_code, en_code, format;
  std::vector<std::string> docs, statuses;
  double min_score = 0;
  options.add_options()
      ("db", po::value(&db)->required(), "translation memory to read")
      ("doc", po::value(&docs)->multitoken()->composing(),
       "export only these documents (repeatable; default: all)")
      ("status", po::value(&statuses)->multitoken()->composing(),
       "export only beads of these statuses: auto, approved, rejected, edited (comma-separated or repeated)")
      ("min-score", po::value(&min_score), "export only beads scored at least this (0 to 1)")
      ("format,f", po::value(&format)->default_value("tmx"),
       "tmx (TMX 1.4b), tsv (Russian<TAB>English), parallel (OUT.<ru-code> and OUT.<en-code>)")
      ("output,o", po::value(&out)->required(),
       "file to write (replaced atomically); for parallel, the prefix of the two files")
      ("ru-code", po::value(&ru_code)->default_value("ru"), "xml:lang of Russian segments, e.g. ru-RU")
      ("en-code", po::value(&en_code)->default_value("en"), "xml:lang of English segments, e.g. en-US");
  po::positional_options_description positional;
  po::variables_map vm;
  if (ParseArgs(args, options, positional, vm,
                "usage: sverka export --db TM [--doc NAME...] [--status S] [--min-score S]\n"
                "                     [--format tmx|tsv|parallel] -o OUT\n\n"
                "Writes the beads that have both sides: TMX 1.4b (one translation unit per\n"
                "bead), TSV or two line-aligned text files.")) {
    return 0;
  }
  if (format != "tmx" && format != "tsv" && format != "parallel") {
    throw UsageError("--format must be tmx, tsv or parallel, not '" + format + "'");
  }
  tm::PairFilter filter;
  filter.documents = docs;
  filter.statuses = SplitCommas(statuses);
  for (const std::string& s : filter.statuses) {
    if (!IsBeadStatus(s)) {
      throw UsageError("--status must be auto, approved, rejected or edited, not '" + s + "'");
    }
  }
  if (vm.count("min-score")) {
    if (!(min_score >= 0 && min_score <= 1)) throw UsageError("--min-score must be between 0 and 1");
    filter.min_score = min_score;
  }
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  if (!store.ok()) return Report(store.status());
  Result<std::vector<std::string>> names = (*store)->DocumentNames();
  if (!names.ok()) return Report(names.status());
  if (names->empty()) return Report(Status::InvalidData(db + ": the translation memory holds no documents"));
  for (const std::string& doc : docs) {
    Result<bool> has = (*store)->HasDocument(doc);
    if (!has.ok()) return Report(has.status());
    if (!*has) return Report(Status::InvalidData(db + ": no document named '" + doc + "'"));
  }
  Status s = format == "tmx"
                 ? ExportTmx(**store, filter, out, ru_code, en_code, db)
                 : ExportText(**store, filter,
                              format == "tsv" ? formats::PairTextFormat::kTsv : formats::PairTextFormat::kParallel,
                              out, ru_code, en_code, db);
  if (!s.ok()) return Report(s);
  return ReportStdout();
}

}  // namespace sverka::cli
