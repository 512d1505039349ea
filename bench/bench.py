#!/usr/bin/env python3
"""Slipway's benchmark (issue #8): Slipway against the commands a user would type, side by side, on the
testbed. Python 3 standard library only; run it through bench/run.sh, which builds the jar first."""
import argparse
import json
import os
import platform
import subprocess
import sys
import time

import backups
import report
import upgrades
import wizard
from sshd import BenchSshd
from testbed import Testbed, compose_executable, load_average, run, wait_for_quiet

SECTIONS = ("local", "pull", "ssh", "backup", "wizard")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--jar", required=True, help="the slipway.jar to measure")
    p.add_argument("--runs", type=int, default=5, help="runs of each side per comparison (default 5)")
    p.add_argument("--backup-runs", type=int, default=3, help="runs of each side for the backup (default 3)")
    p.add_argument("--db-mb", type=int, default=512, help="database size for the backup figures (default 512)")
    p.add_argument("--only", default=",".join(SECTIONS), help="comma-separated subset of " + ",".join(SECTIONS))
    p.add_argument("--settle", type=float, default=2.0, help="seconds between a stack turning healthy and a run")
    p.add_argument("--quiet-load", type=float, default=None,
                   help="before starting, wait (up to 10 min) for the 1-minute load average to drop below this")
    p.add_argument("--out", default=None, help="write every run's figures as JSON here")
    p.add_argument("--jvm-flags", default="", help="JVM flags for Slipway's upgrade runs, e.g. "
                   "'-XX:TieredStopAtLevel=1 -XX:SharedArchiveFile=target/slipway.jsa' (as ./run.sh starts it)")
    args = p.parse_args()
    args.only = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in args.only if s not in SECTIONS]
    if unknown:
        p.error("unknown section(s): " + ", ".join(unknown))
    return args


def say(text):
    print(text, file=sys.stderr, flush=True)


def main():
    args = parse_args()
    tb = Testbed()
    compose = compose_executable()
    if args.quiet_load is not None:
        say(f"waiting for the load average to drop below {args.quiet_load} …")
        wait_for_quiet(args.quiet_load, 600)
    java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    jvm_defaults = subprocess.run(["java", "-XX:+PrintCommandLineFlags", "-version"], capture_output=True,
                                  text=True).stdout.strip()
    compose_version = run(compose + ["version", "--short"])[0].strip()
    load_start = load_average()
    started = time.strftime("%Y-%m-%d %H:%M:%S")
    # Both sides start from images already in the engine: the pull is an up-to-date check, not a download
    # (the "pull" section removes the new one before each run).
    for image in (f"{tb.image}:{tb.legacy}", f"{tb.image}:{tb.current}"):
        run(["docker", "pull", "-q", image])
    run(["java", "-jar", args.jar, "--version"])  # the jar in the page cache before the first timed run
    results = {"started": started, "load_start": load_start, "java": java_version, "jvm_defaults": jvm_defaults,
               "compose": " ".join(compose) + " " + compose_version, "cpus": os.cpu_count()}
    table = report.Table()

    def save():
        if args.out:
            with open(args.out, "w", encoding="utf-8") as f:
                json.dump(results, f, indent=1, default=str)

    if "local" in args.only:
        say("== upgrade, local")
        results["local"] = upgrades.compare(tb, args.jar, compose, args.runs, "local", settle=args.settle,
                                            jvm_flags=args.jvm_flags.split())
        save()
        report.upgrade_rows(table, "local", results["local"], 1.10)
    if "pull" in args.only:
        say("== upgrade, local, the new image downloaded by both sides")
        results["pull"] = upgrades.compare(tb, args.jar, compose, args.runs, "local", settle=args.settle,
                                           jvm_flags=args.jvm_flags.split(), pull=True)
        save()
        report.upgrade_rows(table, "local", results["pull"], 1.10, pull=True)
    if "ssh" in args.only:
        say("== upgrade, over SSH (bench sshd, LogLevel DEBUG1, for counting)")
        sshd = BenchSshd(tb).start()
        try:
            results["ssh"] = upgrades.compare(tb, args.jar, compose, args.runs, "ssh", sshd=sshd, settle=args.settle,
                                              jvm_flags=args.jvm_flags.split())
        finally:
            sshd.stop()
        save()
        report.upgrade_rows(table, "ssh", results["ssh"], 1.0)
    if "backup" in args.only:
        say("== backup")
        results["backup"] = backups.compare(tb, args.jar, compose, args.backup_runs, args.db_mb)
        save()
        report.backup_rows(table, results["backup"])
    if "wizard" in args.only:
        say("== wizard start")
        results["wizard"] = wizard.measure(args.jar, args.runs, {
            "(no flags)": [],
            "-XX:TieredStopAtLevel=1 (as packaged)": ["-XX:TieredStopAtLevel=1"],
        })
        save()
        report.wizard_rows(table, results["wizard"])

    results["load_end"] = load_average()
    save()
    print(f"Slipway benchmark, {started} to {time.strftime('%H:%M:%S')}; {platform.node()}, {os.cpu_count()} CPUs")
    print(f"load average (1/5/15 min): {' '.join(map(str, load_start))} at start, "
          f"{' '.join(map(str, results['load_end']))} at end")
    print(f"{java_version}; JVM defaults: {jvm_defaults}")
    print(f"Compose: {results['compose']}; jar: {args.jar}" + (f"; JVM flags: {args.jvm_flags}" if args.jvm_flags else ""))
    print()
    print(table.render())
    if args.out:
        print(f"\nevery run's figures: {args.out}")


if __name__ == "__main__":
    main()
