package app.slipway.core.host;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A server's host key as a person checks it: {@code ED25519 SHA256:…}, exactly like OpenSSH's
 * {@code ssh-keygen -lf} shows it.
 *
 * @param host the host as connected to
 * @param port the port as connected to
 * @param algorithm the key's SSH name, e.g. {@code ssh-ed25519}
 * @param fingerprint {@code SHA256:} + unpadded base64 of the SHA-256 of the key blob
 * @param publicKey the key blob, base64 (as in a known_hosts line)
 * @param knownHostsFile the file the key was checked against
 */
public record HostKeyInfo(String host, int port, String algorithm, String fingerprint, String publicKey,
        Path knownHostsFile) {

    public static HostKeyInfo of(String host, int port, byte[] keyBlob, Path knownHostsFile) {
        return new HostKeyInfo(host, port, algorithmOf(keyBlob), fingerprint(keyBlob),
                Base64.getEncoder().encodeToString(keyBlob), knownHostsFile);
    }

    /** OpenSSH's short key type: ED25519, RSA, ECDSA, DSA, ED448. */
    public String keyType() {
        return keyType(algorithm);
    }

    /** "ED25519 SHA256:…", the way the messages and the wizard show a key. */
    public String display() {
        return keyType() + " " + fingerprint;
    }

    /** "host:port" (IPv6 literals in brackets). */
    public String hostPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** The host as OpenSSH writes it in known_hosts: {@code host} on port 22, else {@code [host]:port}. */
    public String knownHostsName() {
        return knownHostsName(host, port);
    }

    /** The line ssh would add to known_hosts for this key. */
    public String knownHostsLine() {
        return knownHostsName() + " " + algorithm + " " + publicKey;
    }

    static String knownHostsName(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    public static String fingerprint(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The algorithm name at the start of an SSH public key blob. */
    static String algorithmOf(byte[] blob) {
        if (blob.length < 4) return "unknown";
        int len = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (len <= 0 || len > blob.length - 4) return "unknown";
        return new String(blob, 4, len, StandardCharsets.US_ASCII);
    }

    static String keyType(String algorithm) {
        return switch (algorithm) {
            case "ssh-ed25519" -> "ED25519";
            case "ssh-ed448" -> "ED448";
            case "ssh-rsa", "rsa-sha2-256", "rsa-sha2-512" -> "RSA";
            case "ssh-dss" -> "DSA";
            default -> algorithm.startsWith("ecdsa-") ? "ECDSA" : algorithm.toUpperCase(Locale.ROOT);
        };
    }
}
