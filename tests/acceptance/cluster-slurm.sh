#!/usr/bin/env bash
# cluster-slurm.sh: starts a one-node Slurm on this machine from Debian's
# packages (munged, slurmctld, slurmd; keys, configuration, spool and state in
# a temporary directory, on free ports), runs tools/snakemake/Snakefile through
# it with the profile tools/snakemake/slurm on the 25 NTREX pairs (shards of 5:
# five sbatch jobs and the merge), and checks that the memory holds exactly
# the beads `sverka batch` stores, and that the shards ran as Slurm jobs; then
# that the profile's status script reports failed and cancelled jobs as
# failed, and that a workflow whose shard jobs fail stops with that failure.
# Every daemon it started is stopped on exit, also on failure.
# Exit 0 pass, 1 fail, 77 skipped: snakemake, munge or slurm-wlm is not
# installed, the test is not root, or the daemons cannot start here (says why).
# Needs SVERKA_BIN and SVERKA_CORPORA. With SVERKA_CLUSTER_PAIRS=DIR (a
# measurement, not part of the suite: e.g. ../shared/eval/align/bible-nt) the
# pairs NAME.ru.txt / NAME.en.txt of DIR replace the NTREX ones, in 5 shards.
set -uo pipefail
SVERKA=${SVERKA_BIN:?SVERKA_BIN not set}
CORPORA=${SVERKA_CORPORA:?SVERKA_CORPORA not set}
TOOLS="$(dirname "$CORPORA")/tools/snakemake"
skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }
for p in snakemake munged slurmctld slurmd sbatch squeue scontrol; do
  command -v "$p" >/dev/null || skip "$p is not installed (apt-get install snakemake munge slurm-wlm)"
done
[ "$(id -u)" = 0 ] || skip "not root: slurmd must run as root to start jobs"
tmp=$(mktemp -d)
chmod 755 "$tmp"
pids=()
cleanup() {
  local p
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
  for p in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$p" 2>/dev/null
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() {  # wait_for SECONDS COMMAND…: true once COMMAND succeeds
  local end=$((SECONDS + $1)); shift
  until "$@" >/dev/null 2>&1; do [ $SECONDS -ge $end ] && return 1; sleep 0.2; done
}

# munge: a fresh key, its own socket.
mkdir -p "$tmp/munge" "$tmp/spool" "$tmp/state" "$tmp/log"
chmod 700 "$tmp/munge"
dd if=/dev/urandom of="$tmp/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$tmp/munge/munge.key"
munged --foreground --force --key-file="$tmp/munge/munge.key" --socket="$tmp/munge/socket" \
  --pid-file="$tmp/munge/munged.pid" --log-file="$tmp/log/munged.log" \
  --seed-file="$tmp/munge/seed" >"$tmp/log/munged.out" 2>&1 &
pids+=($!)
wait_for 10 test -S "$tmp/munge/socket" ||
  skip "munged cannot start here: $(tail -n 1 "$tmp/log/munged.out" "$tmp/log/munged.log" 2>/dev/null | grep -v '^==' | grep . | tail -n 1)"

node=$(hostname -s)
cpus=$(nproc)
mem_mb=$(awk '/^MemTotal:/ {print int($2 / 1024 * 0.9)}' /proc/meminfo)
cat >"$tmp/slurm.conf" <<CONF
ClusterName=sverkatest
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$tmp/munge/socket
StateSaveLocation=$tmp/state
SlurmdSpoolDir=$tmp/spool/%n
SlurmctldPidFile=$tmp/slurmctld.pid
SlurmdPidFile=$tmp/slurmd.pid
SlurmctldLogFile=$tmp/log/slurmctld.log
SlurmdLogFile=$tmp/log/slurmd.log
ProctrackType=proctrack/pgid
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$mem_mb State=UNKNOWN
PartitionName=test Nodes=$node Default=YES MaxTime=10 State=UP
CONF
export SLURM_CONF="$tmp/slurm.conf"
slurmctld -D -i -f "$SLURM_CONF" >"$tmp/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$tmp/log/slurmd.out" 2>&1 &
pids+=($!)
why() { grep -hiE 'error|fatal' "$tmp"/log/slurm*.{out,log} 2>/dev/null | tail -n 1; }
wait_for 30 scontrol ping || skip "slurmctld cannot start here: $(why)"
idle() { sinfo -h -N -o '%T' | grep -qE '^(idle|mixed|allocated)'; }
wait_for 30 idle || skip "slurmd cannot start here (node $(sinfo -h -N -o '%T')): $(why)"
# A trivial job first: a cluster that cannot run jobs here is a skip, not a failure.
probe=$(sbatch --parsable --output="$tmp/probe.out" --wrap 'echo ran') || skip "sbatch refused a job: $(why)"
done_probe() { [ "$(squeue -h -j "$probe" 2>/dev/null | wc -l)" = 0 ] && grep -qx ran "$tmp/probe.out"; }
wait_for 30 done_probe || skip "Slurm cannot run a job here: $(why)"
echo "one-node Slurm up on $node ($cpus CPUs)"

# The workflow through Slurm; batch for comparison.
mkdir "$tmp/in" "$tmp/work"
PAIRS=${SVERKA_CLUSTER_PAIRS:-$CORPORA/ntrex}
cp "$PAIRS"/*.ru.txt "$PAIRS"/*.en.txt "$tmp/in/" || fail "no pairs in $PAIRS"
good=$(ls "$PAIRS"/*.ru.txt | wc -l)  # 25 NTREX pairs
size=$(( (good + 4) / 5 ))             # 5 shards
limit=240; [ -n "${SVERKA_CLUSTER_PAIRS:-}" ] && limit=900
echo "pairs: $good from $PAIRS; shards of $size"
timeout -k 10 $limit snakemake -s "$TOOLS/Snakefile" --profile "$TOOLS/slurm" -d "$tmp/work" --jobs 4 \
  --latency-wait 5 --config input="$tmp/in" out="$tmp/work/out" shard_size=$size sverka="$SVERKA" \
  scratch=/tmp >"$tmp/snakemake.log" 2>&1 || { tail -n 30 "$tmp/snakemake.log"; why; fail "snakemake through Slurm"; }
"$SVERKA" batch "$tmp/in" --db "$tmp/b.db" -q -j 2 || fail "batch"
# Each shard ran as a Slurm job: Snakemake says so, and each left its Slurm log.
submitted=$(grep -c 'Submitted job .* with external jobid' "$tmp/snakemake.log")
slurm_logs=$(ls "$tmp/work/out/logs"/slurm-*.out 2>/dev/null | wc -l)
echo "Snakemake submitted $submitted jobs to Slurm; $slurm_logs Slurm job logs"
[ "$submitted" -eq 6 ] && [ "$slurm_logs" -eq 6 ] || fail "expected 6 Slurm jobs (5 shards, the merge)"
python3 "$(dirname "$0")/same_beads.py" "through Slurm" "$tmp/work/out/tm.db" "$tmp/b.db" "$good" ||
  fail "the workflow under Slurm and batch stored different beads"

# The profile's status script (Snakemake's --cluster-status) tells a job that
# failed, or was cancelled, from one that finished or still runs.
status() { python3 "$TOOLS/slurm/status.py" "$1"; }
finished() { [ "$(squeue -h -j "$1" 2>/dev/null | wc -l)" = 0 ]; }
running() { [ "$(squeue -h -j "$1" -o '%T' 2>/dev/null)" = RUNNING ]; }
ok_job=$(sbatch --parsable --output=/dev/null --wrap 'true') || fail "sbatch"
bad_job=$(sbatch --parsable --output=/dev/null --wrap 'exit 3') || fail "sbatch"
wait_for 60 finished "$ok_job" && wait_for 60 finished "$bad_job" || fail "test jobs did not finish: $(why)"
long_job=$(sbatch --parsable --output=/dev/null --wrap 'sleep 120') || fail "sbatch"
wait_for 60 running "$long_job" || fail "a test job did not start: $(why)"
[ "$(status "$ok_job")" = success ] || fail "status.py: job $ok_job (exit 0) is '$(status "$ok_job")', not success"
[ "$(status "$bad_job")" = failed ] || fail "status.py: job $bad_job (exit 3) is '$(status "$bad_job")', not failed"
[ "$(status "$long_job")" = running ] || fail "status.py: running job $long_job is '$(status "$long_job")'"
scancel "$long_job"
wait_for 60 finished "$long_job" || fail "cancelled job $long_job did not end"
[ "$(status "$long_job")" = failed ] || fail "status.py: cancelled job $long_job is '$(status "$long_job")', not failed"
echo "status.py: exit 0 success, exit 3 failed, running, cancelled failed"

# And Snakemake, told so, fails the run at the failed shard job (not later,
# by missing outputs), and keeps no output of it.
# (It lists the pairs as sverka does: the workflow reads them when it starts.)
printf '#!/bin/sh\nfor a; do [ "$a" = --list-pairs ] && exec "%s" "$@"; done\necho "sverka: broken on purpose" >&2\nexit 3\n' \
  "$SVERKA" >"$tmp/broken-sverka"
chmod 755 "$tmp/broken-sverka"
mkdir "$tmp/fail"
timeout -k 10 120 snakemake -s "$TOOLS/Snakefile" --profile "$TOOLS/slurm" -d "$tmp/fail" --jobs 2 \
  --latency-wait 5 --config input="$tmp/in" out="$tmp/fail/out" shard_size=20 \
  sverka="$tmp/broken-sverka" scratch=/tmp >"$tmp/fail.log" 2>&1 &&
  { tail -n 20 "$tmp/fail.log"; fail "the workflow with a failing sverka succeeded"; }
grep -q 'Error in rule shard' "$tmp/fail.log" || { tail -n 20 "$tmp/fail.log"; fail "no failed shard job in Snakemake's log"; }
grep -q 'MissingOutputException' "$tmp/fail.log" &&
  { tail -n 20 "$tmp/fail.log"; fail "Snakemake took the failed job for finished (missing outputs)"; }
ls "$tmp/fail/out/shards/"*.db >/dev/null 2>&1 && fail "a failed shard left its memory"
echo "a shard job failing under Slurm fails the run: $(grep -c 'Error in rule shard' "$tmp/fail.log") failed shard jobs reported"
echo "PASS: same beads; failed Slurm jobs noticed"
