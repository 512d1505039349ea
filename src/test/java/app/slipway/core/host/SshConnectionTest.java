package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host keys, logins and the docker group, against the testbed's real sshd. */
class SshConnectionTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void testbedIsUp() {
        SshTestbed.requireSshd();
    }

    private static String hostPort() {
        return SshTestbed.host() + ":" + SshTestbed.port();
    }

    private static String unknownSentence(String fingerprint) {
        return "The host key of " + hostPort() + " is not known (ED25519 " + fingerprint
                + "). If that is your server's key, run again with --accept-new-host-key.";
    }

    // ---------------------------------------------------------------- host keys

    @Test
    void unknownHostKeyIsRefusedWithItsFingerprintAndNothingIsWritten() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "# mine\nexample.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKyoluUfdQ6fe42zTH98f92f6ajrkS4bUPOQDLtEg02B\n");
        byte[] before = Files.readAllBytes(knownHosts);
        var e = assertThrows(SlipwayException.class,
                () -> SshConnector.connect(SshTestbed.settings("root", knownHosts)));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals(unknownSentence(SshTestbed.serverFingerprint()), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(knownHosts));
    }

    @Test
    void unknownHostKeyWithoutKnownHostsFileCreatesNothing() throws Exception {
        Path knownHosts = tmp.resolve("no-such-dir/known_hosts");
        var e = assertThrows(SlipwayException.class,
                () -> SshConnector.connect(SshTestbed.settings("root", knownHosts)));
        assertEquals(unknownSentence(SshTestbed.serverFingerprint()), e.getMessage());
        assertFalse(Files.exists(knownHosts.getParent()));
    }

    @Test
    void acceptNewAddsExactlyOneLineThenConnectsStrictly() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        String mine = "# my hosts\nexample.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKyoluUfdQ6fe42zTH98f92f6ajrkS4bUPOQDLtEg02B";
        Files.writeString(knownHosts, mine); // no trailing newline: the new line must not be glued on
        SshSettings s = SshTestbed.settings("root", knownHosts).withAcceptNewHostKey(true);
        try (SshTarget t = SshTarget.connect(s)) {
            assertEquals("root", t.exec(Command.of("id", "-un")).stdout().strip());
        }
        List<String> lines = Files.readAllLines(knownHosts);
        assertEquals(3, lines.size(), lines.toString());
        assertEquals(mine, String.join("\n", lines.subList(0, 2)));
        assertEquals("[" + SshTestbed.host() + "]:" + SshTestbed.port() + " " + SshTestbed.serverPublicKey(), lines.get(2));
        // The line is one ssh itself accepts.
        assertEquals(SshTestbed.serverFingerprint(), SshTestbed.run("ssh-keygen", "-lf", knownHosts.toString())
                .lines().filter(l -> l.contains("[" + SshTestbed.host() + "]")).findFirst().orElseThrow().split("\\s+")[1]);

        // From now on the key is known: strict checking connects and writes nothing.
        byte[] after = Files.readAllBytes(knownHosts);
        try (SshTarget t = SshTarget.connect(s.withAcceptNewHostKey(false))) {
            assertTrue(t.exec(Command.of("true")).ok());
        }
        try (SshTarget t = SshTarget.connect(s)) {
            assertTrue(t.exec(Command.of("true")).ok());
        }
        assertArrayEquals(after, Files.readAllBytes(knownHosts));
    }

    @Test
    void acceptNewCreatesAMissingKnownHostsFile() throws Exception {
        Path knownHosts = tmp.resolve("home/.ssh/known_hosts");
        SshSettings s = SshTestbed.settings("root", knownHosts).withAcceptNewHostKey(true);
        SshConnector.connect(s).disconnect();
        assertEquals(List.of("[" + SshTestbed.host() + "]:" + SshTestbed.port() + " " + SshTestbed.serverPublicKey()),
                Files.readAllLines(knownHosts));
    }

    @Test
    void changedHostKeyIsAlwaysRefused() throws Exception {
        Path knownHosts = SshTestbed.copyOf(SshTestbed.wrongKnownHosts(), tmp);
        byte[] before = Files.readAllBytes(knownHosts);
        for (boolean accept : new boolean[] {false, true}) {
            SshSettings s = SshTestbed.settings("root", knownHosts).withAcceptNewHostKey(accept);
            var e = assertThrows(SlipwayException.class, () -> SshConnector.connect(s));
            assertEquals(ExitCode.REFUSED, e.exitCode());
            String fp = SshTestbed.serverFingerprint();
            assertEquals("The host key of " + hostPort() + " has changed: the server now shows ED25519 " + fp
                    + ", which may mean someone is intercepting the connection (man-in-the-middle); if you know the"
                    + " server's key was replaced, remove the old line with ssh-keygen -f " + knownHosts
                    + " -R '[" + SshTestbed.host() + "]:" + SshTestbed.port() + "' and connect again.", e.getMessage());
        }
        // A decision callback is not even asked about a changed key.
        List<HostKeyInfo> asked = new ArrayList<>();
        assertThrows(SlipwayException.class, () -> SshConnector.connect(SshTestbed.settings("root", knownHosts), k -> {
            asked.add(k);
            return true;
        }));
        assertEquals(List.of(), asked);
        assertArrayEquals(before, Files.readAllBytes(knownHosts));
    }

    @Test
    void checkHostKeyShowsTheFingerprintWithoutLoggingIn() throws Exception {
        String fp = SshTestbed.serverFingerprint();
        // Even a user that does not exist: nothing is attempted beyond the key exchange.
        Path missing = tmp.resolve("none");
        HostKeyCheck unknown = SshConnector.checkHostKey(SshSettings.of("nobody-at-all", SshTestbed.host(), SshTestbed.port())
                .withKnownHostsFile(missing));
        assertEquals(HostKeyCheck.Status.UNKNOWN, unknown.status());
        assertEquals(fp, unknown.key().fingerprint());
        assertEquals("ED25519", unknown.key().keyType());
        assertEquals("ED25519 " + fp, unknown.key().display());
        assertFalse(Files.exists(missing));

        Path good = SshTestbed.copyOf(SshTestbed.knownHosts(), Files.createDirectory(tmp.resolve("good")));
        assertEquals(HostKeyCheck.Status.KNOWN,
                SshConnector.checkHostKey(SshTestbed.settings("root", good)).status());
        Path wrong = SshTestbed.copyOf(SshTestbed.wrongKnownHosts(), Files.createDirectory(tmp.resolve("wrong")));
        HostKeyCheck changed = SshConnector.checkHostKey(SshTestbed.settings("root", wrong));
        assertEquals(HostKeyCheck.Status.CHANGED, changed.status());
        assertEquals(fp, changed.key().fingerprint());
    }

    @Test
    void decisionCallbackSeesTheKeyAndAcceptOnlyGuardsAgainstASwap() throws Exception {
        String fp = SshTestbed.serverFingerprint();
        Path knownHosts = tmp.resolve("known_hosts");
        List<HostKeyInfo> asked = new ArrayList<>();
        assertThrows(SlipwayException.class, () -> SshConnector.connect(SshTestbed.settings("root", knownHosts), k -> {
            asked.add(k);
            return false;
        }));
        assertEquals(1, asked.size());
        assertEquals(fp, asked.get(0).fingerprint());
        assertEquals(SshTestbed.port(), asked.get(0).port());
        assertFalse(Files.exists(knownHosts));

        var e = assertThrows(SlipwayException.class, () -> SshConnector.connect(SshTestbed.settings("root", knownHosts),
                HostKeyDecision.acceptOnly("SHA256:somethingElse")));
        assertEquals(unknownSentence(fp), e.getMessage());
        assertFalse(Files.exists(knownHosts));

        SshConnector.connect(SshTestbed.settings("root", knownHosts), HostKeyDecision.acceptOnly(fp)).disconnect();
        assertEquals(1, Files.readAllLines(knownHosts).size());
    }

    // ---------------------------------------------------------------- logins

    @Test
    void wrongKeyIsRefused() throws Exception {
        Path key = tmp.resolve("other_key");
        SshTestbed.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        Path knownHosts = SshTestbed.copyOf(SshTestbed.knownHosts(), Files.createDirectory(tmp.resolve("kh")));
        SshSettings s = SshTestbed.settings("root", knownHosts).withIdentityFile(key);
        var e = assertThrows(SlipwayException.class, () -> SshConnector.connect(s));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("SSH login as root@" + hostPort() + " was refused: check the user and key or password.",
                e.getMessage());
    }

    @Test
    void missingOrBrokenKeyFileIsBadInput() throws Exception {
        Path knownHosts = SshTestbed.copyOf(SshTestbed.knownHosts(), tmp);
        var missing = assertThrows(SlipwayException.class, () -> SshConnector.connect(
                SshTestbed.settings("root", knownHosts).withIdentityFile(tmp.resolve("nope"))));
        assertEquals(ExitCode.BAD_INPUT, missing.exitCode());
        assertEquals("The key file " + tmp.resolve("nope") + " does not exist.", missing.getMessage());
        Path junk = Files.writeString(tmp.resolve("junk"), "not a key\n");
        assertEquals(ExitCode.BAD_INPUT, assertThrows(SlipwayException.class, () -> SshConnector.connect(
                SshTestbed.settings("root", knownHosts).withIdentityFile(junk))).exitCode());
        Path locked = tmp.resolve("locked");
        SshTestbed.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "secret phrase", "-f", locked.toString());
        var e = assertThrows(SlipwayException.class, () -> SshConnector.connect(
                SshTestbed.settings("root", knownHosts).withIdentityFile(locked)));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertTrue(e.getMessage().contains("passphrase"), e.getMessage());
    }

    @Test
    void passwordLoginWorksAndWrongPasswordIsRefused() throws Exception {
        Path knownHosts = SshTestbed.copyOf(SshTestbed.knownHosts(), tmp);
        String user = SshTestbed.dockerUser();
        SshSettings s = SshSettings.of(user, SshTestbed.host(), SshTestbed.port()).withKnownHostsFile(knownHosts)
                .withUseAgent(false).withPassword(SshTestbed.password());
        try (SshTarget t = SshTarget.connect(s)) {
            assertEquals(user, t.exec(Command.of("id", "-un")).stdout().strip());
            assertEquals("/home/" + user, t.absolute("~"));
            // In the docker group: the engine answers.
            assertEquals("OK", TargetContract.ping(t.engineSocket()));
        }
        var e = assertThrows(SlipwayException.class,
                () -> SshConnector.connect(s.withPassword("wrong-password".toCharArray())));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("SSH login as " + user + "@" + hostPort() + " was refused: check the user and key or password.",
                e.getMessage());
        assertFalse(s.toString().contains(new String(SshTestbed.password())), s.toString());
    }

    @Test
    void agentKeysAreUsed() throws Exception {
        Path sock = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(sock); i++) Thread.sleep(50);
            Path key = tmp.resolve("key");
            Files.copy(SshTestbed.key(), key);
            Files.setPosixFilePermissions(key, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            ProcessBuilder adding = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
            adding.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process added = adding.start();
            String out = new String(added.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(added.waitFor(30, TimeUnit.SECONDS));
            assertEquals(0, added.exitValue(), out);
            Path knownHosts = SshTestbed.copyOf(SshTestbed.knownHosts(), Files.createDirectory(tmp.resolve("kh")));
            SshSettings s = SshSettings.of("root", SshTestbed.host(), SshTestbed.port()).withKnownHostsFile(knownHosts);
            SshConnector.connect(s, HostKeyDecision.REFUSE, sock.toString()).disconnect();
            // Without the agent there is no key at all.
            var e = assertThrows(SlipwayException.class,
                    () -> SshConnector.connect(s.withUseAgent(false), HostKeyDecision.REFUSE, sock.toString()));
            assertTrue(e.getMessage().startsWith("SSH login as root@"), e.getMessage());
        } finally {
            agent.destroy();
        }
    }

    // ---------------------------------------------------------------- docker group, reachability

    @Test
    void userWithoutDockerGroupIsToldSo() throws Exception {
        Path knownHosts = SshTestbed.copyOf(SshTestbed.knownHosts(), tmp);
        String user = SshTestbed.noDockerUser();
        String socket = SshTestbed.dockerSocketPath();
        SshSettings s = SshTestbed.settings(user, knownHosts);
        try (SshTarget t = new SshTarget(SshConnector.connect(s), s, socket)) {
            var e = assertThrows(SlipwayException.class, () -> t.engineSocket().open());
            assertEquals(ExitCode.REFUSED, e.exitCode());
            assertEquals("User " + user + " may not use the Docker socket " + socket + ": add it to the docker group"
                    + " (sudo usermod -aG docker " + user + ") and log in again.", e.getMessage());
            // The session is still usable afterwards.
            assertEquals(user, t.exec(Command.of("id", "-un")).stdout().strip());
        }
    }

    @Test
    void unreachablePortIsRefused() throws Exception {
        int port = freePort();
        SshSettings s = SshSettings.of("root", SshTestbed.host(), port).withIdentityFile(SshTestbed.key())
                .withKnownHostsFile(tmp.resolve("kh")).withUseAgent(false);
        var e = assertThrows(SlipwayException.class, () -> SshConnector.connect(s));
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("Cannot reach " + SshTestbed.host() + ":" + port + ": connection refused.", e.getMessage());
        assertEquals("Cannot reach " + SshTestbed.host() + ":" + port + ": connection refused.",
                assertThrows(SlipwayException.class, () -> SshConnector.checkHostKey(s)).getMessage());
    }

    /** 2223 as in the brief when it is free, else another closed port on loopback. */
    private static int freePort() throws IOException {
        try (var s = new ServerSocket(2223, 1, InetAddress.getByName(SshTestbed.host()))) {
            return 2223;
        } catch (IOException busy) {
            try (var s = new ServerSocket(0, 1, InetAddress.getByName(SshTestbed.host()))) {
                return s.getLocalPort();
            }
        }
    }

    @Test
    void silentServerTimesOut() throws Exception {
        try (var silent = new ServerSocket(0, 1, InetAddress.getByName(SshTestbed.host()))) {
            SshSettings s = SshSettings.of("root", SshTestbed.host(), silent.getLocalPort())
                    .withKnownHostsFile(tmp.resolve("kh")).withUseAgent(false);
            long start = System.nanoTime();
            var e = assertThrows(SlipwayException.class, () -> SshConnector.connect(s));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertEquals("Cannot reach " + SshTestbed.host() + ":" + silent.getLocalPort()
                    + ": no answer within 10 seconds.", e.getMessage());
            assertTrue(seconds >= 9 && seconds < 30, "took " + seconds + " s");
        }
    }
}
