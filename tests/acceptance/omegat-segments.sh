#!/usr/bin/env bash
# Issue 15, item 6: with OmegaT's own default SRX (extracted from Debian's
# OmegaT.jar at test time, never copied), sverka's sentences of the 25
# corpora articles are OmegaT's segments (>= 99 %, Russian and English).
# Exit 77 (SKIP) without OmegaT or Java.
set -uo pipefail
SVERKA=${SVERKA_BIN:?SVERKA_BIN not set}
CORPORA=${SVERKA_CORPORA:?SVERKA_CORPORA not set}
TOOL=$(dirname "$0")/../../tools/omegat-segments
rc=0
for lang in ru en; do
  "$TOOL" --min 99 "$SVERKA" "$lang" "$CORPORA"/ntrex/*."$lang".txt
  r=$?
  [ $r -eq 2 ] && { echo "SKIP: OmegaT (Debian's omegat) or Java not installed"; exit 77; }
  [ $r -ne 0 ] && rc=1
done
exit $rc
