#!/usr/bin/env python3
"""The test of tools/check-modules: on small module trees it passes a
correct one and fails, with the violation's line, on each kind of wrong
include. Run by meson test ('module-boundaries-test')."""
import os
import subprocess
import sys
import tempfile

TOOL = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(os.path.abspath(__file__)), '..', '..', 'tools', 'check-modules')
failures = 0


def tree(files):
    root = tempfile.mkdtemp(prefix='check-modules-')
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w', encoding='utf-8') as f:
            f.write(text)
    return root


def run(files, doc=None):
    root = tree(files)
    args = [sys.executable, TOOL, root] + ([os.path.join(root, doc)] if doc else [])
    r = subprocess.run(args, capture_output=True, text=True)
    return r.returncode, r.stdout.replace(root + os.sep, '')


def expect(name, files, code, lines, doc=None):
    global failures
    got_code, out = run(files, doc)
    got = out.splitlines()
    if got_code != code or got != lines:
        failures += 1
        print(f'FAIL {name}: exit {got_code} (want {code})\n  got:  {got}\n  want: {lines}')
    else:
        print(f'ok   {name}')


BASE = {
    'common/meson.build': "common_lib = static_library('c',\n  'status.cpp')\n",
    'common/status.h': '#pragma once\n',
    'align/meson.build': "align_lib = static_library('a',\n  'aligner.cpp',\n  dependencies : [common_dep])\n",
    'align/aligner.cpp': '#include "align/aligner.h"\n#include "common/status.h"\n#include <vector>\n',
    'align/aligner.h': '#pragma once\n',
    'tm/meson.build': "tm_lib = static_library('t',\n  'store.cpp',\n  dependencies : [common_dep, align_dep, sqlite_dep])\n",
    'tm/store.cpp': '#include "align/aligner.h"\n#include "common/status.h"\n#include <sqlite3.h>\n',
}

expect('a tree whose modules keep to their lists passes', BASE, 0, [])
expect('an include the other way (align includes tm) fails',
       {**BASE, 'align/aligner.cpp': BASE['align/aligner.cpp'] + '#include "tm/store.h"\n'}, 1,
       ['align/aligner.cpp:4: includes "tm/store.h" but align/meson.build does not list tm_dep '
        '(arrows point one way: doc/architecture.md)'])
expect('a third-party header without its dependency (SQLite in align) fails',
       {**BASE, 'align/aligner.cpp': BASE['align/aligner.cpp'] + '#include <sqlite3.h>\n'}, 1,
       ['align/aligner.cpp:4: includes <sqlite3.h> but align/meson.build does not list sqlite_dep'])
expect('a listed module nothing includes fails',
       {**BASE, 'tm/store.cpp': '#include "common/status.h"\n#include <sqlite3.h>\n'}, 1,
       ['tm/meson.build: lists align_dep but nothing in tm/ includes align/'])
expect('a header other modules include may not carry a third-party type',
       {**BASE, 'align/aligner.h': '#pragma once\n#include <sqlite3.h>\n',
        'align/meson.build': BASE['align/meson.build'].replace('[common_dep]', '[common_dep, sqlite_dep]')}, 1,
       ['align/aligner.h:2: a header other modules include includes <sqlite3.h>: third-party types '
        'stay inside their module'])
DOC = ('# modules\n```\nmodule     includes\ncommon     —\nalign      common\n'
       'tm         common, align   + SQLite\n```\n')
expect('a page whose table of modules matches the meson lists passes',
       {**BASE, 'arch.md': DOC}, 0, [], doc='arch.md')
expect('a page that says tm includes less than its meson.build lists fails',
       {**BASE, 'arch.md': DOC.replace('common, align   + SQLite', 'common + SQLite')}, 1,
       ['arch.md:6: tm includes align, common (its meson.build), the page says common'], doc='arch.md')
sys.exit(1 if failures else 0)
