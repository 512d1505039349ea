package app.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.testbed.Testbed;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An upgrade killed in the middle (app killed; over SSH that also cuts the connection) leaves a
 * journal; the next run reports it and the stack can be resumed or rolled back.
 */
abstract class InterruptedRunContract {
    protected final Testbed testbed = Testbed.require();
    protected final String profile = testbed.fixtureProfile().toString();

    protected abstract List<String> targetArgs();

    private CliRun cli(String... args) {
        var all = new ArrayList<>(List.of(args));
        all.addAll(targetArgs());
        return CliRun.of(all.toArray(String[]::new));
    }

    private void killDuringRestart(FixtureStack stack) throws Exception {
        var args = new ArrayList<>(List.of("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                "--to", testbed.currentVersion(), "--yes", "--skip-backup"));
        args.addAll(targetArgs());
        SlipwayProcess run = SlipwayProcess.start(args);
        run.awaitLine("Restart", Duration.ofSeconds(120));
        run.kill();
        assertTrue(Files.exists(stack.directory().resolve(".slipway/journal.json")), "the journal is left behind");
    }

    @Test
    void theNextRunReportsTheJournalAndResumeFinishesTheUpgrade() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose-legacy.yml", testbed.legacyVersion())) {
            killDuringRestart(stack);

            CliRun status = cli("status", "--dir", stack.directory().toString(), "--profile", profile);
            assertEquals(0, status.exitCode(), status.toString());
            assertTrue(status.out().contains("interrupted"), status.toString());

            CliRun again = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.currentVersion(), "--yes", "--skip-backup");
            assertEquals(3, again.exitCode(), again.toString());
            assertTrue(again.err().contains("--resume"), again.toString());

            CliRun resumed = cli("upgrade", "--dir", stack.directory().toString(), "--profile", profile,
                    "--to", testbed.currentVersion(), "--yes", "--skip-backup", "--resume", "--break-lock");
            assertEquals(0, resumed.exitCode(), resumed.toString());
            assertEquals(testbed.currentVersion(), stack.httpGet("/up").strip());
            assertFalse(Files.exists(stack.directory().resolve(".slipway/journal.json")));
            assertFalse(Files.exists(stack.directory().resolve(".slipway/lock")));
        }
    }

    @Test
    void orTheStackIsRolledBackToWhereItWas() throws Exception {
        try (FixtureStack stack = FixtureStack.start("compose-legacy.yml", testbed.legacyVersion())) {
            byte[] compose = Files.readAllBytes(stack.directory().resolve("docker-compose.yml"));
            byte[] env = Files.readAllBytes(stack.directory().resolve(".env"));
            killDuringRestart(stack);

            CliRun rollback = cli("rollback", "--dir", stack.directory().toString(), "--profile", profile,
                    "--yes", "--break-lock");
            assertEquals(0, rollback.exitCode(), rollback.toString());
            assertTrue(java.util.Arrays.equals(compose, Files.readAllBytes(stack.directory().resolve("docker-compose.yml"))));
            assertTrue(java.util.Arrays.equals(env, Files.readAllBytes(stack.directory().resolve(".env"))));
            assertEquals(testbed.legacyVersion(), stack.httpGet("/up").strip());
            assertFalse(Files.exists(stack.directory().resolve(".slipway/journal.json")));
        }
    }
}
