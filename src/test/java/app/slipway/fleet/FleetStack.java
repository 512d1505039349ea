package app.slipway.fleet;

import static org.junit.jupiter.api.Assertions.fail;

import app.slipway.testbed.FleetTestbed;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The fleet fixture (testbed/fixture/fleet) started on every node of the fleet testbed, each in a
 * directory of its own, with the fleet file that names them; migrations logged into one shared file.
 */
public final class FleetStack implements AutoCloseable {
    static final String SECRET = "0123456789abcdef0123456789abcdef";
    final FleetTestbed fleet = FleetTestbed.require();
    final Testbed testbed = Testbed.require();
    final Path root;
    public final Path fleetFile;
    final Path migrations;
    final int nodes;

    /** @param env extra .env lines per node number (1…), e.g. a different secret */
    public FleetStack(int nodes, String version, Map<Integer, String> env, Map<Integer, String> extraCompose) throws IOException {
        this.nodes = nodes;
        root = Files.createTempDirectory(Path.of("/tmp"), "slipway-fleet-");
        migrations = root.resolve("shared/migrations.log");
        Files.createDirectories(migrations.getParent());
        Files.writeString(migrations, "");
        String compose = Files.readString(testbed.fixtureDir().resolve("fleet/compose.yml"));
        var file = new StringBuilder("profile: " + testbed.fixtureDir().resolve("fleet/profile.yml") + "\nprimary: web-1\n"
                + "batch: 1\nnodes:\n");
        for (int i = 1; i <= nodes; i++) {
            Path dir = dir(i);
            Files.createDirectories(dir);
            String c = compose;
            if (extraCompose.containsKey(i)) c = c.replace("\nvolumes:\n", extraCompose.get(i) + "\nvolumes:\n");
            Files.writeString(dir.resolve("docker-compose.yml"), c);
            Files.writeString(dir.resolve(".env"), "FIXTURE_VERSION=" + version + "\nFIXTURE_PORT=18080\n"
                    + "FIXTURE_SECRET_KEY=" + SECRET + "\nNODE_NAME=web-" + i + "\nSHARED_DIR=" + migrations.getParent() + "\n"
                    + env.getOrDefault(i, ""));
            file.append("  - name: web-").append(i).append("\n    host: ssh://root@").append(fleet.address(i))
                    .append("\n    dir: ").append(dir).append("\n    identity: ").append(fleet.sshKey())
                    .append("\n    known_hosts: ").append(fleet.knownHosts()).append('\n');
        }
        fleetFile = root.resolve("fleet.yml");
        Files.writeString(fleetFile, file.toString());
        for (int i = 1; i <= nodes; i++) compose(i, "up", "-d");
        for (int i = 1; i <= nodes; i++) awaitServing(i, Duration.ofSeconds(60));
        Files.writeString(migrations, ""); // the test reads what its own run migrated
    }

    Path dir(int node) {
        return root.resolve("n" + node);
    }

    /** docker-compose in the node's directory, against the node's engine. */
    String compose(int node, String... args) {
        var argv = new ArrayList<>(List.of("docker-compose"));
        argv.addAll(List.of(args));
        return run(dir(node), Map.of("DOCKER_HOST", fleet.dockerHost(node)), argv);
    }

    /** GET /up on the node's own loopback, from inside its namespace; null when nothing answers. */
    public String up(int node) {
        try {
            Process p = new ProcessBuilder("nsenter", "--net=/run/netns/" + fleet.namespace(node), "wget", "-q", "-O-",
                    "-T", "1", "http://127.0.0.1:18080/up").redirectErrorStream(false).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    void awaitServing(int node, Duration budget) {
        Instant deadline = Instant.now().plus(budget);
        while (Instant.now().isBefore(deadline)) {
            if (up(node) != null) return;
            sleep(300);
        }
        fail("node " + node + " of the fleet fixture did not serve /up within " + budget.toSeconds() + " s");
    }

    List<String> migrationLog() throws IOException {
        return Files.readAllLines(migrations);
    }

    static String run(Path dir, Map<String, String> env, List<String> argv) {
        try {
            var pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) fail(String.join(" ", argv) + " failed in " + dir + ":\n" + out);
            return out;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("cannot run " + argv, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        for (int i = 1; i <= nodes; i++) {
            try {
                compose(i, "down", "-v", "--remove-orphans");
            } catch (AssertionError ignored) {
                // a node left running is cleaned by testbed/fleet-down.sh
            }
        }
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
