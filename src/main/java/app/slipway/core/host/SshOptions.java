package app.slipway.core.host;

import java.nio.file.Path;
import java.util.List;

/**
 * What the user's ssh config adds to {@code user@host:port} (README "SSH"): the way there (jump
 * hosts, or a proxy command), and the keys to log in with.
 *
 * @param alias          the name the user gave (a Host of ~/.ssh/config), shown beside the resolved destination
 * @param jumps          the hosts to go through, first one first ({@code ProxyJump}); each checked and logged into
 *                       like the target
 * @param proxyCommand   a command whose stdin/stdout is the connection ({@code ProxyCommand}), tokens unexpanded, or null
 * @param identityFiles  keys named by the config ({@code IdentityFile}, missing ones skipped like ssh does)
 * @param identitiesOnly offer only those keys, also from the agent ({@code IdentitiesOnly yes})
 * @param identityAgent  the agent to ask ({@code IdentityAgent}): null for SSH_AUTH_SOCK, "none", or a socket/pipe path
 */
public record SshOptions(String alias, List<SshSettings> jumps, String proxyCommand, List<Path> identityFiles,
                         boolean identitiesOnly, String identityAgent) {
    public static final SshOptions NONE = new SshOptions(null, List.of(), null, List.of(), false, null);

    public SshOptions {
        jumps = List.copyOf(jumps);
        identityFiles = List.copyOf(identityFiles);
    }

    SshOptions withJumps(List<SshSettings> j) {
        return new SshOptions(alias, j, proxyCommand, identityFiles, identitiesOnly, identityAgent);
    }

    /** "via deploy@bastion:22", "via proxy command nc …", or "" for a direct connection. */
    public String path() {
        if (!jumps.isEmpty()) {
            return "via " + String.join(" → ", jumps.stream().map(j -> j.user() + "@" + j.hostPort()).toList());
        }
        return proxyCommand == null ? "" : "via the proxy command " + proxyCommand;
    }
}
