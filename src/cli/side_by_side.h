// The side-by-side layout `show` and `review` share: a bead's Russian
// sentences in the left column, its English in the right, each wrapped to
// its column's display width. Texts and names come from untrusted files:
// every control character is made visible (text::VisibleControls) before it
// reaches the terminal, in both commands.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tm/bead_edits.h"
#include "tm/tm_store.h"

namespace sverka::cli {

// The width of each text column when a line of `width` columns holds a
// margin of `margin` columns, the Russian column, the rule and the English one.
size_t ColumnWidth(size_t width, size_t margin);

// A bead's screen lines: each side's sentences wrapped to the column.
struct BeadLines {
  std::vector<std::string> ru, en;
  // The rows the bead takes: the longer side, at least one.
  size_t Height() const;
};

// Bead `b` laid out in columns of `column` display columns. Its English
// begins with the moved mark (MovedMark); with `numbers` each sentence
// begins with its number in the document ("[12] "), as 'edit pair' takes it.
BeadLines LayOutBead(const tm::BeadView& b, size_t column, bool numbers = false);

// Row `k` of `lines`: the Russian line padded to `column`, " │ ", the
// English line (empty sides where the other is longer).
std::string SideBySideRow(const BeadLines& lines, size_t k, size_t column);

// One letter per status in the margin: auto ' ', approved '+', rejected 'x', edited 'e'.
char StatusMark(std::string_view status);

}  // namespace sverka::cli
