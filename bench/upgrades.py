"""The upgrade comparison: N alternating Slipway / hand-typed runs, each on a fresh 1.0.0 stack,
locally or over SSH, with /up polled every 50 ms during each."""
import sys
import time

import runs
from outage import UpPoller
from stack import Stack


def compare(tb, jar, compose, n, mode, sshd=None, settle=2.0, jvm_flags=(), pull=False):
    """mode 'local' or 'ssh' (then sshd is the bench sshd); pull: the new version's image is removed from
    the engine before each run, so both sides download it. Returns {"slipway": [...], "hand": [...]}."""
    results = {"slipway": [], "hand": []}
    to = tb.current
    for i in range(n):
        order = ["slipway", "hand"] if i % 2 == 0 else ["hand", "slipway"]
        for who in order:
            stack = Stack(tb, compose, "compose-legacy.yml", tb.legacy,
                          owner=tb.ssh_user if mode == "ssh" else None)
            try:
                stack.start()
                if pull:
                    runs.remove_image(f"{tb.image}:{to}")
                time.sleep(settle)  # let the start-up's own load pass before the clock runs
                poller = UpPoller(stack.port)
                offset = sshd.offset() if sshd else 0
                poller.start()
                if who == "slipway":
                    target = ["--host", sshd.uri(), "--identity", tb.ssh_key, "--known-hosts", sshd.known_hosts] \
                        if mode == "ssh" else []
                    r = runs.slipway(jar, tb, stack, to, target, jvm_flags=jvm_flags)
                else:
                    r = runs.hand(stack, to, ssh_argv=sshd.ssh_argv() if mode == "ssh" else None)
                poller.stop()
                r["outage"] = poller.longest_outage()
                if sshd:
                    time.sleep(0.5)  # sshd logs a closing channel a moment after the client is done
                    r["ssh"] = sshd.count_since(offset)
                if r["ok"]:
                    problem = runs.check_upgraded(stack, to)
                    if problem:
                        r["ok"] = False
                        r["message"] = problem
                results[who].append(r)
                status = "ok" if r["ok"] else "FAILED: " + str(r.get("message"))
                print(f"  {mode}{' (pull)' if pull else ''} run {i + 1}/{n} {who:7s} {r['wall']:6.2f} s  outage {r['outage']:5.2f} s  {status}",
                      file=sys.stderr, flush=True)
            finally:
                stack.close()
    return results
