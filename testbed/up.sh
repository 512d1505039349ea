#!/usr/bin/env bash
# Starts Slipway's real testbed on this machine (README §The two commands (Test)): Docker Engine, a local image
# registry, an OpenSSH server and the fixture images, all on 127.0.0.1. Beside them: a bastion (a second
# sshd that only forwards, for `ssh -J`), a client key with a passphrase, and the same registry again
# behind a login (htpasswd).
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
# the jump host: same keys and users as the sshd above, but it runs nothing and only forwards
BASTION_PORT=2223
# the passphrase of the second client key, $SSHD/id_ed25519_passphrase (a fixed testbed value)
SSH_KEY_PASSPHRASE=slipway-testbed-passphrase
# the open registry's storage served again, read-only, to a client that logs in
REGISTRY_AUTH=127.0.0.1:5556
REGISTRY_AUTH_USER=slipway
REGISTRY_AUTH_PASSWORD=slipway-testbed-registry-password
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
# replace_file DEST MODE: stdin becomes DEST by a rename, and only when it differs: the tests of a
# running testbed may read DEST at any moment
replace_file() {
    local dest=$1 mode=$2
    cat >"$dest.tmp"
    chmod "$mode" "$dest.tmp"
    if cmp -s "$dest.tmp" "$dest" && [ "$(stat -c %a "$dest")" = "$mode" ]; then
        rm -f "$dest.tmp"
    else
        mv -f "$dest.tmp" "$dest"
    fi
}
# live_pid PIDFILE COMM [ARG]: prints the pid in PIDFILE if it is a live COMM whose command line holds
# ARG (a machine restored from a snapshot keeps the pid files but not the processes; the pid may
# now be anything's)
live_pid() {
    local pid
    pid=$(cat "$1" 2>/dev/null || true)
    [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$2" ] || return 0
    [ -z "${3:-}" ] || grep -qaF -- "$3" "/proc/$pid/cmdline" 2>/dev/null || return 0
    printf '%s\n' "$pid"
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
# the real SMTP server (aiosmtpd) the notification tests send mail to
[ -n "$ENGINE_ONLY" ] || installed python3-aiosmtpd || missing+=(python3-aiosmtpd)
[ -n "$ENGINE_ONLY" ] || have openssl || missing+=(openssl)   # the test SMTP server's certificates
[ -n "$ENGINE_ONLY" ] || [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
[ -n "$ENGINE_ONLY" ] || have ssh-keygen || missing+=(openssh-client)
[ -n "$ENGINE_ONLY" ] || have debootstrap || missing+=(debootstrap)
[ -n "$ENGINE_ONLY" ] || have htpasswd || missing+=(apache2-utils)
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
registry_pid=$(live_pid "$STATE/registry/pid" docker-registry)
# stop_process PID: asks it to stop, waits up to 5 s, then kills it (either registry uses it)
stop_process() {
    [ -n "$1" ] || return 0
    kill "$1" 2>/dev/null || true
    for i in $(seq 1 20); do kill -0 "$1" 2>/dev/null || break; sleep 0.25; done
    kill -KILL "$1" 2>/dev/null || true
}
stop_registry() {
    stop_process "$registry_pid"
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
# the HTTP status of a request ("000" when nothing answers)
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" || true; }

step "Image registry with a login (http://$REGISTRY_AUTH, user $REGISTRY_AUTH_USER)"
# A second docker-registry on the open one's storage, read-only: every fixture image is also at
# $REGISTRY_AUTH/..., but only with the login. The open registry is left alone.
RAUTH=$STATE/registry-auth
mkdir -p "$RAUTH"
rauth_changed=
if ! printf '%s\n' "$REGISTRY_AUTH_PASSWORD" |
    htpasswd -vi "$RAUTH/htpasswd" "$REGISTRY_AUTH_USER" >/dev/null 2>&1; then
    rm -f "$RAUTH/htpasswd.tmp"
    printf '%s\n' "$REGISTRY_AUTH_PASSWORD" | htpasswd -ciB "$RAUTH/htpasswd.tmp" "$REGISTRY_AUTH_USER" 2>/dev/null ||
        die "htpasswd could not write $RAUTH/htpasswd.tmp."
    chmod 600 "$RAUTH/htpasswd.tmp"
    mv "$RAUTH/htpasswd.tmp" "$RAUTH/htpasswd"
    rauth_changed=1
fi
cat >"$RAUTH/config.yml.new" <<EOF
# written by testbed/up.sh: the storage of http://$REGISTRY, read-only, behind a login
version: 0.1
log:
  level: warn
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $STATE/registry/data
  maintenance:
    readonly:
      enabled: true
    uploadpurging:
      enabled: false
auth:
  htpasswd:
    realm: slipway-testbed
    path: $RAUTH/htpasswd
http:
  addr: $REGISTRY_AUTH
EOF
if cmp -s "$RAUTH/config.yml.new" "$RAUTH/config.yml"; then
    rm -f "$RAUTH/config.yml.new"
else
    mv "$RAUTH/config.yml.new" "$RAUTH/config.yml"
    rauth_changed=1
fi
rauth_pid=$(live_pid "$RAUTH/pid" docker-registry "$RAUTH/config.yml")
stop_rauth() {
    stop_process "$rauth_pid"
    rauth_pid=
}
if [ -n "$rauth_pid" ] && [ -n "$rauth_changed" ]; then
    # docker-registry 2.8 reads its htpasswd file once, at start
    info "config or password changed; restarting docker-registry (pid $rauth_pid)"
    stop_rauth
fi
rauth_status=$(http_status "http://$REGISTRY_AUTH/v2/")
if [ -n "$rauth_pid" ] && [ "$rauth_status" = 401 ]; then
    info "already answering"
elif [ -z "$rauth_pid" ] && [ "$rauth_status" != 000 ]; then
    die "something already answers on http://$REGISTRY_AUTH/v2/ (HTTP $rauth_status) but it is not this testbed's" \
        "registry (no live docker-registry with pid file $RAUTH/pid). Stop it first."
else
    stop_rauth
    info "starting docker-registry (log: $RAUTH/registry.log)"
    setsid -f sh -c 'echo $$ >"$1"; exec docker-registry serve "$2"' sh \
        "$RAUTH/pid" "$RAUTH/config.yml" </dev/null >>"$RAUTH/registry.log" 2>&1 9>&-
    for i in $(seq 1 30); do
        [ "$(http_status "http://$REGISTRY_AUTH/v2/")" != 401 ] || break
        [ "$i" -lt 30 ] || die_log "the registry did not ask for a login on http://$REGISTRY_AUTH/v2/ within 30 s" \
            "$RAUTH/registry.log"
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
# the second client key, locked with $SSH_KEY_PASSPHRASE: made once, remade only when it does not
# open with that passphrase (or opens without one)
PASSKEY=$SSHD/id_ed25519_passphrase
if [ -f "$PASSKEY" ] && passkey_pub=$(ssh-keygen -y -P "$SSH_KEY_PASSPHRASE" -f "$PASSKEY" 2>/dev/null | cut -d' ' -f1-2) &&
    [ -n "$passkey_pub" ] && ! ssh-keygen -y -P '' -f "$PASSKEY" >/dev/null 2>&1; then
    [ "$(cut -d' ' -f1-2 "$PASSKEY.pub" 2>/dev/null)" = "$passkey_pub" ] ||
        printf '%s slipway-testbed-client-passphrase\n' "$passkey_pub" >"$PASSKEY.pub"
else
    [ ! -e "$PASSKEY" ] || info "$PASSKEY does not open with the testbed's passphrase; making a new one"
    rm -f "$PASSKEY" "$PASSKEY.pub"
    ssh-keygen -q -t ed25519 -N "$SSH_KEY_PASSPHRASE" -C "slipway-testbed-client-passphrase" -f "$PASSKEY"
fi
chmod 600 "$PASSKEY"
chmod 644 "$PASSKEY.pub"
# the bastion's own host key
BASTION=$STATE/bastion
mkdir -p "$BASTION"
chmod 755 "$BASTION"
[ -f "$BASTION/ssh_host_ed25519_key" ] ||
    ssh-keygen -q -t ed25519 -N '' -C "slipway-testbed-bastion" -f "$BASTION/ssh_host_ed25519_key"
chmod 600 "$BASTION/ssh_host_ed25519_key"
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
    cat "$SSHD/id_ed25519.pub" "$PASSKEY.pub" | replace_file "$SSHD/authorized_keys/$user" 644
}
ensure_user "$SSH_USER" yes
ensure_user "$NODOCKER_USER" no
cat "$SSHD/id_ed25519.pub" "$PASSKEY.pub" | replace_file "$SSHD/authorized_keys/root" 644

{
    printf '[%s]:%s %s\n' "$SSH_HOST" "$SSH_PORT" "$(cut -d' ' -f1-2 "$SSHD/ssh_host_ed25519_key.pub")"
    printf '[%s]:%s %s\n' "$SSH_HOST" "$BASTION_PORT" "$(cut -d' ' -f1-2 "$BASTION/ssh_host_ed25519_key.pub")"
} | replace_file "$SSHD/known_hosts" 644
printf '[%s]:%s %s\n' "$SSH_HOST" "$SSH_PORT" "$(cut -d' ' -f1-2 "$SSHD/wrong_host_ed25519_key.pub")" |
    replace_file "$SSHD/known_hosts.wrong" 644

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
ssh_banner() { # [PORT] -> prints the server's identification line, if any
    timeout 5 bash -c "exec 3<>/dev/tcp/$SSH_HOST/${1:-$SSH_PORT} && head -n1 <&3" 2>/dev/null || true
}
# run_sshd NAME CONFIG PIDFILE PORT LOG: CONFIG.new (checked by sshd -t) replaces CONFIG when it
# differs; a live sshd of that config is reloaded on a change, else one is started. A server of
# someone else's on the port is refused rather than fought over.
run_sshd() {
    local name=$1 config=$2 pidfile=$3 port=$4 log=$5 changed= pid banner i
    /usr/sbin/sshd -t -f "$config.new" || die "the generated sshd config $config.new is invalid (see above)."
    if ! cmp -s "$config.new" "$config" 2>/dev/null; then
        mv "$config.new" "$config"
        changed=1
    else
        rm -f "$config.new"
    fi
    pid=$(live_pid "$pidfile" sshd "$config")
    banner=$(ssh_banner "$port")
    if [ -n "$pid" ] && [[ "$banner" == SSH-* ]]; then
        if [ -n "$changed" ]; then
            kill -HUP "$pid"
            sleep 1
            info "config changed; $name (pid $pid) reloaded"
        else
            info "already answering"
        fi
    elif [ -z "$pid" ] && [ -n "$banner" ]; then
        die "something already answers on $SSH_HOST:$port ($banner) but it is not this testbed's $name" \
            "(no live sshd with pid file $pidfile). Stop it first."
    else
        [ -z "$pid" ] || { kill "$pid" 2>/dev/null || true; sleep 1; }
        rm -f "$pidfile"
        info "starting $name (log: $log)"
        /usr/sbin/sshd -f "$config" -E "$log" 9>&- || die_log "$name did not start." "$log"
        for i in $(seq 1 15); do
            [[ "$(ssh_banner "$port")" == SSH-* ]] && break
            [ "$i" -lt 15 ] || die_log "$name did not answer on $SSH_HOST:$port within 15 s (port taken?)." "$log"
            sleep 1
        done
        info "answering"
    fi
}
run_sshd sshd "$SSHD/sshd_config" "$SSHD/sshd.pid" "$SSH_PORT" "$STATE/sshd.log"

# ---------------------------------------------------------------------------------------------
step "SSH bastion ($SSH_HOST:$BASTION_PORT, forwards only)"
# Logins as on the sshd above (same users, keys and password), but no shell, command, tty or
# sftp: only `ssh -J` (direct-tcpip) to that sshd and to port 22 of the fleet nodes (10.203.0.0/24;
# PermitOpen takes no address ranges, so each address is listed).
permit_open="$SSH_HOST:$SSH_PORT"
for i in $(seq 1 254); do permit_open+=" 10.203.0.$i:22"; done
cat >"$BASTION/sshd_config.new" <<EOF
# written by testbed/up.sh — the testbed's jump host: it forwards and runs nothing
ListenAddress $SSH_HOST
Port $BASTION_PORT
HostKey $BASTION/ssh_host_ed25519_key
PidFile $BASTION/sshd.pid
AuthorizedKeysFile $SSHD/authorized_keys/%u
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM yes
ForceCommand echo "this host only forwards (the Slipway testbed's bastion)" >&2; exit 1
PermitTTY no
PermitUserRC no
AllowAgentForwarding no
AllowStreamLocalForwarding no
AllowTcpForwarding local
PermitListen none
PermitTunnel no
X11Forwarding no
PermitOpen $permit_open
PrintMotd no
MaxStartups 100:30:200
MaxSessions 50
EOF
run_sshd "the bastion's sshd" "$BASTION/sshd_config" "$BASTION/sshd.pid" "$BASTION_PORT" "$BASTION/sshd.log"

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

[ "$(http_status "http://$REGISTRY_AUTH/v2/")" = 401 ] ||
    die "http://$REGISTRY_AUTH/v2/ does not ask for a login (expected HTTP 401)."
[ "$(http_status -u "$REGISTRY_AUTH_USER:wrong-password" "http://$REGISTRY_AUTH/v2/")" = 401 ] ||
    die "http://$REGISTRY_AUTH/v2/ does not refuse a wrong password (expected HTTP 401)."
[ "$(http_status -u "$REGISTRY_AUTH_USER:$REGISTRY_AUTH_PASSWORD" "http://$REGISTRY_AUTH/v2/")" = 200 ] ||
    die "http://$REGISTRY_AUTH/v2/ does not accept $REGISTRY_AUTH_USER's login (expected HTTP 200)."
[ "$(http_status -I -u "$REGISTRY_AUTH_USER:$REGISTRY_AUTH_PASSWORD" \
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
    "http://$REGISTRY_AUTH/v2/slipway-fixture/postgres/manifests/15")" = 200 ] ||
    die "http://$REGISTRY_AUTH does not serve slipway-fixture/postgres:15 (it should share $REGISTRY's storage)."
info "registry with a login: 401 without it, 200 with it, same images"

# ssh -J hands -i and -o to the last hop only; a config file (-F) reaches both hops
checks=$(mktemp -d -t slipway-testbed-checks.XXXXXX)
trap 'rm -rf "$checks"' EXIT
client_config() { # KEY BATCHMODE(yes|no)
    cat <<EOF
IdentityFile $1
IdentitiesOnly yes
IdentityAgent none
UserKnownHostsFile $SSHD/known_hosts
GlobalKnownHostsFile /dev/null
StrictHostKeyChecking yes
PasswordAuthentication no
KbdInteractiveAuthentication no
BatchMode $2
ConnectTimeout 10
EOF
}
client_config "$SSHD/id_ed25519" yes >"$checks/key.conf"
client_config "$PASSKEY" no >"$checks/passphrase.conf"
JUMP=$SSH_USER@$SSH_HOST:$BASTION_PORT
out=$(timeout 30 ssh -F "$checks/key.conf" -J "$JUMP" -p "$SSH_PORT" "$SSH_USER@$SSH_HOST" 'id -un' </dev/null 2>&1) ||
    die "ssh -J $JUMP -p $SSH_PORT $SSH_USER@$SSH_HOST failed (logs: $BASTION/sshd.log, $STATE/sshd.log):" "$out"
[ "$out" = "$SSH_USER" ] || die "ssh -J through the bastion ran 'id -un' as '$out', not $SSH_USER."
if out=$(timeout 30 ssh -F "$checks/key.conf" -p "$BASTION_PORT" "$SSH_USER@$SSH_HOST" 'echo ran-on-the-bastion' \
    </dev/null 2>&1) || grep -q ran-on-the-bastion <<<"$out"; then
    die "the bastion ran a command; it must only forward." "$out"
fi
grep -q 'only forwards' <<<"$out" || die "the bastion refused the testbed key's login (expected it to log in and refuse the command):" "$out"
if out=$(timeout 30 ssh -F "$checks/key.conf" -p "$BASTION_PORT" -W "$REGISTRY" "$SSH_USER@$SSH_HOST" </dev/null 2>&1); then
    die "the bastion forwarded to $REGISTRY; it must forward only to $SSH_HOST:$SSH_PORT and 10.203.0.0/24 port 22."
fi
grep -q 'prohibited' <<<"$out" || die "ssh -W $REGISTRY through the bastion failed, but not as refused by PermitOpen:" "$out"
info "bastion: ssh -J $JUMP works; commands and other destinations are refused"

if ssh-keygen -y -P '' -f "$PASSKEY" >/dev/null 2>&1; then die "$PASSKEY opens without a passphrase."; fi
[ "$(ssh-keygen -y -P "$SSH_KEY_PASSPHRASE" -f "$PASSKEY" | cut -d' ' -f1-2)" = "$(cut -d' ' -f1-2 "$PASSKEY.pub")" ] ||
    die "$PASSKEY.pub does not belong to $PASSKEY."
printf '#!/bin/sh\necho %s\n' "$SSH_KEY_PASSPHRASE" >"$checks/askpass"
chmod 700 "$checks/askpass"
out=$(SSH_ASKPASS=$checks/askpass SSH_ASKPASS_REQUIRE=force timeout 30 ssh -F "$checks/passphrase.conf" -J "$JUMP" \
    -p "$SSH_PORT" "$SSH_USER@$SSH_HOST" 'id -un' </dev/null 2>&1) ||
    die "the key with a passphrase ($PASSKEY) does not log in through the bastion:" "$out"
[ "$out" = "$SSH_USER" ] || die "ssh -J with $PASSKEY ran 'id -un' as '$out', not $SSH_USER."
info "key with a passphrase: logs in on the bastion and the sshd"

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
ssh.key.passphrase.file=$PASSKEY
ssh.key.passphrase=$SSH_KEY_PASSPHRASE
bastion.host=$SSH_HOST
bastion.port=$BASTION_PORT
registry.auth=$REGISTRY_AUTH
registry.auth.user=$REGISTRY_AUTH_USER
registry.auth.password=$REGISTRY_AUTH_PASSWORD
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
