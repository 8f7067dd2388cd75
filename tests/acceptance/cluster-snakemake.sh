#!/usr/bin/env bash
# cluster-snakemake.sh: runs tools/snakemake/Snakefile (doc/cluster.md) locally
# with --cores 2 on the 25 NTREX pairs of corpora/ntrex, the UDHR as HTML, an
# NTREX text in windows-1251, and two broken pairs,
# in 6 shards of 5 pairs, and checks:
#   - its memory holds exactly the beads `sverka batch` stores for the same pairs;
#   - its report.tsv has batch --report's rows (same statuses, counts and reasons);
#   - killed (SIGKILL) after a few shards were finished, then rerun: the same
#     beads, and the finished shards were not run again (their files untouched,
#     and Snakemake's rerun ran only the others).
# Exit 0 pass, 1 fail, 77 skipped (snakemake, Debian package `snakemake`, is
# not installed). Needs SVERKA_BIN and SVERKA_CORPORA. With SVERKA_CLUSTER_PAIRS=DIR
# (a measurement, not part of the suite: e.g. ../shared/eval/align/bible-nt)
# the pairs NAME.ru.txt / NAME.en.txt of DIR replace the NTREX ones, in about 7 shards.
set -uo pipefail
SVERKA=${SVERKA_BIN:?SVERKA_BIN not set}
CORPORA=${SVERKA_CORPORA:?SVERKA_CORPORA not set}
SNAKEFILE="$(dirname "$CORPORA")/tools/snakemake/Snakefile"
command -v snakemake >/dev/null || { echo "SKIP: snakemake is not installed (apt-get install snakemake)"; exit 77; }
tmp=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill -KILL -- "-$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir "$tmp/in" "$tmp/scratch"
PAIRS=${SVERKA_CLUSTER_PAIRS:-$CORPORA/ntrex}
cp "$PAIRS"/*.ru.txt "$PAIRS"/*.en.txt "$tmp/in/" || fail "no pairs in $PAIRS"
good=$(ls "$PAIRS"/*.ru.txt | wc -l)      # 25 NTREX pairs
# Two pairs the workflow must read as batch does: HTML (the UDHR) and a
# Russian text in windows-1251 (the JSON-lines route read UTF-8 text only).
cp "$CORPORA/udhr/rus.html" "$tmp/in/udhr.ru.html" && cp "$CORPORA/udhr/eng.html" "$tmp/in/udhr.en.html" \
  || fail "no UDHR in $CORPORA/udhr"
first=$(ls "$PAIRS"/*.ru.txt | head -n 1)
iconv -c -f UTF-8 -t WINDOWS-1251 "$first" >"$tmp/in/cp1251.ru.txt" && cp "${first%.ru.txt}.en.txt" "$tmp/in/cp1251.en.txt" \
  || fail "iconv"
good=$((good + 2))
size=$(( (good + 2 + 6) / 7 ))             # about 7 shards (5 pairs each here)
shards=$(( (good + 2 + size - 1) / size ))
echo "pairs: $good from $PAIRS, and two broken ones; $shards shards of $size"
: >"$tmp/in/empty.ru.txt"; echo "No Russian." >"$tmp/in/empty.en.txt"   # fails: empty file
echo "Одинокий." >"$tmp/in/lonely.ru.txt"                             # fails: no partner

run() {  # run OUT [snakemake options…]
  local out=$1; shift
  timeout 300 snakemake -s "$SNAKEFILE" -d "$tmp/work" --cores 2 --quiet \
    --config input="$tmp/in" out="$out" shard_size=$size sverka="$SVERKA" scratch="$tmp/scratch" "$@"
}

"$SVERKA" batch "$tmp/in" --db "$tmp/b.db" -q -j 2 --report "$tmp/b.tsv" 2>"$tmp/b.err"
[ $? -eq 1 ] || fail "batch: expected exit 1 (two failed pairs)"

# 1. An uninterrupted run.
run "$tmp/work/full" >"$tmp/full.log" 2>&1 || { cat "$tmp/full.log"; fail "snakemake run"; }

compare() {  # compare TM: same beads as batch
  python3 "$(dirname "$0")/same_beads.py" "$(basename "$(dirname "$1")")" "$1" "$tmp/b.db" "$good"
}
compare "$tmp/work/full/tm.db" || fail "the workflow and batch stored different beads"
# pending_of DB: "UNINDEXED ALL", its beads left for `sverka index` and all its beads.
pending_of() {
  python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); print(*c.execute(
    "SELECT count(*), (SELECT count(*) FROM beads) FROM bead_text_pending").fetchone())' "$1"
}
read -r pending _ < <(pending_of "$tmp/work/full/tm.db") || fail "no memory"
[ "$pending" = 0 ] || fail "$pending beads left unindexed (sverka index did not run)"
# Shard 0, the merge's base, indexed its beads in its own job; the others left
# theirs to the merge job's one index (Snakefile, doc/cluster.md "Speed").
read -r p0 b0 < <(pending_of "$tmp/work/full/shards/00000.db") || fail "no shard 0"
read -r p1 b1 < <(pending_of "$tmp/work/full/shards/00001.db") || fail "no shard 1"
[ "$b0" -gt 0 ] && [ "$p0" = 0 ] || fail "shard 0: $p0 of $b0 beads unindexed (expected none)"
[ "$p1" = "$b1" ] && [ "$b1" -gt 0 ] || fail "shard 1: $p1 of $b1 beads unindexed (expected all)"

# The report: batch's rows, apart from the order (batch writes them as pairs finish).
diff <(tail -n +2 "$tmp/b.tsv" | sort) <(tail -n +2 "$tmp/work/full/report.tsv" | sort) \
  || fail "report.tsv differs from batch --report"
head -n 1 "$tmp/b.tsv" | cmp -s - <(head -n 1 "$tmp/work/full/report.tsv") || fail "report header differs"
echo "report.tsv: $(grep -c $'\tfailed\t' "$tmp/work/full/report.tsv") failed pairs, as batch --report"

# 2. Killed after 3 of the shards, rerun.
out="$tmp/work/killed"
setsid bash -c 'exec "$@"' _ timeout 300 snakemake -s "$SNAKEFILE" -d "$tmp/work" --cores 1 --quiet \
  --config input="$tmp/in" out="$out" shard_size=$size sverka="$SVERKA" scratch="$tmp/scratch" \
  >"$tmp/killed.log" 2>&1 &
pid=$!
for _ in $(seq 600); do
  [ "$(ls "$out"/shards/*.db 2>/dev/null | wc -l)" -ge 3 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
kill -KILL -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=
[ -f "$out/tm.db" ] && fail "the run finished before it was killed: nothing to resume"
# Finished: both outputs there and not marked incomplete by Snakemake (a job
# killed after writing them but before Snakemake recorded it is rerun: right).
python3 - "$out" "$tmp/work/.snakemake/incomplete" >"$tmp/finished" <<'PY'
import base64, os, pathlib, sys
out, inc = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
marked = set()
for f in inc.rglob("*"):
    if f.is_file():
        b64 = "".join(p.lstrip("@") for p in f.relative_to(inc).parts)
        try:
            marked.add(base64.urlsafe_b64decode(b64).decode())
        except ValueError:
            pass
for db in sorted(out.glob("shards/*.db")):
    tsv = db.with_suffix(".tsv")
    if tsv.exists() and not any(m.endswith(str(db.relative_to(out.parent.parent))) or
                                m.endswith(str(tsv.relative_to(out.parent.parent))) for m in marked):
        st = db.stat()
        print(db.stem, st.st_ino, st.st_mtime_ns)
PY
done_before=$(wc -l <"$tmp/finished")
[ "$done_before" -ge 1 ] && [ "$done_before" -lt "$shards" ] || fail "$done_before shards finished when killed (expected 1-$((shards - 1)))"
run "$out" --unlock >/dev/null 2>&1   # SIGKILL left Snakemake's lock
run "$out" --rerun-incomplete >"$tmp/rerun.log" 2>&1 || { cat "$tmp/rerun.log"; fail "rerun"; }
compare "$out/tm.db" || fail "the resumed run and batch stored different beads"
while read -r shard ino mtime; do
  [ "$(stat -c '%i' "$out/shards/$shard.db")" = "$ino" ] &&
    [ "$(python3 -c 'import os,sys; print(os.stat(sys.argv[1]).st_mtime_ns)' "$out/shards/$shard.db")" = "$mtime" ] ||
    fail "shard $shard, finished before the kill, was written again"
done <"$tmp/finished"
# Snakemake's job counts: the rerun's shard jobs are the unfinished ones only.
redone=$(awk '$1 == "shard" {print $2; exit}' "$tmp/rerun.log")
[ "$redone" = $((shards - done_before)) ] || { cat "$tmp/rerun.log"; fail "rerun ran ${redone:-no} shard jobs, expected $((shards - done_before))"; }
echo "killed with $done_before of $shards shards finished; the rerun ran $redone shard jobs"
echo "PASS: same beads as batch, resumed without redoing finished shards"
