package app.slipway.gui.connect;

import java.util.Objects;

/**
 * A target the user connected to before, as remembered in recent-targets.json. Holds how to reach
 * it and never a password.
 *
 * @param keyFile        the key file path as given, or null
 * @param knownHostsFile the known_hosts file used, or null for the default
 */
public record RecentTarget(ConnectMode mode, String user, String host, int port, AuthKind auth, String keyFile,
                           String knownHostsFile) {

    public static RecentTarget local() {
        return new RecentTarget(ConnectMode.LOCAL, null, null, 0, null, null, null);
    }

    /** Whether the entry can be used at all (a hand-edited or damaged file may hold anything). */
    public boolean isUsable() {
        if (mode == ConnectMode.LOCAL) return true;
        return mode == ConnectMode.SSH && user != null && !user.isBlank() && host != null && !host.isBlank()
                && port >= 1 && port <= 65535 && auth != null;
    }

    /** Two entries for the same place: one replaces the other in the list. */
    public boolean sameTargetAs(RecentTarget other) {
        if (mode != other.mode) return false;
        if (mode == ConnectMode.LOCAL) return true;
        return Objects.equals(user, other.user) && Objects.equals(host, other.host) && port == other.port;
    }

    /** What the recent list shows: "This computer" or "slipway@server:22 · key file". */
    public String label() {
        if (mode == ConnectMode.LOCAL) return "This computer (local Docker)";
        String where = user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        String how = switch (auth) {
            case KEY_FILE -> "key file";
            case AGENT -> "ssh-agent";
            case PASSWORD -> "password";
        };
        return where + " · " + how;
    }

    @Override
    public String toString() {
        return label();
    }
}
