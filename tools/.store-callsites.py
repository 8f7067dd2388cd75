#!/usr/bin/env python3
"""Rewrites call sites of the old TmStore methods (issue 18, store split) to
the free functions of the tm headers, and adds the includes they need.
Idempotent: run it again and nothing changes. Usage:
  tools/.store-callsites.py [FILE...]   (default: src/cli, src/pipeline,
                                         tests/cli, tests/pipeline, tests/fuzz, tests/tm)
"""
import pathlib
import re
import sys

# method -> header of the free function that replaces it
FUNCTIONS = {
    'AddDocuments': 'documents', 'AddDocument': 'documents', 'ImportUnits': 'documents',
    'ForEachPair': 'queries', 'Stats': 'queries', 'DocumentStates': 'queries',
    'History': 'history',
    'Search': 'search', 'UnindexedBeads': 'search', 'UpdateIndex': 'search',
    'Beads': 'bead_editor', 'MergeBeads': 'bead_editor', 'SplitBead': 'bead_editor',
    'MoveSentence': 'bead_editor', 'EditSentence': 'bead_editor',
    'ChangeStatuses': 'bead_editor', 'ReplaceBeads': 'bead_editor',
    'ChangeStatus': 'bead_editor', 'UndoLast': 'bead_editor', 'RedoLast': 'bead_editor',
    'Stacks': 'bead_editor',
}
# types that moved out of tm_store.h -> their header
TYPES = {
    'PairRow': 'queries', 'PairFilter': 'queries', 'DocumentStats': 'queries',
    'StoredDocumentState': 'queries',
    'SearchHit': 'search', 'SearchMatch': 'search',
    'HistoryEntry': 'history',
    'BeadView': 'bead_edits', 'MoveDirection': 'bead_edits', 'EditStacks': 'bead_edits',
    'BeadChange': 'bead_editor',
    'DocumentWrite': 'documents', 'ImportedUnit': 'documents', 'ImportSpec': 'documents',
    'ImportCounts': 'documents', 'kCommitGroup': 'documents', 'UnitSink': 'documents',
}
# store, (*store), Open(path): what the method was called on, then -> or .
RECEIVER = r'(\(\*\w+\)|\b[A-Z]\w*\([^()]*\)|\b[a-z_][a-z0-9_]*)\s*'
CALL = re.compile(RECEIVER + r'(->|\.)(' + '|'.join(FUNCTIONS) + r')\((\s*\))?')
# The test-only undo system went: a status change goes through ChangeStatus.
SET_STATUS = re.compile(RECEIVER + r'(->|\.)SetBeadStatus\(')


def rewrite_calls(text):
    def call(m):
        receiver, arrow, name, empty = m.groups()
        arg = ('*' + receiver) if arrow == '->' else receiver
        return 'tm::%s(%s%s' % (name, arg, ')' if empty else ', ')
    text = CALL.sub(call, text)
    text = SET_STATUS.sub(
        lambda m: 'tm::ChangeStatus(%s, ' % (('*' + m.group(1)) if m.group(2) == '->' else m.group(1)),
        text)
    text = text.replace('TmStore::UnitSink', 'UnitSink')
    # The memory's errors name what failed: busy and I/O are exit 3 as internal ones.
    text = text.replace(
        'if (s.kind() == ErrorKind::kInternal && summary_.internal.ok())',
        'if ((s.kind() == ErrorKind::kInternal || s.kind() == ErrorKind::kBusy ||\n'
        '             s.kind() == ErrorKind::kIo) &&\n            summary_.internal.ok())')
    return text


def needed_headers(text):
    needed = set()
    for name, header in FUNCTIONS.items():
        if re.search(r'\btm::' + name + r'\(', text):
            needed.add(header)
    for name, header in TYPES.items():
        if re.search(r'\b' + name, text):
            needed.add(header)
    if 'bead_editor' in needed:
        needed.discard('bead_edits')  # bead_editor.h includes it
    return needed


# What tm_store.h no longer brings along: files that used it through it include it.
COMMON = {'SentenceRecord': 'common/document', 'DocumentRecord': 'common/document',
          'kSuspiciousScore': 'common/score_band', 'kConfidentScore': 'common/score_band'}


def add_common_includes(text, own_header=''):
    lines = text.split('\n')
    includes = [k for k, l in enumerate(lines) if l.startswith('#include "')]
    if not includes:
        return text
    for name, header in COMMON.items():
        line = '#include "%s.h"' % header
        if re.search(r'\b' + name + r'\b', text) and line not in text + own_header:
            common = [k for k in includes if lines[k].startswith('#include "common/')]
            at = (common or includes)[-1] + 1
            lines.insert(at, line)
            includes = [k for k, l in enumerate(lines) if l.startswith('#include "')]
    return '\n'.join(lines)


def add_includes(text, headers, own_header='', is_cpp=False):
    # What the file's own header (x.h of x.cpp) includes, it has.
    missing = [h for h in sorted(headers)
               if '#include "tm/%s.h"' % h not in text + own_header]
    if not missing:
        return text
    lines = text.split('\n')
    includes = [k for k, l in enumerate(lines) if l.startswith('#include "')]
    if not includes:
        return text
    # A .cpp file's first include is its own header: it stays first.
    tm = [k for k in includes[1 if is_cpp else 0:] if lines[k].startswith('#include "tm/')]
    new = ['#include "tm/%s.h"' % h for h in missing]
    if tm and tm[-1] - tm[0] + 1 == len(tm):  # one block: kept sorted
        lines[tm[0]:tm[-1] + 1] = sorted(set([lines[k] for k in tm] + new))
    else:
        at = (tm or includes)[-1] + 1
        lines[at:at] = new
    return '\n'.join(lines)


def main(argv):
    paths = argv[1:] or ['src/cli', 'src/pipeline', 'tests/cli', 'tests/pipeline', 'tests/fuzz',
                         'tests/tm']
    files = []
    for p in map(pathlib.Path, paths):
        files += sorted(p.rglob('*')) if p.is_dir() else [p]
    for f in files:
        if f.suffix not in ('.cpp', '.h') or not f.is_file():
            continue
        text = f.read_text()
        if 'tm_store' not in text and 'tm::' not in text:
            continue
        new = rewrite_calls(text)
        own = f.with_suffix('.h')
        own_text = own.read_text() if f.suffix == '.cpp' and own.is_file() else ''
        own_text = rewrite_calls(own_text)
        own_text = add_common_includes(add_includes(own_text, needed_headers(own_text)))
        new = add_includes(new, needed_headers(new), own_text, f.suffix == '.cpp')
        new = add_common_includes(new, own_text)
        if new != text:
            f.write_text(new)
            print('rewrote', f)


if __name__ == '__main__':
    main(sys.argv)
