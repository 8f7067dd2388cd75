// A bead: a group of consecutive Russian sentences paired with a group of
// consecutive English sentences (either group may be empty). An alignment
// lists its beads in Russian order; the English of a moved bead (a
// paragraph the translation placed elsewhere) lies out of that order.
#pragma once

#include <cstdint>
#include <vector>

namespace sverka {

struct Bead {
  int32_t ru_begin = 0;  // first Russian sentence (0-based)
  int32_t ru_count = 0;  // 0 for a 0-1 bead
  int32_t en_begin = 0;
  int32_t en_count = 0;
  double score = 0.0;  // confidence in [0, 1]; low means check this bead first
  // Its English lies out of order: not on the alignment's longest monotone
  // chain of pairs (MarkMoved, moved_beads.h). Derived, never stored.
  bool moved = false;

  int32_t ru_end() const { return ru_begin + ru_count; }
  int32_t en_end() const { return en_begin + en_count; }
  bool operator==(const Bead& o) const {
    return ru_begin == o.ru_begin && ru_count == o.ru_count && en_begin == o.en_begin &&
           en_count == o.en_count;
  }
};

using Alignment = std::vector<Bead>;

}  // namespace sverka
