#include "pipeline/bead_matches.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "align/sentence_features.h"

namespace sverka::pipeline {
namespace {

constexpr uint32_t kUnknown = align::Vocabulary::kUnknown;

// One side of a bead: each sentence's tokens and anchors, the side's keys.
struct SideTokens {
  std::vector<std::vector<Token>> tokens;
  std::vector<std::vector<align::TokenAnchor>> anchors;
  std::set<std::string> keys;  // numbers, months, names (not punctuation)
};

SideTokens Tokenize(const std::vector<std::string>& sentences, segment::WordTokenizer& tokenizer,
                    Language lang) {
  SideTokens side;
  for (const std::string& s : sentences) {
    side.tokens.push_back(tokenizer.Tokenize(s));
    std::vector<align::TokenAnchor> anchors = align::TokenAnchors(side.tokens.back(), lang);
    std::erase_if(anchors, [](const align::TokenAnchor& a) { return a.key.rfind("P", 0) == 0; });
    for (const align::TokenAnchor& a : anchors) side.keys.insert(a.key);
    side.anchors.push_back(std::move(anchors));
  }
  return side;
}

// The ids in `words` of a side's word stems (kUnknown for those not there).
std::vector<std::vector<uint32_t>> StemIds(const SideTokens& side, const align::Vocabulary& words) {
  std::vector<std::vector<uint32_t>> ids;
  for (const std::vector<Token>& tokens : side.tokens) {
    ids.emplace_back();
    for (const Token& t : tokens) ids.back().push_back(t.kind == TokenKind::kWord ? words.Find(t.stem) : kUnknown);
  }
  return ids;
}

// Per sentence, per token: marked or not, as spans merged in order.
std::vector<MarkSpans> Spans(const SideTokens& side, const std::vector<std::vector<bool>>& marked) {
  std::vector<MarkSpans> out(side.tokens.size());
  for (size_t s = 0; s < side.tokens.size(); ++s) {
    for (size_t k = 0; k < side.tokens[s].size(); ++k) {
      if (!marked[s][k]) continue;
      const Token& t = side.tokens[s][k];
      MarkSpans& spans = out[s];
      // Tokens of one marked run ("2 000", "Nations'") become one mark.
      const bool joins = k > 0 && marked[s][k - 1] && !spans.empty() && !t.space_before;
      if (joins) {
        spans.back().second = t.end;
      } else {
        spans.emplace_back(t.begin, t.end);
      }
    }
  }
  return out;
}

std::vector<std::vector<bool>> Unmarked(const SideTokens& side) {
  std::vector<std::vector<bool>> marked;
  for (const std::vector<Token>& tokens : side.tokens) marked.emplace_back(tokens.size(), false);
  return marked;
}

// Marks the anchors of `side` whose key the other side holds too.
void MarkAnchors(const SideTokens& side, const std::set<std::string>& other_keys,
                 std::vector<std::vector<bool>>& marked) {
  for (size_t s = 0; s < side.anchors.size(); ++s) {
    for (const align::TokenAnchor& a : side.anchors[s]) {
      if (!other_keys.contains(a.key)) continue;
      for (size_t k = a.first; k <= a.last; ++k) marked[s][k] = true;
    }
  }
}

}  // namespace

Result<std::unique_ptr<BeadMatcher>> BeadMatcher::Create(std::span<const tm::BeadView> beads,
                                                         std::span<const formats::DictionaryEntry> dictionary) {
  std::unique_ptr<BeadMatcher> matcher(new BeadMatcher());
  SVERKA_ASSIGN_OR_RETURN(WordTokenizers tokenizers, WordTokenizers::Create());
  matcher->tokenizers_ = std::move(tokenizers);
  if (dictionary.empty()) return matcher;
  align::Vocabulary ru_stems, en_stems;
  for (const tm::BeadView& b : beads) {
    for (const std::string& s : b.ru) {
      for (const Token& t : matcher->tokenizers_.ru->Tokenize(s)) ru_stems.Id(t.stem);
    }
    for (const std::string& s : b.en) {
      for (const Token& t : matcher->tokenizers_.en->Tokenize(s)) en_stems.Id(t.stem);
    }
  }
  SVERKA_ASSIGN_OR_RETURN(PreparedDictionary prepared,
                          PrepareDictionaryFor(dictionary, ru_stems, en_stems, matcher->tokenizers_));
  matcher->dictionary_ = std::move(prepared);
  return matcher;
}

BeadMarks BeadMatcher::Match(const tm::BeadView& bead) {
  const SideTokens ru = Tokenize(bead.ru, *tokenizers_.ru, Language::kRussian);
  const SideTokens en = Tokenize(bead.en, *tokenizers_.en, Language::kEnglish);
  std::vector<std::vector<bool>> ru_marked = Unmarked(ru), en_marked = Unmarked(en);
  MarkAnchors(ru, en.keys, ru_marked);
  MarkAnchors(en, ru.keys, en_marked);
  // Dictionary translations: a Russian word whose translation the English
  // side holds, and those English words.
  const auto ru_ids = StemIds(ru, dictionary_.ru_words);
  const auto en_ids = StemIds(en, dictionary_.en_words);
  std::set<uint32_t> en_present, en_matched;
  for (const auto& sentence : en_ids) en_present.insert(sentence.begin(), sentence.end());
  std::vector<uint32_t> targets;
  for (size_t s = 0; s < ru_ids.size(); ++s) {
    for (size_t k = 0; k < ru_ids[s].size(); ++k) {
      targets.clear();
      if (ru_ids[s][k] == kUnknown || !dictionary_.table.AppendTargets(ru_ids[s][k], targets)) continue;
      for (const uint32_t e : targets) {
        if (!en_present.contains(e)) continue;
        ru_marked[s][k] = true;
        en_matched.insert(e);
      }
    }
  }
  for (size_t s = 0; s < en_ids.size(); ++s) {
    for (size_t k = 0; k < en_ids[s].size(); ++k) {
      if (en_ids[s][k] != kUnknown && en_matched.contains(en_ids[s][k])) en_marked[s][k] = true;
    }
  }
  return {Spans(ru, ru_marked), Spans(en, en_marked)};
}

}  // namespace sverka::pipeline
