"""Backup throughput: Slipway's BACKUP step (pg_dump -Fc through compose exec -T, checked and hashed)
against the raw `compose exec -T db pg_dump -Fc > file`, on a database the bench fills to a size."""
import os
import shutil
import subprocess
import sys
import time

import runs
from stack import Stack

ROWS_PER_INSERT = 400_000
# 8 md5s per row: hex text that compresses like real data does (about 2:1), not a repeated string
ROW = "md5(random()::text)||md5(random()::text)||md5(random()::text)||md5(random()::text)||" \
      "md5(random()::text)||md5(random()::text)||md5(random()::text)||md5(random()::text)"


def fill(stack, megabytes):
    """Adds rows until pg_database_size reaches the size; returns the size in bytes."""
    stack.sql("CREATE TABLE IF NOT EXISTS bench_rows (id bigint, body text)")
    start = 0
    while True:
        size = int(stack.sql("SELECT pg_database_size('fixture')"))
        if size >= megabytes * 1024 * 1024:
            stack.sql("CHECKPOINT")
            return size
        print(f"  filling the database: {size / 2**20:.0f} of {megabytes} MB", file=sys.stderr, flush=True)
        stack.sql(f"INSERT INTO bench_rows SELECT g, {ROW} FROM generate_series({start + 1}, {start + ROWS_PER_INSERT}) g")
        start += ROWS_PER_INSERT


def raw_dump(stack):
    """The command a user types, into a file in the stack's directory (the same disk Slipway writes to)."""
    compose = " ".join(stack.compose_cmd)
    path = os.path.join(stack.dir, "raw.dump")
    t0 = time.monotonic()
    subprocess.run(["bash", "-c", f"{compose} exec -T db pg_dump -U postgres -Fc fixture > raw.dump"],
                   cwd=stack.dir, check=True)
    took = time.monotonic() - t0
    size = os.path.getsize(path)
    os.remove(path)
    return {"who": "raw", "ok": size > 0, "wall": took, "dump_bytes": size}


def slipway_backup(tb, jar, stack, jvm_flags=()):
    """An upgrade to the version already running, with its backup; the BACKUP step's own duration counts."""
    r = runs.slipway(jar, tb, stack, tb.current, skip_backup=False, jvm_flags=jvm_flags)
    r["backup_s"] = r["steps"].get("backup", 0) / 1000.0
    r["dump_s"] = runs.phase_seconds(r["lines"], "pg_dump -U", "pg_restore -l")
    r["check_s"] = runs.phase_seconds(r["lines"], "pg_restore -l", "Dump checked")
    r["checksums_s"] = runs.phase_seconds(r["lines"], "Computing checksums", "complete:")
    backups = os.path.join(stack.dir, "backups")
    dumps = [os.path.join(root, f) for root, _, files in os.walk(backups) for f in files if f.endswith(".dump")]
    r["dump_bytes"] = sum(os.path.getsize(d) for d in dumps)
    shutil.rmtree(backups, ignore_errors=True)
    return r


def compare(tb, jar, compose, n, megabytes, jvm_flags=()):
    stack = Stack(tb, compose, "compose.yml", tb.current)
    try:
        stack.start()
        size = fill(stack, megabytes)
        print(f"  database size {size / 2**20:.0f} MB", file=sys.stderr, flush=True)
        results = {"db_bytes": size, "slipway": [], "raw": []}
        for i in range(n):
            for who in (["slipway", "raw"] if i % 2 == 0 else ["raw", "slipway"]):
                r = slipway_backup(tb, jar, stack, jvm_flags) if who == "slipway" else raw_dump(stack)
                results[who].append(r)
                took = r["backup_s"] if who == "slipway" else r["wall"]
                extra = f"  (dump {r['dump_s']:.2f} s, check {r['check_s']:.2f} s)" \
                    if who == "slipway" and r.get("dump_s") is not None and r.get("check_s") is not None else ""
                status = "ok" if r["ok"] else "FAILED: " + str(r.get("message"))
                print(f"  backup run {i + 1}/{n} {who:7s} {took:6.2f} s{extra}  {status}", file=sys.stderr, flush=True)
        return results
    finally:
        stack.close()
