package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyInfoTest {
    @Test
    void fingerprintMatchesOpenSsh(@TempDir Path tmp) throws Exception {
        for (String type : new String[] {"ed25519", "rsa", "ecdsa"}) {
            Path key = tmp.resolve("k_" + type);
            SshTestbed.run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString());
            String pub = Files.readString(Path.of(key + ".pub")).trim();
            String[] f = pub.split("\\s+");
            byte[] blob = Base64.getDecoder().decode(f[1]);
            String[] expected = SshTestbed.run("ssh-keygen", "-lf", key + ".pub").trim().split("\\s+");
            HostKeyInfo info = HostKeyInfo.of("h", 22, blob, tmp.resolve("kh"));
            assertEquals(expected[1], info.fingerprint());
            assertEquals(expected[expected.length - 1], "(" + info.keyType() + ")");
            assertEquals(f[0], info.algorithm());
            assertEquals("h " + f[0] + " " + f[1], info.knownHostsLine());
        }
    }

    @Test
    void knownHostsNames() {
        assertEquals("example.org", HostKeyInfo.knownHostsName("example.org", 22));
        assertEquals("[127.0.0.1]:2222", HostKeyInfo.knownHostsName("127.0.0.1", 2222));
    }
}
