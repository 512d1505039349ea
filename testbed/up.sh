#!/usr/bin/env bash
# Starts Slipway's real testbed on this machine (README §The two commands (Test)): Docker Engine, a local image
# registry, an OpenSSH server and the fixture images, all on 127.0.0.1.
#
# Run as root on Debian 12. Idempotent: when everything is up it only checks, in seconds.
#
#   SLIPWAY_TESTBED_DIR    state (keys, configs, registry data, logs)  [/var/lib/slipway-testbed]
#   SLIPWAY_TESTBED_CACHE  debootstrap root tarball for the PostgreSQL image
#                                                                    [/var/cache/slipway-testbed]
#   SLIPWAY_DEBIAN_MIRROR  mirror for debootstrap                    [http://deb.debian.org/debian]
#
# Writes $SLIPWAY_TESTBED_DIR/testbed.properties, which the tests read (Testbed.java).
#
#   testbed/up.sh --engine-only   only the Docker Engine and Compose (and busybox-static), as the
#                                 README's run command (./run.sh) needs them for `slipway demo`
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
FIXTURE_DIR=$HERE/fixture
STATE=${SLIPWAY_TESTBED_DIR:-/var/lib/slipway-testbed}
ENGINE_ONLY=
case "${1:-}" in
    --engine-only) ENGINE_ONLY=1 ;;
    "") ;;
    *) echo "usage: testbed/up.sh [--engine-only]" >&2; exit 2 ;;
esac
CACHE=${SLIPWAY_TESTBED_CACHE:-/var/cache/slipway-testbed}
MIRROR=${SLIPWAY_DEBIAN_MIRROR:-http://deb.debian.org/debian}

DOCKER_SOCK=/var/run/docker.sock
REGISTRY=127.0.0.1:5555
SSH_HOST=127.0.0.1
SSH_PORT=2222
SSH_USER=slipway
NODOCKER_USER=nodocker
FIXTURE_IMAGE=$REGISTRY/slipway-fixture/app
POSTGRES_IMAGE=$REGISTRY/slipway-fixture/postgres:15
FIXTURE_PORT=18080
# busybox applets linked into the fixture images
APPLETS="sh ash cat echo printf test [ sleep mkdir rm ls date tar gzip gunzip wget httpd
         env id kill ps grep sed head tail tee touch true false cp mv ln chmod find wc sha256sum
         basename dirname hostname uname stat sync timeout nc"
# Bump to force the PostgreSQL image (not its cached root tarball) to be rebuilt.
POSTGRES_BUILD_REV=1

export PATH=$PATH:/usr/local/sbin:/usr/sbin:/sbin
export DEBIAN_FRONTEND=noninteractive
export DOCKER_HOST=unix://$DOCKER_SOCK
unset DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH

T0=$SECONDS
step() { printf '==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
die() {
    printf '\nTESTBED FAILED: %s\n' "$1" >&2
    shift
    for line in "$@"; do printf '    %s\n' "$line" >&2; done
    exit 1
}
# die with the last lines of a log file
die_log() {
    local msg=$1 log=$2
    printf '\nTESTBED FAILED: %s\n' "$msg" >&2
    if [ -f "$log" ]; then
        printf '    last lines of %s:\n' "$log" >&2
        tail -n 25 "$log" | sed 's/^/      | /' >&2
    fi
    exit 1
}
trap 'rc=$?; [ $rc -eq 0 ] || printf "\nTESTBED FAILED: %s exited %s at line %s (command: %s)\n" "${BASH_SOURCE[0]}" "$rc" "$LINENO" "$BASH_COMMAND" >&2' ERR

[ "$(id -u)" -eq 0 ] || die "testbed/up.sh must run as root (it starts dockerd and sshd and creates users)." \
    "Run: sudo $0"

mkdir -p "$STATE" "$CACHE"
# sshd reads authorized_keys as the logging-in user, so the state dir must be traversable.
chmod 755 "$STATE"
# one up.sh at a time per state dir
# (fd 9 is closed for the daemons started below, or they would hold the lock forever)
exec 9>"$STATE/.up.lock"
if ! flock -n 9; then
    info "another testbed/up.sh is running; waiting for it"
    flock 9
fi

# ---------------------------------------------------------------------------------------------
step "Debian packages"
missing=()
have() { command -v "$1" >/dev/null 2>&1; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'; }
have dockerd || missing+=(docker.io)
have docker || missing+=(docker.io)
have docker-compose || missing+=(docker-compose)
[ -n "$ENGINE_ONLY" ] || have docker-registry || missing+=(docker-registry)
installed busybox-static || missing+=(busybox-static)
# the botocore models (service-2.json) the ECS stand-in's shape test checks its answers against
[ -n "$ENGINE_ONLY" ] || installed python3-botocore || missing+=(python3-botocore)
[ -n "$ENGINE_ONLY" ] || [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
[ -n "$ENGINE_ONLY" ] || have ssh-keygen || missing+=(openssh-client)
[ -n "$ENGINE_ONLY" ] || have debootstrap || missing+=(debootstrap)
have curl || missing+=(curl)
have setsid || missing+=(util-linux)
[ -n "$ENGINE_ONLY" ] || have useradd || missing+=(passwd)
if [ ${#missing[@]} -gt 0 ]; then
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    info "installing: ${missing[*]}"
    have apt-get || die "apt-get not found; this script supports Debian 12 only." "missing: ${missing[*]}"
    # Keep package scripts from starting system services (a docker.io init script would start
    # dockerd with a bridge and iptables; openssh-server would listen on 0.0.0.0:22).
    policy_created=
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        policy_created=1
    fi
    apt_log=$STATE/apt.log
    if ! { apt-get update -q &&
        NEEDRESTART_SUSPEND=1 apt-get install -y -q -o DPkg::Lock::Timeout=300 "${missing[@]}"; } >"$apt_log" 2>&1; then
        [ -z "$policy_created" ] || rm -f /usr/sbin/policy-rc.d
        die_log "apt-get could not install: ${missing[*]}" "$apt_log"
    fi
    [ -z "$policy_created" ] || rm -f /usr/sbin/policy-rc.d
    info "installed (log: $apt_log)"
else
    info "all present"
fi
[ -x /bin/busybox ] || die "/bin/busybox is missing although busybox-static is installed."

# ---------------------------------------------------------------------------------------------
step "Docker Engine ($DOCKER_SOCK)"
getent group docker >/dev/null || groupadd --system docker
if docker info >/dev/null 2>&1; then
    info "already answering"
else
    pid=$(cat /var/run/docker.pid 2>/dev/null || true)
    if [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]; then
        info "dockerd (pid $pid) is running but not answering yet; waiting for it"
    else
        info "starting dockerd (log: $STATE/dockerd.log)"
        # a pid file left by a machine restored from a snapshot: dockerd refuses to start while
        # the pid in it is alive, whatever that process now is
        rm -f /var/run/docker.pid
        [ "$(cat "/proc/$(cat /var/run/docker/containerd/containerd.pid 2>/dev/null)/comm" 2>/dev/null)" = containerd ] ||
            rm -f /var/run/docker/containerd/containerd.pid
        setsid -f dockerd --host "unix://$DOCKER_SOCK" --bridge=none --iptables=false --ip-masq=false \
            </dev/null >"$STATE/dockerd.log" 2>&1 9>&-
        touch "$STATE/dockerd.started-by-testbed"
        started_dockerd=1
    fi
    for i in $(seq 1 60); do
        docker info >/dev/null 2>&1 && break
        [ -z "${started_dockerd:-}" ] || ! grep -q 'level=fatal' "$STATE/dockerd.log" || die_log "dockerd failed to start." "$STATE/dockerd.log"
        [ "$i" -lt 60 ] || die_log "Docker Engine did not answer on $DOCKER_SOCK within 60 s." "$STATE/dockerd.log"
        sleep 1
    done
    info "answering after $((SECONDS - T0)) s"
fi
if [ "$(stat -c %G "$DOCKER_SOCK")" != docker ]; then
    chgrp docker "$DOCKER_SOCK" && chmod 660 "$DOCKER_SOCK"
    info "socket group set to docker"
fi
if [ -n "$(docker network ls -q --filter driver=bridge 2>/dev/null)" ]; then
    info "WARNING: this engine has a bridge network; the testbed expects dockerd --bridge=none"
fi

if [ -n "$ENGINE_ONLY" ]; then
    step "Engine ready in $((SECONDS - T0)) s"
    exit 0
fi

# ---------------------------------------------------------------------------------------------
http_ok() { curl -sf -o /dev/null --max-time 5 "$@"; }
has_tag() { # repository tag -> is the manifest in the local registry?
    http_ok -I -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
        "http://$REGISTRY/v2/$1/manifests/$2"
}

step "Image registry (http://$REGISTRY)"
mkdir -p "$STATE/registry/data"
cat >"$STATE/registry/config.yml.new" <<EOF
# written by testbed/up.sh
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $STATE/registry/data
  delete:
    enabled: true
http:
  addr: $REGISTRY
EOF
registry_pid=$(cat "$STATE/registry/pid" 2>/dev/null || true)
[ -z "$registry_pid" ] || [ "$(cat "/proc/$registry_pid/comm" 2>/dev/null)" = docker-registry ] || registry_pid=
stop_registry() {
    [ -n "$registry_pid" ] || return 0
    kill "$registry_pid" 2>/dev/null || true
    for i in $(seq 1 20); do kill -0 "$registry_pid" 2>/dev/null || break; sleep 0.25; done
    registry_pid=
}
if cmp -s "$STATE/registry/config.yml.new" "$STATE/registry/config.yml"; then
    rm -f "$STATE/registry/config.yml.new"
else
    mv "$STATE/registry/config.yml.new" "$STATE/registry/config.yml"
    if [ -n "$registry_pid" ]; then
        info "config changed; restarting docker-registry (pid $registry_pid)"
        stop_registry
    fi
fi
if http_ok "http://$REGISTRY/v2/"; then
    [ -n "$registry_pid" ] || die "something already answers on http://$REGISTRY/v2/ but it is not this testbed's registry" \
        "(no live docker-registry with pid file $STATE/registry/pid). Stop it first, e.g. with" \
        "SLIPWAY_TESTBED_DIR=<its state dir> testbed/down.sh"
    info "already answering"
else
    stop_registry
    info "starting docker-registry (log: $STATE/registry.log)"
    setsid -f sh -c 'echo $$ >"$1"; exec docker-registry serve "$2"' sh \
        "$STATE/registry/pid" "$STATE/registry/config.yml" </dev/null >>"$STATE/registry.log" 2>&1 9>&-
    for i in $(seq 1 30); do
        http_ok "http://$REGISTRY/v2/" && break
        [ "$i" -lt 30 ] || die_log "the registry did not answer on http://$REGISTRY/v2/ within 30 s (port taken?)." \
            "$STATE/registry.log"
        sleep 1
    done
    info "answering"
fi

# ---------------------------------------------------------------------------------------------
step "SSH server ($SSH_HOST:$SSH_PORT)"
SSHD=$STATE/ssh
mkdir -p "$SSHD/authorized_keys" /run/sshd
chmod 755 "$SSHD" "$SSHD/authorized_keys"
[ -f "$SSHD/ssh_host_ed25519_key" ] ||
    ssh-keygen -q -t ed25519 -N '' -C "slipway-testbed-host" -f "$SSHD/ssh_host_ed25519_key"
[ -f "$SSHD/id_ed25519" ] ||
    ssh-keygen -q -t ed25519 -N '' -C "slipway-testbed-client" -f "$SSHD/id_ed25519"
[ -f "$SSHD/wrong_host_ed25519_key" ] ||
    ssh-keygen -q -t ed25519 -N '' -C "slipway-testbed-wrong-host" -f "$SSHD/wrong_host_ed25519_key"
chmod 600 "$SSHD/ssh_host_ed25519_key" "$SSHD/id_ed25519" "$SSHD/wrong_host_ed25519_key"
if [ ! -s "$SSHD/password" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24 >"$SSHD/password.tmp")
    mv "$SSHD/password.tmp" "$SSHD/password"
fi
chmod 600 "$SSHD/password"
PASSWORD=$(cat "$SSHD/password")

ensure_user() { # name in-docker-group(yes|no)
    local user=$1 docker_member=$2
    if ! id "$user" >/dev/null 2>&1; then
        useradd --create-home --shell /bin/bash "$user"
        info "created user $user"
    fi
    [ "$(getent passwd "$user" | cut -d: -f7)" = /bin/bash ] || usermod --shell /bin/bash "$user"
    if [ "$docker_member" = yes ]; then
        id -nG "$user" | tr ' ' '\n' | grep -qx docker || usermod -aG docker "$user"
    else
        if id -nG "$user" | tr ' ' '\n' | grep -qx docker; then gpasswd -d "$user" docker >/dev/null; fi
    fi
    # both accounts get the same password, set on every run: the accounts are system-wide and
    # another testbed state dir may have changed it (a marker file cannot see that)
    printf '%s:%s\n' "$user" "$PASSWORD" | chpasswd
    install -m 644 "$SSHD/id_ed25519.pub" "$SSHD/authorized_keys/$user"
}
ensure_user "$SSH_USER" yes
ensure_user "$NODOCKER_USER" no
install -m 644 "$SSHD/id_ed25519.pub" "$SSHD/authorized_keys/root"

printf '[%s]:%s %s\n' "$SSH_HOST" "$SSH_PORT" "$(cut -d' ' -f1-2 "$SSHD/ssh_host_ed25519_key.pub")" \
    >"$SSHD/known_hosts"
printf '[%s]:%s %s\n' "$SSH_HOST" "$SSH_PORT" "$(cut -d' ' -f1-2 "$SSHD/wrong_host_ed25519_key.pub")" \
    >"$SSHD/known_hosts.wrong"
chmod 644 "$SSHD/known_hosts" "$SSHD/known_hosts.wrong"

cat >"$SSHD/sshd_config.new" <<EOF
# written by testbed/up.sh — the testbed's own sshd, separate from any system sshd
ListenAddress $SSH_HOST
Port $SSH_PORT
HostKey $SSHD/ssh_host_ed25519_key
PidFile $SSHD/sshd.pid
AuthorizedKeysFile $SSHD/authorized_keys/%u
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM yes
AllowStreamLocalForwarding yes
AllowTcpForwarding yes
X11Forwarding no
PrintMotd no
AcceptEnv LANG LC_*
Subsystem sftp internal-sftp
MaxStartups 100:30:200
MaxSessions 50
EOF
/usr/sbin/sshd -t -f "$SSHD/sshd_config.new" ||
    die "the generated sshd config $SSHD/sshd_config.new is invalid (see above)."
config_changed=
if ! cmp -s "$SSHD/sshd_config.new" "$SSHD/sshd_config" 2>/dev/null; then
    mv "$SSHD/sshd_config.new" "$SSHD/sshd_config"
    config_changed=1
else
    rm -f "$SSHD/sshd_config.new"
fi
ssh_banner() { # prints the server's identification line, if any
    timeout 5 bash -c "exec 3<>/dev/tcp/$SSH_HOST/$SSH_PORT && head -n1 <&3" 2>/dev/null || true
}
sshd_pid=$(cat "$SSHD/sshd.pid" 2>/dev/null || true)
[ -z "$sshd_pid" ] || [ "$(cat "/proc/$sshd_pid/comm" 2>/dev/null)" = sshd ] || sshd_pid=
if [ -n "$sshd_pid" ] && [[ "$(ssh_banner)" == SSH-* ]]; then
    if [ -n "$config_changed" ]; then
        kill -HUP "$sshd_pid"
        sleep 1
        info "config changed; sshd (pid $sshd_pid) reloaded"
    else
        info "already answering"
    fi
else
    [ -z "$sshd_pid" ] || { kill "$sshd_pid" 2>/dev/null || true; sleep 1; }
    info "starting sshd (log: $STATE/sshd.log)"
    /usr/sbin/sshd -f "$SSHD/sshd_config" -E "$STATE/sshd.log" 9>&- ||
        die_log "sshd did not start." "$STATE/sshd.log"
    for i in $(seq 1 15); do
        [[ "$(ssh_banner)" == SSH-* ]] && break
        [ "$i" -lt 15 ] || die_log "sshd did not answer on $SSH_HOST:$SSH_PORT within 15 s (port taken?)." \
            "$STATE/sshd.log"
        sleep 1
    done
    info "answering"
fi

# ---------------------------------------------------------------------------------------------
# the build hash an image in the local engine was made from (empty if absent)
local_build_label() {
    docker image inspect -f '{{index .Config.Labels "app.slipway.testbed.build"}}' "$1" 2>/dev/null || true
}
push() {
    docker push "$1" >"$STATE/push.log" 2>&1 || die_log "docker push $1 failed." "$STATE/push.log"
}

step "PostgreSQL image ($POSTGRES_IMAGE)"
pg_hash=$( { echo "rev $POSTGRES_BUILD_REV"; cat "$HERE/postgres/pg-start"; } | sha256sum | cut -c1-16)
if has_tag slipway-fixture/postgres 15 && [ "$(cat "$STATE/postgres-image.hash" 2>/dev/null)" = "$pg_hash" ]; then
    info "already in the registry"
elif [ "$(local_build_label "$POSTGRES_IMAGE")" = "$pg_hash" ]; then
    info "the engine has this build already; pushing it"
    push "$POSTGRES_IMAGE"
    echo "$pg_hash" >"$STATE/postgres-image.hash"
else
    tarball=$CACHE/bookworm-minbase-postgresql-15.tar
    umount_under() { # lazily unmount anything left mounted below a directory
        local m
        for m in $(awk -v p="$1/" 'index($2, p) == 1 {print $2}' /proc/mounts | sort -r); do
            umount -l "$m" 2>/dev/null || true
        done
    }
    if [ -s "$tarball" ]; then
        info "root tarball cached: $tarball"
    else
        root=$CACHE/root.tmp
        umount_under "$root"
        rm -rf --one-file-system "$root"
        log=$STATE/debootstrap.log
        info "debootstrap bookworm minbase + postgresql-15 from $MIRROR (takes a minute or two; log: $log)"
        ok=
        for attempt in 1 2; do
            if debootstrap --variant=minbase --include=postgresql-15 bookworm "$root" "$MIRROR" >"$log" 2>&1; then
                ok=1
                break
            fi
            umount_under "$root"
            rm -rf --one-file-system "$root"
            [ "$attempt" -eq 2 ] || info "debootstrap failed; retrying once"
        done
        [ -n "$ok" ] || die_log "debootstrap could not build the PostgreSQL root from $MIRROR (network?)." "$log"
        umount_under "$root"
        [ -x "$root/usr/lib/postgresql/15/bin/postgres" ] || die "debootstrap finished but $root has no PostgreSQL 15."
        # shrink: docs, manuals, translations, apt caches, the package's default cluster
        rm -rf "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/* \
            "$root"/usr/share/locale/* "$root"/usr/share/lintian "$root"/var/cache/apt/*.bin \
            "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* \
            "$root"/var/lib/postgresql/15 "$root"/etc/postgresql/15 "$root"/var/log/postgresql/*
        tar -C "$root" --numeric-owner -cf "$tarball.tmp" .
        mv "$tarball.tmp" "$tarball"
        rm -rf --one-file-system "$root"
        info "root tarball: $tarball ($(du -h "$tarball" | cut -f1))"
    fi
    work=$STATE/postgres-build
    rm -rf --one-file-system "$work"
    mkdir -p "$work"
    tar -C "$work" --numeric-owner -xf "$tarball"
    install -m 755 "$HERE/postgres/pg-start" "$work/usr/local/bin/pg-start"
    for tool in setpriv initdb postgres pg_isready pg_dump pg_restore; do
        [ -e "$work/usr/bin/$tool" ] || [ -e "$work/usr/lib/postgresql/15/bin/$tool" ] ||
            die "the PostgreSQL root in $tarball lacks $tool; delete the tarball and re-run."
    done
    info "importing"
    tar -C "$work" --numeric-owner -c . | docker import \
        -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
        -c 'ENV LANG=C.UTF-8' \
        -c 'CMD ["/usr/local/bin/pg-start"]' \
        -c "LABEL app.slipway.testbed.build=$pg_hash" \
        - "$POSTGRES_IMAGE" >/dev/null
    rm -rf --one-file-system "$work"
    info "pushing"
    push "$POSTGRES_IMAGE"
    echo "$pg_hash" >"$STATE/postgres-image.hash"
    info "pushed"
fi

# ---------------------------------------------------------------------------------------------
step "Fixture images ($FIXTURE_IMAGE)"
SRC=$FIXTURE_DIR/image
[ -f "$SRC/versions" ] || die "fixture image sources are missing: $SRC/versions"
fixture_hash=$( {
    echo "applets $APPLETS"
    (cd "$SRC" && find . -type f | LC_ALL=C sort | xargs sha256sum)
    sha256sum </bin/busybox
} | sha256sum | cut -c1-16)
previous_hash=$(cat "$STATE/fixture-images.hash" 2>/dev/null || true)
mapfile -t version_lines < <(grep -v '^[[:space:]]*\(#\|$\)' "$SRC/versions")
rm -rf "$STATE"/fixture-build.*
built=0
for line in "${version_lines[@]}"; do
    read -r version health programs <<<"$line"
    if [ "$previous_hash" = "$fixture_hash" ] && has_tag slipway-fixture/app "$version"; then
        continue
    fi
    if [ "$(local_build_label "$FIXTURE_IMAGE:$version")" = "$fixture_hash" ]; then
        push "$FIXTURE_IMAGE:$version"
        info "pushed $version (already built in the engine)"
        built=$((built + 1))
        continue
    fi
    root=$(mktemp -d "$STATE/fixture-build.XXXXXX")
    mkdir -p "$root"/{bin,etc,www,data/storage,tmp,proc,sys,dev}
    chmod 1777 "$root/tmp"
    cp /bin/busybox "$root/bin/busybox"
    for applet in $APPLETS; do ln -s busybox "$root/bin/$applet"; done
    for program in $programs; do
        case $program in
            worker | job) install -m 755 "$SRC/bin/background" "$root/bin/$program" ;;
            *) install -m 755 "$SRC/bin/$program" "$root/bin/$program" ;;
        esac
    done
    echo "$version" >"$root/version"
    printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
    printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
    case $health in
        healthy) ;;
        unhealthy) touch "$root/etc/fixture-unhealthy" ;;
        *) die "bad health '$health' for $version in $SRC/versions" ;;
    esac
    tar -C "$root" --numeric-owner --owner=0 --group=0 -c . | docker import \
        -c 'ENV PATH=/bin' \
        -c 'CMD ["/bin/web"]' \
        -c "LABEL app.slipway.testbed.build=$fixture_hash" \
        - "$FIXTURE_IMAGE:$version" >/dev/null
    rm -rf "$root"
    push "$FIXTURE_IMAGE:$version"
    info "built and pushed $version ($health: $programs)"
    built=$((built + 1))
done
echo "$fixture_hash" >"$STATE/fixture-images.hash"
[ "$built" -gt 0 ] || info "all ${#version_lines[@]} tags already in the registry"

# ---------------------------------------------------------------------------------------------
# An image with no shell and no tar (like a distroless one): busybox under its own name only, so
# `sh` and `tar` do not exist in it. Backups must reach its files through the engine.
NOSHELL_IMAGE=$REGISTRY/slipway-fixture/noshell:1
step "Image without a shell ($NOSHELL_IMAGE)"
noshell_hash=$( { echo "noshell 1"; sha256sum </bin/busybox; } | sha256sum | cut -c1-16)
if has_tag slipway-fixture/noshell 1 && [ "$(cat "$STATE/noshell-image.hash" 2>/dev/null)" = "$noshell_hash" ]; then
    info "already in the registry"
else
    root=$(mktemp -d "$STATE/noshell-build.XXXXXX")
    mkdir -p "$root"/{bin,www,srv/files,tmp}
    cp /bin/busybox "$root/bin/busybox"
    echo "noshell" >"$root/www/up"
    tar -C "$root" --numeric-owner --owner=0 --group=0 -c . | docker import \
        -c 'CMD ["/bin/busybox", "httpd", "-f", "-p", "127.0.0.1:18081", "-h", "/www"]' \
        -c "LABEL app.slipway.testbed.build=$noshell_hash" - "$NOSHELL_IMAGE" >/dev/null
    rm -rf "$root"
    push "$NOSHELL_IMAGE"
    echo "$noshell_hash" >"$STATE/noshell-image.hash"
    info "built and pushed"
fi

# ---------------------------------------------------------------------------------------------
step "Checks"
tags=$(curl -sf --max-time 5 "http://$REGISTRY/v2/slipway-fixture/app/tags/list") ||
    die "the registry does not list slipway-fixture/app tags."
for line in "${version_lines[@]}"; do
    read -r version _ <<<"$line"
    grep -qF "\"$version\"" <<<"$tags" || die "the registry lacks $FIXTURE_IMAGE:$version" "tags: $tags"
done
has_tag slipway-fixture/postgres 15 || die "the registry lacks $POSTGRES_IMAGE"
docker info >/dev/null 2>&1 || die "the Docker Engine stopped answering on $DOCKER_SOCK."
info "registry: $tags"

# ---------------------------------------------------------------------------------------------
PROPS=$STATE/testbed.properties
cat >"$PROPS.tmp" <<EOF
# Slipway testbed, written by testbed/up.sh; read by src/test/java/app/slipway/testbed/Testbed.java
docker.host=unix://$DOCKER_SOCK
registry=$REGISTRY
ssh.host=$SSH_HOST
ssh.port=$SSH_PORT
ssh.key=$SSHD/id_ed25519
ssh.known_hosts=$SSHD/known_hosts
ssh.known_hosts.wrong=$SSHD/known_hosts.wrong
ssh.password.file=$SSHD/password
ssh.docker.user=$SSH_USER
ssh.nodocker.user=$NODOCKER_USER
fixture.image=$FIXTURE_IMAGE
fixture.noshell.image=$NOSHELL_IMAGE
fixture.postgres.image=$POSTGRES_IMAGE
fixture.version.legacy=1.0.0
fixture.version.current=2.0.0
fixture.version.next=2.1.0
fixture.version.unhealthy=3.0.0
fixture.version.crashing=3.0.1
fixture.dir=$FIXTURE_DIR
fixture.port=$FIXTURE_PORT
EOF
mv "$PROPS.tmp" "$PROPS"
step "Testbed ready in $((SECONDS - T0)) s: $PROPS"
