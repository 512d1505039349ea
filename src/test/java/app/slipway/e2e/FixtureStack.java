package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A real fixture stack in a fresh directory, started with the testbed's Compose the way a user's
 * install would be — the thing Slipway is then pointed at. Tests share port 18080, so one at a time.
 */
public final class FixtureStack implements AutoCloseable {
    private final Path directory;
    private final String projectOption;

    private FixtureStack(Path directory, String projectOption) {
        this.directory = directory;
        this.projectOption = projectOption;
    }

    /** A worker-era (legacy) or job-era stack on the given version, started and healthy. */
    public static FixtureStack start(String composeTemplate, String version) {
        return start(composeTemplate, version, null);
    }

    /**
     * As {@link #start(String, String)}, started as Compose project {@code project} ({@code -p}, as
     * Appstrate's CLI starts its stacks) rather than the one Compose derives from the directory.
     */
    public static FixtureStack start(String composeTemplate, String version, String project) {
        return start(composeTemplate, version, project, "");
    }

    /** As {@link #start(String, String, String)}, with more {@code .env} lines (e.g. {@code DB_HOST=…\n}). */
    public static FixtureStack start(String composeTemplate, String version, String project, String moreEnv) {
        Testbed tb = Testbed.require();
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "slipway-e2e-");
            Files.copy(tb.fixtureDir().resolve(composeTemplate), dir.resolve("docker-compose.yml"));
            Files.writeString(dir.resolve(".env"), "# fixture stack for an end-to-end test\n"
                    + "FIXTURE_VERSION=" + version + "\nFIXTURE_PORT=" + freePort() + "\nPOSTGRES_DB=fixture\n"
                    + "FIXTURE_SECRET_KEY=0123456789abcdef0123456789abcdef\n" + moreEnv);
            var stack = new FixtureStack(dir, project);
            stack.compose("up", "-d");
            stack.awaitHealthy(Duration.ofSeconds(60));
            return stack;
        } catch (IOException e) {
            throw new AssertionError("cannot create the fixture stack directory", e);
        }
    }

    /** A loopback port nobody listens on now, so stacks of tests running side by side do not collide. */
    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new AssertionError("no free loopback port", e);
        }
    }

    public int port() {
        try {
            return Integer.parseInt(Files.readAllLines(directory.resolve(".env")).stream()
                    .filter(l -> l.startsWith("FIXTURE_PORT=")).findFirst().orElseThrow().substring(13));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The Compose project name: the one it was started as, else as Compose derives it from the directory. */
    public String project() {
        return projectOption != null ? projectOption
                : app.slipway.core.compose.ProjectName.of(directory.getFileName().toString(), java.util.Map.of());
    }

    /** Runs SQL in the stack's database and returns psql's unaligned output. */
    public String sql(String statements) {
        return compose("exec", "-T", "db", "psql", "-q", "-v", "ON_ERROR_STOP=1", "-U", "postgres", "-d", "fixture",
                "-Atc", statements);
    }

    /** GET on the stack's web port (loopback), the body; fails the test when it does not answer 200. */
    public String httpGet(String path) {
        try {
            var client = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(5)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) fail("GET " + path + " answered " + response.statusCode());
            return response.body();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("GET " + path + " on port " + port() + " failed", e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** Runs docker-compose in the stack's directory and returns its stdout; fails the test on error. */
    public String compose(String... args) {
        var argv = new ArrayList<>(List.of("docker-compose"));
        if (projectOption != null) argv.addAll(List.of("-p", projectOption));
        argv.addAll(List.of(args));
        return run(argv);
    }

    public String run(List<String> argv) {
        try {
            Process p = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                fail(String.join(" ", argv) + " failed in " + directory + ":\n" + out);
            }
            return out;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot run " + argv, e);
        }
    }

    private void awaitHealthy(Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            last = compose("ps");
            if (last.contains("(healthy)") && !last.contains("starting") && !last.contains("unhealthy")) {
                return;
            }
            sleep(500);
        }
        fail("the fixture stack in " + directory + " did not become healthy:\n" + last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        compose("down", "-v", "--remove-orphans");
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
