"""The testbed's facts (testbed/up.sh writes them) and small process helpers the bench shares."""
import os
import shutil
import subprocess
import time

DEFAULT_DIR = "/var/lib/slipway-testbed"


class Testbed:
    """testbed.properties as attributes; SLIPWAY_TESTBED_DIR overrides the folder, as for the tests."""

    def __init__(self):
        folder = os.environ.get("SLIPWAY_TESTBED_DIR", DEFAULT_DIR)
        path = os.path.join(folder, "testbed.properties")
        if not os.path.exists(path):
            raise SystemExit(f"bench: {path} is missing: start the testbed first (testbed/up.sh).")
        self.props = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#") and "=" in line:
                    key, value = line.split("=", 1)
                    self.props[key.strip()] = value.strip()
        self.fixture_dir = self.props["fixture.dir"]
        self.profile = os.path.join(self.fixture_dir, "profile.yml")
        self.ssh_host = self.props["ssh.host"]
        self.ssh_port = int(self.props["ssh.port"])
        self.ssh_key = self.props["ssh.key"]
        self.ssh_user = self.props["ssh.docker.user"]
        self.ssh_config = os.path.join(os.path.dirname(self.ssh_key), "sshd_config")
        self.host_key_pub = os.path.join(os.path.dirname(self.ssh_key), "ssh_host_ed25519_key.pub")
        self.image = self.props["fixture.image"]
        self.legacy = self.props["fixture.version.legacy"]
        self.current = self.props["fixture.version.current"]
        self.next = self.props["fixture.version.next"]


def compose_executable():
    """The Compose the testbed has, as Slipway detects it: v2 when `docker compose` works, else v1."""
    v2 = subprocess.run(["docker", "compose", "version", "--short"], capture_output=True, text=True)
    if v2.returncode == 0 and v2.stdout.strip():
        return ["docker", "compose"]
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    raise SystemExit("bench: neither 'docker compose' nor 'docker-compose' works here.")


def run(argv, cwd=None, check=True, timeout=600, env=None):
    """Runs a command to completion; returns (stdout, stderr); raises with its words when it fails."""
    p = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    if check and p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} exited {p.returncode}: {(p.stderr or p.stdout).strip()[-800:]}")
    return p.stdout, p.stderr


def load_average():
    with open("/proc/loadavg", encoding="ascii") as f:
        return tuple(float(x) for x in f.read().split()[:3])


def wait_for_quiet(max_load, max_wait):
    """Waits (bounded) until the 1-minute load average drops under max_load; returns the load seen."""
    deadline = time.monotonic() + max_wait
    while True:
        load = load_average()
        if load[0] <= max_load or time.monotonic() >= deadline:
            return load
        time.sleep(5)
