package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code slipway demo} on the testbed's engine, as a newcomer without a display runs it: the images
 * made here, 1.0.0 installed, the upgrade to 1.1.0 in the terminal; then the broken 1.2.0 rolled back.
 */
class DemoEndToEndTest {
    static Path dir;
    static int port;

    @BeforeAll
    static void demoDirectory() throws Exception {
        Testbed.require();
        dir = Files.createTempDirectory(Path.of("/tmp"), "slipway-demo-");
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
    }

    @AfterAll
    static void down() throws Exception {
        if (dir == null || !Files.exists(dir.resolve("compose.yml"))) return;
        Process p = new ProcessBuilder("docker-compose", "-p", dir.getFileName().toString().toLowerCase(), "-f",
                "compose.yml", "down", "-v", "--remove-orphans").directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
    }

    private static String up() throws Exception {
        var answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/up"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body().strip();
    }

    @Test
    void theDemoInstallsUpgradesInTheTerminalAndItsBrokenReleaseRollsBack() throws Exception {
        CliRun demo = CliRun.of("demo", "--terminal", "--dir", dir.toString(), "--port", Integer.toString(port));
        assertEquals(0, demo.exitCode(), demo.toString());
        assertTrue(demo.out().contains("Slipway Demo 1.0.0 is installed, running and healthy"), demo.out());
        assertTrue(demo.out().contains("Slipway Demo 1.1.0 is running and healthy"), demo.out());
        assertTrue(demo.out().contains(" upgrade  --dir " + dir + " --to 1.2.0"), demo.out());
        assertEquals("200 1.1.0", up());

        CliRun notes = CliRun.of("notes", "--profile", "demo", "--from", "1.1.0", "--to", "1.2.0");
        assertEquals(0, notes.exitCode(), notes.toString());
        assertTrue(notes.out().contains("BREAKING"), notes.out());

        CliRun broken = CliRun.of("upgrade", "--dir", dir.toString(), "--to", "1.2.0", "--yes");
        assertEquals(4, broken.exitCode(), broken.toString());
        assertTrue(broken.out().contains("broken on purpose") || broken.err().contains("broken on purpose"),
                "its log says why:\n" + broken);
        assertEquals("200 1.1.0", up());

        CliRun again = CliRun.of("demo", "--terminal", "--dir", dir.toString(), "--port", Integer.toString(port));
        assertEquals(0, again.exitCode(), again.toString());
        assertTrue(again.out().contains("installed in " + dir + " already"), again.out());
    }
}
