package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code upgrade} end to end on real fixture stacks; run locally and over SSH by the subclasses.
 * Each test starts its own stack (on its own port) and tears it down.
 */
abstract class UpgradeContract {
    protected final Testbed testbed = Testbed.require();
    protected final String profile = testbed.fixtureProfile().toString();

    protected abstract List<String> targetArgs();

    protected CliRun cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(targetArgs());
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void upgradeRenamesTheLegacyWorkerAndKeepsTheData() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose-legacy.yml", testbed.legacyVersion())) {
            stack.sql("create table notes(body text); insert into notes values ('kept across the upgrade');");
            stack.compose("exec", "-T", "web", "sh", "-c", "echo precious > /data/storage/upload.txt");
            String composeBefore = Files.readString(stack.directory().resolve("docker-compose.yml"));

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.currentVersion(), "--yes", "--json");

            assertEquals(0, run.exitCode(), run.toString());
            JsonNode result = new ObjectMapper().readTree(run.out());
            assertEquals("done", result.get("result").asText());
            assertEquals(testbed.legacyVersion(), result.get("from").asText());
            assertEquals(testbed.currentVersion(), result.get("to").asText());
            assertEquals(10, result.get("steps").size(), run.toString());
            result.get("steps").forEach(s -> assertTrue(s.has("durationMs")));
            assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip(), "the new version serves /up");

            String composeAfter = Files.readString(stack.directory().resolve("docker-compose.yml"));
            assertTrue(composeAfter.contains("\n  job:\n"), composeAfter);
            assertFalse(composeAfter.contains("\n  worker:\n"), composeAfter);
            assertEquals(composeBefore.replace("\n  worker:\n", "\n  job:\n"), composeAfter,
                    "only the service key changes; every comment and setting is kept");
            assertTrue(Files.readString(stack.directory().resolve(".env"))
                    .contains("FIXTURE_VERSION=" + testbed.currentVersion() + "\n"));

            String ps = stack.compose("ps", "--services", "--filter", "status=running");
            assertTrue(ps.lines().anyMatch("job"::equals), ps);
            assertEquals("", stack.run(List.of("docker", "ps", "-q", "--filter",
                    "label=com.docker.compose.service=worker", "--filter",
                    "label=com.docker.compose.project=" + stack.project())).strip(), "no worker container is left");
            assertEquals("kept across the upgrade", stack.sql("select body from notes;").strip());
            assertEquals("precious", stack.compose("exec", "-T", "web", "cat", "/data/storage/upload.txt").strip());

            String backupId = result.get("backup").asText();
            Path backup = stack.directory().resolve("backups").resolve(backupId);
            assertTrue(Files.isRegularFile(backup.resolve("manifest.json")), "backup manifest in " + backup);
            assertTrue(Files.size(backup.resolve("postgres.dump")) > 0);
            List<String> history = Files.readAllLines(stack.directory().resolve(".slipway/history.jsonl"));
            assertEquals(1, history.size());
            assertTrue(history.get(0).contains("\"succeeded\""), history.get(0));
            assertFalse(Files.exists(stack.directory().resolve(".slipway/lock")), "the lock is released");
            assertFalse(Files.exists(stack.directory().resolve(".slipway/journal.json")), "no journal after success");
        }
    }

    @Test
    void aNeverHealthyVersionIsRolledBackAndTheOldOneServes() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            byte[] env = Files.readAllBytes(stack.directory().resolve(".env"));
            byte[] compose = Files.readAllBytes(stack.directory().resolve("docker-compose.yml"));

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.unhealthyVersion(), "--yes", "--skip-backup");

            assertEquals(4, run.exitCode(), run.toString());
            assertTrue(run.err().contains("rolled back"), "the sentence goes to stderr:\n" + run);
            assertTrue(run.out().contains("Last log lines of web"), "the failing service's logs are shown:\n" + run);
            assertArrayEquals(env, Files.readAllBytes(stack.directory().resolve(".env")), ".env restored byte for byte");
            assertArrayEquals(compose, Files.readAllBytes(stack.directory().resolve("docker-compose.yml")));
            assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip(), "the old version serves again");
            assertTrue(Files.readString(stack.directory().resolve(".slipway/history.jsonl")).contains("rolled-back"));
        }
    }

    @Test
    void aMissingTagIsRefusedAndNothingIsTouched() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            byte[] env = Files.readAllBytes(stack.directory().resolve(".env"));
            byte[] compose = Files.readAllBytes(stack.directory().resolve("docker-compose.yml"));
            String containers = stack.compose("ps", "-q");

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", "9.9.9", "--yes");

            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.err().contains("does not exist"), run.toString());
            assertArrayEquals(env, Files.readAllBytes(stack.directory().resolve(".env")));
            assertArrayEquals(compose, Files.readAllBytes(stack.directory().resolve("docker-compose.yml")));
            assertEquals(containers, stack.compose("ps", "-q"), "the same containers run");
            assertFalse(Files.exists(stack.directory().resolve("backups")), "no backup was started");
        }
    }

    @Test
    void aHeldLockIsRefused() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            Path lock = stack.directory().resolve(".slipway/lock");
            Files.createDirectories(lock);
            Files.writeString(lock.resolve("owner.json"), "{\"user\":\"alice\",\"host\":\"elsewhere\",\"pid\":1,"
                    + "\"startedAt\":\"2026-11-25T10:00:00Z\",\"command\":\"upgrade 2.0.0 → 2.1.0\"}");
            byte[] env = Files.readAllBytes(stack.directory().resolve(".env"));

            CliRun run = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.nextVersion(), "--yes", "--skip-backup");

            assertEquals(3, run.exitCode(), run.toString());
            assertTrue(run.err().contains("alice"), "the holder is shown:\n" + run);
            assertTrue(run.err().contains("--break-lock"), run.toString());
            assertArrayEquals(env, Files.readAllBytes(stack.directory().resolve(".env")));
            assertTrue(Files.isDirectory(lock), "someone else's lock is left alone");
        }
    }

    @Test
    void rollbackWithRestoreDatabaseBringsBackRowsDeletedAfterTheBackup() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose.yml", testbed.currentVersion())) {
            stack.sql("create table orders(id int); insert into orders values (1), (2), (3);");
            CliRun upgrade = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.nextVersion(), "--yes");
            assertEquals(0, upgrade.exitCode(), upgrade.toString());
            stack.sql("delete from orders where id > 1;");
            assertEquals("1", stack.sql("select count(*) from orders;").strip());

            CliRun rollback = cli("rollback", "--dir", stack.directory().toString(), "--profile", profile,
                    "--restore-database", "--yes", "--json");

            assertEquals(0, rollback.exitCode(), rollback.toString());
            JsonNode result = new ObjectMapper().readTree(rollback.out());
            assertEquals(testbed.currentVersion(), result.get("to").asText());
            assertEquals("3", stack.sql("select count(*) from orders;").strip(), "the deleted rows are back");
            assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip());
            assertTrue(Files.readString(stack.directory().resolve(".env"))
                    .contains("FIXTURE_VERSION=" + testbed.currentVersion() + "\n"));
        }
    }
}
