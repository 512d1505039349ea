package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code install} end to end on the testbed; run locally and over SSH by the subclasses. Stack
 * start-ups are kept few: one fresh install plus its re-run, one worker-era stack plus its re-run.
 */
abstract class InstallContract {
    protected final Testbed testbed = Testbed.require();
    protected final String profile = testbed.fixtureProfile().toString();

    protected abstract List<String> targetArgs();

    protected CliRun cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(targetArgs());
        return InstallCli.of(all.toArray(String[]::new));
    }

    @Test
    void freshInstallBecomesHealthyAndReRunKeepsEverySecretAndOperatorValue() throws Exception {
        Path parent = Files.createTempDirectory(Path.of("/tmp"), "slipway-install-");
        Path dir = parent.resolve(parent.getFileName() + "-app"); // absent: install creates it
        int port = freePort();
        try {
            CliRun run = cli("install", "--dir", dir.toString(), "--profile", profile, "--to", testbed.currentVersion(),
                    "--set", "FIXTURE_PORT=" + port, "--yes", "--json");
            assertEquals(0, run.exitCode(), run.toString());
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertEquals("done", result.get("result").asText(), run.toString());
            assertEquals(testbed.currentVersion(), httpGet(port, "/up").strip(), "the installed version serves /up");

            Path env = dir.resolve(".env");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
            String envText = Files.readString(env);
            assertTrue(envText.contains("FIXTURE_VERSION=" + testbed.currentVersion() + "\n"), envText.length() + " chars");
            assertTrue(envText.contains("FIXTURE_PORT=" + port + "\n"));
            assertTrue(envText.contains("POSTGRES_DB=fixture\n"));
            String secret = value(envText, "FIXTURE_SECRET_KEY");
            assertTrue(secret.matches("[0-9a-f]{64}"), "FIXTURE_SECRET_KEY is 64 hex characters");
            assertFalse(run.out().contains(secret) || run.err().contains(secret), "the secret is never printed");
            assertTrue(Files.isRegularFile(dir.resolve("compose.yml")));
            assertFalse(Files.exists(dir.resolve(".slipway/lock")), "the lock is released");

            // The operator adds a setting; a re-run must keep every byte of .env.
            Files.writeString(env, envText + "MY_SETTING=keep me # note\n", StandardCharsets.UTF_8);
            byte[] before = Files.readAllBytes(env);
            CliRun again = cli("install", "--dir", dir.toString(), "--profile", profile, "--to", testbed.currentVersion(),
                    "--yes");
            assertEquals(0, again.exitCode(), again.toString());
            assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(env), ".env kept byte for byte");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(env)));
            try (Stream<Path> subs = Files.list(dir)) {
                assertTrue(subs.filter(Files::isDirectory).noneMatch(sub -> Files.exists(sub.resolve("compose.yml"))
                        || Files.exists(sub.resolve("docker-compose.yml"))), "no nested install directory");
            }
            try (Stream<Path> backups = Files.list(dir.resolve("backups"))) {
                Path backup = backups.filter(p -> p.getFileName().toString().endsWith("-install")).findFirst().orElseThrow();
                assertTrue(Files.isRegularFile(backup.resolve("compose.yml")));
                assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(backup.resolve(".env")));
            }
            assertEquals(testbed.currentVersion(), httpGet(port, "/up").strip());
            List<String> history = Files.readAllLines(dir.resolve(".slipway/history.jsonl"));
            assertEquals(2, history.size());
            history.forEach(line -> assertTrue(line.contains("\"succeeded\""), line));
        } finally {
            down(dir, "compose.yml");
            delete(parent);
        }
    }

    @Test
    void reRunOverAWorkerEraInstallLeavesOnlyJobRunning() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose-legacy.yml", testbed.legacyVersion())) {
            String envBefore = Files.readString(stack.directory().resolve(".env"));
            CliRun run = cli("install", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.currentVersion(), "--yes");
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip());

            String ps = stack.compose("ps", "--services", "--filter", "status=running");
            assertTrue(ps.lines().anyMatch("job"::equals), ps);
            assertEquals("", stack.run(List.of("docker", "ps", "-aq", "--filter",
                    "label=com.docker.compose.service=worker", "--filter",
                    "label=com.docker.compose.project=" + stack.project())).strip(), "no worker container is left");
            String compose = Files.readString(stack.directory().resolve("docker-compose.yml"));
            assertEquals(Files.readString(testbed.fixtureDir().resolve("compose.yml")), compose,
                    "the compose file is refreshed from the profile, under the stack's own name");
            String envAfter = Files.readString(stack.directory().resolve(".env"));
            assertEquals(envBefore.replace("FIXTURE_VERSION=" + testbed.legacyVersion(),
                    "FIXTURE_VERSION=" + testbed.currentVersion()), envAfter, "only the pin changed; the secret is kept");
            assertFalse(Files.exists(stack.directory().resolve("compose.yml")), "no second compose file");
        }
    }

    @Test
    void aFailedReRunRestoresThePreviousFilesByteForByteAndTheyServeAgain() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            byte[] composeBefore = Files.readAllBytes(stack.directory().resolve("docker-compose.yml"));
            byte[] envBefore = Files.readAllBytes(stack.directory().resolve(".env"));
            CliRun run = cli("install", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.unhealthyVersion(), "--yes");
            assertEquals(4, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Last log lines of"), run.toString());
            assertArrayEquals(composeBefore, Files.readAllBytes(stack.directory().resolve("docker-compose.yml")));
            assertArrayEquals(envBefore, Files.readAllBytes(stack.directory().resolve(".env")));
            assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip(), "the previous version serves again");
            assertFalse(Files.exists(stack.directory().resolve(".slipway/lock")), "the lock is released");
        }
    }

    @Test
    void portInUseIsRefusedWithNothingWritten() throws Exception {
        Path parent = Files.createTempDirectory(Path.of("/tmp"), "slipway-install-");
        Path dir = parent.resolve(parent.getFileName() + "-app");
        try (ServerSocket taken = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CliRun run = cli("install", "--dir", dir.toString(), "--profile", profile, "--to", testbed.currentVersion(),
                    "--set", "FIXTURE_PORT=" + taken.getLocalPort(), "--yes");
            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.err().contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"), run.toString());
            assertTrue(run.err().contains("--set FIXTURE_PORT="), run.toString());
            assertFalse(Files.exists(dir), "nothing was written");
        } finally {
            delete(parent);
        }
    }

    @Test
    void aHeldLockIsRefusedBeforeAnyChange() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "slipway-install-");
        try {
            Files.createDirectories(dir.resolve(".slipway/lock"));
            CliRun run = cli("install", "--dir", dir.toString(), "--profile", profile, "--to", testbed.currentVersion(),
                    "--set", "FIXTURE_PORT=" + freePort(), "--yes");
            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.err().contains("holds the lock"), run.toString());
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(dir.resolve(".slipway")), left.toList(), "nothing was written");
            }
        } finally {
            delete(dir);
        }
    }

    @Test
    void aFreshInstallWithoutToAsksForTheVersion() throws Exception {
        Path parent = Files.createTempDirectory(Path.of("/tmp"), "slipway-install-");
        try {
            CliRun run = cli("install", "--dir", parent.resolve(parent.getFileName() + "-app").toString(), "--profile", profile,
                    "--set", "FIXTURE_PORT=" + freePort(), "--yes");
            assertEquals(2, run.exitCode(), run.toString());
            assertTrue(run.err().contains("--to VERSION"), run.toString());
            assertFalse(Files.exists(parent.resolve(parent.getFileName() + "-app")), "nothing was written");
        } finally {
            delete(parent);
        }
    }

    @Test
    void setWithoutEqualsIsBadInput() {
        CliRun run = cli("install", "--dir", "/tmp/slipway-install-never", "--profile", profile,
                "--to", testbed.currentVersion(), "--set", "NOEQUALS", "--yes");
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("KEY=VALUE"), run.toString());
        assertFalse(Files.exists(Path.of("/tmp/slipway-install-never")));
    }

    // ------------------------------------------------------------------ helpers

    private static String value(String envText, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(envText);
        assertTrue(m.find(), key + " is in .env");
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String httpGet(int port, String path) throws Exception {
        var client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "GET " + path);
        return response.body();
    }

    private static void down(Path dir, String composeFile) throws Exception {
        if (!Files.isRegularFile(dir.resolve(composeFile))) return;
        Process p = new ProcessBuilder("docker-compose", "-f", composeFile, "down", "-v", "--remove-orphans")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }

    private static void delete(Path root) {
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
