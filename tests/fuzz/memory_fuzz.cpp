// A translation memory from elsewhere (issue 17): any bytes as the SQLite
// file, opened as `stats`, `export` and `merge` open it, then read as they
// read it: TmStore::Open (read-only), DocumentNames, Stats, ForEachPair,
// Beads, UnindexedBeads, and MergeMemories into a new file with a small
// valid memory, the mutated one first as A (copied whole), then as B
// (attached and read document by document). The memory is a real file in a private directory of /dev/shm
// (SQLite puts its -wal and -shm beside it, so /proc/self/fd paths will not
// do), rewritten for every input and removed when the run ends.
//
// Checks: no crash, leak or undefined behaviour (the sanitizers); a failure
// is one line starting with the memory's path, exit code 1 or 3 (never a
// usage error: the command line is fine); a merge that succeeds writes a
// memory that opens again and passes quick_check, holding the valid
// memory's document.
#include <stdlib.h>
#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "fuzz_util.h"
#include "tm/bead_editor.h"
#include "tm/documents.h"
#include "tm/queries.h"
#include "tm/search.h"
#include "tm/tm_merge.h"
#include "tm/tm_store.h"
#include "common/document.h"

namespace sverka::fuzz {
namespace {

// The private directory and the valid memory merged with every input.
struct Place {
  std::string dir, memory, valid, out;
  Place() {
    std::string name = std::string(access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp") +
                       "/sverka-memory-fuzz-XXXXXX";
    if (!mkdtemp(name.data())) {
      std::perror("sverka fuzz: mkdtemp");
      std::abort();
    }
    dir = name;
    memory = dir + "/m.db";
    valid = dir + "/valid.db";
    out = dir + "/out.db";
    auto store = tm::TmStore::Open(valid, tm::OpenMode::kCreateOrWrite);
    FUZZ_CHECK(store.ok());
    DocumentRecord doc;
    doc.name = "valid";
    doc.ru = {{0, "Привет.", 0, 13}};
    doc.en = {{0, "Hello.", 0, 6}};
    doc.beads = {Bead{0, 1, 0, 1, 0.9}};
    doc.ru_hash = doc.en_hash = "fnv1a64:0";
    FUZZ_CHECK(tm::AddDocument(*(*store), doc, false).ok());
  }
  // Run when libFuzzer ends by exit() (its time is up); after a crash the
  // directory stays, with the input that crashed as m.db.
  ~Place() {
    Clear();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((valid + suffix).c_str());
    rmdir(dir.c_str());
  }
  void Clear() const {
    for (const std::string& base : {memory, out, out + ".tmp"}) {
      for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::remove((base + suffix).c_str());
    }
  }
};

void CheckFailure(const Status& s, const std::string& path) {
  FUZZ_CHECK(!s.ok());
  FUZZ_CHECK(s.kind() == ErrorKind::kInvalidData || s.kind() == ErrorKind::kInternal);
  FUZZ_CHECK(s.message().rfind(path, 0) == 0);
  FUZZ_CHECK(s.message().find('\n') == std::string::npos);
}

void Read(tm::TmStore& store, const std::string& path) {
  Result<std::vector<std::string>> names = store.DocumentNames();
  if (!names.ok()) return CheckFailure(names.status(), path);
  Result<std::vector<tm::DocumentStats>> stats = tm::Stats(store);
  if (!stats.ok()) return CheckFailure(stats.status(), path);
  // Counts and texts are read, not checked: a crafted file breaks every
  // CHECK constraint of the schema; what matters is that reading it is safe.
  const Status each = tm::ForEachPair(store, {}, [](const tm::PairRow&) { return Status::Ok(); });
  if (!each.ok()) CheckFailure(each, path);
  if (!names->empty()) {
    Result<std::vector<tm::BeadView>> beads = tm::Beads(store, names->front());
    if (!beads.ok()) CheckFailure(beads.status(), path);
  }
  Result<int64_t> pending = tm::UnindexedBeads(store);
  if (pending.ok()) FUZZ_CHECK(*pending >= 0);
}

// What `sverka merge A B -o OUT --force` runs, into a fresh OUT: a failure
// is one line, never a usage error (the message may name any of the three
// files); a merged memory opens again, passes quick_check and holds the
// valid memory's document.
void MergeInto(const Place& place, const std::string& a, const std::string& b) {
  Result<tm::MergeCounts> merged = tm::MergeMemories(a, b, place.out, {.replace_existing = true});
  if (!merged.ok()) {
    FUZZ_CHECK(merged.status().message().find('\n') == std::string::npos);
    FUZZ_CHECK(merged.status().kind() != ErrorKind::kUsage);
    return;
  }
  Result<std::unique_ptr<tm::TmStore>> out =
      tm::TmStore::Open(place.out, tm::OpenMode::kReadOnly, {.quick_check = true});
  FUZZ_CHECK(out.ok());
  Result<bool> has = (*out)->HasDocument("valid");
  FUZZ_CHECK(has.ok() && (*has || (a != place.valid && merged->identical > 0)));
}

void WriteMemory(const Place& place, const uint8_t* data, size_t size) {
  if (std::FILE* f = std::fopen(place.memory.c_str(), "wb")) {
    FUZZ_CHECK(std::fwrite(data, 1, size, f) == size);
    FUZZ_CHECK(std::fclose(f) == 0);
  }
}

}  // namespace

int TestOneInput(const uint8_t* data, size_t size) {
  static const Place place;
  place.Clear();
  WriteMemory(place, data, size);
  {
    Result<std::unique_ptr<tm::TmStore>> store =
        tm::TmStore::Open(place.memory, tm::OpenMode::kReadOnly);
    if (!store.ok()) {
      CheckFailure(store.status(), place.memory);
    } else {
      Read(**store, place.memory);
    }
  }
  // Both sides of `merge`: A is copied whole (VACUUM INTO), B is read
  // through an attached database; a mutated memory goes through each.
  MergeInto(place, place.memory, place.valid);
  place.Clear();
  WriteMemory(place, data, size);
  MergeInto(place, place.valid, place.memory);
  return 0;
}

}  // namespace sverka::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return sverka::fuzz::TestOneInput(data, size);
}
