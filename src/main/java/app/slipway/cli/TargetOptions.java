package app.slipway.cli;

import app.slipway.core.Connection;
import app.slipway.core.host.Target;
import app.slipway.core.host.Targets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The TARGET options of README §The CLI, shared by every command that works on a stack. */
public final class TargetOptions {
    @Option(names = "--host", paramLabel = "TARGET", defaultValue = "local",
            description = "local (default; honours DOCKER_HOST),%nssh://USER@HOST[:PORT], or%nssh://ALIAS (a Host in ~/.ssh/config, with its%nProxyJump/ProxyCommand, keys and known_hosts).")
    String host;

    @Option(names = "--identity", paramLabel = "KEYFILE",
            description = "Private key for SSH (ed25519, ecdsa or rsa), also%nfor jump hosts. After ssh-agent's keys; without it:%nthe IdentityFile lines of ~/.ssh/config, else%n~/.ssh/id_ed25519, id_ecdsa or id_rsa. A passphrase%nis asked on the terminal; scripts set%nSLIPWAY_SSH_PASSPHRASE (or SLIPWAY_SSH_PASSWORD).")
    Path identity;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "known_hosts file to check the server's key (and every%njump host's) against (default ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-new-host-key",
            description = "Trust and record the server's key when it is not yet in known_hosts. A changed key is always refused.")
    boolean acceptNewHostKey;

    /** The target part of a command line to paste into a hint ("--host ssh://…"), null for local. */
    String hostOption() {
        return host == null || host.equals("local") ? null : "--host " + host;
    }

    /** Opens the target and checks its engine and Compose (README §How an upgrade works step 1). */
    public Connection connect() {
        return Connection.open(openTarget());
    }

    Target openTarget() {
        return Targets.open(host, identity, knownHosts, acceptNewHostKey);
    }
}
