package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.testbed.Testbed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's ssh config against the testbed's real sshd and its bastion (an sshd on another port
 * that only forwards), and the testbed's key with a passphrase.
 */
class SshJumpAndPassphraseTest {
    @TempDir
    Path tmp;

    private final Testbed tb = Testbed.require();

    @AfterEach
    void forgetPassphrases() {
        SshPassphrases.clear();
        SshPassphrases.askWith(null);
        SshPassphrases.environment = System::getenv;
    }

    /** An ssh config with the target behind the bastion, logging in with {@code key}. */
    private Path config(Path key, Path knownHosts, String extra) throws Exception {
        Path f = tmp.resolve("config");
        Files.writeString(f, """
                Host target
                  HostName %s
                  Port %d
                  User root
                  ProxyJump gate
                %s
                Host gate
                  HostName %s
                  Port %d
                  User root
                Host *
                  IdentityFile %s
                  UserKnownHostsFile %s
                  IdentityAgent none
                """.formatted(tb.sshHost(), tb.sshPort(), extra, tb.bastionHost(), tb.bastionPort(), key, knownHosts));
        return f;
    }

    @Test
    void proxyJumpGoesThroughTheBastionAndReachesTheEngine() throws Exception {
        SshSettings s = SshSettings.parse("ssh://target", config(tb.sshKey(), tb.knownHosts(), ""));
        assertEquals("root@" + tb.sshHost() + ":" + tb.sshPort() + " via root@" + tb.bastionHost() + ":" + tb.bastionPort(),
                s.destination());
        try (SshTarget t = SshTarget.connect(s)) {
            assertEquals("root", t.exec(Command.of("id", "-un")).stdout().strip());
            // the engine socket through the same inner session (direct-streamlocal inside the jump)
            var engine = app.slipway.core.engine.DockerEngine.connect(t.engineSocket(), t.describe());
            assertTrue(engine.version().apiVersion().matches("1\\.[0-9]+"), engine.version().apiVersion());
        }
        // the bastion itself runs nothing: the target's commands really ran on the target
        var onGate = SshTestbed.run("sh", "-c", "ssh -F " + config(tb.sshKey(), tb.knownHosts(), "")
                + " -o BatchMode=yes gate true 2>&1; true");
        assertTrue(onGate.contains("only forwards"), onGate);
    }

    @Test
    void aFleetNodeInItsOwnNetworkIsReachedOnlyThroughTheBastion() throws Exception {
        var fleet = app.slipway.testbed.FleetTestbed.require();
        Path f = tmp.resolve("config");
        Files.writeString(f, """
                Host node1
                  HostName %s
                  User root
                  ProxyJump root@%s:%d
                  UserKnownHostsFile %s
                Host %s
                  UserKnownHostsFile %s
                Host *
                  IdentityFile %s
                  IdentityAgent none
                """.formatted(fleet.address(1), tb.bastionHost(), tb.bastionPort(), fleet.knownHosts(),
                tb.bastionHost(), tb.knownHosts(), tb.sshKey()));
        try (SshTarget t = SshTarget.connect(SshSettings.parse("ssh://node1", f))) {
            // the node's own engine (its sshd's DOCKER_HOST), through the jump
            assertEquals(fleet.dockerHost(1),
                    t.exec(Command.of("printenv", "DOCKER_HOST")).stdout().strip());
            assertTrue(t.exec(Command.of("ip", "-4", "addr")).stdout().contains(fleet.address(1)),
                    "the commands ran on the node");
        }
    }

    @Test
    void theBastionsHostKeyIsCheckedLikeTheTargets() throws Exception {
        Path known = tmp.resolve("known_hosts");
        // the target's line only: the bastion is unknown
        Files.write(known, Files.readAllLines(tb.knownHosts()).stream().filter(l -> !l.contains(":" + tb.bastionPort())).toList());
        SshSettings s = SshSettings.parse("ssh://target", config(tb.sshKey(), known, ""));
        var e = assertThrows(SlipwayException.class, () -> SshTarget.connect(s).close());
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().startsWith("The host key of " + tb.bastionHost() + ":" + tb.bastionPort() + " is not known"),
                e.getMessage());
        // the wizard's first look shows the bastion's key, the first unknown one on the way
        HostKeyCheck first = SshConnector.checkHostKey(s);
        assertEquals(HostKeyCheck.Status.UNKNOWN, first.status());
        assertEquals(tb.bastionHost() + ":" + tb.bastionPort(), first.key().hostPort());
    }

    @Test
    void proxyCommandCarriesTheConnection() throws Exception {
        Path f = tmp.resolve("config");
        Files.writeString(f, """
                Host viaproxy
                  HostName %s
                  Port %d
                  User root
                  IdentityFile %s
                  UserKnownHostsFile %s
                  ProxyCommand socat - TCP:%%h:%%p
                """.formatted(tb.sshHost(), tb.sshPort(), tb.sshKey(), tb.knownHosts()));
        try (SshTarget t = SshTarget.connect(SshSettings.parse("ssh://viaproxy", f))) {
            assertEquals("root", t.exec(Command.of("id", "-un")).stdout().strip());
        }
        Files.writeString(f, Files.readString(f).replace("socat - TCP:%h:%p", "socat - TCP:127.0.0.1:1"));
        var e = assertThrows(SlipwayException.class, () -> SshTarget.connect(SshSettings.parse("ssh://viaproxy", f)).close());
        assertTrue(e.getMessage().contains("through the proxy command socat - TCP:127.0.0.1:1 failed"), e.getMessage());
    }

    @Test
    void aKeyWithAPassphraseIsAskedForOnceForEveryHopAndConnection() throws Exception {
        List<Path> asked = new ArrayList<>();
        SshPassphrases.askWith((key, again) -> {
            asked.add(key);
            return Optional.of(tb.keyPassphrase().toCharArray());
        });
        SshSettings s = SshSettings.parse("ssh://target", config(tb.passphraseKey(), tb.knownHosts(), ""));
        try (SshTarget t = SshTarget.connect(s)) {
            assertEquals("root", t.exec(Command.of("id", "-un")).stdout().strip());
        }
        try (SshTarget again = SshTarget.connect(s)) {
            assertEquals("root", again.exec(Command.of("id", "-un")).stdout().strip());
        }
        assertEquals(List.of(tb.passphraseKey()), asked, "asked once: the bastion, the target and the second run share it");
    }

    @Test
    void aWrongPassphraseIsAskedAgainThenOneSentence() throws Exception {
        List<Boolean> agains = new ArrayList<>();
        SshPassphrases.askWith((key, again) -> {
            agains.add(again);
            return Optional.of("not-it".toCharArray());
        });
        SshSettings direct = SshSettings.parse("ssh://target", config(tb.passphraseKey(), tb.knownHosts(), "  ProxyJump none"));
        var e = assertThrows(SlipwayException.class, () -> SshTarget.connect(direct).close());
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertTrue(e.getMessage().contains("the passphrase for " + tb.passphraseKey() + " was wrong 3 times"), e.getMessage());
        assertEquals(List.of(false, true, true), agains);
        assertTrue(!e.getMessage().contains("not-it"), "the passphrase is never in a message");
    }

    @Test
    void scriptsGiveThePassphraseInTheEnvironmentAndNobodyIsAsked() throws Exception {
        SshPassphrases.askWith((key, again) -> {
            throw new AssertionError("asked although SLIPWAY_SSH_PASSPHRASE is set");
        });
        SshPassphrases.environment = Map.of(SshPassphrases.ENVIRONMENT, tb.keyPassphrase())::get;
        SshSettings direct = SshSettings.parse("ssh://target", config(tb.passphraseKey(), tb.knownHosts(), "  ProxyJump none"));
        try (SshTarget t = SshTarget.connect(direct)) {
            assertEquals("root", t.exec(Command.of("id", "-un")).stdout().strip());
        }
        SshPassphrases.clear();
        SshPassphrases.environment = Map.of(SshPassphrases.ENVIRONMENT, "wrong")::get;
        var e = assertThrows(SlipwayException.class, () -> SshTarget.connect(direct).close());
        assertTrue(e.getMessage().contains("the passphrase in SLIPWAY_SSH_PASSPHRASE does not open the key"), e.getMessage());
    }

    @Test
    void withNobodyToAskTheSentenceSaysWhatToDo() throws Exception {
        SshPassphrases.askWith(null);
        SshPassphrases.environment = k -> null;
        SshSettings direct = SshSettings.parse("ssh://target", config(tb.passphraseKey(), tb.knownHosts(), "  ProxyJump none"));
        var e = assertThrows(SlipwayException.class, () -> SshTarget.connect(direct).close());
        assertTrue(e.getMessage().contains("has a passphrase and there is nobody to ask for it: set SLIPWAY_SSH_PASSPHRASE"
                + " or load the key into ssh-agent"), e.getMessage());
    }
}
