#include "tm/bead_edits.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>

#include "common/bead_status.h"
#include "common/utf8.h"
#include "tm/whole_edits.h"

namespace sverka::tm {

namespace {

std::string Shape(const BeadView& b) {
  return std::to_string(b.ru_end - b.ru_begin) + "-" + std::to_string(b.en_end - b.en_begin);
}

bool HasLineBreak(std::string_view s) {
  return s.find('\n') != std::string_view::npos || s.find('\r') != std::string_view::npos;
}

bool SameReviewState(const BeadView& a, const BeadView& b) {
  return a.ru_begin == b.ru_begin && a.ru_end == b.ru_end && a.en_begin == b.en_begin && a.en_end == b.en_end &&
         a.status == b.status && a.score == b.score;
}

}  // namespace

bool SameBeadState(const BeadView& a, const BeadView& b) {
  return a.position == b.position && a.ru_begin == b.ru_begin && a.ru_end == b.ru_end &&
         a.en_begin == b.en_begin && a.en_end == b.en_end && a.status == b.status &&
         std::abs(a.score - b.score) < 1e-9;
}

Status CheckStatus(std::string_view status) {
  if (IsBeadStatus(status)) return Status::Ok();
  return Status::InvalidData("unknown status '" + std::string(status) +
                             "'; one of auto, approved, rejected, edited");
}

Status CheckSide(std::string_view side) {
  if (side == "ru" || side == "en") return Status::Ok();
  return Status::InvalidData("unknown side '" + std::string(side) + "'; ru or en");
}

Result<Edit> MergeEdit(const EditPlace& at, const BeadView& a, const BeadView& b) {
  // A moved bead's English is not next to its neighbours': joining them
  // would pair sentences that stand apart in the translation.
  const bool en_apart = a.en_end > a.en_begin && b.en_end > b.en_begin && a.en_end != b.en_begin;
  const bool ru_apart = a.ru_end > a.ru_begin && b.ru_end > b.ru_begin && a.ru_end != b.ru_begin;
  if (en_apart || ru_apart) {
    return Status::InvalidData(at.Where() + "beads " + std::to_string(a.position) + " and " +
                            std::to_string(b.position) + " of " + at.DocName() + " cannot be merged: their " +
                            (en_apart ? "English" : "Russian") +
                            " sentences are not consecutive (one of them is a moved bead)");
  }
  BeadView merged = a;
  merged.ru_end = std::max(a.ru_end, b.ru_end);
  merged.en_end = std::max(a.en_end, b.en_end);
  // An empty side sits where it would be; the joined range starts at the first real one.
  merged.ru_begin = a.ru_end > a.ru_begin ? a.ru_begin : b.ru_begin;
  merged.en_begin = a.en_end > a.en_begin ? a.en_begin : b.en_begin;
  if (a.ru_end == a.ru_begin && b.ru_end == b.ru_begin)
    merged.ru_begin = merged.ru_end = a.ru_begin;
  if (a.en_end == a.en_begin && b.en_end == b.en_begin)
    merged.en_begin = merged.en_end = a.en_begin;
  merged.score = std::min(a.score, b.score);
  merged.status = kEdited;
  merged.created = std::min(a.created, b.created);
  return Edit{Snapshot{{a, b}, {}}, Snapshot{{merged}, {}}};
}

Result<Edit> SplitEdit(const EditPlace& at, const BeadView& b, int32_t ru_keep, int32_t en_keep) {
  const int32_t ru_n = b.ru_end - b.ru_begin, en_n = b.en_end - b.en_begin;
  const std::string cut = std::to_string(ru_keep) + ":" + std::to_string(en_keep);
  const std::string what =
      "bead " + std::to_string(b.position) + " of " + at.DocName() + " (" + Shape(b) + ")";
  if (ru_keep < 0 || en_keep < 0 || ru_keep > ru_n || en_keep > en_n) {
    return Status::InvalidData(at.Where() + what + " has " + std::to_string(ru_n) + " Russian and " +
                            std::to_string(en_n) + " English sentences; cannot split at " + cut);
  }
  if (ru_keep + en_keep == 0 || ru_keep + en_keep == ru_n + en_n) {
    return Status::InvalidData(at.Where() + what + " cannot be split at " + cut +
                            ": each part needs a sentence (give --at RU:EN)");
  }
  BeadView first = b, second = b;
  first.ru_end = second.ru_begin = b.ru_begin + ru_keep;
  first.en_end = second.en_begin = b.en_begin + en_keep;
  first.status = second.status = kEdited;
  second.position = b.position + 1;
  return Edit{Snapshot{{b}, {}}, Snapshot{{first, second}, {}}};
}

Result<Edit> MoveEdit(const EditPlace& at, const BeadView& b, const std::optional<BeadView>& other,
                      std::string_view side, MoveDirection direction) {
  const bool down = direction == MoveDirection::kToNext;
  const std::string name = "bead " + std::to_string(b.position) + " of " + at.DocName();
  if (!other) {
    return Status::InvalidData(at.Where() + name + " has no " + (down ? "next" : "previous") +
                            " bead to move a sentence to");
  }
  const BeadView& o = *other;
  const bool ru = side == "ru";
  const int32_t count = ru ? b.ru_end - b.ru_begin : b.en_end - b.en_begin;
  const std::string lang = ru ? "Russian" : "English";
  if (count == 0)
    return Status::InvalidData(at.Where() + name + " has no " + lang + " sentence to move");
  if ((b.ru_end - b.ru_begin) + (b.en_end - b.en_begin) == 1) {
    return Status::InvalidData(at.Where() + "moving the only sentence of " + name +
                            " would leave it empty; merge instead");
  }
  const int32_t o_count = ru ? o.ru_end - o.ru_begin : o.en_end - o.en_begin;
  const int32_t b_first = ru ? b.ru_begin : b.en_begin, b_last = ru ? b.ru_end : b.en_end;
  const int32_t o_first = ru ? o.ru_begin : o.en_begin, o_last = ru ? o.ru_end : o.en_end;
  if (o_count > 0 && (down ? b_last != o_first : o_last != b_first)) {
    return Status::InvalidData(at.Where() + "the " + lang + " sentences of " + name + " and bead " +
                            std::to_string(o.position) +
                            " are not consecutive (one of them is a moved bead); cannot move a "
                            "sentence between them");
  }
  BeadView from = b, to = o;
  int32_t& b_begin = ru ? from.ru_begin : from.en_begin;
  int32_t& b_end = ru ? from.ru_end : from.en_end;
  int32_t& o_begin = ru ? to.ru_begin : to.en_begin;
  int32_t& o_end = ru ? to.ru_end : to.en_end;
  if (down) {
    --b_end;
    if (o_end == o_begin) o_end = b_end + 1;  // an empty side takes the sentence as its range
    o_begin = b_end;
  } else {
    if (o_end == o_begin) o_begin = b_begin;
    o_end = b_begin + 1;
    ++b_begin;
  }
  from.status = to.status = kEdited;
  Snapshot before, after;
  if (down) {
    before.beads = {b, o};
    after.beads = {from, to};
  } else {
    before.beads = {o, b};
    after.beads = {to, from};
  }
  return Edit{before, after};
}

Status CheckNewText(std::string_view text) {
  if (FindInvalidUtf8(text)) return Status::InvalidData("the new text is not valid UTF-8");
  if (HasLineBreak(text))
    return Status::InvalidData("the new text holds a line break; one sentence is one line");
  if (CollapseWhitespace(text).empty()) return Status::InvalidData("the new text is empty");
  // As the readers refuse them in files (a terminal would obey an ESC or BEL).
  for (size_t k = 0; k < text.size(); ++k) {
    const auto c = static_cast<unsigned char>(text[k]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      return Status::InvalidData("the new text holds control byte " + HexByte(c) +
                              " at byte offset " + std::to_string(k) +
                              "; a sentence holds no control characters");
    }
  }
  return Status::Ok();
}

Result<Edit> EditTextEdit(const EditPlace& at, const BeadView& b, std::string_view side,
                          int32_t index, std::string_view text) {
  const std::vector<std::string>& texts = side == "ru" ? b.ru : b.en;
  if (index < 0 || index >= static_cast<int32_t>(texts.size())) {
    return Status::InvalidData(at.Where() + "bead " + std::to_string(b.position) + " of " +
                            at.DocName() + " has no " + std::string(side) + " sentence " +
                            std::to_string(index) + " (it has " + std::to_string(texts.size()) +
                            ")");
  }
  if (texts[index] == text) {
    return Status::InvalidData(at.Where() + "the text of " + std::string(side) + " sentence " +
                            std::to_string(index) + " of bead " + std::to_string(b.position) +
                            " is unchanged");
  }
  const int32_t sentence = (side == "ru" ? b.ru_begin : b.en_begin) + index;
  BeadView after = b;
  after.status = kEdited;
  return Edit{Snapshot{{b}, {{std::string(side), sentence, texts[index]}}},
              Snapshot{{after}, {{std::string(side), sentence, std::string(text)}}}};
}

Result<Edit> StatusesEdit(const EditPlace& at, const std::vector<BeadView>& all,
                          std::string_view status, std::optional<double> min_score,
                          std::optional<int32_t> before) {
  Snapshot from, to;
  for (const BeadView& b : all) {
    if (b.status != "auto" || (min_score && !(b.score >= *min_score)) || (before && b.position >= *before)) continue;
    from.beads.push_back(b);
    to.beads.push_back(b);
    to.beads.back().status = std::string(status);
  }
  if (from.beads.empty()) {
    char floor[32];
    std::snprintf(floor, sizeof floor, "%g", min_score.value_or(0));
    return Status::InvalidData(at.Where() + "no unreviewed bead of " + at.DocName() +
                            (min_score ? std::string(" scores at least ") + floor : std::string()) +
                            (before ? " before bead " + std::to_string(*before) : std::string()) +
                            "; nothing changed");
  }
  return Edit{from, to};
}

Result<std::optional<Edit>> ReplaceEdit(const EditPlace& at, const std::vector<BeadView>& now,
                                        const std::vector<BeadView>& seen,
                                        const std::vector<BeadView>& beads) {
  if (now.size() != seen.size() || !std::equal(now.begin(), now.end(), seen.begin(), SameReviewState)) {
    return Status::InvalidData(at.Where() + at.DocName() + " changed meanwhile; nothing changed");
  }
  if (!HoldEachSentenceOnce(now, beads)) {
    return Status::InvalidData(at.Where() + "the new beads of " + at.DocName() +
                            " do not hold every sentence once; nothing changed");
  }
  size_t first = 0;
  const size_t common = std::min(now.size(), beads.size());
  while (first < common && SameReviewState(now[first], beads[first])) ++first;
  size_t tail = 0;
  while (tail < common - first &&
         SameReviewState(now[now.size() - 1 - tail], beads[beads.size() - 1 - tail])) {
    ++tail;
  }
  if (first == now.size() && now.size() == beads.size()) return std::optional<Edit>();
  Snapshot from, to;
  from.beads.assign(now.begin() + static_cast<std::ptrdiff_t>(first), now.end() - static_cast<std::ptrdiff_t>(tail));
  to.beads.assign(beads.begin() + static_cast<std::ptrdiff_t>(first), beads.end() - static_cast<std::ptrdiff_t>(tail));
  if (from.beads.empty() || to.beads.empty()) return Status::Internal(at.Where() + "an empty region to replace");
  for (size_t k = 0; k < to.beads.size(); ++k) to.beads[k].position = static_cast<int32_t>(first + k);
  return std::optional<Edit>(Edit{from, to});
}

EditStacks StacksOf(const std::vector<HistoryStep>& steps) {
  EditStacks out;
  auto drop = [](std::vector<int64_t>& v, int64_t x) { v.erase(std::remove(v.begin(), v.end(), x), v.end()); };
  for (const HistoryStep& s : steps) {
    if (s.action == "add-document" || s.action == "replace-document" || s.action == "import") {
      out.undo.clear();
      out.redo.clear();
    } else if (s.action == "undo") {
      drop(out.undo, s.undoes);
      out.redo.push_back(s.id);
    } else if (s.action == "redo") {
      drop(out.redo, s.undoes);
      out.undo.push_back(s.id);
    } else {
      out.undo.push_back(s.id);
      out.redo.clear();
    }
  }
  return out;
}

}  // namespace sverka::tm
