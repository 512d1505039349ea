package app.slipway.gui.connect;

import app.slipway.core.host.HostKeyInfo;

/** How to check a shown fingerprint on the server itself, for the key type the server offered. */
final class HostKeyHint {
    private HostKeyHint() {}

    static String howToCompare(HostKeyInfo key) {
        String file = switch (key.keyType()) {
            case "ED25519" -> "ssh_host_ed25519_key.pub";
            case "ECDSA" -> "ssh_host_ecdsa_key.pub";
            case "RSA" -> "ssh_host_rsa_key.pub";
            default -> "ssh_host_*_key.pub";
        };
        return "To be sure it is your server, compare it with what the server itself prints for "
                + "ssh-keygen -lf /etc/ssh/" + file + " (from its console or a session you already trust).";
    }
}
