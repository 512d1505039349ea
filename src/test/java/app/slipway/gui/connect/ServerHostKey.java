package app.slipway.gui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The testbed sshd's host key fingerprint as OpenSSH's own tools print it (independent of Slipway). */
final class ServerHostKey {
    private ServerHostKey() {}

    /** {@code ssh-keyscan -t TYPE | ssh-keygen -lf -}: "SHA256:…" for the key of that SSH algorithm. */
    static String fingerprint(Testbed tb, String algorithm) throws Exception {
        String type = algorithm.equals("ssh-ed25519") ? "ed25519"
                : algorithm.startsWith("ecdsa-") ? "ecdsa"
                : algorithm.startsWith("rsa-") || algorithm.equals("ssh-rsa") ? "rsa" : algorithm;
        Process p = new ProcessBuilder("sh", "-c", "ssh-keyscan -t " + type + " -p " + tb.sshPort() + " "
                + tb.sshHost() + " 2>/dev/null | ssh-keygen -lf -").start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ssh-keyscan did not finish");
        assertEquals(0, p.exitValue(), "ssh-keyscan | ssh-keygen -lf - failed: " + out);
        // "256 SHA256:… [127.0.0.1]:2222 (ED25519)"
        String fp = out.split("\\s+")[1];
        assertTrue(fp.startsWith("SHA256:"), "unexpected ssh-keygen output: " + out);
        return fp;
    }
}
