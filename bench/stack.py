"""A fresh fixture stack in its own directory, started and healthy, as a user's install would be."""
import http.client
import os
import pwd
import secrets
import shutil
import socket
import tempfile
import time

from testbed import run

HEALTHY_WITHIN = 120


def free_port():
    """A loopback port nobody listens on now, so the bench never collides with tests running beside it."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_up(port, timeout=1.0):
    """(True, body) when /up answers 200, else (False, reason)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", "/up")
        r = conn.getresponse()
        body = r.read().decode("utf-8", "replace").strip()
        return (r.status == 200, body if r.status == 200 else f"HTTP {r.status}")
    except (OSError, http.client.HTTPException) as e:
        return (False, type(e).__name__)
    finally:
        conn.close()


class Stack:
    """template: compose-legacy.yml (1.x, `worker`) or compose.yml (2.x); owner: the user who must own it."""

    def __init__(self, tb, compose, template, version, owner=None):
        self.compose_cmd = compose
        self.dir = tempfile.mkdtemp(prefix="slipway-bench-", dir="/tmp")
        self.port = free_port()
        self.version = version
        shutil.copy(os.path.join(tb.fixture_dir, template), os.path.join(self.dir, "docker-compose.yml"))
        env_path = os.path.join(self.dir, ".env")
        fd = os.open(env_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("# fixture stack for the Slipway benchmark\n"
                    f"FIXTURE_VERSION={version}\nFIXTURE_PORT={self.port}\nPOSTGRES_DB=fixture\n"
                    f"FIXTURE_SECRET_KEY={secrets.token_hex(16)}\n")
        if owner:
            user = pwd.getpwnam(owner)
            for root, dirs, files in os.walk(self.dir):
                for name in [root] + [os.path.join(root, n) for n in dirs + files]:
                    os.chown(name, user.pw_uid, user.pw_gid)
            os.chmod(self.dir, 0o755)

    def compose(self, *args, check=True, timeout=600):
        return run(self.compose_cmd + list(args), cwd=self.dir, check=check, timeout=timeout)[0]

    def start(self):
        self.compose("up", "-d")
        self.await_healthy()
        return self

    def await_healthy(self):
        """Every healthcheck passing and /up answering the version: the steady state an upgrade starts from."""
        deadline = time.monotonic() + HEALTHY_WITHIN
        last = ""
        while time.monotonic() < deadline:
            last = self.compose("ps")
            if "(healthy)" in last and "starting" not in last and "unhealthy" not in last:
                ok, body = get_up(self.port)
                if ok and body == self.version:
                    return
            time.sleep(0.5)
        raise RuntimeError(f"the fixture stack in {self.dir} did not become healthy:\n{last}")

    def sql(self, statements, timeout=1800):
        return self.compose("exec", "-T", "db", "psql", "-q", "-v", "ON_ERROR_STOP=1", "-U", "postgres",
                            "-d", "fixture", "-Atc", statements, timeout=timeout).strip()

    def close(self):
        try:
            self.compose("down", "-v", "--remove-orphans", check=False)
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)
