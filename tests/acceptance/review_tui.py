#!/usr/bin/python3
"""Drives `sverka review` through a pseudo-terminal (python3-pexpect).

1. open, approve, merge, split, undo, quit: the memory then holds exactly the
   expected beads and history rows;
2. ten actions, then SIGKILL: all ten are in the memory.
3. a resize redraws (the bead header is on screen again at the new size).
4. Ctrl-C leaves as q does (exit 0), at the bead list and at a question,
   with every change made before it kept (issue 17).
5. other writers (issue 16): another process merges, edits a text, replaces
   the document or edits while review is open: the next key acts on the bead
   the screen shows after reloading (refused, with the screen reloaded, when
   that bead changed), and the history says so; undo never reverses another
   process's edit.
6. the screen (issue 16): marks + x e and the moved mark, approve and reject
   move on to the next bead to check, the help fits 60 columns, the current
   bead stays on screen in a 10-row terminal.
7. control characters in a stored text are shown as `show` shows them (ESC
   as U+241B), never sent to the terminal (issue 18: one side-by-side renderer).
The screen is read from the file SVERKA_REVIEW_SCREEN names (written after
every redraw): ncurses sends only changed cells, so the byte stream is not it.
Exits 77 (meson's SKIP) when pexpect is missing.
"""
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

try:
    import pexpect
except ImportError:
    print("python3-pexpect is not installed: skipped")
    sys.exit(77)

SVERKA = os.environ["SVERKA_BIN"]
CORPORA = os.environ["SVERKA_CORPORA"]
failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def make_memory(tmp):
    db = os.path.join(tmp, "tm.db")
    stem = os.path.join(CORPORA, "ntrex", "bbc.381647")
    subprocess.run([SVERKA, "align", stem + ".ru.txt", stem + ".en.txt", "--db", db, "--name", "a",
                    "-q", "--no-dict"], check=True)
    return db


def beads(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT position, ru_begin, ru_end, en_begin, en_end, status FROM beads "
                         "ORDER BY position").fetchall()


def history(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT action, bead, undoes FROM history ORDER BY id").fetchall()


def wait_history(db, n, timeout=10):
    end = time.time() + timeout
    while time.time() < end:
        if len(history(db)) >= n:
            return True
        time.sleep(0.05)
    return False


def spawn(db, rows=30, cols=110):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", EDITOR="true",
               SVERKA_REVIEW_SCREEN=db + ".screen")
    p = pexpect.spawn(SVERKA, ["review", "--db", db, "--doc", "a"], env=env,
                      dimensions=(rows, cols), encoding="utf-8", timeout=10)
    p.expect("lowest-scored unreviewed bead")
    return p


def ended(p, timeout=10):
    """Waits for the review to leave: EOF, then the process itself.

    The pty reads EOF when the process closes its files, a moment before it
    can be reaped (a sanitizer build's exit takes longer); pexpect's close()
    would then signal a process that is already leaving. Returns
    (exit status, signal), or (None, 'timeout') if it did not leave."""
    if p.expect([pexpect.EOF, pexpect.TIMEOUT], timeout=timeout) != 0:
        p.close(force=True)
        return None, "timeout"
    p.wait()
    p.close()
    return p.exitstatus, p.signalstatus


def screen(db):
    try:
        with open(db + ".screen", encoding="utf-8") as f:
            return f.read().split("\n")
    except FileNotFoundError:
        return []


def wait_screen(db, pred, timeout=10):
    """The screen's lines once pred(lines) holds, else None."""
    end = time.time() + timeout
    while time.time() < end:
        lines = screen(db)
        if lines and pred(lines):
            return lines
        time.sleep(0.05)
    return None


def status_line(lines):
    rest = [l for l in lines if l.strip()]
    return rest[-1] if rest else ""


def shown(lines):
    """The position of the current bead as the header names it."""
    m = re.search(r" beads  #(\d+) ", lines[0]) if lines else None
    return int(m.group(1)) if m else None


def sverka(*args):
    return subprocess.run([SVERKA] + list(args), capture_output=True, text=True)


def bead_rows(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT position, ru_begin, ru_end, en_begin, en_end, status, score "
                         "FROM beads ORDER BY position").fetchall()


def full_history(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT id, action, bead, before, after, undoes FROM history "
                         "ORDER BY id").fetchall()


def next_to_check(db, pos):
    rows = bead_rows(db)
    for r in rows[pos + 1:]:
        if r[5] == "auto" and r[6] < 0.5:
            return r[0]
    return min(pos + 1, len(rows) - 1)


def lowest_auto(db):
    with sqlite3.connect(db) as c:
        return c.execute("SELECT position FROM beads WHERE status = 'auto' ORDER BY score, position "
                         "LIMIT 1").fetchone()[0]


def scenario_edit(tmp):
    db = make_memory(tmp)
    start = beads(db)
    low = lowest_auto(db)
    nxt = next_to_check(db, low)
    p = spawn(db)
    p.send("a")
    check(wait_history(db, 2), "approve written")
    lines = wait_screen(db, lambda l: shown(l) == nxt)
    check(lines is not None, "approve moves on to the next bead to check (#%d)" % nxt)
    p.send("m")
    check(wait_history(db, 3), "merge written")
    merged = beads(db)
    p.send("s")
    p.expect("at R")
    p.send("1:1\r")
    check(wait_history(db, 4), "split written")
    p.send("u")
    check(wait_history(db, 5), "undo written")
    p.send("q")
    check(ended(p) == (0, None), "quit exits 0")
    a, b = start[nxt], start[nxt + 1]
    expected = start[:nxt] + [(nxt, a[1], b[2], a[3], b[4], "edited")] + \
        [(x[0] - 1,) + x[1:] for x in start[nxt + 2:]]
    expected[low] = expected[low][:5] + ("approved",)
    check(merged == expected, "merge joined the bead moved on to with the next")
    check(beads(db) == expected, "after the undone split the memory holds the merged beads")
    h = history(db)
    check([x[0] for x in h] == ["add-document", "set-status", "merge", "split", "undo"],
          "history: add-document, set-status, merge, split, undo (%s)" % [x[0] for x in h])
    check(h[1][1] == low and h[2][1] == nxt and h[3][1] == nxt, "entries name the bead")
    check(h[4][2] == 4, "the undo reverts the split (entry 4)")


def scenario_editor(tmp):
    db = make_memory(tmp)
    editor = os.path.join(tmp, "edit.sh")
    with open(editor, "w") as f:
        f.write("#!/bin/sh\nprintf 'Новый текст.\\n' > \"$1\"\n")
    os.chmod(editor, 0o755)
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", EDITOR=editor)
    p = pexpect.spawn(SVERKA, ["review", "--db", db, "--doc", "a"], env=env, dimensions=(30, 110),
                      encoding="utf-8", timeout=10)
    p.expect("lowest-scored unreviewed bead")
    low = lowest_auto(db)
    p.send("e")
    p.expect("edit which sentence")
    p.send("r0\r")
    check(wait_history(db, 2), "edit in $EDITOR written")
    p.send("g")  # first bead
    p.send("v")
    p.expect("move which side")
    p.send("en\r")
    check(wait_history(db, 3), "move written")
    p.send("q")
    p.expect(pexpect.EOF)
    with sqlite3.connect(db) as c:
        ru_begin, status = c.execute("SELECT ru_begin, status FROM beads WHERE position = ?", (low,)).fetchone()
        text = c.execute("SELECT text FROM sentences WHERE side = 'ru' AND position = ?", (ru_begin,)).fetchone()[0]
        hits = c.execute("SELECT count(*) FROM bead_text WHERE bead_text MATCH ?",
                         ('"новый текст"',)).fetchone()[0]
    check(text == "Новый текст.", "the sentence holds the editor's text (%r)" % text)
    check(status == "edited", "the bead is edited")
    check(hits == 1, "search finds the new text")
    check([x[0] for x in history(db)] == ["add-document", "edit-text", "move"], "history: edit-text, move")


def scenario_kill(tmp):
    db = make_memory(tmp)
    p = spawn(db)
    keys = ["a", "r", "j", "a", "u", "U", "m", "u", "j", "r", "0", "a"]
    actions = 0
    for k in keys:
        p.send(k)
        if k != "j":
            actions += 1
            check(wait_history(db, 1 + actions), "action %d (%s) written" % (actions, k))
    # Drop what was drawn so far: only output after the resize may count.
    try:
        while True:
            p.read_nonblocking(size=65536, timeout=0.5)
    except (pexpect.TIMEOUT, pexpect.EOF):
        pass
    p.setwinsize(24, 80)
    p.kill(signal.SIGWINCH)
    # The screen is redrawn for the new size: ncurses either addresses the
    # new last row (24; it was 30) or clears and repaints, and which escape
    # sequence it picks depends on where the cursor was (seen to differ
    # between a normal and a sanitizer build), so any of them counts.
    i = p.expect([r"\x1b\[24;1H", r"\x1b\[24d", r"\x1b\[24H", r"\x1b\[2J", r"\x1b\[J",
                  pexpect.TIMEOUT], timeout=10)
    check(i < 5, "redraws after a resize (row 24 addressed or the screen repainted)")
    # And it still answers at the new size: the help screen opens.
    p.send("?")
    check(p.expect(["sverka review keys", pexpect.TIMEOUT], timeout=10) == 0,
          "a key after the resize is handled (help shown)")
    os.kill(p.pid, signal.SIGKILL)
    p.close(force=True)
    h = history(db)
    check(len(h) == 11, "after SIGKILL all ten actions are in the memory (%d rows)" % (len(h) - 1))
    check([x[0] for x in h[1:]] == ["set-status", "set-status", "set-status", "undo", "redo", "merge",
                                   "undo", "set-status", "set-status", "set-status"],
          "the ten actions in order")
    with sqlite3.connect(db) as c:
        check(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "database intact")
        problems = []
        for table in ("bead_text", "bead_stems"):
            try:  # FTS5's own check: raises SQLITE_CORRUPT when index and content differ
                c.execute("INSERT INTO %s (%s, rank) VALUES ('integrity-check', 1)" % (table, table))
            except sqlite3.DatabaseError as e:
                problems.append("%s: %s" % (table, e))
        ids = lambda sql: sorted(r[0] for r in c.execute(sql))
        check(ids("SELECT rowid FROM bead_stems") == ids("SELECT id FROM beads"),
              "stem index holds every bead after the review")
        check(not problems, "full-text and stem indexes consistent (%s)" % "; ".join(problems))


def scenario_interrupt(tmp):
    db = make_memory(tmp)
    p = spawn(db)
    p.send("a")
    check(wait_history(db, 2), "approval written before Ctrl-C")
    p.sendintr()
    code = ended(p)
    check(code == (0, None), "Ctrl-C at the bead list exits 0 like q (exit %s, signal %s)" % code)
    check([x[0] for x in history(db)] == ["add-document", "set-status"], "the approval is kept")
    # At a question (split asks where): the question is dropped, nothing split.
    p = spawn(db)
    p.send("s")
    p.expect("at R")
    p.sendintr()
    code = ended(p)
    check(code == (0, None), "Ctrl-C at a question exits 0 (exit %s, signal %s)" % code)
    check([x[0] for x in history(db)] == ["add-document", "set-status"], "nothing split")
    with sqlite3.connect(db) as c:
        check(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "database intact after Ctrl-C")
    # Ctrl-C at any moment of a redraw leaves: a key, then Ctrl-C a few
    # milliseconds later, lands the signal at varying points of the loop (a
    # signal between the loop's look at it and getch's wait once hung).
    # Each outcome is kept, so that a failure says how it failed (exit
    # status, signal or timeout, and the screen), not only how often. The
    # wait is long: a loaded machine (CI runs two tests at once on two
    # cores) is slow to start and end a process, and a hang is still caught.
    outcomes = []
    for i in range(12):
        p = spawn(db)
        p.send("j")
        time.sleep(0.002 * i)
        p.sendintr()
        code = ended(p, timeout=30)
        if code != (0, None):
            outcomes.append("try %d: exit %s, signal %s, screen %r" % (i, code[0], code[1], screen(db)[-2:]))
    check(not outcomes, "Ctrl-C during a redraw leaves each time (%d of 12)%s"
          % (12 - len(outcomes), "".join("; " + o for o in outcomes)))
    # A key and Ctrl-C at once: the Ctrl-C flushes the key getch's poll saw,
    # and a blocking read then waited for the next key (4 of 60 hung).
    hung = 0
    for _ in range(20):
        p = spawn(db)
        p.send("j")
        p.sendintr()
        hung += ended(p, timeout=30) != (0, None)
    check(hung == 0, "a key and Ctrl-C at once leave each time (%d of 20 did not)" % hung)


def scenario_other_merge(tmp):
    """Another process merges beads above the current one, then the current one."""
    db = make_memory(tmp)
    p = spawn(db)
    p.send("G")
    last = len(beads(db)) - 1
    check(wait_screen(db, lambda l: shown(l) == last) is not None, "G shows the last bead")
    seen = bead_rows(db)[last]
    r = sverka("edit", "--db", db, "--doc", "a", "merge", "0", "1")
    check(r.returncode == 0, "another process merges 0 and 1 (%s)" % r.stderr.strip())
    p.send("r")
    check(wait_history(db, 3), "r after another's merge elsewhere is written")
    h = full_history(db)
    check(h[-1][1:5] == ("set-status", last - 1, "auto", "rejected"),
          "it rejects the bead the screen showed, now #%d (%s)" % (last - 1, h[-1][1:5]))
    row = bead_rows(db)[last - 1]
    check(row[1:5] == seen[1:5] and row[5] == "rejected", "the rejected bead is the one shown")
    lines = wait_screen(db, lambda l: shown(l) == last - 1 and "set-status" in status_line(l))
    check(lines is not None, "the screen shows it as #%d" % (last - 1))
    # Now the bead on screen itself is merged with the one before it.
    r = sverka("edit", "--db", db, "--doc", "a", "merge", str(last - 2), str(last - 1))
    check(r.returncode == 0, "another process merges the bead on screen")
    p.send("a")
    lines = wait_screen(db, lambda l: "refused: another process changed" in status_line(l))
    check(lines is not None, "a on a bead merged behind the screen is refused (%s)" %
          status_line(screen(db)))
    check(len(full_history(db)) == 4, "nothing written for the refused key")
    check(shown(lines or []) == last - 2, "the screen shows the merged bead #%d" % (last - 2))
    p.send("a")
    check(wait_history(db, 5), "the next key is written")
    h = full_history(db)
    check(h[-1][1:5] == ("set-status", last - 2, "edited", "approved"),
          "the next key approves the merged bead the screen shows (%s)" % (h[-1][1:5],))
    p.send("q")
    p.expect(pexpect.EOF)


def scenario_other_text(tmp):
    """Another process edits the text of the bead on screen."""
    db = make_memory(tmp)
    p = spawn(db)
    p.send("g")
    check(wait_screen(db, lambda l: shown(l) == 0) is not None, "g shows bead 0")
    r = sverka("edit", "--db", db, "--doc", "a", "text", "0", "en", "0", "Changed elsewhere.")
    check(r.returncode == 0, "another process edits the text of bead 0 (%s)" % r.stderr.strip())
    p.send("a")
    lines = wait_screen(db, lambda l: "refused" in status_line(l))
    check(lines is not None and any("Changed elsewhere." in l for l in lines),
          "a is refused and the screen shows the new text")
    check(len(full_history(db)) == 2, "nothing written for the refused key")
    p.send("a")
    check(wait_history(db, 3), "the next key is written")
    h = full_history(db)
    check(h[-1][1:5] == ("set-status", 0, "edited", "approved"),
          "it approves the edited bead (%s)" % (h[-1][1:5],))
    p.send("q")
    p.expect(pexpect.EOF)


def scenario_other_replace(tmp):
    """Another process replaces the document; undo then has nothing of this review's."""
    db = make_memory(tmp)
    p = spawn(db)
    low = lowest_auto(db)
    p.send("a")
    check(wait_history(db, 2), "approve written")
    stem = os.path.join(CORPORA, "adapted", "reordered.bbc.381647")
    r = sverka("align", stem + ".ru.txt", stem + ".en.txt", "--db", db, "--name", "a", "-q",
               "--no-dict", "--replace", "--discard-review")
    check(r.returncode == 0, "another process replaces the document (%s)" % r.stderr.strip())
    before = full_history(db)
    check(before[-1][1] == "replace-document", "history: replace-document")
    p.send("r")
    lines = wait_screen(db, lambda l: "refused" in status_line(l))
    check(lines is not None, "r after the replacement is refused (%s)" % status_line(screen(db)))
    check(full_history(db) == before, "nothing written for the refused key")
    lines = wait_screen(db, lambda l: shown(l) is not None)
    pos = shown(lines)
    p.send("r")
    check(wait_history(db, len(before) + 1), "the next key is written")
    h = full_history(db)
    check(h[-1][1:3] == ("set-status", pos) and h[-1][4] == "rejected",
          "it rejects the bead the screen shows, #%s (%s)" % (pos, h[-1][1:5]))
    p.send("u")
    check(wait_history(db, len(before) + 2), "u undoes this review's rejection")
    check(full_history(db)[-1][5] == h[-1][0], "the undo names the rejection")
    n = len(full_history(db))
    p.send("u")
    lines = wait_screen(db, lambda l: "nothing to undo" in status_line(l))
    check(lines is not None, "a second u: nothing to undo (the approval was of the old document)")
    check(len(full_history(db)) == n, "no undo written")
    p.send("q")
    p.expect(pexpect.EOF)


def scenario_other_undo(tmp):
    """Undo in review never reverses another process's edit."""
    db = make_memory(tmp)
    p = spawn(db)
    low = lowest_auto(db)
    p.send("a")
    check(wait_history(db, 2), "approve written")
    mine = full_history(db)[-1][0]
    other = 0 if low != 0 else 1
    r = sverka("edit", "--db", db, "--doc", "a", "reject", str(other))
    check(r.returncode == 0, "another process rejects bead %d" % other)
    p.send("u")
    lines = wait_screen(db, lambda l: "undo refused: another process edited" in status_line(l))
    check(lines is not None, "u after another's edit is refused, saying so (%s)" %
          status_line(screen(db)))
    check(len(full_history(db)) == 3, "no undo written")
    check(bead_rows(db)[other][5] == "rejected", "the other process's rejection stands")
    r = sverka("edit", "--db", db, "--doc", "a", "undo")
    check(r.returncode == 0, "the other process undoes its own edit")
    p.send("u")
    check(wait_history(db, 5), "now u is written")
    h = full_history(db)
    check(h[-1][1] == "undo" and h[-1][5] == mine, "it undoes this review's approval (%s)" % (h[-1],))
    check(bead_rows(db)[low][5] == "auto", "the approved bead is auto again")
    p.send("q")
    p.expect(pexpect.EOF)


def scenario_realign(tmp):
    """R realigns around the reviewer's pin; u takes the realign back."""
    db = make_memory(tmp)
    r = sverka("edit", "--db", db, "--doc", "a", "pair", "2", "3")
    check(r.returncode == 0, "another process pins Russian 2 to English 3 (%s)" % r.stderr.strip())
    pinned = bead_rows(db)
    check(any(b[5] == "auto" and b[6] == 0 for b in pinned), "the pin leaves unscored fragments")
    p = spawn(db)
    p.send("R")
    check(wait_history(db, 3), "R writes one history entry")
    check(history(db)[-1][0] == "realign", "it is a realign (%s)" % (history(db)[-1],))
    after = bead_rows(db)
    check(any(b[1:6] == (2, 3, 3, 4, "edited") for b in after), "the pinned bead stays")
    ru = sorted(i for b in after for i in range(b[1], b[2]))
    en = sorted(j for b in after for j in range(b[3], b[4]))
    check(ru == list(range(len(ru))) and en == list(range(len(en))), "every sentence in one bead")
    check(not any(b[5] == "auto" and b[6] == 0 for b in after), "no unscored fragment left")
    lines = wait_screen(db, lambda l: "realign:" in status_line(l))
    check(lines is not None, "the status line says what realign did")
    p.send("u")
    check(wait_history(db, 4), "u after R is written")
    check(history(db)[-1][0] == "undo", "it undoes the realign")
    check(bead_rows(db) == pinned, "the beads are the pinned ones again")
    p.send("q")
    check(ended(p) == (0, None), "quit exits 0")


def scenario_screen(tmp):
    """Marks, moving on, the help at 60 columns, a 10-row terminal."""
    db = os.path.join(tmp, "tm.db")
    stem = os.path.join(CORPORA, "adapted", "reordered.bbc.381647")
    # With the dictionary: the aligner pairs the moved paragraph as moved beads.
    subprocess.run([SVERKA, "align", stem + ".ru.txt", stem + ".en.txt", "--db", db, "--name", "a",
                    "-q"], check=True)
    usage = sverka("review", "--help").stdout.split("\n")
    first = next(k for k, l in enumerate(usage) if l.endswith("Keys:")) + 1
    keys = [l[2:] for l in usage[first:usage.index("", first)]]
    check(len(keys) >= 10 and all(len(l) + 2 <= 60 for l in keys),
          "review --help lists the keys in at most 60 columns (%d lines)" % len(keys))
    p = spawn(db, rows=24, cols=60)
    p.send("?")
    lines = wait_screen(db, lambda l: "review keys" in l[0])
    check(lines is not None and all(any(l.strip() == k.strip() for l in lines) for k in keys),
          "the help screen at 60 columns shows every key line whole")
    p.send(" ")
    low = lowest_auto(db)
    nxt = next_to_check(db, low)
    p.send("a")
    check(wait_screen(db, lambda l: shown(l) == nxt) is not None,
          "a moves on to the next bead to check (#%d)" % nxt)
    after = next_to_check(db, nxt)
    p.send("r")
    check(wait_screen(db, lambda l: shown(l) == after) is not None,
          "r moves on to the next bead to check (#%d)" % after)
    p.send("q")
    p.expect(pexpect.EOF)
    r = sverka("edit", "--db", db, "--doc", "a", "text", "2", "en", "0", "Edited.")
    check(r.returncode == 0, "edit bead 2")
    # A 10-row terminal: the current bead is on screen whatever the one above it holds.
    p = spawn(db, rows=10, cols=60)
    p.send("g")
    rows = bead_rows(db)
    marks = {}
    moved = False
    for k in range(len(rows)):
        lines = wait_screen(db, lambda l: shown(l) == k)
        if lines is None:
            check(False, "j reaches bead %d" % k)
            break
        cur = [l for l in lines[1:-1] if l.startswith(">#%d " % k)]
        if not cur:
            check(False, "bead %d is on the 10-row screen (%s)" % (k, lines))
            break
        marks[rows[k][5]] = cur[0][13]
        moved = moved or (" moved" in lines[0] and "\u2195" in "".join(lines[1:-1]))
        p.send("j")
    else:
        check(True, "every bead in turn is on the 10-row screen with the cursor")
    check(marks.get("approved") == "+" and marks.get("rejected") == "x" and
          marks.get("edited") == "e" and marks.get("auto") == " ",
          "marks: + approved, x rejected, e edited, blank auto (%s)" % marks)
    check(moved, "a moved bead is marked (header 'moved', English with \u2195)")
    p.send("q")
    p.expect(pexpect.EOF)


def scenario_controls(tmp):
    """A text holding ESC sequences is drawn with the ESC made visible."""
    db = os.path.join(tmp, "tm.db")
    ru, en = os.path.join(tmp, "a.ru.txt"), os.path.join(tmp, "a.en.txt")
    with open(ru, "w", encoding="utf-8") as f:
        f.write("Привет \x1b[2J мир. Второе предложение здесь и там.\n")
    with open(en, "w", encoding="utf-8") as f:
        f.write("Hello \x1b[31mred\x1b[0m world. Second sentence here.\n")
    subprocess.run([SVERKA, "align", ru, en, "--db", db, "--name", "a", "-q", "--no-dict"],
                   check=True)
    p = spawn(db)
    lines = wait_screen(db, lambda l: "\u241b[31mred" in "".join(l))
    check(lines is not None, "review shows the English ESC as U+241B (%s)" % screen(db)[1:3])
    check(lines is not None and "\u241b[2J" in "".join(lines), "and the Russian one")
    check(lines is not None and "\x1b" not in "".join(lines) and "^[" not in "".join(lines),
          "no raw or caret-notation ESC on the screen")
    p.send("q")
    check(ended(p) == (0, None), "quit exits 0")


with tempfile.TemporaryDirectory() as tmp:
    for n in range(1, 12):
        os.mkdir(os.path.join(tmp, str(n)))
    scenario_interrupt(os.path.join(tmp, "4"))
    scenario_editor(os.path.join(tmp, "3"))
    scenario_edit(os.path.join(tmp, "1"))
    scenario_kill(os.path.join(tmp, "2"))
    scenario_other_merge(os.path.join(tmp, "5"))
    scenario_other_text(os.path.join(tmp, "6"))
    scenario_other_replace(os.path.join(tmp, "7"))
    scenario_other_undo(os.path.join(tmp, "8"))
    scenario_screen(os.path.join(tmp, "9"))
    scenario_realign(os.path.join(tmp, "10"))
    scenario_controls(os.path.join(tmp, "11"))
print("%d failed" % len(failures))
sys.exit(1 if failures else 0)
