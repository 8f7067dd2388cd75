#!/usr/bin/env bash
# tmx-acceptance.sh dtd|translate-toolkit|omegat
#
# Acceptance checks of issue 5 on a TMX exported from all 25 NTREX articles of
# corpora/ntrex (aligned with `sverka align --db`, exported with `sverka export`):
#
#   dtd                xmllint --nonet --noout --dtdvalid with the TMX 1.4 DTD
#                      (schemas/tmx14.dtd, extracted from OmegaT's jar at test time)
#   translate-toolkit  translate-toolkit (Debian python3-translate) reads as many
#                      units as the file has <tu>, with our texts
#   omegat             OmegaT 3.6 (Debian omegat) with the TMX in tm/auto/ and the
#                      25 Russian articles in source/, console-translate, applies
#                      >= 99 % of the units whose Russian side is one of OmegaT's
#                      own segments of the source (asked of OmegaT with
#                      console-createpseudotranslatetmx). A unit that is not one
#                      OmegaT segment cannot be applied whatever the TMX says:
#                      two Russian sentences in one bead, or sverka's splitter
#                      cutting where OmegaT's SRX rules do not. Those are
#                      reported too (all units; units of one sverka sentence).
#
# Exit 0 pass, 1 fail, 77 skipped (the tool is not installed: meson reports SKIP).
# Needs SVERKA_BIN and SVERKA_CORPORA (meson sets both). Modelled on
# ../shared/tools/omegat-applies-tmx.sh, which it does not use.
set -uo pipefail
MODE=${1:?usage: tmx-acceptance.sh dtd|translate-toolkit|omegat}
SVERKA=${SVERKA_BIN:?SVERKA_BIN not set}
CORPORA=${SVERKA_CORPORA:?SVERKA_CORPORA not set}
OMEGAT_JAR=${OMEGAT_JAR:-/usr/share/omegat/OmegaT.jar}
PY=/usr/bin/python3  # Debian's: python3-translate lives there, not in a pyenv one
[ -x "$PY" ] || PY=python3
skip() { echo "SKIP: $*"; exit 77; }

case "$MODE" in
  dtd)
    command -v xmllint >/dev/null || skip "xmllint missing (apt-get install libxml2-utils)"
    [ -r "$OMEGAT_JAR" ] || skip "$OMEGAT_JAR missing: the TMX 1.4 DTD comes from it (apt-get install omegat)" ;;
  translate-toolkit)
    /usr/bin/python3 -c 'import translate.storage.tmx' 2>/dev/null ||
      skip "translate-toolkit missing (apt-get install python3-translate)" ;;
  omegat)
    [ -r "$OMEGAT_JAR" ] || skip "$OMEGAT_JAR missing (apt-get install omegat)"
    command -v java >/dev/null || skip "java missing (apt-get install omegat)" ;;
  *) echo "unknown mode '$MODE'" >&2; exit 2 ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/sverka-acceptance.XXXXXX")
if [ "${KEEP:-0}" = 1 ]; then echo "work dir: $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

# The memory: every NTREX article, as a user would align them.
for ru in "$CORPORA"/ntrex/*.ru.txt; do
  "$SVERKA" align "$ru" "${ru%.ru.txt}.en.txt" --db "$WORK/tm.db" -q || { echo "FAIL: align $ru"; exit 1; }
done
"$SVERKA" export --db "$WORK/tm.db" -o "$WORK/ntrex.tmx" || { echo "FAIL: export"; exit 1; }
TUS=$(grep -c '<tu[ >]' "$WORK/ntrex.tmx")
echo "exported $TUS translation units"

extract_dtd() {
  # unzip may be missing; Python's zipfile is always there.
  "$PY" -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("schemas/tmx14.dtd"))' \
    "$OMEGAT_JAR" > "$1" || { echo "FAIL: no schemas/tmx14.dtd in $OMEGAT_JAR"; exit 1; }
}

if [ "$MODE" = dtd ]; then
  extract_dtd "$WORK/tmx14.dtd"
  # Also a TMX of imported LISA units (inline codes stripped, tabs kept).
  "$SVERKA" import "$CORPORA/tmx/lisa/ImportTest2A.tmx" --db "$WORK/lisa.db" --ru-lang fr -q &&
    "$SVERKA" export --db "$WORK/lisa.db" -o "$WORK/lisa.tmx" >/dev/null || { echo "FAIL: LISA import/export"; exit 1; }
  status=0
  for f in "$WORK/ntrex.tmx" "$WORK/lisa.tmx"; do
    if xmllint --nonet --noout --dtdvalid "$WORK/tmx14.dtd" "$f"; then
      echo "valid against tmx14.dtd: $(basename "$f")"
    else
      echo "FAIL: not valid against tmx14.dtd: $(basename "$f")"; status=1
    fi
  done
  exit $status
fi

if [ "$MODE" = translate-toolkit ]; then
  /usr/bin/python3 - "$WORK/ntrex.tmx" "$TUS" <<'PY'
import sys
import xml.etree.ElementTree as ET
from translate.storage import tmx
path, expected = sys.argv[1], int(sys.argv[2])
with open(path, "rb") as f:
    store = tmx.tmxfile(f)
units = store.units
ours = [[seg.text for seg in tu.iter("seg")] for tu in ET.parse(path).getroot().iter("tu")]
theirs = [[u.source, u.target] for u in units]
print("translate-toolkit read %d units (the file has %d <tu>)" % (len(units), expected))
if len(units) != expected or theirs != ours:
    diff = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), None)
    print("FAIL: units differ%s" % ("" if diff is None else " first at unit %d: %r vs %r" % (diff, ours[diff], theirs[diff])))
    sys.exit(1)
print("same units and texts")
PY
  exit $?
fi

# --- omegat ----------------------------------------------------------------------
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
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
XML
cp "$WORK/ntrex.tmx" "$PROJ/tm/auto/"
# OmegaT reads source/*.txt; one file per document, named as the document.
for ru in "$CORPORA"/ntrex/*.ru.txt; do
  name=$(basename "$ru" .ru.txt)
  cp "$ru" "$PROJ/source/$name.txt"
done

# Which units are one Russian sentence, by sverka's own splitter: the segs as
# paragraphs, one sentence per output line, a blank line between paragraphs.
"$PY" - "$WORK/ntrex.tmx" "$WORK/segs.txt" <<'PY'
import sys, xml.etree.ElementTree as ET
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for tu in ET.parse(sys.argv[1]).getroot().iter("tu"):
        out.write(tu.findall("tuv")[0].find("seg").text + "\n\n")
PY
"$SVERKA" segment --lang ru "$WORK/segs.txt" > "$WORK/segs.out" || { echo "FAIL: segment"; exit 1; }

omegat() {
  LC_ALL=C.UTF-8 timeout 600 java -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
    -Djava.library.path=/usr/lib/jni -jar "$OMEGAT_JAR" "$PROJ" "$@" \
    --config-dir="$WORK/config" --no-team --disable-project-locking
}
# OmegaT's own segments of the source: a pseudo-translation TMX (source = target).
omegat --mode=console-createpseudotranslatetmx --pseudotranslatetmx="$WORK/segments.tmx" \
  --pseudotranslatetype=equal > "$WORK/segments.log" 2>&1 ||
  { echo "FAIL: OmegaT could not list its segments"; tail "$WORK/segments.log"; exit 1; }
omegat --mode=console-translate > "$WORK/omegat.log" 2>&1
rc=$?
if [ $rc -ne 0 ] || ! grep -q "TMXR_INFO_READING_COMPLETE" "$WORK/omegat.log"; then
  echo "FAIL: OmegaT exit $rc or did not read the TMX"; tail -20 "$WORK/omegat.log"; exit 1
fi
if grep -qE "TMXR_ERROR|TMXR_FATAL|TF_TM_LOAD_ERROR|SEVERE" "$WORK/omegat.log"; then
  echo "FAIL: OmegaT logged a TMX error"; grep -E "TMXR_|SEVERE" "$WORK/omegat.log" | head; exit 1
fi

"$PY" - "$WORK/ntrex.tmx" "$WORK/segs.out" "$PROJ/target" "$WORK/segments.tmx" <<'PY'
import sys, re, xml.etree.ElementTree as ET
tmx, segs, target, segments = sys.argv[1:5]
norm = lambda s: re.sub(r"\s+", " ", s).strip()
# sentences per unit: paragraphs of the segmenter's output
counts = [len(p.strip("\n").split("\n")) for p in open(segs, encoding="utf-8").read().strip("\n").split("\n\n")]
units = []
for tu in ET.parse(tmx).getroot().iter("tu"):
    doc = next(p.text for p in tu.findall("prop") if p.get("type") == "x-document")
    ru, en = [t.find("seg").text for t in tu.findall("tuv")]
    units.append((doc, ru, en))
assert len(units) == len(counts), (len(units), len(counts))
omegat_segments = {norm(s.text or "") for s in ET.parse(segments).getroot().iter("seg")}
outputs = {}
tally = {"all": [0, 0], "one sverka sentence": [0, 0], "one OmegaT segment": [0, 0]}
missed = []
for (doc, ru, en), n in zip(units, counts):
    if doc not in outputs:
        outputs[doc] = norm(open("%s/%s.txt" % (target, doc), encoding="utf-8-sig").read())
    hit = norm(en) in outputs[doc]
    kinds = ["all"] + (["one sverka sentence"] if n == 1 else []) + \
            (["one OmegaT segment"] if norm(ru) in omegat_segments else [])
    for k in kinds:
        tally[k][0] += hit
        tally[k][1] += 1
    if "one OmegaT segment" in kinds and not hit:
        missed.append((doc, ru))
for doc, ru in missed[:10]:
    print("  not applied (%s): %s" % (doc, ru))
for k, (hit, n) in tally.items():
    print("OmegaT applied %d / %d units (%.1f %%): %s" % (hit, n, 100.0 * hit / max(n, 1), k))
hit, n = tally["one OmegaT segment"]
sys.exit(0 if n and 100.0 * hit / n >= 99.0 else 1)
PY
