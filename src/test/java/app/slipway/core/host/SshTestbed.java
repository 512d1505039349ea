package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The testbed's sshd and docker socket, as the target tests use them. Fails (never skips) when down. */
final class SshTestbed {
    private SshTestbed() {}

    private static Testbed tb() {
        return Testbed.require();
    }

    static String host() {
        return tb().sshHost();
    }

    static int port() {
        return tb().sshPort();
    }

    static Path key() {
        return tb().sshKey();
    }

    static Path knownHosts() {
        return tb().knownHosts();
    }

    static Path wrongKnownHosts() {
        return tb().wrongKnownHosts();
    }

    static char[] password() {
        return tb().password().toCharArray();
    }

    static String dockerUser() {
        return tb().dockerUser();
    }

    static String noDockerUser() {
        return tb().nodockerUser();
    }

    static String dockerHost() {
        return tb().dockerHost();
    }

    static String dockerSocketPath() {
        return tb().dockerSocket().toString();
    }

    /** Fails with a clear message when the testbed (its sshd included) does not answer. */
    static void requireSshd() {
        tb();
    }

    /** A copy of the testbed's known_hosts (or another file) in a test's own directory. */
    static Path copyOf(Path source, Path dir) throws IOException {
        Path copy = dir.resolve("known_hosts");
        Files.copy(source, copy);
        return copy;
    }

    /** Settings for {@code user} logging in with the testbed key, checked against {@code knownHosts}. */
    static SshSettings settings(String user, Path knownHosts) {
        return SshSettings.of(user, host(), port()).withIdentityFile(key()).withKnownHostsFile(knownHosts)
                .withUseAgent(false);
    }

    /** The server's host key fingerprint as OpenSSH's own ssh-keygen prints it. */
    static String serverFingerprint() throws Exception {
        String line = run("sh", "-c", "ssh-keyscan -t ed25519 -p " + port() + " " + host()
                + " 2>/dev/null | ssh-keygen -lf -");
        // "256 SHA256:… comment (ED25519)"
        return line.split("\\s+")[1];
    }

    /** The server's public host key, as ssh-keyscan shows it: "ssh-ed25519 AAAA…". */
    static String serverPublicKey() throws Exception {
        String out = run("ssh-keyscan", "-t", "ed25519", "-p", String.valueOf(port()), host());
        for (String line : out.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.trim().split("\\s+");
            return f[1] + " " + f[2];
        }
        throw new AssertionError("ssh-keyscan showed no key: " + out);
    }

    static String run(String... argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(false).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", argv) + " did not finish");
        }
        assertEquals(0, p.exitValue(), () -> String.join(" ", argv) + " failed: " + out);
        return out;
    }
}
