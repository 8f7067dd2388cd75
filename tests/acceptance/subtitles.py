#!/usr/bin/python3
"""Issue 15, item 3: a subtitle pair aligns and exports with its times.

From each corpora/ntrex article pair the test makes, at run time, a Russian
SubRip file (CRLF; every other one in Windows-1251, with <i> and {\\an8}
markup) and an English WebVTT file (header, NOTE and STYLE blocks, cue
identifiers and settings, hour-less times, <v> and <c> tags) whose cues are
cut at DIFFERENT lengths (Russian at most 42 characters a cue, English 90),
so sentences span cues and cues hold several sentences; a paragraph of the
article is followed by a 4 s pause. It checks that

- each side segments into the .txt's sentences, and every sentence's time
  span is exactly that of the cues its bytes lie in (found from the byte
  offsets sverka gives into the file, against the cues the test wrote),
  monotonic and within the file's first and last cue;
- the pair aligns into the same pairs as the .txt files;
- `align --db` stores every sentence with its span, and `export` writes a
  TMX whose every <tuv> carries the span of its bead's sentences, which
  sverka imports back.
"""
import glob
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVERKA = os.environ["SVERKA_BIN"]
CORPORA = os.environ["SVERKA_CORPORA"]
failed = 0


def check(cond, what):
    global failed
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failed += 1


def sverka(*args):
    r = subprocess.run([SVERKA] + list(args), capture_output=True, text=True)
    return r.returncode, r.stdout, r.stderr


def paragraphs(txt_path):
    text = open(txt_path, encoding="utf-8").read()
    # ASCII white space only: the articles hold no-break spaces, which stay.
    return [" ".join(re.split(r"[ \t\r\n]+", p.strip(" \t\r\n")))
            for p in re.split(r"\n[ \t\r]*\n", text) if p.strip()]


def cut(words, limit):
    """Greedy cues of at most `limit` characters (a longer word alone)."""
    cues, cur = [], []
    for w in words:
        if cur and len(" ".join(cur + [w])) > limit:
            cues.append(cur)
            cur = []
        cur.append(w)
    if cur:
        cues.append(cur)
    return cues


def two_lines(words):
    """A cue's words on two lines, split near the middle."""
    if len(words) < 4:
        return [" ".join(words)]
    half = len(words) // 2
    return [" ".join(words[:half]), " ".join(words[half:])]


def make_cues(txt_path, limit, ms_per_char):
    """[(start_ms, end_ms, [lines])]: the article's paragraphs cut into cues."""
    cues, t = [], 1000
    for para in paragraphs(txt_path):
        for words in cut(para.split(" "), limit):
            n = len(" ".join(words))
            end = t + max(800, n * ms_per_char)
            cues.append((t, end, two_lines(words)))
            t = end + 120
        t += 4000  # a pause between paragraphs (text/subtitle_text.h: 3 s make one)
    return cues


def srt_time(ms):
    return "%02d:%02d:%02d,%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)


def vtt_time(ms):
    t = "%02d:%02d.%03d" % (ms // 60000 % 60, ms // 1000 % 60, ms % 1000)
    return t if ms < 3600000 else "%02d:%s" % (ms // 3600000, t)


def write_srt(path, cues, encoding):
    """Writes the SRT; returns each cue's text lines as (begin, end) byte ranges."""
    out, ranges = b"", []
    for k, (a, b, lines) in enumerate(cues):
        out += ("%d\r\n%s --> %s\r\n" % (k + 1, srt_time(a), srt_time(b))).encode(encoding)
        spans = []
        for j, line in enumerate(lines):
            words = line.split(" ")
            if k % 5 == 1 and j == 0:
                out += b"{\\an8}"
            if k % 3 == 0 and len(words) > 1:  # markup inside the text
                pre, last = " ".join(words[:-1]) + " ", words[-1]
                start = len(out)
                out += pre.encode(encoding) + b"<i>" + last.encode(encoding) + b"</i>"
            else:
                start = len(out)
                out += line.encode(encoding)
            spans.append((start, len(out)))
            out += b"\r\n"
        ranges.append(spans)
        out += b"\r\n"
    open(path, "wb").write(out)
    return ranges


def write_vtt(path, cues):
    out = ("WEBVTT - made by the subtitles test\nKind: captions\nLanguage: en\n\n"
           "NOTE cut at 90 characters,\nnot at sentences\n\n"
           "STYLE\n::cue(v[voice=\"Narrator\"]) { color: yellow }\n\n").encode()
    ranges = []
    for k, (a, b, lines) in enumerate(cues):
        out += ("cue-%d\n%s --> %s%s\n" % (k + 1, vtt_time(a), vtt_time(b),
                                           " align:start position:10%" if k % 2 else "")).encode()
        spans = []
        for j, line in enumerate(lines):
            if j == 0 and k % 4 == 0:
                out += b"<v Narrator>"
            start = len(out)
            words = line.split(" ")
            if k % 3 == 2 and len(words) > 2:
                out += (words[0] + " <c.loud>" + " ".join(words[1:]) + "</c>").encode()
            else:
                out += line.replace("&", "&amp;").encode()
            spans.append((start, len(out)))
            out += b"\n"
        ranges.append(spans)
        out += b"\n"
        if k == 2:
            out += b"NOTE a note between cues\n\n"
    open(path, "wb").write(out)
    return ranges


def expected_span(cues, ranges, start, end):
    """The span of the cues whose text bytes [start, end) touches."""
    hit = [c for c, spans in zip(cues, ranges)
           if any(a < end and start < b for a, b in spans)]
    if not hit:
        return None
    return min(c[0] for c in hit), max(c[1] for c in hit)


def collapse(s):
    return re.sub(r"[ \t]+", " ", s)


def check_side(name, lang, txt, sub, cues, ranges, problems):
    _, want, _ = sverka("segment", "--lang", lang, txt)
    rc, got, err = sverka("segment", "--lang", lang, sub)
    if rc != 0 or collapse(got) != collapse(want):
        problems.append("%s: %s sentences differ from the .txt (exit %d) %s" % (name, sub, rc, err.strip()))
        return False
    rc, js, err = sverka("segment", "--lang", lang, sub, "--format", "json")
    sentences = json.loads(js)["sentences"]
    last_start, ok = -1, True
    for s in sentences:
        want_span = expected_span(cues, ranges, s["start"], s["end"])
        got_span = (s.get("start_ms"), s.get("end_ms"))
        if want_span is None or got_span != want_span:
            problems.append("%s: %s: '%s' has %s, its cues %s" % (name, sub, s["text"][:40], got_span, want_span))
            ok = False
            break
        if s["start_ms"] < last_start or not cues[0][0] <= s["start_ms"] <= s["end_ms"] <= cues[-1][1]:
            problems.append("%s: %s: '%s' out of order or range" % (name, sub, s["text"][:40]))
            ok = False
            break
        last_start = s["start_ms"]
    return ok


def tmx_times(path):
    """[(ru_time, en_time)] of each <tu>: its <tuv>s' x-sverka-time props."""
    out = []
    for tu in ET.parse(path).getroot().iter("tu"):
        times = {}
        for tuv in tu.iter("tuv"):
            lang = tuv.get("{http://www.w3.org/XML/1998/namespace}lang")
            props = [p.text for p in tuv.iter("prop") if p.get("type") == "x-sverka-time"]
            times[lang] = props[0] if len(props) == 1 else None
        out.append((times.get("ru"), times.get("en")))
    return out


def fmt(ms):
    return "%02d:%02d:%02d.%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)


def bead_times(aligned):
    """From `align --format json`: each bead with both sides, its two spans."""
    out = []
    for b in aligned["beads"]:
        if not b["ru"] or not b["en"]:
            continue
        span = {}
        for side in ("ru", "en"):
            ss = [aligned[side][k] for k in b[side]]
            span[side] = "%s --> %s" % (fmt(min(s["start_ms"] for s in ss)), fmt(max(s["end_ms"] for s in ss)))
            check_bead = (b.get(side + "_start_ms"), b.get(side + "_end_ms")) == \
                (min(s["start_ms"] for s in ss), max(s["end_ms"] for s in ss))
            if not check_bead:
                return None
        out.append((span["ru"], span["en"]))
    return out


def main():
    tmp = tempfile.mkdtemp(prefix="sverka-subtitles-")
    stems = sorted(p[:-len(".ru.txt")] for p in glob.glob(os.path.join(CORPORA, "ntrex", "*.ru.txt")))
    check(len(stems) == 25, "25 corpora articles (%d)" % len(stems))
    problems = []
    same_sentences = same_pairs = stored = exported = 0
    db = os.path.join(tmp, "tm.db")
    spanning, shared = {"ru": 0, "en": 0}, {"ru": 0, "en": 0}
    for k, stem in enumerate(stems):
        name = os.path.basename(stem)
        ru_txt, en_txt = stem + ".ru.txt", stem + ".en.txt"
        ru_cues = make_cues(ru_txt, 42, 55)
        en_cues = make_cues(en_txt, 90, 50)
        ru_srt = os.path.join(tmp, name + ".ru.srt")
        en_vtt = os.path.join(tmp, name + ".en.vtt")
        try:
            ru_ranges = write_srt(ru_srt, ru_cues, "windows-1251" if k % 2 else "utf-8")
        except UnicodeEncodeError:  # a character Windows-1251 lacks
            ru_ranges = write_srt(ru_srt, ru_cues, "utf-8")
        en_ranges = write_vtt(en_vtt, en_cues)
        ok_ru = check_side(name, "ru", ru_txt, ru_srt, ru_cues, ru_ranges, problems)
        ok_en = check_side(name, "en", en_txt, en_vtt, en_cues, en_ranges, problems)
        same_sentences += ok_ru and ok_en
        # Different splits: sentences spanning cues, cues holding several sentences.
        for lang, path, ranges in (("ru", ru_srt, ru_ranges), ("en", en_vtt, en_ranges)):
            _, js, _ = sverka("segment", "--lang", lang, path, "--format", "json")
            touched = [[c for c, spans in enumerate(ranges)
                        if any(a < s["end"] and s["start"] < b for a, b in spans)]
                       for s in json.loads(js)["sentences"]]
            spanning[lang] += sum(1 for t in touched if len(t) > 1)
            shared[lang] += sum(1 for t, u in zip(touched, touched[1:]) if t and u and t[-1] == u[0])
        _, want_pairs, _ = sverka("align", ru_txt, en_txt, "--format", "tsv")
        rc, got_pairs, err = sverka("align", ru_srt, en_vtt, "--format", "tsv")
        if rc == 0 and collapse(got_pairs) == collapse(want_pairs):
            same_pairs += 1
        else:
            problems.append("%s: pairs differ from the .txt's (exit %d) %s" % (name, rc, err.strip()))
        rc, js, err = sverka("align", ru_srt, en_vtt, "--format", "json")
        aligned = json.loads(js) if rc == 0 else None
        want_tmx = bead_times(aligned) if aligned else None
        if want_tmx is None:
            problems.append("%s: align --format json lacks a bead's span (exit %d) %s" % (name, rc, err.strip()))
            continue
        rc, _, err = sverka("align", ru_srt, en_vtt, "--db", db, "--name", name, "-q")
        con = sqlite3.connect(db)
        rows = con.execute("SELECT s.side, s.position, s.start_ms, s.end_ms FROM sentences s "
                           "JOIN documents d ON d.id = s.document_id WHERE d.name = ? "
                           "ORDER BY s.side DESC, s.position", (name,)).fetchall()
        con.close()
        json_spans = [(side, p, s["start_ms"], s["end_ms"]) for side in ("ru", "en")
                      for p, s in enumerate(aligned[side])]
        if rc == 0 and rows == json_spans:
            stored += 1
        else:
            problems.append("%s: stored sentences' times differ from align's (exit %d) %s" % (name, rc, err.strip()))
        out = os.path.join(tmp, name + ".tmx")
        rc, _, err = sverka("export", "--db", db, "--doc", name, "-o", out)
        if rc == 0 and tmx_times(out) == want_tmx:
            exported += 1
        else:
            problems.append("%s: the TMX's times differ from the beads' (exit %d) %s" % (name, rc, err.strip()))
    for p in problems[:10]:
        print("  " + p)
    n = len(stems)
    check(same_sentences == n, "%d of %d subtitle pairs give the .txt's sentences, each with its cues' span" % (same_sentences, n))
    for lang in ("ru", "en"):
        check(spanning[lang] > 100, "%s: %d sentences span two cues or more" % (lang, spanning[lang]))
    check(shared["en"] > 100, "en: %d cues hold the end of one sentence and the start of the next" % shared["en"])
    check(same_pairs == n, "%d of %d subtitle pairs align into the .txt's pairs" % (same_pairs, n))
    check(stored == n, "%d of %d stored documents keep every sentence's span" % (stored, n))
    check(exported == n, "%d of %d TMX exports carry each side's span in every <tuv>" % (exported, n))
    # The whole memory's TMX imports back.
    whole = os.path.join(tmp, "all.tmx")
    rc, _, err = sverka("export", "--db", db, "-o", whole)
    check(rc == 0, "export of the whole memory (%s)" % err.strip())
    rc, _, err = sverka("import", whole, "--db", os.path.join(tmp, "back.db"), "-q")
    check(rc == 0, "the TMX with times imports back (%s)" % err.strip())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
