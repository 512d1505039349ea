package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshSettingsTest {
    @TempDir
    Path tmp;

    private SshSettings parse(String uri) {
        return SshSettings.parse(uri, tmp.resolve("no-config"));
    }

    @Test
    void parsesUserHostAndPort() {
        SshSettings s = parse("ssh://root@127.0.0.1:2222");
        assertEquals("root", s.user());
        assertEquals("127.0.0.1", s.host());
        assertEquals(2222, s.port());
        assertNull(s.identityFile());
        assertNull(s.password());
        assertFalse(s.acceptNewHostKey());
        assertTrue(s.useAgent());
        assertEquals(Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"), s.knownHostsFile());
        assertEquals("ssh://root@127.0.0.1:2222", s.uri());

        SshSettings d = parse("ssh://deploy@example.org");
        assertEquals(22, d.port());
        assertEquals("example.org", d.host());
        assertEquals("ssh://deploy@example.org:22", d.uri());

        SshSettings v6 = parse("ssh://root@[::1]:2200/");
        assertEquals("::1", v6.host());
        assertEquals(2200, v6.port());
        assertEquals("[::1]:2200", v6.hostPort());
    }

    @Test
    void badSyntaxIsBadInput() {
        for (String bad : new String[] {"root@host", "http://root@host", "ssh://", "ssh://root@", "ssh://root@host:0",
                "ssh://root@host:70000", "ssh://root@host:22x", "ssh://root@host/path", "ssh://root@ho st",
                "ssh://root@host?x=1", "ssh://@host", "ssh://root@[::1", "ssh://ro ot@host"}) {
            var e = assertThrows(SlipwayException.class, () -> parse(bad), bad);
            assertEquals(ExitCode.BAD_INPUT, e.exitCode(), bad);
        }
        var pw = assertThrows(SlipwayException.class, () -> parse("ssh://root:hunter2@host"));
        assertFalse(pw.getMessage().contains("hunter2"), pw.getMessage());
    }

    @Test
    void resolvesSshConfigAliases() throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config, """
                Host box
                  HostName 10.0.0.5
                  User deploy
                  Port 2202
                  IdentityFile ~/.ssh/box_key
                  UserKnownHostsFile /etc/slipway/known
                Host *
                  User fallback
                """);
        SshSettings s = SshSettings.parse("ssh://box", config);
        assertEquals("deploy", s.user());
        assertEquals("10.0.0.5", s.host());
        assertEquals(2202, s.port());
        assertEquals(List.of(Path.of(System.getProperty("user.home"), ".ssh", "box_key")), s.options().identityFiles());
        assertEquals(Path.of("/etc/slipway/known"), s.knownHostsFile());

        // What the URI says wins over the config.
        SshSettings explicit = SshSettings.parse("ssh://admin@box:22", config);
        assertEquals("admin", explicit.user());
        assertEquals(22, explicit.port());
        assertEquals("10.0.0.5", explicit.host());

        SshSettings other = SshSettings.parse("ssh://other.example", config);
        assertEquals("fallback", other.user());
        assertEquals("other.example", other.host());
        assertEquals(22, other.port());
    }

    @Test
    void withersAndSecretFreeToString() {
        SshSettings s = parse("ssh://root@h").withPassword("hunter2".toCharArray()).withAcceptNewHostKey(true)
                .withIdentityFile(Path.of("/k")).withKnownHostsFile(Path.of("/kh")).withUseAgent(false);
        assertTrue(s.acceptNewHostKey());
        assertEquals(Path.of("/k"), s.identityFile());
        assertEquals(Path.of("/kh"), s.knownHostsFile());
        assertFalse(s.useAgent());
        assertEquals("hunter2", new String(s.password()));
        assertFalse(s.toString().contains("hunter2"), s.toString());
    }
}
