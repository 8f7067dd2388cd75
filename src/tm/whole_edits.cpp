#include "tm/whole_edits.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "align/fixed_beads.h"
#include "common/bead_status.h"
#include "align/moved_beads.h"

namespace sverka::tm {

namespace {

using Ranges = std::tuple<int32_t, int32_t, int32_t, int32_t>;

Ranges RangesOf(const BeadView& b) { return {b.ru_begin, b.ru_end, b.en_begin, b.en_end}; }

Bead ToBead(const BeadView& b) {
  return {b.ru_begin, b.ru_end - b.ru_begin, b.en_begin, b.en_end - b.en_begin, b.score};
}

BeadView ToView(const Bead& b, int32_t position) {
  BeadView v;
  v.position = position;
  v.ru_begin = b.ru_begin;
  v.ru_end = b.ru_end();
  v.en_begin = b.en_begin;
  v.en_end = b.en_end();
  v.score = b.score;
  v.status = "auto";
  v.moved = b.moved;
  return v;
}

// The sentences of a bead as (side, index) keys: Russian i as i, English j as -1 - j.
void AddSentences(const BeadView& b, std::set<int64_t>& to) {
  for (int32_t i = b.ru_begin; i < b.ru_end; ++i) to.insert(i);
  for (int32_t j = b.en_begin; j < b.en_end; ++j) to.insert(-1 - int64_t{j});
}

bool Fragment(const BeadView& b) { return b.status == "auto" && b.score == 0.0; }

}  // namespace

std::pair<int32_t, int32_t> SentenceCounts(const std::vector<BeadView>& beads) {
  int32_t n = 0, m = 0;
  for (const BeadView& b : beads) {
    n = std::max(n, b.ru_end);
    m = std::max(m, b.en_end);
  }
  return {n, m};
}

bool HoldEachSentenceOnce(const std::vector<BeadView>& stored, const std::vector<BeadView>& beads) {
  const auto [n, m] = SentenceCounts(stored);
  std::vector<int> ru(n, 0), en(m, 0);
  for (const BeadView& b : beads) {
    if (b.ru_begin < 0 || b.ru_end > n || b.en_begin < 0 || b.en_end > m) return false;
    if (b.ru_begin > b.ru_end || b.en_begin > b.en_end || (b.ru_begin == b.ru_end && b.en_begin == b.en_end)) return false;
    for (int32_t i = b.ru_begin; i < b.ru_end; ++i) ++ru[i];
    for (int32_t j = b.en_begin; j < b.en_end; ++j) ++en[j];
  }
  return std::all_of(ru.begin(), ru.end(), [](int c) { return c == 1; }) &&
         std::all_of(en.begin(), en.end(), [](int c) { return c == 1; });
}

bool IsFixed(const BeadView& bead) { return IsFixedStatus(bead.status); }

Alignment AsAlignment(const std::vector<BeadView>& stored) {
  Alignment beads;
  beads.reserve(stored.size());
  for (const BeadView& b : stored) beads.push_back(ToBead(b));
  align::MarkMoved(beads);
  return beads;
}

std::vector<BeadView> Realigned(const std::vector<BeadView>& stored, const Alignment& beads) {
  std::map<Ranges, const BeadView*> by_ranges;
  for (const BeadView& b : stored) by_ranges[RangesOf(b)] = &b;
  std::vector<BeadView> next;
  next.reserve(beads.size());
  for (const Bead& b : beads) {
    BeadView v = ToView(b, 0);
    const auto it = by_ranges.find(RangesOf(v));
    if (it != by_ranges.end() && it->second->status != "auto") v = *it->second;
    next.push_back(std::move(v));
  }
  // Walk both in order: a bead with the same sentences in both is kept as
  // stored; a region where they differ (until both have covered the same
  // sentences) is taken from the aligner only when it touches a fixed bead
  // or holds a pin's unscored fragment.
  std::vector<BeadView> out;
  out.reserve(std::max(stored.size(), next.size()));
  size_t i = 0, j = 0;
  while (i < stored.size() || j < next.size()) {
    if (i < stored.size() && j < next.size() && RangesOf(stored[i]) == RangesOf(next[j])) {
      // A pin's fragment the aligner left as it is gets the aligner's score.
      if (Fragment(stored[i])) {
        out.push_back(next[j]);
        out.back().created = stored[i].created;
      } else {
        out.push_back(stored[i]);
      }
      ++i;
      ++j;
      continue;
    }
    std::set<int64_t> old_side, new_side;
    size_t i2 = i, j2 = j;
    do {
      if (j2 >= next.size() || (i2 < stored.size() && old_side.size() <= new_side.size())) {
        AddSentences(stored[i2++], old_side);
      } else {
        AddSentences(next[j2++], new_side);
      }
    } while (old_side != new_side && (i2 < stored.size() || j2 < next.size()));
    const bool touches = (i > 0 && IsFixed(stored[i - 1])) || (i2 < stored.size() && IsFixed(stored[i2])) ||
                         std::any_of(stored.begin() + static_cast<std::ptrdiff_t>(i),
                                     stored.begin() + static_cast<std::ptrdiff_t>(i2), Fragment);
    if (touches) {
      for (size_t k = j; k < j2; ++k) {
        BeadView v = next[k];
        const auto it = by_ranges.find(RangesOf(v));
        if (it != by_ranges.end()) v.created = it->second->created;
        out.push_back(std::move(v));
      }
    } else {
      out.insert(out.end(), stored.begin() + static_cast<std::ptrdiff_t>(i),
                 stored.begin() + static_cast<std::ptrdiff_t>(i2));
    }
    i = i2;
    j = j2;
  }
  for (size_t k = 0; k < out.size(); ++k) out[k].position = static_cast<int32_t>(k);
  return out;
}

Result<std::vector<BeadView>> Pinned(const std::vector<BeadView>& stored, int32_t ru_begin, int32_t ru_end,
                                     int32_t en_begin, int32_t en_end) {
  const auto [n, m] = SentenceCounts(stored);
  if (ru_begin < 0 || en_begin < 0 || ru_end < ru_begin || en_end < en_begin) {
    return Status::InvalidData("a sentence range must go forward");
  }
  if (ru_end == ru_begin && en_end == en_begin) return Status::InvalidData("a pin needs a sentence");
  if (ru_end > n) {
    return Status::InvalidData("Russian sentence " + std::to_string(ru_end - 1) + " is past the document's last, " +
                            std::to_string(n - 1));
  }
  if (en_end > m) {
    return Status::InvalidData("English sentence " + std::to_string(en_end - 1) + " is past the document's last, " +
                            std::to_string(m - 1));
  }
  const Bead pin{ru_begin, ru_end - ru_begin, en_begin, en_end - en_begin, 1.0};
  struct Piece {
    Bead bead;
    const BeadView* kept;  // the stored bead, unchanged; null for a fragment
    bool pin = false;
  };
  std::vector<Piece> pieces;
  for (const BeadView& s : stored) {
    const Bead b = ToBead(s);
    const int32_t ru_in = std::max(0, std::min(b.ru_end(), ru_end) - std::max(b.ru_begin, ru_begin));
    const int32_t en_in = std::max(0, std::min(b.en_end(), en_end) - std::max(b.en_begin, en_begin));
    if (ru_in == 0 && en_in == 0) {
      pieces.push_back({b, &s, false});
      continue;
    }
    // What is left before and after the pinned sentences, on each side.
    const int32_t rb_end = std::min(b.ru_end(), ru_begin), ra_begin = std::max(b.ru_begin, ru_end);
    const int32_t eb_end = std::min(b.en_end(), en_begin), ea_begin = std::max(b.en_begin, en_end);
    const Bead before{b.ru_begin, std::max(0, rb_end - b.ru_begin), b.en_begin, std::max(0, eb_end - b.en_begin), 0.0};
    const Bead after{ra_begin, std::max(0, b.ru_end() - ra_begin), ea_begin, std::max(0, b.en_end() - ea_begin), 0.0};
    for (const Bead& part : {before, after}) {
      if (part.ru_count + part.en_count > 0) pieces.push_back({part, nullptr, false});
    }
  }
  // The pin goes before the first bead whose Russian begins after it, or
  // an English-only one whose English does; a pin with no English goes by
  // its Russian alone, an English-only pin before the first bead whose
  // English begins after it.
  auto at = std::find_if(pieces.begin(), pieces.end(), [&](const Piece& p) {
    if (pin.ru_count > 0 && p.bead.ru_count > 0) return p.bead.ru_begin >= pin.ru_end();
    if (pin.en_count == 0) return false;
    return p.bead.en_count > 0 && p.bead.en_begin >= pin.en_end();
  });
  pieces.insert(at, {pin, nullptr, true});
  Alignment beads;
  for (const Piece& p : pieces) beads.push_back(p.bead);
  align::PlaceUnpaired(beads);
  std::vector<BeadView> out;
  for (size_t k = 0; k < pieces.size(); ++k) {
    if (pieces[k].kept) {
      BeadView v = *pieces[k].kept;
      v.position = static_cast<int32_t>(out.size());
      v.ru_begin = beads[k].ru_begin;
      v.ru_end = beads[k].ru_end();
      v.en_begin = beads[k].en_begin;
      v.en_end = beads[k].en_end();
      v.moved = beads[k].moved;
      out.push_back(std::move(v));
      continue;
    }
    BeadView v = ToView(beads[k], static_cast<int32_t>(out.size()));
    if (pieces[k].pin) v.status = kEdited;
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace sverka::tm
