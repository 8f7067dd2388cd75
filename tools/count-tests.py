#!/usr/bin/env python3
"""Sums Catch2 test cases over meson's testlog.json: prints "N passed, N failed".

Skipped tests (exit code 77) count neither way. A test program that crashed or failed without a Catch2 summary counts as one
failed test; so does one whose exit status disagrees with its summary.
"""
import json
import re
import sys

ALL = re.compile(r'All tests passed \(\d+ assertions? in (\d+) test cases?\)')
SOME = re.compile(r'test cases:\s*(\d+)\s*\|\s*(\d+) passed\s*\|\s*(\d+) failed')

passed = failed = 0
with open(sys.argv[1], encoding='utf-8') as log:
    for line in log:
        test = json.loads(line)
        if test.get('result') == 'SKIP':  # exit 77: an optional tool is not installed
            continue
        out = test.get('stdout', '') or ''
        ok = test.get('result') == 'OK'
        if m := ALL.search(out):
            passed += int(m.group(1))
            failed += 0 if ok else 1
        elif m := SOME.search(out):
            passed += int(m.group(2))
            failed += max(int(m.group(3)), 0 if ok else 1)
        elif ok:
            passed += 1
        else:
            failed += 1
print(f'{passed} passed, {failed} failed')
