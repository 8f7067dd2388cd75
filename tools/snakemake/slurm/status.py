#!/usr/bin/env python3
"""Snakemake 7 --cluster-status for Slurm: prints running, success or failed for JOBID.

Asks scontrol (the controller remembers a job for MinJobAge, 300 s by default),
then sacct when accounting is set up. A job neither knows is reported
'success': Snakemake then checks the job's outputs and fails it when they are missing.
"""
import subprocess
import sys

FAILED = {"BOOT_FAIL", "CANCELLED", "DEADLINE", "FAILED", "NODE_FAIL", "OUT_OF_MEMORY",
          "PREEMPTED", "TIMEOUT"}


def state(jobid):
    try:
        out = subprocess.run(["scontrol", "show", "job", "-o", jobid], capture_output=True,
                             text=True, timeout=30).stdout
        for field in out.split():
            if field.startswith("JobState="):
                return field.split("=", 1)[1]
        out = subprocess.run(["sacct", "-n", "-X", "-P", "-o", "State", "-j", jobid],
                             capture_output=True, text=True, timeout=30).stdout.split()
        return out[0].split()[0] if out else ""
    except (OSError, subprocess.TimeoutExpired):
        return "PENDING"  # ask again at the next poll


s = state(sys.argv[1])
print("success" if s in ("COMPLETED", "") else "failed" if s in FAILED else "running")
