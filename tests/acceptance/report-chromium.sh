#!/usr/bin/env bash
# report-chromium.sh
#
# Acceptance check of issue 16, item 6: the review report of a 2,000-bead
# document stays one self-contained page of at most 2 MB, and a real browser
# (Debian's Chromium, headless) renders it whole. The document: the 25
# corpora/ntrex articles aligned into one memory, their beads imported again
# as one document of 2,000 units (a TMX written here, the pairs repeated in
# order). Chromium's --dump-dom prints the page as it built it: every row, the
# summary and the marks must be there. `check --format html` over the whole
# memory is rendered the same way.
#
# Exit 0 pass, 1 fail, 77 skipped (no chromium: meson reports SKIP). Needs
# SVERKA_BIN and SVERKA_CORPORA (meson sets both).
set -uo pipefail
SVERKA=${SVERKA_BIN:?SVERKA_BIN not set}
CORPORA=${SVERKA_CORPORA:?SVERKA_CORPORA not set}
CHROMIUM=$(command -v chromium || command -v chromium-browser) || { echo "chromium not installed: skipped"; exit 77; }
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

for ru in "$CORPORA"/ntrex/*.ru.txt; do
  n=$(basename "${ru%.ru.txt}")
  "$SVERKA" align "$ru" "${ru%.ru.txt}.en.txt" --db "$W/tm.db" --name "$n" -q || fail "align $n"
done
"$SVERKA" export --db "$W/tm.db" -f tsv -o "$W/pairs.tsv" || fail "export"
/usr/bin/python3 - "$W/pairs.tsv" "$W/big.tmx" <<'PY' || fail "writing the TMX"
import sys
from xml.sax.saxutils import escape
# export -f tsv: one pair a line, Russian then English (doc/cli.md)
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1], encoding='utf-8')]
pairs = [(r[0], r[1]) for r in rows if len(r) >= 2 and r[0] and r[1]]
with open(sys.argv[2], 'w', encoding='utf-8') as out:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="t" '
              'creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="ru" '
              'datatype="plaintext"/><body>\n')
    for k in range(2000):
        r, e = pairs[k % len(pairs)]
        out.write('<tu><tuv xml:lang="ru"><seg>%s</seg></tuv><tuv xml:lang="en"><seg>%s</seg></tuv></tu>\n'
                  % (escape(r), escape(e)))
    out.write('</body></tmx>\n')
PY
"$SVERKA" import "$W/big.tmx" --db "$W/tm.db" -q || fail "import"
"$SVERKA" report --db "$W/tm.db" --doc big -o "$W/big.html" >/dev/null || fail "report"
size=$(stat -c %s "$W/big.html")
echo "report of 2,000 beads: $size bytes"
[ "$size" -le $((2 * 1024 * 1024)) ] || fail "the report is over 2 MB ($size bytes)"

render() {  # FILE -> the DOM Chromium built
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$W/profile" \
    --dump-dom "file://$1" 2>"$W/chromium.err"
}
dom=$(render "$W/big.html") || { cat "$W/chromium.err"; fail "chromium could not render the report"; }
rows=$(grep -o '<tr id="b[0-9]*"' <<<"$dom" | wc -l)
[ "$rows" -eq 2000 ] || fail "chromium built $rows bead rows, not 2000"
grep -q '<span>2000 beads</span>' <<<"$dom" || fail "the summary is missing"
grep -q '<tr id="b1999"' <<<"$dom" || fail "the last bead is missing"
marks=$(grep -o '<mark>' <<<"$dom" | wc -l)
[ "$marks" -gt 0 ] || fail "nothing marked"
grep -qE 'src=|href="http|<script|<link' "$W/big.html" && fail "the page refers to something outside it"
echo "chromium rendered 2000 rows, $marks marks"

"$SVERKA" check --db "$W/tm.db" --limit 0 -f html -o "$W/check.html" >/dev/null || fail "check --format html"
expected=$("$SVERKA" check --db "$W/tm.db" --limit 0 -f tsv 2>/dev/null | tail -n +2 | wc -l)
dom=$(render "$W/check.html") || { cat "$W/chromium.err"; fail "chromium could not render the check page"; }
rows=$(grep -o '<tr id="c[0-9]*"' <<<"$dom" | wc -l)
[ "$rows" -eq "$expected" ] || fail "the check page has $rows rows, check --format tsv $expected"
echo "check page: $rows doubtful beads rendered"
echo "PASS"
