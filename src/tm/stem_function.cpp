#include "tm/stem_function.h"

#include <sqlite3.h>

#include <string>
#include <string_view>

#include "stem/search_words.h"

namespace sverka::tm {
namespace {

void SverkaStems(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  auto* stemmer = static_cast<stem::SearchStemmer*>(sqlite3_user_data(context));
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const int bytes = sqlite3_value_bytes(argv[0]);
  const std::string stems =
      stemmer->Stems(std::string_view(text ? text : "", static_cast<size_t>(bytes)));
  sqlite3_result_text(context, stems.data(), static_cast<int>(stems.size()), SQLITE_TRANSIENT);
}

// sverka_marks(ru, en): "softhyphen" when either side holds U+00AD, else
// "": the stem index's `marks` column, which lets search find the beads
// whose words bead_text splits at a soft hyphen without reading every sentence.
void SverkaMarks(sqlite3_context* context, int argc, sqlite3_value** argv) {
  auto side = [&](int k) -> std::string_view {
    if (k >= argc) return {};
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[k]));
    return text ? std::string_view(text, static_cast<size_t>(sqlite3_value_bytes(argv[k])))
                : std::string_view();
  };
  sqlite3_result_text(context, BeadMarks(side(0), side(1)), -1, SQLITE_STATIC);
}

void DeleteStemmer(void* p) { delete static_cast<stem::SearchStemmer*>(p); }

}  // namespace

int RegisterStemFunction(sqlite3* db) {
  Result<std::unique_ptr<stem::SearchStemmer>> stemmer = stem::SearchStemmer::Create();
  if (!stemmer.ok()) return SQLITE_ERROR;
  // Deterministic and innocuous: usable in any statement of ours (the
  // memory's schema never calls it; TRUSTED_SCHEMA is off).
  const int rc = sqlite3_create_function_v2(db, "sverka_marks", 2,
                                            SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                            nullptr, SverkaMarks, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    delete stemmer->release();
    return rc;
  }
  return sqlite3_create_function_v2(db, "sverka_stems", 1,
                                    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                    stemmer->release(), SverkaStems, nullptr, nullptr,
                                    DeleteStemmer);
}

}  // namespace sverka::tm
