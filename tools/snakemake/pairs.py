#!/usr/bin/env python3
"""Helpers of the Snakemake workflow (tools/snakemake/Snakefile); standard library only.

  pairs.py list INPUT            pairs of a directory or manifest, as batch finds them:
                                 NAME<TAB>RU<TAB>EN lines (absolute paths), and
                                 NAME<TAB><TAB><TAB>REASON for a pair that cannot be made
  pairs.py jsonl SHARD.pairs OUT.jsonl UNREAD.tsv
                                 the JSON-lines input of `sverka align --jsonl` for one shard;
                                 a pair that cannot be read (not UTF-8, missing) goes to UNREAD.tsv
  pairs.py report SHARD.pairs ALIGNED.jsonl UNREAD.tsv
                                 the shard's rows of `batch --report` (no header) on stdout;
                                 fails when a pair of the shard has no row
"""
import json
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


def cmd_jsonl(shard, out, unread):
    with open(out, "w", encoding="utf-8") as o, open(unread, "w", encoding="utf-8") as u:
        for name, ru, en, reason in read_shard(shard):
            if reason:
                u.write(f"{name}\t{reason}\n")
                continue
            try:
                texts = [pathlib.Path(p).read_bytes().decode("utf-8") for p in (ru, en)]
            except (OSError, UnicodeDecodeError) as e:
                # align --jsonl takes UTF-8 text only: convert other encodings first.
                u.write(f"{name}\t{e}\n".replace("\r", " "))
                continue
            o.write(json.dumps({"id": name, "ru": texts[0], "en": texts[1]}, ensure_ascii=False))
            o.write("\n")


def cmd_report(shard, aligned, unread):
    rows = {}
    for line in pathlib.Path(unread).read_text("utf-8").splitlines():
        name, reason = line.split("\t", 1)
        rows[name] = failed_row(name, reason)
    paths = {cols[0]: {".ru": cols[1], ".en": cols[2]} for cols in read_shard(shard)}
    with open(aligned, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if "error" in r:
                # align --jsonl names a side ID.ru / ID.en; batch names the file.
                reason = r["error"]
                for side, path in paths.get(r["id"], {}).items():
                    if reason.startswith(r["id"] + side + ":"):
                        reason = path + reason[len(r["id"] + side):]
                rows[r["id"]] = failed_row(r["id"], reason)
                continue
            kinds = {"1-1": 0, "1-0": 0, "0-1": 0, "2-1": 0, "1-2": 0}
            other = 0
            scores = [b["score"] for b in r["beads"]]
            for b in r["beads"]:
                k = f"{len(b['ru'])}-{len(b['en'])}"
                if k in kinds:
                    kinds[k] += 1
                else:
                    other += 1
            mean = sum(scores) / len(scores) if scores else 0.0
            rows[r["id"]] = "\t".join(
                [r["id"], str(len(r["ru"])), str(len(r["en"]))] + [str(v) for v in kinds.values()]
                + [str(other), f"{mean:.4f}", str(sum(s < 0.5 for s in scores)), "ok", ""])
    names = [cols[0] for cols in read_shard(shard)]
    missing = [n for n in names if n not in rows]
    if missing:
        sys.exit(f"pairs.py: {len(missing)} pairs of {shard} have no result (first: {missing[0]})")
    for n in names:
        print(rows[n])


if __name__ == "__main__":
    commands = {"list": (cmd_list, 1), "jsonl": (cmd_jsonl, 3), "report": (cmd_report, 3)}
    if len(sys.argv) < 2 or sys.argv[1] not in commands or len(sys.argv) != 2 + commands[sys.argv[1]][1]:
        sys.exit(__doc__)
    fn, _ = commands[sys.argv[1]]
    fn(*sys.argv[2:])
