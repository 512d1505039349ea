#!/usr/bin/env bash
# Slipway's benchmark (issue #8): Slipway against the commands a user would type, on the testbed.
# Builds the jar into target-bench/ (unless --jar is given), installs Xvfb for the wizard figures
# when it is missing, and runs bench/bench.py, which prints the table. Needs root and the testbed
# (testbed/up.sh). Every stack it starts is removed again (compose down -v) when it finishes.
#
#   bench/run.sh [--runs N] [--backup-runs N] [--db-mb MB] [--only local,ssh,backup,wizard]
#                [--quiet-load LOAD] [--out FILE.json] [--jar slipway.jar]
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$HERE")

[ "$(id -u)" -eq 0 ] || { echo "bench/run.sh must run as root (it starts a second sshd and owns stacks for the ssh user)." >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench/run.sh needs python3." >&2; exit 2; }

jar=
for ((i = 1; i <= $#; i++)); do
    if [ "${!i}" = --jar ]; then j=$((i + 1)); jar=${!j:-}; fi
done
if [ -z "$jar" ]; then
    echo "building target-bench/slipway.jar …" >&2
    (cd "$ROOT" && mvn -o -B -q package -DskipTests -DbuildDir=target-bench) >&2
    set -- --jar "$ROOT/target-bench/slipway.jar" "$@"
fi

if ! command -v Xvfb >/dev/null || ! command -v xwininfo >/dev/null; then
    echo "installing xvfb and x11-utils for the wizard figures …" >&2
    apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q xvfb x11-utils >/dev/null
fi

exec python3 "$HERE/bench.py" "$@"
