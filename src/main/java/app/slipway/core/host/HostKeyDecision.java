package app.slipway.core.host;

/**
 * Decides about a host key that known_hosts does not list yet (first contact). A changed key is
 * never put to a decision: it is always refused. Called on the connecting thread, during the key
 * exchange; a GUI may block here while it asks the user (the server waits up to its
 * LoginGraceTime, two minutes by default).
 */
@FunctionalInterface
public interface HostKeyDecision {
    /** True adds the key to the known_hosts file and continues; false refuses the connection. */
    boolean trust(HostKeyInfo key);

    /** Refuse every unknown key (the default, strict checking). */
    HostKeyDecision REFUSE = key -> false;

    /** Trust an unknown key on first contact ({@code --accept-new-host-key}). */
    HostKeyDecision ACCEPT_NEW = key -> true;

    /**
     * Trust only the key the user already saw and confirmed (e.g. from
     * {@link SshConnector#checkHostKey}), so a key swapped in between is still refused.
     */
    static HostKeyDecision acceptOnly(String fingerprint) {
        return key -> key.fingerprint().equals(fingerprint);
    }
}
