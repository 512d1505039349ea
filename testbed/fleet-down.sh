#!/usr/bin/env bash
# Removes what testbed/fleet-up.sh made: every node's sshd, engine (and its containers),
# registry forwarders and network namespace, and the bridge. Keeps the nodes' host keys and
# engine data under the testbed's state dir, so the next fleet-up.sh is quick.
set -uo pipefail
STATE=${SLIPWAY_TESTBED_DIR:-/var/lib/slipway-testbed}
RUN=/run/slipway-fleet
[ "$(id -u)" -eq 0 ] || { echo "fleet-down.sh must run as root." >&2; exit 1; }
for dir in "$RUN"/node-*; do
    [ -d "$dir" ] || continue
    # only a live process of that program: after a restored snapshot the pid may be anything's
    for what in sshd:sshd forward:socat forward-auth:socat docker:dockerd; do
        pid=$(cat "$dir/${what%%:*}.pid" 2>/dev/null) &&
            [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "${what#*:}" ] && kill "$pid" 2>/dev/null
    done
done
sleep 2
for ns in $(ip netns list | awk '/^slipway-node-/ {print $1}'); do ip netns delete "$ns"; done
ip link delete slipway-br0 2>/dev/null
mountpoint -q "$RUN/rootns" 2>/dev/null && umount "$RUN/rootns"
rm -rf "$RUN"
echo "==> fleet removed"
