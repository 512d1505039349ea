package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract over a real SSH session to the testbed's sshd, as root with the testbed key. */
class SshTargetTest extends TargetContract {
    private Path knownHostsDir;

    @Override
    Target open() throws Exception {
        SshTestbed.requireSshd();
        knownHostsDir = Files.createTempDirectory("slipway-ssh-test");
        Path knownHosts = SshTestbed.copyOf(SshTestbed.knownHosts(), knownHostsDir);
        SshSettings s = SshTestbed.settings("root", knownHosts);
        return new SshTarget(SshConnector.connect(s), s, SshTestbed.dockerSocketPath());
    }

    @Test
    void describesItself() {
        assertEquals("ssh://root@" + SshTestbed.host() + ":" + SshTestbed.port(), target.describe());
        assertTrue(target.isRemote());
        assertEquals("/root/rel", target.absolute("rel"));
        assertEquals("/root", target.absolute("~"));
        assertEquals("/root/x", target.absolute("~/x"));
    }

    @Test
    void missingRemoteSocketIsRefused() throws Exception {
        SshTarget ssh = (SshTarget) target;
        var other = new SshTarget(sessionOf(ssh), ssh.settings(), "/var/run/slipway-no-such.sock");
        var e = assertThrows(SlipwayException.class, () -> other.engineSocket().open());
        assertEquals(ExitCode.REFUSED, e.exitCode());
        assertEquals("The Docker Engine is not reachable at unix:///var/run/slipway-no-such.sock on root@"
                + SshTestbed.host() + ":" + SshTestbed.port() + ": is it running?", e.getMessage());
    }

    @Test
    void sessionSurvivesManyChannels() throws Exception {
        for (int i = 0; i < 30; i++) {
            if (i % 5 == 0) {
                assertEquals(String.valueOf(i), target.exec(Command.of("echo", String.valueOf(i))).stdout().strip());
            }
            assertEquals("OK", ping(target.engineSocket()));
            assertTrue(target.stat("/").isPresent());
        }
    }

    @Test
    void atomicWriteWithoutPosixRenameFallsBackToMv() {
        SshTarget ssh = (SshTarget) target;
        ssh.usePosixRename = false;
        try {
            String f = dir + "/we ird*?'$x.env";
            ssh.writeFileAtomically(f, "A=1\n".getBytes(StandardCharsets.UTF_8), 0600);
            ssh.writeFileAtomically(f, "A=2\n".getBytes(StandardCharsets.UTF_8), null);
            assertEquals("A=2\n", new String(ssh.readFile(f), StandardCharsets.UTF_8));
            assertEquals(0600, ssh.stat(f).orElseThrow().mode());
            assertEquals(List.of("we ird*?'$x.env"), ssh.list(dir));
        } finally {
            ssh.usePosixRename = true;
        }
    }

    private static com.jcraft.jsch.Session sessionOf(SshTarget t) throws Exception {
        var f = SshTarget.class.getDeclaredField("session");
        f.setAccessible(true);
        return (com.jcraft.jsch.Session) f.get(t);
    }
}
