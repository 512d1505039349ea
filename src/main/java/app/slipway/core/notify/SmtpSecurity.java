package app.slipway.core.notify;

/** How an SMTP session is protected (README "Notifications"). */
public enum SmtpSecurity {
    /** TLS from the first byte, as SMTPS on port 465 speaks it. */
    TLS(465),
    /** A plain greeting, then STARTTLS before anything else is said (submission, port 587). */
    STARTTLS(587),
    /** No TLS at all: a local relay; no password is ever sent. */
    NONE(25);

    /** The port a server with this security listens on unless notify.yml says otherwise. */
    public final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }
}
