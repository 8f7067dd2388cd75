#!/usr/bin/env bash
# cluster-parallel.sh: runs the GNU parallel recipe of doc/cluster.md on the
# 25 NTREX pairs of corpora/ntrex and checks that the memory it builds holds
# exactly the beads `sverka batch` stores for the same pairs.
#
#   pairs.jsonl -> parallel --pipe (2 jobs, 4 records each) sverka align --jsonl
#               -> sverka import --jsonl -> p.db   ==   sverka batch -> b.db
#
# Exit 0 pass, 1 fail, 77 skipped (GNU parallel, Debian package `parallel`,
# is not installed: meson reports SKIP). Needs SVERKA_BIN and SVERKA_CORPORA.
set -uo pipefail
SVERKA=${SVERKA_BIN:?SVERKA_BIN not set}
CORPORA=${SVERKA_CORPORA:?SVERKA_CORPORA not set}
command -v parallel >/dev/null || { echo "SKIP: GNU parallel is not installed (apt-get install parallel)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in"
cp "$CORPORA"/ntrex/*.ru.txt "$CORPORA"/ntrex/*.en.txt "$tmp/in/"

# One JSON line per pair: {"id", "ru", "en"} with the texts.
python3 - "$tmp/in" >"$tmp/pairs.jsonl" <<'PY' || exit 1
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
for ru in sorted(d.glob("*.ru.txt")):
    name = ru.name[: -len(".ru.txt")]
    en = d / (name + ".en.txt")
    print(json.dumps({"id": name, "ru": ru.read_text("utf-8"), "en": en.read_text("utf-8")},
                     ensure_ascii=False))
PY

# The recipe (doc/cluster.md): map with GNU parallel, reduce with import.
parallel --will-cite --pipe -N 4 -j 2 --keep-order "$SVERKA" align --jsonl \
  <"$tmp/pairs.jsonl" >"$tmp/aligned.jsonl" || { echo "FAIL: align --jsonl under parallel"; exit 1; }
"$SVERKA" import --jsonl "$tmp/aligned.jsonl" --db "$tmp/p.db" -q || { echo "FAIL: import --jsonl"; exit 1; }
"$SVERKA" batch "$tmp/in" --db "$tmp/b.db" -q -j 2 || { echo "FAIL: batch"; exit 1; }

python3 "$(dirname "$0")/same_beads.py" "parallel recipe" "$tmp/p.db" "$tmp/b.db" 25 ||
  { echo "FAIL: the JSON-lines path and batch stored different beads"; exit 1; }
echo "PASS: same beads"
