#!/usr/bin/env bash
# Several servers for the fleet tests (README §Several servers): NODES network namespaces
# (default 3), joined to the root namespace by veth pairs on a bridge, addresses 10.203.0.11,
# .12, … in 10.203.0.0/24 that exist only on that bridge (no default route). Each node has its
# own Docker Engine (its own data root and socket) and its own sshd on port 22 of its address,
# whose sessions get DOCKER_HOST pointing at that node's engine; inside a node, 127.0.0.1:5555
# reaches the testbed's registry and 127.0.0.1:5556 the one with a login. The testbed's bastion
# (127.0.0.1:2223) forwards to each node's port 22. Needs testbed/up.sh first (the keys, the
# registries, the bastion, dockerd).
# Idempotent; testbed/fleet-down.sh removes it all.
#
#   testbed/fleet-up.sh [NODES]
set -euo pipefail

NODES=${1:-3}
STATE=${SLIPWAY_TESTBED_DIR:-/var/lib/slipway-testbed}
FLEET=$STATE/fleet
RUN=/run/slipway-fleet
BRIDGE=slipway-br0
SSHD=$STATE/ssh
REGISTRY_PORT=5555
REGISTRY_AUTH_PORT=5556
BASTION_PORT=2223

die() { echo "fleet-up.sh: $*" >&2; exit 1; }
step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
# whether the pid file names a live process of that program: a machine restored from a snapshot
# keeps /run but not its processes, and the old pid may now belong to anything
running() { local pid; pid=$(cat "$1" 2>/dev/null) && [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ]; }

[ "$(id -u)" -eq 0 ] || die "must run as root (it makes network namespaces and starts dockerd and sshd)."
[ -f "$SSHD/id_ed25519" ] || die "run testbed/up.sh first (no testbed keys in $SSHD)."
[ -f "$STATE/bastion/ssh_host_ed25519_key.pub" ] || die "run testbed/up.sh first (no bastion in $STATE/bastion)."
missing=()
command -v socat >/dev/null || missing+=(socat)       # the registry forwarder inside each node
command -v ip >/dev/null || missing+=(iproute2)       # namespaces, veth pairs, the bridge
command -v nsenter >/dev/null || missing+=(util-linux)
if [ "${#missing[@]}" -gt 0 ]; then
    step "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null ||
        { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; } ||
        die "cannot install ${missing[*]}."
fi
mkdir -p "$FLEET" "$RUN"

step "Bridge $BRIDGE (10.203.0.1/24)"
if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add 10.203.0.1/24 dev "$BRIDGE"
fi
ip link set "$BRIDGE" up

# the root network namespace, for the registry forwarder's way back out of a node
[ -e "$RUN/rootns" ] || { touch "$RUN/rootns"; mount --bind /proc/self/ns/net "$RUN/rootns"; }

known=$FLEET/known_hosts
: >"$known.new"
for i in $(seq 1 "$NODES"); do
    node=slipway-node-$i
    addr=10.203.0.$((10 + i))
    dir=$FLEET/node-$i
    run=$RUN/node-$i
    mkdir -p "$dir" "$run"
    step "Node $i: $node at $addr"

    if ! ip netns list | grep -qw "$node"; then
        ip netns add "$node"
        ip link add "sw-node-$i" type veth peer name eth0 netns "$node"
        ip link set "sw-node-$i" master "$BRIDGE" up
        nsenter --net="/run/netns/$node" ip link set lo up
        nsenter --net="/run/netns/$node" ip addr add "$addr/24" dev eth0
        nsenter --net="/run/netns/$node" ip link set eth0 up
        info "namespace made"
    fi

    # the registries, from inside the node: 127.0.0.1:5555 (and :5556, the one with a login) there
    # are the testbed's registries here
    for fwd in forward:$REGISTRY_PORT forward-auth:$REGISTRY_AUTH_PORT; do
        name=${fwd%%:*} port=${fwd#*:}
        if ! running "$run/$name.pid" socat; then
            nsenter --net="/run/netns/$node" setsid -f socat \
                "TCP-LISTEN:$port,bind=127.0.0.1,fork,reuseaddr" \
                "EXEC:nsenter --net=$RUN/rootns socat STDIO TCP\\:127.0.0.1\\:$port" \
                </dev/null >"$dir/$name.log" 2>&1
            sleep 0.3
            pgrep -f "TCP-LISTEN:$port,bind=127.0.0.1" -n >"$run/$name.pid" || true
            info "registry forwarder for port $port started"
        fi
    done

    # the node's own Docker Engine
    sock=$run/docker.sock
    if ! DOCKER_HOST=unix://$sock docker info >/dev/null 2>&1; then
        running "$run/docker.pid" dockerd || rm -f "$run/docker.pid"
        running "$run/exec/containerd/containerd.pid" containerd || rm -f "$run/exec/containerd/containerd.pid"
        nsenter --net="/run/netns/$node" setsid -f dockerd --host "unix://$sock" \
            --data-root "$dir/docker" --exec-root "$run/exec" --pidfile "$run/docker.pid" \
            --bridge=none --iptables=false --ip-masq=false --insecure-registry 127.0.0.1:$REGISTRY_PORT \
            --insecure-registry 127.0.0.1:$REGISTRY_AUTH_PORT \
            </dev/null >"$dir/dockerd.log" 2>&1 9>&-
        for t in $(seq 1 60); do
            DOCKER_HOST=unix://$sock docker info >/dev/null 2>&1 && break
            [ "$t" -lt 60 ] || { tail -20 "$dir/dockerd.log" >&2; die "the engine of node $i did not answer."; }
            sleep 0.5
        done
        info "engine started ($sock)"
    fi

    # the node's own sshd: the testbed's keys, DOCKER_HOST set to this node's engine
    cat >"$dir/sshd_config" <<CONF
# written by testbed/fleet-up.sh: the sshd of fleet node $i
ListenAddress $addr
Port 22
HostKey $dir/ssh_host_ed25519_key
PidFile $run/sshd.pid
AuthorizedKeysFile $SSHD/authorized_keys/%u
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM yes
AllowStreamLocalForwarding yes
AllowTcpForwarding yes
X11Forwarding no
PrintMotd no
SetEnv DOCKER_HOST=unix://$sock
Subsystem sftp internal-sftp
MaxStartups 100:30:200
MaxSessions 50
CONF
    [ -f "$dir/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -f "$dir/ssh_host_ed25519_key"
    if ! running "$run/sshd.pid" sshd || ! grep -qF "$dir/sshd_config" "/proc/$(cat "$run/sshd.pid")/cmdline"; then
        rm -f "$run/sshd.pid"
        nsenter --net="/run/netns/$node" /usr/sbin/sshd -f "$dir/sshd_config" -E "$dir/sshd.log" 9>&-
        info "sshd started"
    fi
    printf '%s %s\n' "$addr" "$(cut -d' ' -f1-2 "$dir/ssh_host_ed25519_key.pub")" >>"$known.new"
done
mv "$known.new" "$known"

step "Checks"
for i in $(seq 1 "$NODES"); do
    addr=10.203.0.$((10 + i))
    for t in $(seq 1 30); do
        timeout 3 bash -c "exec 3<>/dev/tcp/$addr/22 && head -n1 <&3" 2>/dev/null | grep -q '^SSH-' && break
        [ "$t" -lt 30 ] || die "sshd of node $i does not answer on $addr:22."
        sleep 0.5
    done
    nsenter --net="/run/netns/slipway-node-$i" timeout 5 bash -c \
        "exec 3<>/dev/tcp/127.0.0.1/$REGISTRY_PORT && printf 'GET /v2/ HTTP/1.0\r\n\r\n' >&3 && head -n1 <&3" |
        grep -q '200' || die "node $i does not reach the registry through 127.0.0.1:$REGISTRY_PORT."
    nsenter --net="/run/netns/slipway-node-$i" timeout 5 bash -c \
        "exec 3<>/dev/tcp/127.0.0.1/$REGISTRY_AUTH_PORT && printf 'GET /v2/ HTTP/1.0\r\n\r\n' >&3 && head -n1 <&3" |
        grep -q '401' || die "node $i does not reach the registry with a login through 127.0.0.1:$REGISTRY_AUTH_PORT."
done
# through the bastion to a node (ssh -J hands -i and -o to the last hop only: a config file reaches both)
printf '[127.0.0.1]:%s %s\n' "$BASTION_PORT" "$(cut -d' ' -f1-2 "$STATE/bastion/ssh_host_ed25519_key.pub")" |
    cat - "$known" >"$FLEET/bastion-check.known_hosts"
cat >"$FLEET/bastion-check.conf" <<CONF
IdentityFile $SSHD/id_ed25519
IdentitiesOnly yes
IdentityAgent none
UserKnownHostsFile $FLEET/bastion-check.known_hosts
GlobalKnownHostsFile /dev/null
StrictHostKeyChecking yes
BatchMode yes
ConnectTimeout 10
CONF
out=$(timeout 30 ssh -F "$FLEET/bastion-check.conf" -J "root@127.0.0.1:$BASTION_PORT" root@10.203.0.11 'id -un' </dev/null 2>&1) &&
    [ "$out" = root ] || die "ssh -J root@127.0.0.1:$BASTION_PORT root@10.203.0.11 failed (is the bastion up? run testbed/up.sh): $out"
cat >"$FLEET/fleet.properties" <<PROPS
# written by testbed/fleet-up.sh; read by src/test/java/app/slipway/testbed/FleetTestbed.java
nodes=$NODES
known_hosts=$known
ssh.key=$SSHD/id_ed25519
run=$RUN
PROPS
step "Fleet of $NODES nodes ready: $FLEET/fleet.properties"
