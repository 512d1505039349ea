package app.slipway.core.host;

import app.slipway.core.SlipwayException;
import java.nio.file.Path;

/** Opens a target from how a user names it: {@code local}, or {@code ssh://USER@HOST[:PORT]} (or a Host alias). */
public final class Targets {
    private Targets() {}

    /**
     * @param identity   a private key for SSH, or null
     * @param knownHosts the known_hosts file to check the server's key against, or null for the default
     * @param acceptNew  trust and record a server key that is not yet known (a changed key is always refused)
     */
    public static Target open(String host, Path identity, Path knownHosts, boolean acceptNew) {
        if (host == null || host.equals("local")) {
            if (identity != null || knownHosts != null || acceptNew) {
                throw SlipwayException.badInput("--identity, --known-hosts and --accept-new-host-key only apply with --host ssh://USER@HOST.");
            }
            return new LocalTarget();
        }
        if (!host.startsWith("ssh://")) {
            throw SlipwayException.badInput("--host must be 'local' or ssh://USER@HOST[:PORT], not '" + host + "'.");
        }
        SshSettings settings = SshSettings.parse(host)
                .withIdentityFile(identity)
                .withKnownHostsFile(knownHosts)
                .withAcceptNewHostKey(acceptNew)
                .withPassword(passwordFromEnvironment());
        return SshTarget.connect(settings);
    }

    /** The target part of a command line the user can paste ("--host ssh://…"), null for the local engine. */
    public static String hostOption(Target host) {
        return host.isRemote() ? "--host " + host.describe() : null;
    }

    /** Scripts can log in by password through SLIPWAY_SSH_PASSWORD; it is never echoed. */
    private static char[] passwordFromEnvironment() {
        String value = System.getenv("SLIPWAY_SSH_PASSWORD");
        return value == null || value.isEmpty() ? null : value.toCharArray();
    }
}
