#!/usr/bin/env bash
# The README's run command: on a fresh Debian 12 machine (as root, with Java 17 and Maven) it starts
# the Docker Engine as testbed/ does, builds Slipway, and runs `slipway demo` — which makes a tiny
# demo product on that engine, installs it and opens the wizard on it; without a display it runs
# the demo's upgrade in this terminal. Arguments go to `slipway demo` (e.g. --terminal, --port).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
if [ "$(id -u)" -eq 0 ]; then
    testbed/up.sh --engine-only
elif ! docker info >/dev/null 2>&1; then
    echo "Docker Engine is not reachable: run ./run.sh as root once (it starts the engine), or start Docker yourself." >&2
    exit 3
fi
[ -f target/slipway.jar ] && [ -z "$(find src pom.xml -newer target/slipway.jar -print -quit)" ] \
    || mvn -B -q package -DskipTests
# Start-up: a class-data archive of what a run loads, made by the first run after a build and used by
# the next ones (JDK 17 AppCDS), and the client compiler only (a short run never reaches C2's gains).
jsa=target/slipway.jsa
if [ -f "$jsa" ] && [ "$jsa" -nt target/slipway.jar ]; then cds=(-XX:SharedArchiveFile="$jsa"); else cds=(-XX:ArchiveClassesAtExit="$jsa"); fi
exec java -XX:TieredStopAtLevel=1 "${cds[@]}" -Xlog:cds=off -Xlog:cds+dynamic=off -jar target/slipway.jar demo "$@"
