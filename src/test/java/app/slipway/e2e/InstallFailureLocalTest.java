package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** A fresh install that never becomes healthy: nothing to roll back to, so exit 5 with the files kept. */
class InstallFailureLocalTest {
    private final Testbed testbed = Testbed.require();

    @Test
    void aFailedFreshInstallExits5AndKeepsItsFilesForTheReRun() throws Exception {
        Path parent = Files.createTempDirectory(Path.of("/tmp"), "slipway-install-");
        Path dir = parent.resolve(parent.getFileName() + "-app");
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try {
            CliRun run = InstallCli.of("install", "--dir", dir.toString(), "--profile", testbed.fixtureProfile().toString(),
                    "--to", testbed.unhealthyVersion(), "--set", "FIXTURE_PORT=" + port, "--yes");
            assertEquals(5, run.exitCode(), run.toString());
            assertTrue(run.err().contains("nothing was rolled back"), run.toString());
            assertTrue(run.out().contains("Last log lines of"), run.toString());
            assertTrue(Files.readString(dir.resolve(".env")).contains("FIXTURE_SECRET_KEY="), "the secrets are kept");
            assertTrue(Files.isRegularFile(dir.resolve("compose.yml")));
            assertTrue(Files.notExists(dir.resolve(".slipway/lock")), "the lock is released");
        } finally {
            if (Files.isRegularFile(dir.resolve("compose.yml"))) {
                Process p = new ProcessBuilder("docker-compose", "-f", "compose.yml", "down", "-v", "--remove-orphans")
                        .directory(dir.toFile()).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                p.waitFor();
            }
            try (var files = Files.walk(parent)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // harmless
            }
        }
    }
}
