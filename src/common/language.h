// The two languages sverka aligns. Russian is always the original side.
#pragma once

#include <optional>
#include <string_view>

namespace sverka {

enum class Language { kRussian, kEnglish };

// "ru" / "en" (the codes used in options, the database and TMX).
constexpr std::string_view LanguageCode(Language lang) {
  return lang == Language::kRussian ? "ru" : "en";
}

// Parses "ru" or "en"; nullopt for anything else.
constexpr std::optional<Language> ParseLanguage(std::string_view code) {
  if (code == "ru") return Language::kRussian;
  if (code == "en") return Language::kEnglish;
  return std::nullopt;
}

}  // namespace sverka
