"""One upgrade, timed: by Slipway (the jar, as a user runs it) or by the commands a user would type."""
import json
import resource
import shlex
import subprocess
import threading
import time

HAND_POLL_SECONDS = 0.1  # the hand-typed /up poll: generous to the hand side (Slipway polls once a second)
HAND_POLL_LIMIT = 120


def _children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def slipway(jar, tb, stack, to, target_args=(), skip_backup=True, jvm_flags=()):
    """Runs `slipway upgrade --json`; returns wall/cpu seconds, exit code, step durations and timed stderr."""
    argv = ["java", *jvm_flags, "-jar", jar, "upgrade", "--dir", stack.dir, "--to", to, "--yes", "--json",
            "--profile", tb.profile, *target_args]
    if skip_backup:
        argv.append("--skip-backup")
    cpu0 = _children_cpu()
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []

    def pump():
        for line in p.stderr:
            lines.append((time.monotonic() - t0, line.rstrip("\n")))

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    out = p.stdout.read()
    p.wait()
    wall = time.monotonic() - t0
    reader.join()
    result = {"who": "slipway", "wall": wall, "cpu": _children_cpu() - cpu0, "exit": p.returncode,
              "lines": lines, "steps": {}, "run_ms": None, "ok": p.returncode == 0}
    try:
        doc = json.loads(out)
        result["run_ms"] = doc.get("durationMs")
        result["steps"] = {s["kind"]: s["durationMs"] for s in doc.get("steps", [])}
        result["message"] = doc.get("message")
    except ValueError:
        result["message"] = (out.strip() or "\n".join(l for _, l in lines[-5:]))[-400:]
    return result


def hand_steps(stack, to):
    """What a user types, step by step, in the stack's directory (Compose as the testbed has it)."""
    compose = " ".join(stack.compose_cmd)
    url = f"http://127.0.0.1:{stack.port}/up"
    return [
        ("pin", f"sed -i 's/^FIXTURE_VERSION=.*/FIXTURE_VERSION={to}/' .env"),
        ("rename", "sed -i 's/^  worker:$/  job:/' docker-compose.yml"),
        ("pull", f"{compose} pull -q"),
        ("up", f"{compose} up -d --remove-orphans"),
        ("poll", f"timeout {HAND_POLL_LIMIT} sh -c 'until curl -fsS --max-time 2 {url} 2>/dev/null | grep -qx {to};"
                 f" do sleep {HAND_POLL_SECONDS}; done'"),
    ]


def hand(stack, to, ssh_argv=None):
    """Runs the hand-typed steps locally (bash in the directory) or as one `ssh host cmd` per step."""
    cpu0 = _children_cpu()
    t0 = time.monotonic()
    steps = {}
    ok = True
    message = ""
    for name, cmd in hand_steps(stack, to):
        s0 = time.monotonic()
        if ssh_argv:
            argv = [*ssh_argv, f"cd {shlex.quote(stack.dir)} && {cmd}"]
            p = subprocess.run(argv, capture_output=True, text=True)
        else:
            p = subprocess.run(["bash", "-c", cmd], cwd=stack.dir, capture_output=True, text=True)
        steps[name] = int((time.monotonic() - s0) * 1000)
        if p.returncode != 0:
            ok = False
            message = f"step {name} exited {p.returncode}: {(p.stderr or p.stdout).strip()[-300:]}"
            break
    wall = time.monotonic() - t0
    return {"who": "hand", "wall": wall, "cpu": _children_cpu() - cpu0, "exit": 0 if ok else 1, "ok": ok,
            "steps": steps, "message": message, "lines": []}


def remove_image(ref):
    """The image gone from the engine (and its layers, where nothing else uses them): the next pull downloads."""
    subprocess.run(["docker", "image", "rm", "-f", ref], capture_output=True, text=True)


def check_upgraded(stack, to):
    """The end state both sides must reach: /up on the new version, `job` running, no `worker` left."""
    from stack import get_up
    ok, body = get_up(stack.port)
    if not ok or body != to:
        return f"/up answers {body!r}, not {to}"
    ps = stack.compose("ps")
    if "_worker_" in ps or "-worker-" in ps:
        return "a worker container is still there"
    if "_job_" not in ps and "-job-" not in ps:
        return "no job container"
    return None


def phase_seconds(lines, start_marker, end_marker):
    """Seconds between the first stderr line containing start_marker and the next one containing end_marker."""
    start = next((t for t, l in lines if start_marker in l), None)
    if start is None:
        return None
    end = next((t for t, l in lines if t >= start and end_marker in l), None)
    return None if end is None else end - start
