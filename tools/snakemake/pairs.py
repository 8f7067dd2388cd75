#!/usr/bin/env python3
"""Helpers of the Snakemake workflow (tools/snakemake/Snakefile); standard library only.

  pairs.py list INPUT [SVERKA]   pairs of a directory or manifest, as `sverka batch --list-pairs`
                                 finds them: NAME<TAB>RU<TAB>EN<TAB>REASON lines (absolute
                                 paths; REASON empty for a pair, else why it is none)
  pairs.py manifest SHARD.pairs  the shard's pairs as a `sverka batch` manifest
                                 (NAME<TAB>RU<TAB>EN) on stdout
  pairs.py report SHARD.pairs BATCH.tsv
                                 the shard's rows of `batch --report` (no header) on stdout,
                                 in the shard's order: batch's rows, and a failed row for
                                 each pair that has no partner; fails when a pair has no row
"""
import functools
import os
import pathlib
import subprocess
import sys

HEADER = ("name\tru_sentences\ten_sentences\tbeads_1-1\tbeads_1-0\tbeads_0-1\tbeads_2-1"
          "\tbeads_1-2\tbeads_other\tmean_score\tsuspicious\tstatus\treason")


def list_pairs(source, sverka="sverka"):
    """Yields (name, ru, en, reason) as `sverka batch SOURCE --list-pairs` finds them: reason
    is '' for a pair, else why it is none. One set of rules (src/pipeline/pair_finder.h)
    decides what a pair is, for batch and for the workflow. Raises RuntimeError with
    sverka's own message when it refuses SOURCE (no pairs, a bad manifest line)."""
    r = subprocess.run([sverka, "batch", source, "--list-pairs"], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.strip() or f"{sverka} batch --list-pairs: exit {r.returncode}")
    for line in r.stdout.splitlines():
        name, ru, en, reason = (line.split("\t") + ["", "", ""])[:4]
        yield name, ru, en, reason


# shard_size auto: one shard per slot (core or cluster job) that can run at
# once, as few as that, since each shard process starts with empty caches and
# pays its Python steps; but no shard above MAX_AUTO_SHARD pairs (a killed run
# loses at most that) nor below MIN_AUTO_SHARD (the fixed cost per shard).
MIN_AUTO_SHARD, MAX_AUTO_SHARD = 500, 5000


def auto_shard_size(pairs, slots):
    """Pairs per shard: a multiple of `slots` shards of at most MAX_AUTO_SHARD pairs."""
    slots = max(1, slots)
    rounds = max(1, -(-pairs // (slots * MAX_AUTO_SHARD)))
    return max(MIN_AUTO_SHARD, -(-pairs // (slots * rounds)))


# The first shard is the merge's base: `sverka merge` copies it whole, its
# full-text index included, so it indexes its own beads in its job and the
# merge's index (`merge --index`) takes only the other shards' (Snakefile). Its index
# costs about INDEX_SHARE of aligning the same texts (4.7 s of CPU against
# 45.8 s on tools/bench workflow's 5,000 pairs), so with the index on, auto
# shards give it that much less text: all shards then end together.
INDEX_SHARE = 0.1


@functools.lru_cache(maxsize=None)
def _text_stat(path):
    """os.stat of a pair's text, None when it is not there; once per text per run
    (weight and stamp both read it while Snakemake reads the Snakefile)."""
    try:
        return os.stat(path)
    except OSError:
        return None


def weight(pair):
    """A pair's work: the bytes of its two texts (0 for a text that is not there)."""
    return sum(st.st_size for st in map(_text_stat, pair[1:3]) if st is not None)


def split_shards(pairs, count, weights, base_share=0.0):
    """`pairs` in `count` consecutive shards (fewer when there are fewer pairs) of
    about equal work by `weights`, the first doing `base_share` more per byte
    (its own index). Every shard holds at least one pair; their order is kept."""
    count = max(1, min(count, len(pairs)))
    if count == 1:
        return [list(pairs)] if pairs else []
    if not any(weights):  # no sizes known: by count
        weights = [1] * len(pairs)
    total = float(sum(weights))
    # first * (1 + base_share) == each other's; first + (count - 1) * other == total
    first = total / (1 + (count - 1) * (1 + base_share))
    other = (total - first) / (count - 1)
    shards, start, done = [], 0, 0.0
    for k in range(count - 1):
        boundary = first + k * other
        end = start + 1  # at least one pair in this shard
        done += weights[start]
        left = count - 1 - k  # shards still to fill after this one
        # Take pairs while the shard is short of its boundary, the pair's
        # midpoint still below it, and enough pairs left for the others.
        while end < len(pairs) - left and done + weights[end] / 2 < boundary:
            done += weights[end]
            end += 1
        shards.append(list(pairs[start:end]))
        start = end
    shards.append(list(pairs[start:]))
    return shards


def stamp(pair):
    """Size and mtime of a pair's two texts, so that a shard is redone when one changes."""
    return ",".join("-" if st is None else f"{st.st_size}:{st.st_mtime_ns}"
                    for st in map(_text_stat, pair[1:3]))


def read_shard(path):
    """A shard's pairs: (name, ru, en, reason), whatever columns follow."""
    for line in pathlib.Path(path).read_text("utf-8").splitlines():
        if line:
            yield line.split("\t")[:4]


def failed_row(name, reason):
    return "\t".join([name, "0", "0", "0", "0", "0", "0", "0", "0", "0.0000", "0", "failed",
                      reason.replace("\t", " ").replace("\n", " ")])


def cmd_list(source, sverka="sverka"):
    for name, ru, en, reason in list_pairs(source, sverka):
        print("\t".join([name, ru, en, reason]))


def cmd_manifest(shard):
    for name, ru, en, reason in read_shard(shard):
        if not reason:
            print("\t".join([name, ru, en]))


def cmd_report(shard, batch_report):
    rows = {}
    for number, line in enumerate(pathlib.Path(batch_report).read_text("utf-8").splitlines()):
        if number > 0 and line:  # below batch's header
            rows[line.split("\t", 1)[0]] = line
    names = []
    for name, ru, en, reason in read_shard(shard):
        names.append(name)
        if reason:
            rows[name] = failed_row(name, reason)
    missing = [n for n in names if n not in rows]
    if missing:
        sys.exit(f"pairs.py: {len(missing)} pairs of {shard} have no result (first: {missing[0]})")
    for n in names:
        print(rows[n])


if __name__ == "__main__":
    commands = {"list": (cmd_list, 1, 2), "manifest": (cmd_manifest, 1, 1), "report": (cmd_report, 2, 2)}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or not (
            commands[sys.argv[1]][1] <= len(sys.argv) - 2 <= commands[sys.argv[1]][2]):
        sys.exit(__doc__)
    fn = commands[sys.argv[1]][0]
    try:
        fn(*sys.argv[2:])
    except RuntimeError as e:
        sys.exit(str(e))
