#!/usr/bin/env python3
"""Helpers of the Snakemake workflow (tools/snakemake/Snakefile); standard library only.

  pairs.py list INPUT            pairs of a directory or manifest, as batch finds them:
                                 NAME<TAB>RU<TAB>EN lines (absolute paths), and
                                 NAME<TAB><TAB><TAB>REASON for a pair that cannot be made
  pairs.py manifest SHARD.pairs  the shard's pairs as a `sverka batch` manifest
                                 (NAME<TAB>RU<TAB>EN) on stdout
  pairs.py report SHARD.pairs BATCH.tsv
                                 the shard's rows of `batch --report` (no header) on stdout,
                                 in the shard's order: batch's rows, and a failed row for
                                 each pair that has no partner; fails when a pair has no row
"""
import os
import pathlib
import sys

SIDES = (".txt", ".html", ".htm", ".xhtml", ".docx", ".odt", ".epub", ".srt", ".vtt")  # as src/pipeline/pair_finder.cpp
HEADER = ("name\tru_sentences\ten_sentences\tbeads_1-1\tbeads_1-0\tbeads_0-1\tbeads_2-1"
          "\tbeads_1-2\tbeads_other\tmean_score\tsuspicious\tstatus\treason")


def list_pairs(source):
    """Yields (name, ru, en, reason): reason is '' for a pair, else why it is none."""
    src = pathlib.Path(source).resolve()
    if src.is_dir():
        sides = {}
        for f in sorted(src.iterdir()):
            for lang in ("ru", "en"):
                for ext in SIDES:
                    tail = "." + lang + ext
                    if f.name.endswith(tail) and len(f.name) > len(tail):
                        sides.setdefault(f.name[: -len(tail)], {}).setdefault(lang, []).append(f)
        for name in sorted(sides):
            s = sides[name]
            ru, en = s.get("ru", []), s.get("en", [])
            if len(ru) > 1 or len(en) > 1:
                yield name, "", "", f"{name}: a side given twice"
            elif not en:
                yield name, "", "", f"{ru[0].name}: no English partner ({name}.en.txt, .html, .htm, .xhtml, .docx, .odt, .epub, .srt or .vtt)"
            elif not ru:
                yield name, "", "", f"{en[0].name}: no Russian partner ({name}.ru.txt, .html, .htm, .xhtml, .docx, .odt, .epub, .srt or .vtt)"
            else:
                yield name, str(ru[0]), str(en[0]), ""
        return
    for number, line in enumerate(src.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 3:
            yield f"{src.name}:{number}", "", "", f"{src.name}:{number}: expected NAME<TAB>RU<TAB>EN"
            continue
        name, ru, en = cols
        yield name, str(src.parent / ru), str(src.parent / en), ""


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


def stamp(pair):
    """Size and mtime of a pair's two texts, so that a shard is redone when one changes."""
    parts = []
    for path in pair[1:3]:
        try:
            st = os.stat(path)
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append("-")
    return ",".join(parts)


def read_shard(path):
    """A shard's pairs: (name, ru, en, reason), whatever columns follow."""
    for line in pathlib.Path(path).read_text("utf-8").splitlines():
        if line:
            yield line.split("\t")[:4]


def failed_row(name, reason):
    return "\t".join([name, "0", "0", "0", "0", "0", "0", "0", "0", "0.0000", "0", "failed",
                      reason.replace("\t", " ").replace("\n", " ")])


def cmd_list(source):
    for name, ru, en, reason in list_pairs(source):
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
    commands = {"list": (cmd_list, 1), "manifest": (cmd_manifest, 1), "report": (cmd_report, 2)}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or len(sys.argv) != 2 + commands[sys.argv[1]][1]:
        sys.exit(__doc__)
    fn, _ = commands[sys.argv[1]]
    fn(*sys.argv[2:])
