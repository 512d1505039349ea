"""Wizard start-up: `java -jar slipway.jar` (no arguments) under Xvfb, from process start to the
first page on screen, and the process's peak RSS (VmHWM)."""
import os
import shutil
import subprocess
import sys
import tempfile
import time

TITLE = "Slipway"
SETTLE_SECONDS = 3.0  # after the window shows, RSS keeps growing a little while the first frames render
GIVE_UP_SECONDS = 90
TICKS = os.sysconf("SC_CLK_TCK")


def start_xvfb():
    """A private X display; returns (display, process)."""
    if not shutil.which("Xvfb") or not shutil.which("xwininfo"):
        raise SystemExit("bench: Xvfb and xwininfo are needed for the wizard figures (apt-get install xvfb x11-utils).")
    for n in range(90, 140):
        if not os.path.exists(f"/tmp/.X11-unix/X{n}") and not os.path.exists(f"/tmp/.X{n}-lock"):
            p = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                if os.path.exists(f"/tmp/.X11-unix/X{n}"):
                    return f":{n}", p
                time.sleep(0.05)
            p.terminate()
    raise SystemExit("bench: Xvfb did not start.")


def _status_kb(pid, field):
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _cpu_seconds(pid):
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime of all the process's threads


def _viewable(display):
    p = subprocess.run(["xwininfo", "-display", display, "-name", TITLE], capture_output=True, text=True)
    return p.returncode == 0 and "IsViewable" in p.stdout


def one_start(jar, display, jvm_flags=()):
    probe = tempfile.mktemp(prefix="slipway-bench-probe-")
    env = dict(os.environ, DISPLAY=display)
    started_epoch = time.time()
    t0 = time.monotonic()
    p = subprocess.Popen(["java", *jvm_flags, f"-Dslipway.startupProbe={probe}", "-jar", jar], env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    result = {"ok": False}
    try:
        while time.monotonic() - t0 < GIVE_UP_SECONDS and p.poll() is None:
            if _viewable(display):
                result.update(ok=True, window_s=time.monotonic() - t0, cpu_s=_cpu_seconds(p.pid),
                              rss_at_window_mb=_status_kb(p.pid, "VmHWM") / 1024)
                break
            time.sleep(0.02)
        if result["ok"]:
            time.sleep(SETTLE_SECONDS)
            result["peak_rss_mb"] = _status_kb(p.pid, "VmHWM") / 1024
            if os.path.exists(probe):  # written by the app when its first page is on screen (if it does)
                with open(probe, encoding="ascii") as f:
                    result["probe_s"] = int(f.read().strip()) / 1000.0 - started_epoch
        else:
            result["message"] = f"no '{TITLE}' window within {GIVE_UP_SECONDS} s (exit {p.poll()})"
    finally:
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
        if os.path.exists(probe):
            os.remove(probe)
    return result


def measure(jar, n, flag_sets):
    """flag_sets: {label: [jvm flags]}; returns {label: [results]}."""
    display, xvfb = start_xvfb()
    try:
        out = {}
        for label, flags in flag_sets.items():
            out[label] = []
            for i in range(n):
                r = one_start(jar, display, flags)
                out[label].append(r)
                shown = f"window {r['window_s']:.2f} s, cpu {r['cpu_s']:.2f} s, peak RSS {r['peak_rss_mb']:.0f} MB" \
                    if r["ok"] else "FAILED: " + r["message"]
                print(f"  wizard ({label}) run {i + 1}/{n}: {shown}", file=sys.stderr, flush=True)
        return out
    finally:
        xvfb.terminate()
        xvfb.wait()
