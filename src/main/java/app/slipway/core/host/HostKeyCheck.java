package app.slipway.core.host;

/** What known_hosts says about the key a server showed, found without logging in. */
public record HostKeyCheck(Status status, HostKeyInfo key) {
    public enum Status {
        /** known_hosts lists this key for the host. */
        KNOWN,
        /** known_hosts has no key of this type for the host: first contact. */
        UNKNOWN,
        /** known_hosts has a different key for the host: refused, possibly an attack. */
        CHANGED
    }
}
