#!/usr/bin/env bash
# xliff-acceptance.sh translate-toolkit|omegat
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
#   omegat     OmegaT 3.6 (Debian omegat) translates an XLIFF of the Russian
#              sides (written by translate-toolkit, the source copied into
#              <target>, which OmegaT's own XLIFF filter translates) with a TMX
#              of the pairs but every tenth in tm/auto/ (sentence segmentation
#              off: a unit is a segment); the XLIFF OmegaT writes in target/
#              must import with the pairs of the TMX, the untranslated units
#              (their target the Russian source) skipped and counted.
#
# Exit 0 pass, 1 fail, 77 skipped (translate-toolkit, or OmegaT, is not
# installed: meson reports SKIP). Needs SVERKA_BIN and SVERKA_CORPORA (meson sets both).
set -uo pipefail
MODE=${1:?usage: xliff-acceptance.sh translate-toolkit|omegat}
SVERKA=${SVERKA_BIN:?SVERKA_BIN not set}
CORPORA=${SVERKA_CORPORA:?SVERKA_CORPORA not set}
OMEGAT_JAR=${OMEGAT_JAR:-/usr/share/omegat/OmegaT.jar}
skip() { echo "SKIP: $*"; exit 77; }

case "$MODE" in
  translate-toolkit|omegat)
    /usr/bin/python3 -c 'import translate.storage.xliff, translate.convert.po2xliff' 2>/dev/null ||
      skip "translate-toolkit missing (apt-get install python3-translate)" ;;&
  omegat)
    [ -r "$OMEGAT_JAR" ] || skip "$OMEGAT_JAR missing (apt-get install omegat)"
    command -v java >/dev/null || skip "java missing (apt-get install omegat)" ;;
  translate-toolkit) ;;
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
if [ "$MODE" = omegat ]; then
  PROJ=$WORK/project
  mkdir -p "$PROJ"/source "$PROJ"/target "$PROJ"/tm/auto "$PROJ"/glossary "$PROJ"/dictionary \
           "$PROJ"/omegat "$WORK"/config
  cat > "$PROJ/omegat.project" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>ru</source_lang>
        <target_lang>en</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneRussianTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
        <sentence_seg>false</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
XML
  "$SVERKA" export --db "$WORK/tm.db" -o "$WORK/all.tmx" >/dev/null || { echo "FAIL: export"; exit 1; }
  # Every tenth pair is left out of the TMX, so OmegaT leaves its unit
  # untranslated (the Russian source stays in <target>): import skips those.
  /usr/bin/python3 - "$WORK" "$PROJ" <<'PY' || { echo "FAIL: the source XLIFF"; exit 1; }
import re, sys
from translate.storage import xliff
work, proj = sys.argv[1:3]
pairs = [l.rstrip("\n").split("\t") for l in open(work + "/pairs.tsv", encoding="utf-8")]
tmx = open(work + "/all.tmx", encoding="utf-8").read()
tus = re.findall(r"    <tu .*?</tu>\n", tmx, re.S)
assert len(tus) == len(pairs), (len(tus), len(pairs))
open(proj + "/tm/auto/ntrex.tmx", "w", encoding="utf-8").write(
    tmx.replace("".join(tus), "".join(t for k, t in enumerate(tus) if k % 10)))
with open(work + "/omegat-expected.tsv", "w", encoding="utf-8") as out:
    for k, (ru, en) in enumerate(pairs):
        if k % 10:
            out.write(ru + "\t" + en + "\n")
x = xliff.xlifffile(sourcelanguage="ru", targetlanguage="en")
for ru, _ in pairs:
    x.addsourceunit(ru).target = ru
open(proj + "/source/ntrex.xlf", "wb").write(bytes(x))
PY
  LC_ALL=C.UTF-8 timeout 600 java -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Djava.library.path=/usr/lib/jni -jar "$OMEGAT_JAR" "$PROJ" --mode=console-translate \
    --config-dir="$WORK/config" --no-team --disable-project-locking > "$WORK/omegat.log" 2>&1 ||
    { echo "FAIL: OmegaT"; tail -20 "$WORK/omegat.log"; exit 1; }
  cp "$PROJ/target/ntrex.xlf" "$WORK/omegat.xlf" || { echo "FAIL: OmegaT wrote no target/ntrex.xlf"; exit 1; }
  status=0
  check_omegat=1
fi
[ "${check_omegat:-0}" = 1 ] || /usr/bin/python3 -m translate.convert.po2xliff "$WORK/ntrex.po" "$WORK/po2xliff.xlf" >/dev/null 2>&1 ||
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
if [ "$MODE" = omegat ]; then
  KEPT=$(wc -l < "$WORK/omegat-expected.tsv")
  out=$("$SVERKA" import "$WORK/omegat.xlf" --db "$WORK/omegat.db" 2>&1)
  echo "$out"
  [ "$out" = "$WORK/omegat.xlf: imported $KEPT translation units into document 'omegat'; skipped $((PAIRS - KEPT)) whose target is the Russian source copied" ] ||
    { echo "FAIL: omegat: expected $KEPT pairs and $((PAIRS - KEPT)) skipped"; exit 1; }
  "$SVERKA" export --db "$WORK/omegat.db" -f tsv -o "$WORK/omegat.tsv" >/dev/null &&
    cmp -s "$WORK/omegat-expected.tsv" "$WORK/omegat.tsv" || { echo "FAIL: omegat: other texts than the pairs"; exit 1; }
  echo "omegat: the same $KEPT pairs"
  exit 0
fi
# Without --xliff-source a po2xliff file is refused (it names no target language).
if "$SVERKA" import "$WORK/po2xliff.xlf" --db "$WORK/refused.db" 2>/dev/null; then
  echo "FAIL: po2xliff's file imported without --xliff-source"; status=1
fi
check po2xliff --xliff-source ru
check xlifffile
exit $status
