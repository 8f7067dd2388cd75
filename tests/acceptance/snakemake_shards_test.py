#!/usr/bin/env python3
"""How the Snakemake workflow cuts its pairs into auto shards (tools/snakemake/pairs.py,
split_shards): consecutive, all pairs once, none empty, equal work by the texts' bytes,
the first (the merge's base, which also indexes its beads) lighter by base_share.
Standard library only; exit 0 pass, 1 fail."""
import os
import pathlib
import random
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2] / "tools" / "snakemake"))
import pairs  # noqa: E402

failures = []


def check(what, ok):
    if not ok:
        failures.append(what)


def covers(shards, items):
    return [p for s in shards for p in s] == list(items) and all(shards)


# Equal pairs, no index: equal shards, in order.
items = list(range(10))
check("10 equal pairs in 2", pairs.split_shards(items, 2, [1] * 10) == [items[:5], items[5:]])
# More shards asked than pairs: one pair each.
check("10 pairs in 20", pairs.split_shards(items, 20, [1] * 10) == [[i] for i in items])
check("no pairs", pairs.split_shards([], 2, []) == [])
check("one shard", pairs.split_shards(items, 1, [1] * 10) == [items])
# No sizes known (every text missing): cut by count.
check("weights all 0", pairs.split_shards(items, 2, [0] * 10) == [items[:5], items[5:]])
# A huge first pair: it is its shard, the rest the other.
check("huge first pair", pairs.split_shards(items, 2, [100] + [1] * 9) == [[0], items[1:]])
# A huge last pair: every shard keeps at least one pair.
huge_last = pairs.split_shards(items, 3, [1] * 9 + [100])
check(f"huge last pair: {huge_last}", covers(huge_last, items) and len(huge_last) == 3)

# Pairs of random sizes (news items and chapters): shards end within one
# pair's size of their targets, the first lighter by base_share.
rng = random.Random(7)
weights = [rng.choice([rng.randint(500, 3000), rng.randint(10000, 40000)]) for _ in range(3000)]
items = list(range(len(weights)))
for count, share in [(2, 0.0), (2, 0.1), (4, 0.1), (7, 0.25)]:
    shards = pairs.split_shards(items, count, weights, share)
    work = [sum(weights[p] for p in s) for s in shards]
    total = sum(weights)
    first = total / (1 + (count - 1) * (1 + share))
    other = (total - first) / (count - 1)
    big = max(weights)
    check(f"{count} shards, base_share {share}: all pairs once, in order", covers(shards, items))
    check(f"{count} shards: {len(shards)} made", len(shards) == count)
    check(f"{count} shards, base_share {share}: first {work[0]} vs {first:.0f}",
          abs(work[0] - first) <= big)
    for k, w in enumerate(work[1:-1], 1):
        check(f"{count} shards: shard {k} {w} vs {other:.0f}", abs(w - other) <= 2 * big)
    if share > 0:
        check(f"{count} shards: the first lighter ({work[0]} vs {work[1]})", work[0] < work[1])

# weight(): the bytes of both texts; a missing one counts 0.
with tempfile.TemporaryDirectory() as d:
    ru, en = os.path.join(d, "a.ru.txt"), os.path.join(d, "a.en.txt")
    pathlib.Path(ru).write_text("Привет.\n", encoding="utf-8")
    pathlib.Path(en).write_text("Hello.\n", encoding="utf-8")
    check("weight of a pair", pairs.weight(("a", ru, en, "")) == os.path.getsize(ru) + 7)
    check("weight without its English", pairs.weight(("a", ru, en + ".gone", "")) == os.path.getsize(ru))

for f in failures:
    print("FAIL:", f)
print(f"snakemake shards: {'PASS' if not failures else f'{len(failures)} failed'}")
sys.exit(1 if failures else 0)
