"""A second sshd for the bench's SSH runs: the testbed's own config and host key, another port, and
LogLevel DEBUG1, so its log shows every connection and channel and holds only the bench's traffic.
The testbed's sshd (and every test using it) is left alone."""
import os
import re
import shutil
import subprocess
import tempfile
import time

from stack import free_port

CONNECTION = re.compile(r"^Connection from \S+ port \d+")
CHANNEL = re.compile(r"server_input_channel_open: ctype (\S+)")
SESSION_REQUEST = re.compile(r"session_input_channel_req: session \d+ req (exec|subsystem|shell)")


class BenchSshd:
    def __init__(self, tb):
        self.tb = tb
        self.dir = tempfile.mkdtemp(prefix="slipway-bench-sshd-")
        os.chmod(self.dir, 0o755)
        self.port = free_port()
        self.log = os.path.join(self.dir, "sshd.log")
        self.pid_file = os.path.join(self.dir, "sshd.pid")
        self.known_hosts = os.path.join(self.dir, "known_hosts")
        self.pid = None

    def start(self):
        with open(self.tb.ssh_config, encoding="utf-8") as f:
            config = f.read()
        config = re.sub(r"(?m)^Port .*$", f"Port {self.port}", config)
        config = re.sub(r"(?m)^PidFile .*$", f"PidFile {self.pid_file}", config)
        config = re.sub(r"(?m)^LogLevel .*\n", "", config) + "LogLevel DEBUG1\n"
        conf_path = os.path.join(self.dir, "sshd_config")
        with open(conf_path, "w", encoding="utf-8") as f:
            f.write(config)
        with open(self.tb.host_key_pub, encoding="ascii") as f:
            key = " ".join(f.read().split()[:2])
        with open(self.known_hosts, "w", encoding="ascii") as f:
            f.write(f"[{self.tb.ssh_host}]:{self.port} {key}\n")
        os.makedirs("/run/sshd", exist_ok=True)
        subprocess.run(["/usr/sbin/sshd", "-f", conf_path, "-E", self.log], check=True)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if os.path.exists(self.pid_file):
                with open(self.pid_file, encoding="ascii") as f:
                    self.pid = int(f.read().strip())
                return self
            time.sleep(0.1)
        raise RuntimeError(f"the bench sshd did not start; see {self.log}")

    def offset(self):
        return os.path.getsize(self.log) if os.path.exists(self.log) else 0

    def count_since(self, offset):
        """Connections and channels opened since the log offset: {"connections": n, "channels": n, by type}."""
        with open(self.log, encoding="utf-8", errors="replace") as f:
            f.seek(offset)
            text = f.read()
        counts = {"connections": 0, "channels": 0}
        for line in text.splitlines():
            if CONNECTION.search(line):
                counts["connections"] += 1
            m = CHANNEL.search(line)
            if m:
                counts["channels"] += 1
                counts[m.group(1)] = counts.get(m.group(1), 0) + 1
            m = SESSION_REQUEST.search(line)
            if m:
                key = "session:" + m.group(1)
                counts[key] = counts.get(key, 0) + 1
        return counts

    def uri(self):
        return f"ssh://{self.tb.ssh_user}@{self.tb.ssh_host}:{self.port}"

    def ssh_argv(self):
        """The OpenSSH client as a user types it, with the testbed's key and this server's known_hosts."""
        return ["ssh", "-F", "/dev/null", "-p", str(self.port), "-i", self.tb.ssh_key,
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", f"UserKnownHostsFile={self.known_hosts}",
                "-o", "StrictHostKeyChecking=yes", f"{self.tb.ssh_user}@{self.tb.ssh_host}"]

    def stop(self):
        if self.pid:
            try:
                os.kill(self.pid, 15)
            except ProcessLookupError:
                pass
        shutil.rmtree(self.dir, ignore_errors=True)
