package app.slipway.gui.connect;

/** How the SSH login proves who the user is. */
public enum AuthKind {
    /** A private key file (ed25519, ECDSA or RSA, without passphrase or loaded in the agent). */
    KEY_FILE,
    /** The keys of the running ssh-agent (SSH_AUTH_SOCK), plus ~/.ssh/id_* as ssh does. */
    AGENT,
    /** A password typed on the page; kept only for the one login attempt. */
    PASSWORD
}
