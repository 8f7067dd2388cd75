#!/usr/bin/env bash
# xliff-acceptance.sh translate-toolkit
#
# Acceptance check of issue 15, item 4: XLIFF written by translate-toolkit
# (Debian python3-translate) imports with the right pairs. The pairs: all 25
# NTREX articles of corpora/ntrex aligned with `sverka align --db` and
# exported as TSV. From them translate-toolkit writes
#
#   po2xliff   a PO file (translate.storage.po) converted by po2xliff: XLIFF 1.1
#              with source-language="en-US" and no target-language (po2xliff's
#              way), a PO header unit, so imported with --xliff-source ru
#   xlifffile  an XLIFF written by translate.storage.xliff with
#              source-language="ru" target-language="en", imported as it is
#
# and each imported memory must export the same TSV, pair for pair.
#
# Exit 0 pass, 1 fail, 77 skipped (translate-toolkit is not installed: meson
# reports SKIP). Needs SVERKA_BIN and SVERKA_CORPORA (meson sets both).
set -uo pipefail
MODE=${1:?usage: xliff-acceptance.sh translate-toolkit}
SVERKA=${SVERKA_BIN:?SVERKA_BIN not set}
CORPORA=${SVERKA_CORPORA:?SVERKA_CORPORA not set}
skip() { echo "SKIP: $*"; exit 77; }

case "$MODE" in
  translate-toolkit)
    /usr/bin/python3 -c 'import translate.storage.xliff, translate.convert.po2xliff' 2>/dev/null ||
      skip "translate-toolkit missing (apt-get install python3-translate)" ;;
  *) echo "unknown mode '$MODE'" >&2; exit 2 ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sverka-xliff-acceptance.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "work dir: $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

for ru in "$CORPORA"/ntrex/*.ru.txt; do
  "$SVERKA" align "$ru" "${ru%.ru.txt}.en.txt" --db "$WORK/tm.db" -q || { echo "FAIL: align $ru"; exit 1; }
done
"$SVERKA" export --db "$WORK/tm.db" -f tsv -o "$WORK/pairs.tsv" >/dev/null || { echo "FAIL: export"; exit 1; }
PAIRS=$(wc -l < "$WORK/pairs.tsv")
echo "aligned $PAIRS pairs"

# A PO file can hold a msgid once: the pairs must have distinct Russian sides
# for the PO route to keep them all (checked, not assumed).
/usr/bin/python3 - "$WORK" <<'PY' || { echo "FAIL: translate-toolkit could not write the files"; exit 1; }
import sys
from translate.storage import po, xliff
work = sys.argv[1]
pairs = [l.rstrip("\n").split("\t") for l in open(work + "/pairs.tsv", encoding="utf-8")]
if len({ru for ru, _ in pairs}) != len(pairs):
    sys.exit("pairs share a Russian side: the PO file would merge them")
store = po.pofile()
for ru, en in pairs:
    store.addsourceunit(ru).target = en
open(work + "/ntrex.po", "wb").write(bytes(store))
x = xliff.xlifffile(sourcelanguage="ru", targetlanguage="en")
for ru, en in pairs:
    x.addsourceunit(ru).target = en
open(work + "/xlifffile.xlf", "wb").write(bytes(x))
PY
/usr/bin/python3 -m translate.convert.po2xliff "$WORK/ntrex.po" "$WORK/po2xliff.xlf" >/dev/null 2>&1 ||
  { echo "FAIL: po2xliff"; exit 1; }

status=0
check() {  # check NAME [import options…]
  local name=$1; shift
  local out
  out=$("$SVERKA" import "$WORK/$name.xlf" --db "$WORK/$name.db" "$@" 2>&1)
  echo "$out"
  if [ "$out" != "$WORK/$name.xlf: imported $PAIRS translation units into document '$name'" ]; then
    echo "FAIL: $name: expected $PAIRS pairs"; status=1; return
  fi
  "$SVERKA" export --db "$WORK/$name.db" -f tsv -o "$WORK/$name.tsv" >/dev/null &&
    cmp -s "$WORK/pairs.tsv" "$WORK/$name.tsv" || { echo "FAIL: $name: other texts than the pairs"; status=1; return; }
  echo "$name: the same $PAIRS pairs"
}
# Without --xliff-source a po2xliff file is refused (it names no target language).
if "$SVERKA" import "$WORK/po2xliff.xlf" --db "$WORK/refused.db" 2>/dev/null; then
  echo "FAIL: po2xliff's file imported without --xliff-source"; status=1
fi
check po2xliff --xliff-source ru
check xlifffile
exit $status
