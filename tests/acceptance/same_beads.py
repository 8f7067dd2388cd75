#!/usr/bin/env python3
"""same_beads.py LABEL TM BATCH_DB DOCUMENTS: the cluster tests' comparison.

Exit 0 when memory TM holds exactly the beads of BATCH_DB (what `sverka
batch` stored: each bead's document, position, sentence ranges, score and
texts) and DOCUMENTS documents; 1 otherwise. Prints one line of counts."""
import sqlite3
import sys

label, tm, batch, documents = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
q = ("SELECT d.name, b.position, b.ru_begin, b.ru_end, b.en_begin, b.en_end, b.score, p.ru, p.en "
     "FROM beads b JOIN documents d ON d.id = b.document_id JOIN bead_pairs p ON p.id = b.id "
     "ORDER BY d.name, b.position")
a, b = (sqlite3.connect(f).execute(q).fetchall() for f in (tm, batch))
docs = len({r[0] for r in a})
print(f"{label}: {docs} documents, {len(a)} beads; batch: {len(b)} beads")
sys.exit(0 if docs == documents and a == b else 1)
