#include "pipeline/batch_runner.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "fixtures.h"
#include "pipeline/align_pair.h"
#include "tm/bead_editor.h"
#include "tm/history.h"
#include "tm/queries.h"
#include "tm/search.h"
#include "tm/tm_store.h"

using namespace sverka;
using testing::ScratchDir;
using testing::WriteFile;
namespace fs = std::filesystem;

namespace {

const char* const kStems[] = {"bbc.381694", "bbc.381765", "reuters.218882", "reuters.218921",
                              "scotsman.133783"};

// Copies the ntrex pairs above into `dir` and lists them.
std::vector<pipeline::BatchItem> CopyPairs(const ScratchDir& dir) {
  std::vector<pipeline::BatchItem> items;
  for (const char* stem : kStems) {
    for (const char* side : {"ru", "en"}) {
      const std::string name = std::string(stem) + "." + side + ".txt";
      fs::copy_file(testing::Corpus("ntrex/" + name), dir / name);
    }
    items.push_back(
        {stem, dir / (std::string(stem) + ".ru.txt"), dir / (std::string(stem) + ".en.txt"), ""});
  }
  return items;
}

std::vector<tm::PairRow> AllPairs(const std::string& db) {
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(db, tm::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  std::vector<tm::PairRow> rows;
  REQUIRE(tm::ForEachPair(*(*store), {},
                            [&](const tm::PairRow& r) {
                              rows.push_back(r);
                              return Status::Ok();
                            })
              .ok());
  return rows;
}

bool SameBeads(const std::vector<tm::PairRow>& a, const std::vector<tm::PairRow>& b) {
  if (a.size() != b.size()) return false;
  for (size_t k = 0; k < a.size(); ++k) {
    if (a[k].document != b[k].document || a[k].position != b[k].position || a[k].ru != b[k].ru ||
        a[k].en != b[k].en || a[k].score != b[k].score) {
      return false;
    }
  }
  return true;
}

}  // namespace

TEST_CASE("batch stores every pair, and -j 2 stores the same beads as -j 1", "[pipeline][batch]") {
  ScratchDir dir;
  const std::vector<pipeline::BatchItem> items = CopyPairs(dir);
  pipeline::BatchRunOptions one, two;
  two.jobs = 2;
  Result<pipeline::BatchSummary> a = pipeline::RunBatch(dir / "one.db", items, one);
  Result<pipeline::BatchSummary> b = pipeline::RunBatch(dir / "two.db", items, two);
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(a->stored == 5);
  CHECK(b->stored == 5);
  REQUIRE(a->outcomes.size() == 5);
  CHECK(a->outcomes[0].name == "bbc.381694");
  CHECK(a->outcomes[0].ru_sentences > 0);
  CHECK_FALSE(a->interrupted);
  CHECK(SameBeads(AllPairs(dir / "one.db"), AllPairs(dir / "two.db")));
}

TEST_CASE("batch's workers keep their tokenizers: the beads are those of tokenizers made afresh",
          "[pipeline][batch]") {
  ScratchDir dir;
  const std::vector<pipeline::BatchItem> items = CopyPairs(dir);
  REQUIRE(pipeline::RunBatch(dir / "tm.db", items, {}).ok());
  const std::vector<tm::PairRow> stored = AllPairs(dir / "tm.db");
  // Each pair on its own, in reverse order, with new tokenizers each time
  // (batch made one set for its worker and aligned all five with it).
  std::vector<tm::PairRow> fresh;
  for (size_t k = items.size(); k-- > 0;) {
    Result<pipeline::AlignedPair> pair = pipeline::AlignFiles(items[k].ru, items[k].en, {});
    REQUIRE(pair.ok());
    std::vector<tm::PairRow> rows;
    for (size_t b = 0; b < pair->beads.size(); ++b) {
      const Bead& bead = pair->beads[b];
      if (bead.ru_count == 0 || bead.en_count == 0) continue;  // ForEachPair yields pairs only
      tm::PairRow row;
      row.document = items[k].name;
      row.position = static_cast<int32_t>(b);
      row.score = bead.score;
      for (int32_t s = bead.ru_begin; s < bead.ru_end(); ++s) {
        row.ru += (s > bead.ru_begin ? " " : "") + pair->ru.sentences[s].text;
      }
      for (int32_t s = bead.en_begin; s < bead.en_end(); ++s) {
        row.en += (s > bead.en_begin ? " " : "") + pair->en.sentences[s].text;
      }
      rows.push_back(row);
    }
    fresh.insert(fresh.begin(), rows.begin(), rows.end());
  }
  REQUIRE(stored.size() >= 25);
  REQUIRE(stored.size() == fresh.size());
  for (size_t k = 0; k < stored.size(); ++k) {
    INFO(stored[k].document << " bead " << stored[k].position);
    CHECK(stored[k].document == fresh[k].document);
    CHECK(stored[k].position == fresh[k].position);
    CHECK(stored[k].ru == fresh[k].ru);
    CHECK(stored[k].en == fresh[k].en);
    CHECK(stored[k].score == fresh[k].score);
  }
}

TEST_CASE("a rerun skips unchanged pairs and realigns a changed one", "[pipeline][batch]") {
  ScratchDir dir;
  const std::vector<pipeline::BatchItem> items = CopyPairs(dir);
  pipeline::BatchRunOptions options;
  REQUIRE(pipeline::RunBatch(dir / "tm.db", items, options).ok());
  Result<pipeline::BatchSummary> again = pipeline::RunBatch(dir / "tm.db", items, options);
  REQUIRE(again.ok());
  CHECK(again->skipped == 5);
  CHECK(again->stored == 0);
  WriteFile(items[2].en, "A new first sentence. And a second one.\n");
  Result<pipeline::BatchSummary> changed = pipeline::RunBatch(dir / "tm.db", items, options);
  REQUIRE(changed.ok());
  CHECK(changed->skipped == 4);
  CHECK(changed->stored == 1);
  CHECK(changed->outcomes[2].en_sentences == 2);
}

TEST_CASE("a changed pair with reviewed beads is reported, the stored one kept",
          "[pipeline][batch][errors]") {
  ScratchDir dir;
  const std::vector<pipeline::BatchItem> items = CopyPairs(dir);
  REQUIRE(pipeline::RunBatch(dir / "tm.db", items, {}).ok());
  {
    Result<std::unique_ptr<tm::TmStore>> store =
        tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kCreateOrWrite);
    REQUIRE(store.ok());
    REQUIRE(tm::ChangeStatus(*(*store), "reuters.218882", 0, "approved").ok());
  }
  const std::vector<tm::PairRow> before = AllPairs(dir / "tm.db");
  WriteFile(items[2].en, "Changed.\n");
  Result<pipeline::BatchSummary> s = pipeline::RunBatch(dir / "tm.db", items, {});
  REQUIRE(s.ok());
  CHECK(s->failed == 1);
  CHECK(s->outcomes[2].reason ==
        "changed since stored, but the stored document has 1 reviewed beads: not realigned, "
        "the review is kept ('sverka align --replace --discard-review' realigns it and "
        "discards the review)");
  CHECK(SameBeads(before, AllPairs(dir / "tm.db")));
}

TEST_CASE("broken pairs fail with their reason and the others are stored",
          "[pipeline][batch][errors]") {
  ScratchDir dir;
  std::vector<pipeline::BatchItem> items = CopyPairs(dir);
  WriteFile(dir / "empty.ru.txt", "");
  WriteFile(dir / "bad.ru.txt", "Привет \xC3\x28 мир.\n");
  WriteFile(dir / "blank.ru.txt", "\n\n   \n");
  items.push_back({"empty", dir / "empty.ru.txt", items[0].en, ""});
  items.push_back({"bad", dir / "bad.ru.txt", items[0].en, ""});
  items.push_back({"missing", dir / "missing.ru.txt", items[0].en, ""});
  items.push_back({"solo", dir / "solo.ru.txt", "", "solo.ru.txt: no English partner"});
  items.push_back({"blank", dir / "blank.ru.txt", items[0].en, ""});
  for (const bool pool : {false, true}) {
    pipeline::BatchRunOptions options;
    options.jobs = 2;
    options.pool_lexicon = pool;
    const std::string db = dir / (pool ? "pool.db" : "each.db");
    std::vector<std::string> seen;
    Result<pipeline::BatchSummary> s = pipeline::RunBatch(
        db, items, options, [&](const pipeline::PairOutcome& o) { seen.push_back(o.name); });
    REQUIRE(s.ok());
    CHECK(seen.size() == items.size());
    CHECK(s->stored == 5);
    CHECK(s->failed == 5);
    CHECK(s->outcomes[5].reason.starts_with(dir / "empty.ru.txt: empty file"));
    CHECK(s->outcomes[6].reason.starts_with(dir / "bad.ru.txt:1:14: invalid UTF-8"));
    CHECK(s->outcomes[7].reason.starts_with(dir / "missing.ru.txt: "));
    CHECK(s->outcomes[8].reason == "solo.ru.txt: no English partner");
    CHECK(s->outcomes[9].reason.starts_with(dir / "blank.ru.txt: "));
    CHECK(AllPairs(db).size() > 20);
  }
}

TEST_CASE(
    "pooled lexicon: a rerun skips all, and gives the beads of a full run after a partial one",
    "[pipeline][batch]") {
  ScratchDir dir;
  const std::vector<pipeline::BatchItem> items = CopyPairs(dir);
  pipeline::BatchRunOptions options;
  options.pool_lexicon = true;
  options.jobs = 2;
  REQUIRE(pipeline::RunBatch(dir / "full.db", items, options).ok());
  // A first run that stored only two of the pairs, then the whole batch.
  REQUIRE(pipeline::RunBatch(dir / "part.db", std::span(items).first(2), options).ok());
  Result<pipeline::BatchSummary> rest = pipeline::RunBatch(dir / "part.db", items, options);
  REQUIRE(rest.ok());
  CHECK(rest->stored == 3);
  // The first two were pooled with two pairs only: stored beads differ from
  // the full run's there, but the three new ones match it.
  std::vector<tm::PairRow> full = AllPairs(dir / "full.db"), part = AllPairs(dir / "part.db");
  auto of = [](const std::vector<tm::PairRow>& rows, const std::string& doc) {
    std::vector<tm::PairRow> out;
    for (const tm::PairRow& r : rows) {
      if (r.document == doc) out.push_back(r);
    }
    return out;
  };
  for (size_t k = 2; k < items.size(); ++k) {
    CHECK(SameBeads(of(full, items[k].name), of(part, items[k].name)));
  }
  Result<pipeline::BatchSummary> again = pipeline::RunBatch(dir / "full.db", items, options);
  REQUIRE(again.ok());
  CHECK(again->skipped == 5);
}

TEST_CASE("a stop set before the start stores nothing and says interrupted", "[pipeline][batch]") {
  ScratchDir dir;
  const std::vector<pipeline::BatchItem> items = CopyPairs(dir);
  std::atomic<bool> stop{true};
  for (const bool pool : {false, true}) {
    pipeline::BatchRunOptions options;
    options.stop = &stop;
    options.pool_lexicon = pool;
    Result<pipeline::BatchSummary> s = pipeline::RunBatch(dir / "tm.db", items, options);
    REQUIRE(s.ok());
    CHECK(s->interrupted);
    CHECK(s->outcomes.empty());
  }
}

TEST_CASE("a translation memory that cannot be opened fails the batch",
          "[pipeline][batch][errors]") {
  ScratchDir dir;
  Result<pipeline::BatchSummary> s = pipeline::RunBatch(dir.path().string(), CopyPairs(dir), {});
  REQUIRE_FALSE(s.ok());
  CHECK(s.status().message() == dir.path().string() + ": is a directory, not a translation memory");
}

TEST_CASE("pair summaries count bead shapes and suspicious beads", "[pipeline][batch]") {
  pipeline::AlignedPair pair;
  pair.ru.sentences.resize(4);
  pair.en.sentences.resize(3);
  pair.beads = {{0, 1, 0, 1, 0.9},
                {1, 2, 1, 1, 0.4},
                {3, 1, 2, 0, 0.2},
                {4, 0, 2, 1, 0.9},
                {4, 2, 3, 2, 0.6}};
  const pipeline::PairOutcome o = pipeline::SummarizePair("x", pair, 0.5);
  CHECK(o.ru_sentences == 4);
  CHECK(o.en_sentences == 3);
  CHECK(o.shapes == std::array<size_t, 6>{1, 1, 1, 1, 0, 1});
  CHECK(o.suspicious == 2);
  CHECK(o.mean_score == Approx(0.6));
  CHECK(pipeline::StateName(o.state) == "ok");
}

TEST_CASE("more pairs than one commit group holds are all stored, reported once each, in order",
          "[pipeline][batch]") {
  // 150 pairs (the five above under 30 names each): at least three groups of
  // at most 64; every outcome comes after its group's commit.
  ScratchDir dir;
  const std::vector<pipeline::BatchItem> five = CopyPairs(dir);
  std::vector<pipeline::BatchItem> items;
  for (int k = 0; k < 150; ++k) {
    pipeline::BatchItem item = five[k % five.size()];
    item.name = "p" + std::to_string(1000 + k);
    items.push_back(item);
  }
  std::vector<std::string> reported;
  pipeline::BatchRunOptions options;
  options.jobs = 2;
  Result<pipeline::BatchSummary> s =
      pipeline::RunBatch(dir / "tm.db", items, options, [&](const pipeline::PairOutcome& o) {
        // Reported as stored: already committed, so another connection sees it.
        Result<std::unique_ptr<tm::TmStore>> other =
            tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kReadOnly);
        REQUIRE(other.ok());
        Result<bool> has = (*other)->HasDocument(o.name);
        REQUIRE(has.ok());
        CHECK(*has);
        reported.push_back(o.name);
      });
  REQUIRE(s.ok());
  CHECK(s->stored == 150);
  CHECK(reported.size() == 150);
  REQUIRE(s->outcomes.size() == 150);
  for (size_t k = 0; k < 150; ++k) CHECK(s->outcomes[k].name == items[k].name);
  Result<std::unique_ptr<tm::TmStore>> store = tm::TmStore::Open(dir / "tm.db", tm::OpenMode::kReadOnly);
  REQUIRE(store.ok());
  Result<std::vector<tm::HistoryEntry>> history = tm::History(*(*store));
  REQUIRE(history.ok());
  CHECK(history->size() == 150);
  // The full-text index holds every stored bead: a headline's words are
  // found once per copy of its article (reuters.218921: 30 copies).
  Result<std::vector<tm::SearchHit>> hits = tm::Search(*(*store), "Scherzer wants", "[", "]", 10000);
  REQUIRE(hits.ok());
  CHECK(hits->size() == 30);
}
