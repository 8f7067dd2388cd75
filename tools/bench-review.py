#!/usr/bin/python3
"""tools/bench review: a 2,000-bead document in `sverka review` (pseudo-terminal,
python3-pexpect) and `sverka edit`. Prints the time to the first screen and
per action (median and worst of each kind). Figures, not a test."""
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

import pexpect

SVERKA = os.path.abspath("build/sverka")
N = 2000


def make(tmp):
    units = "".join(
        f'<tu><tuv xml:lang="ru"><seg>Предложение номер {k}, в нём есть Москва и {k * 7} рублей.</seg></tuv>'
        f'<tuv xml:lang="en"><seg>Sentence number {k}, with Moscow and {k * 7} roubles in it.</seg></tuv></tu>\n'
        for k in range(N))
    tmx = os.path.join(tmp, "big.tmx")
    with open(tmx, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" '
                'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="ru" '
                'datatype="plaintext"/><body>\n' + units + "</body></tmx>\n")
    db = os.path.join(tmp, "tm.db")
    subprocess.run([SVERKA, "import", tmx, "--db", db, "--name", "big", "-q"], check=True)
    rnd = random.Random(6)
    with sqlite3.connect(db) as c:
        for (bid,) in c.execute("SELECT id FROM beads").fetchall():
            c.execute("UPDATE beads SET status = 'auto', score = ? WHERE id = ?", (rnd.random(), bid))
    return db


def rows(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT count(*) FROM history").fetchone()[0]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db = make(tmp)
        env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8")
        opens = []
        for _ in range(5):
            t = time.perf_counter()
            p = pexpect.spawn(SVERKA, ["review", "--db", db, "--doc", "big"], env=env,
                              dimensions=(40, 120), encoding="utf-8", timeout=30)
            p.expect("lowest-scored unreviewed bead")
            opens.append(time.perf_counter() - t)
            p.send("q")
            p.expect(pexpect.EOF)
        p = pexpect.spawn(SVERKA, ["review", "--db", db, "--doc", "big"], env=env,
                          dimensions=(40, 120), encoding="utf-8", timeout=30)
        p.expect("lowest-scored unreviewed bead")
        p.delaybeforesend = None  # pexpect waits 50 ms before each send by default
        per = {}
        drawn = {}
        n = rows(db)
        for key, name in [("a", "approve"), ("r", "reject"), ("m", "merge"), ("u", "undo"),
                          ("U", "redo"), ("u", "undo")] * 10:
            t = time.perf_counter()
            p.send(key)
            n += 1
            while rows(db) < n:
                time.sleep(0.0005)
            per.setdefault(name, []).append(time.perf_counter() - t)
            last = time.perf_counter()
            try:  # the redraw: until the screen is quiet for 20 ms
                while True:
                    p.read_nonblocking(65536, timeout=0.02)
                    last = time.perf_counter()
            except pexpect.TIMEOUT:
                pass
            drawn.setdefault(name, []).append(last - t)
        p.send("q")
        p.expect(pexpect.EOF)
        edits = []
        for k in range(10):
            t = time.perf_counter()
            subprocess.run([SVERKA, "edit", "--db", db, "--doc", "big", "approve", str(k * 100)],
                           check=True, stdout=subprocess.DEVNULL)
            edits.append(time.perf_counter() - t)
        print(f"review of a {N}-bead document (2-core machine):")
        print(f"  open to first screen: median {statistics.median(opens) * 1000:.0f} ms, "
              f"worst {max(opens) * 1000:.0f} ms")
        for name, ts in per.items():
            print(f"  {name:8s} key to committed: median {statistics.median(ts) * 1000:.1f} ms, "
                  f"worst {max(ts) * 1000:.1f} ms; to screen redrawn: median "
                  f"{statistics.median(drawn[name]) * 1000:.1f} ms, worst {max(drawn[name]) * 1000:.1f} ms "
                  f"({len(ts)} times)")
        print(f"  sverka edit approve (whole process): median {statistics.median(edits) * 1000:.0f} ms")


if __name__ == "__main__":
    sys.exit(main())
