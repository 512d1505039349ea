package app.slipway.core.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The target contract over SSH against a server with no SFTP subsystem: the testbed's sshd
 * configuration started once more on a free port, its Subsystem line left out, so every file
 * operation goes through exec channels (ShellFiles).
 */
class SshTargetWithoutSftpTest extends TargetContract {
    private Path work;
    private Process sshd;

    @Override
    Target open() throws Exception {
        Testbed tb = Testbed.require();
        work = Files.createTempDirectory(Path.of("/tmp"), "slipway-no-sftp-");
        int port;
        try (var s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path config = work.resolve("sshd_config");
        String base = Files.readString(tb.stateDir().resolve("ssh/sshd_config"));
        var lines = base.lines().filter(l -> {
            String k = l.strip().toLowerCase();
            return !k.startsWith("subsystem") && !k.startsWith("port ") && !k.startsWith("pidfile")
                    && !k.startsWith("listenaddress");
        }).toList();
        Files.writeString(config, String.join("\n", lines) + "\nListenAddress 127.0.0.1\nPort " + port
                + "\nPidFile " + work.resolve("sshd.pid") + "\n");
        sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-f", config.toString(), "-E", work.resolve("sshd.log").toString())
                .redirectErrorStream(true).start();
        for (int i = 0; i < 50 && !answers(port); i++) Thread.sleep(100);
        assertTrue(answers(port), "the sshd without SFTP did not start: " + Files.readString(work.resolve("sshd.log")));
        SshSettings s = SshSettings.of("root", "127.0.0.1", port).withIdentityFile(tb.sshKey())
                .withKnownHostsFile(work.resolve("known_hosts")).withAcceptNewHostKey(true).withUseAgent(false);
        return new SshTarget(SshConnector.connect(s), s, SshTestbed.dockerSocketPath());
    }

    private static boolean answers(int port) {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @AfterAll
    void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.destroy();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void reallyHasNoSftpAndStillKnowsItsHome() {
        assertEquals("/root", target.absolute("~"));
        assertEquals("/root/x", target.absolute("x"));
    }
}
