#!/usr/bin/python3
"""Issue 15, item 2: real DOCX, ODT and EPUB files, made from the corpora/
articles by Debian's pandoc (and LibreOffice where installed), give the
sentences of the .txt and the same aligned pairs; a DOCX with a heading, a
table, a footnote and tracked changes gives what doc/formats.md says.
Exit 77 (SKIP) without pandoc."""
import glob
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

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


def as_html(txt_path, html_path):
    """The article as HTML, a <p> per paragraph, so that pandoc reads its
    text literally (as Markdown it would make lists of "1." lines)."""
    text = open(txt_path, encoding="utf-8").read()
    paras = [" ".join(p.split("\n")).strip() for p in re.split(r"\n\s*\n", text)]
    with open(html_path, "w", encoding="utf-8") as f:
        f.write('<html><head><meta charset="utf-8"></head><body>\n')
        for p in paras:
            if p:
                f.write("<p>%s</p>\n" % html.escape(p))
        f.write("</body></html>\n")


def collapse(s):
    # HTML (and so pandoc) reads a run of spaces as one; the .txt keeps
    # double spaces in the stored sentence (OmegaT matches them).
    return re.sub(r"[ \t]+", " ", s)


def main():
    if shutil.which("pandoc") is None:
        print("SKIP: pandoc not installed")
        return 77
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    tmp = tempfile.mkdtemp(prefix="sverka-office-")
    pairs = sorted(p[:-len(".ru.txt")] for p in glob.glob(os.path.join(CORPORA, "ntrex", "*.ru.txt")))
    check(len(pairs) == 25, "25 corpora articles (%d)" % len(pairs))
    formats = ["docx", "odt", "epub"]
    same_sentences = {f: 0 for f in formats}
    same_pairs = {f: 0 for f in formats}
    for stem in pairs:
        name = os.path.basename(stem)
        made = {}
        for lang in ("ru", "en"):
            txt = "%s.%s.txt" % (stem, lang)
            page = os.path.join(tmp, "%s.%s.html" % (name, lang))
            as_html(txt, page)
            _, want, _ = sverka("segment", "--lang", lang, txt)
            for fmt in formats:
                out = os.path.join(tmp, "%s.%s.%s" % (name, lang, fmt))
                # EPUB wants a title; pandoc's default adds no title page.
                subprocess.run(["pandoc", "-f", "html", page, "-o", out], check=True,
                               stderr=subprocess.DEVNULL)
                rc, got, err = sverka("segment", "--lang", lang, out)
                same = rc == 0 and collapse(got) == collapse(want)
                if not same:
                    print("  %s: %s differs from the .txt (exit %d) %s" % (name, out, rc, err.strip()))
                made.setdefault(fmt, {})[lang] = same
        _, want_pairs, _ = sverka("align", stem + ".ru.txt", stem + ".en.txt", "--format", "tsv")
        for fmt in formats:
            if made[fmt]["ru"] and made[fmt]["en"]:
                same_sentences[fmt] += 1
            rc, got, err = sverka("align", os.path.join(tmp, "%s.ru.%s" % (name, fmt)),
                                  os.path.join(tmp, "%s.en.%s" % (name, fmt)), "--format", "tsv")
            if rc == 0 and collapse(got) == collapse(want_pairs):
                same_pairs[fmt] += 1
            else:
                print("  %s: aligned %s pairs differ (exit %d) %s" % (name, fmt, rc, err.strip()))
    for fmt in formats:
        check(same_sentences[fmt] == len(pairs),
              "%s: both sides give the .txt's sentences in %d of %d articles" % (fmt.upper(), same_sentences[fmt], len(pairs)))
        check(same_pairs[fmt] == len(pairs),
              "%s: the aligned pairs are the .txt's in %d of %d articles" % (fmt.upper(), same_pairs[fmt], len(pairs)))

    if soffice:
        # LibreOffice's own writers, where installed.
        for fmt, filt in (("docx", "docx:MS Word 2007 XML"), ("odt", "odt")):
            stem = pairs[0]
            name = os.path.basename(stem)
            ok = True
            for lang in ("ru", "en"):
                page = os.path.join(tmp, "%s.%s.html" % (name, lang))
                outdir = os.path.join(tmp, "lo-" + fmt)
                subprocess.run([soffice, "--headless", "--convert-to", filt, "--outdir", outdir, page],
                               capture_output=True, timeout=120)
                out = os.path.join(outdir, "%s.%s.%s" % (name, lang, fmt))
                if not os.path.exists(out):
                    # LibreOffice that cannot run here (no display server it
                    # wants, a profile it cannot write) is not sverka's failure.
                    print("note: LibreOffice made no %s here; not checked" % out)
                    continue
                _, want, _ = sverka("segment", "--lang", lang, "%s.%s.txt" % (stem, lang))
                rc, got, _ = sverka("segment", "--lang", lang, out)
                ok = ok and rc == 0 and collapse(got) == collapse(want)
            check(ok, "LibreOffice %s of %s gives the .txt's sentences" % (fmt.upper(), name))
    else:
        print("note: LibreOffice not installed; its DOCX and ODT not checked")

    # A DOCX with what Word documents hold: a heading, a footnote, a table,
    # a tracked insertion and deletion (pandoc writes them as w:ins / w:del).
    md = os.path.join(tmp, "t.md")
    with open(md, "w", encoding="utf-8") as f:
        f.write("# Heading one\n\n"
                "First paragraph with a note.[^1] Kept "
                '[inserted words]{.insertion author="A" date="2026-01-01T00:00:00Z"}'
                '[deleted words]{.deletion author="A" date="2026-01-01T00:00:00Z"} here.\n\n'
                "| Left | Right |\n|------|-------|\n| cell one | cell two |\n\n"
                "Last paragraph.\n\n[^1]: The footnote text.\n")
    docx = os.path.join(tmp, "t.docx")
    subprocess.run(["pandoc", md, "-o", docx], check=True)
    rc, got, err = sverka("segment", "--lang", "en", docx)
    want = ("Heading one\n\nFirst paragraph with a note.\nKept inserted words here.\n\nLeft\n\nRight\n\n"
            "cell one\n\ncell two\n\nLast paragraph.\n\nThe footnote text.\n")
    check(rc == 0 and got == want,
          "DOCX: heading, tracked changes accepted, table cell by cell, footnote after the text%s" %
          ("" if got == want else ": got %r %s" % (got, err.strip())))
    if soffice:
        # LibreOffice keeps the tracked changes: its ODT holds the deletion in
        # text:tracked-changes, its DOCX in w:del; both read as accepted.
        lo = os.path.join(tmp, "lo-tracked")
        subprocess.run([soffice, "--headless", "--convert-to", "odt", "--outdir", lo, docx],
                       capture_output=True, timeout=120)
        odt = os.path.join(lo, "t.odt")
        subprocess.run([soffice, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                        os.path.join(lo, "docx"), odt], capture_output=True, timeout=120)
        for made in (odt, os.path.join(lo, "docx", "t.docx")):
            if not os.path.exists(made):
                print("note: LibreOffice made no %s here; not checked" % made)
                continue
            rc, got, err = sverka("segment", "--lang", "en", made)
            check(rc == 0 and got == want, "LibreOffice's %s of it reads the same%s" %
                  (os.path.basename(made), "" if got == want else ": got %r %s" % (got, err.strip())))
    shutil.rmtree(tmp)
    print("%d failed" % failed)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
