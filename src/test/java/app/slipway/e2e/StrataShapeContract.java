package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Strata-shaped product ({@code testbed/fixture/strata}, the shape of the built-in profile): the
 * compose file its installer would write, chosen by {@code DB_HOST}, written by every upgrade; an
 * external database dumped by a client container with the password never on a command line or in
 * output; the bundled database's files copied with web stopped; a worker-era stack brought to
 * today's file. Run locally and over SSH by the subclasses.
 */
abstract class StrataShapeContract extends TargetedCli {
    private final Path shape = testbed.fixtureDir().resolve("strata");
    private final String profile = shape.resolve("profile.yml").toString();


    @Test
    void anExternalDatabaseIsDumpedByAClientContainerAndItsPasswordIsNeverShown() throws Exception {
        String password = "pw-" + Long.toHexString(System.nanoTime()) + "-secret";
        try (ExternalDatabase db = ExternalDatabase.start(testbed, password);
             FixtureStack stack = FixtureStack.start("strata/external.yml", testbed.currentVersion(), null,
                     "DB_HOST=127.0.0.1\nDB_PORT=" + db.port + "\nDB_USERNAME=postgres\nDB_PASSWORD=" + password + "\n")) {
            db.sql("create table accounts(name text); insert into accounts values ('kept in the dump');");

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.nextVersion(), "--yes", "--json");

            assertEquals(0, run.exitCode(), run.toString());
            assertFalse(run.out().contains(password) || run.err().contains(password), "the password is never shown:\n" + run);
            JsonNode result = new ObjectMapper().readTree(run.out());
            Path backup = stack.directory().resolve("backups").resolve(result.get("backup").asText());
            assertTrue(Files.size(backup.resolve("postgres.dump")) > 0);
            String manifest = Files.readString(backup.resolve("manifest.json"));
            assertTrue(manifest.contains("postgres.dump"), manifest);
            assertFalse(manifest.contains(password), "nor in the manifest");
            assertFalse(Files.exists(stack.directory().resolve(".slipway/postgres-client.env")), "the password file is gone");
            String listing = stack.run(List.of("sh", "-c", "docker run --rm -i --entrypoint pg_restore "
                    + testbed.postgresImage() + " -l < " + backup.resolve("postgres.dump")));
            assertTrue(listing.contains("TABLE public accounts"), listing);
            assertEquals(Files.readString(shape.resolve("external.yml")),
                    Files.readString(stack.directory().resolve("docker-compose.yml")), "the installer's file for DB_HOST set");
            assertEquals(testbed.nextVersion(), stack.httpGet("/up").strip());
        }
    }

    @Test
    void theBundledDatabasesFilesAreCopiedWithWebStopped() throws Exception {
        try (FixtureStack stack = FixtureStack.start("strata/bundled.yml", testbed.currentVersion(), null, "DB_HOST=\n")) {
            stack.compose("exec", "-T", "web", "sh", "-c", "echo 'row 1' > /data/db/table.dat");

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.nextVersion(), "--yes", "--json");

            assertEquals(0, run.exitCode(), run.toString());
            JsonNode result = new ObjectMapper().readTree(run.out());
            Path backup = stack.directory().resolve("backups").resolve(result.get("backup").asText());
            Path archive;
            try (Stream<Path> files = Files.list(backup)) {
                archive = files.filter(p -> p.getFileName().toString().startsWith("volume-web-data-db")).findFirst().orElseThrow();
            }
            String tar = stack.run(List.of("tar", "-tf", archive.toString()));
            assertTrue(tar.contains("./table.dat"), tar);
            assertFalse(Files.exists(backup.resolve("postgres.dump")), "no database to dump in this mode");
            assertTrue(run.err().contains("Stopping web for a moment"), run.toString());
            assertEquals(testbed.nextVersion(), stack.httpGet("/up").strip());
        }
    }

    @Test
    void aWorkerEraStackGetsTodaysComposeFileAndOnlyOneConsumer() throws Exception {
        try (FixtureStack stack = FixtureStack.start("strata/worker-era.yml", testbed.legacyVersion(), null, "DB_HOST=\n")) {
            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.currentVersion(), "--skip-backup", "--yes");

            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(Files.readString(shape.resolve("bundled.yml")),
                    Files.readString(stack.directory().resolve("docker-compose.yml")),
                    "the body of today's file, not the worker's settings under a new name");
            String running = stack.run(List.of("docker", "ps", "--filter", "label=com.docker.compose.project=" + stack.project(),
                    "--format", "{{.Label \"com.docker.compose.service\"}}"));
            assertEquals(List.of("web"), running.strip().lines().toList(), "the legacy worker is gone");
            assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip());
        }
    }

    /** A PostgreSQL server outside any stack, on 127.0.0.1, asking for a password (the testbed's image). */
    static final class ExternalDatabase implements AutoCloseable {
        final int port;
        final String name;

        private ExternalDatabase(int port, String name) {
            this.port = port;
            this.name = name;
        }

        static ExternalDatabase start(Testbed tb, String password) throws IOException, InterruptedException {
            int port;
            try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            String name = "slipway-e2e-extdb-" + port;
            run(List.of("docker", "run", "-d", "--name", name, "--network", "host", "-e", "PG_LISTEN_PORT=" + port,
                    "-e", "POSTGRES_PASSWORD=" + password, "-e", "POSTGRES_DB=fixture", tb.postgresImage()));
            var db = new ExternalDatabase(port, name);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                Process p = new ProcessBuilder("docker", "exec", name, "pg_isready", "-q", "-h", "127.0.0.1", "-p",
                        Integer.toString(port)).start();
                if (p.waitFor() == 0) return db;
                Thread.sleep(300);
            }
            db.close();
            throw new AssertionError("the external database did not come up on 127.0.0.1:" + port);
        }

        void sql(String statements) throws IOException, InterruptedException {
            run(List.of("docker", "exec", name, "psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "/run/postgresql",
                    "-p", Integer.toString(port), "-U", "postgres", "-d", "fixture", "-c", statements));
        }

        private static String run(List<String> argv) throws IOException, InterruptedException {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) throw new AssertionError(String.join(" ", argv) + " failed:\n" + out);
            return out;
        }

        @Override
        public void close() {
            try {
                new ProcessBuilder("docker", "rm", "-f", "-v", name).redirectErrorStream(true).start().waitFor();
            } catch (IOException | InterruptedException ignored) {
                // a leftover container is removed by testbed/down.sh
            }
        }
    }
}
