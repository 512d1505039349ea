#!/usr/bin/env bash
# Stops what testbed/up.sh started: its sshd and the bastion's, its two docker-registry processes
# (open and with a login) and, if up.sh started it, dockerd (which stops every container). Keeps
# keys, users, registry data and the cache, so the next up.sh is quick.
#
#   testbed/down.sh           stop the servers
#   testbed/down.sh --purge   also delete the state dir (keys, registry data); keeps the cache
set -euo pipefail

STATE=${SLIPWAY_TESTBED_DIR:-/var/lib/slipway-testbed}
purge=
case "${1:-}" in
    "") ;;
    --purge) purge=1 ;;
    *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
esac
[ "$(id -u)" -eq 0 ] || { echo "testbed/down.sh must run as root." >&2; exit 1; }

step() { printf '==> %s\n' "$*"; }

# stop_pid NAME PIDFILE EXPECTED_COMM TIMEOUT_SECONDS
stop_pid() {
    local name=$1 pidfile=$2 comm=$3 timeout=$4 pid
    pid=$(cat "$pidfile" 2>/dev/null || true)
    if [ -z "$pid" ] || [ "$(cat "/proc/$pid/comm" 2>/dev/null)" != "$comm" ]; then
        step "$name: not running"
        return 0
    fi
    step "$name: stopping pid $pid"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((timeout * 4))); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.25
    done
    echo "    $name (pid $pid) did not stop within $timeout s; sending SIGKILL" >&2
    kill -KILL "$pid" 2>/dev/null || true
}

stop_pid "sshd (bastion)" "$STATE/bastion/sshd.pid" sshd 10
stop_pid sshd "$STATE/ssh/sshd.pid" sshd 10
stop_pid "docker-registry (with a login)" "$STATE/registry-auth/pid" docker-registry 10
stop_pid docker-registry "$STATE/registry/pid" docker-registry 10
if [ -e "$STATE/dockerd.started-by-testbed" ]; then
    stop_pid dockerd /var/run/docker.pid dockerd 60
    rm -f "$STATE/dockerd.started-by-testbed"
else
    step "dockerd: left alone (not started by testbed/up.sh)"
fi

if [ -n "$purge" ]; then
    step "deleting $STATE"
    rm -rf --one-file-system "$STATE"
fi
