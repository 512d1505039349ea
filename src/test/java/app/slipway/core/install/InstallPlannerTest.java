package app.slipway.core.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.backup.Backup;
import app.slipway.core.backup.BackupCatalog;
import app.slipway.core.events.RunEvent;
import app.slipway.core.fakes.FakeStack;
import app.slipway.core.host.FileInfo;
import app.slipway.core.run.Plan;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.run.StepKind;
import app.slipway.core.state.StackLock;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The install planner and its plan run by the kernel, on an in-memory host and engine. */
class InstallPlannerTest {
    private static final String NEW_DIR = "/srv/new";
    @TempDir Path temp;

    private Plan plan(FakeStack stack, String dir) {
        return InstallPlanner.plan(stack.connection, dir, stack.profile, new InstallOptions("2.0.0", dir.equals(NEW_DIR) ? Map.of("PORT", "3001") : Map.of()),
                new SecureRandom());
    }

    @Test
    void aFreshInstallWritesTheFilesItShowsAndNeverPrintsTheSecret() {
        var stack = new FakeStack(temp);
        Plan plan = plan(stack, NEW_DIR);
        assertTrue(plan.step(StepKind.BACKUP).skipped());
        assertTrue(plan.step(StepKind.RENAME).skipped());
        assertFalse(plan.recovery().possible(), "a fresh install has nothing to go back to");
        assertFalse(stack.host.exists(NEW_DIR), "planning writes nothing");

        List<RunEvent> events = new ArrayList<>();
        RunResult result = new Runner(stack.host, plan, events::add).run();

        assertEquals(ExitCode.DONE, result.exitCode(), result.message());
        String env = stack.host.text(NEW_DIR + "/.env").orElseThrow();
        assertEquals(0600, stack.host.stat(NEW_DIR + "/.env").map(FileInfo::mode).orElseThrow());
        String secret = env.lines().filter(l -> l.startsWith("APP_SECRET_KEY=")).findFirst().orElseThrow().substring(15);
        assertEquals(32, secret.length(), "hex16: 16 random bytes");
        assertTrue(env.contains("APP_VERSION=2.0.0\n") && env.contains("PORT=3001\n"), env);
        for (RunEvent e : events) assertFalse(e.toString().contains(secret), e.toString());
        assertFalse(result.message().contains(secret));
        assertTrue(stack.host.text(NEW_DIR + "/docker-compose.yml").orElseThrow().contains("  job:"));
        assertTrue(StackLock.holder(stack.host, NEW_DIR).isEmpty());
    }

    @Test
    void aKeyTheTemplateRequiresAndNothingFillsIsRefusedBeforeAnythingIsWritten() {
        var stack = new FakeStack(temp, """
                name: App
                version_variable: APP_VERSION
                images: [127.0.0.1:5555/acme/app]
                health: {url: "http://127.0.0.1:${PORT:-3000}/up", timeout: 1s}
                install:
                  compose: licensed.yml
                  secrets: {APP_SECRET_KEY: hex16}
                """, Map.of("licensed.yml", "services:\n  web:\n    image: 127.0.0.1:5555/acme/app:${APP_VERSION}\n"
                + "    environment: {LICENSE: \"${LICENSE:?a licence is needed}\", KEY: \"${APP_SECRET_KEY:?}\"}\n"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(app.slipway.core.steps.MissingKeys.class,
                () -> plan(stack, NEW_DIR));
        assertEquals(List.of("LICENSE"), e.keys(), "the generated secret fills its own requirement");
        assertEquals(ExitCode.BAD_INPUT, e.exitCode());
        assertFalse(stack.host.exists(NEW_DIR));
        Plan withLicense = InstallPlanner.plan(stack.connection, NEW_DIR, stack.profile,
                new InstallOptions("2.0.0", Map.of("LICENSE", "l-1", "PORT", "3001")), new SecureRandom());
        assertEquals(ExitCode.DONE, new Runner(stack.host, withLicense, e2 -> {}).run().exitCode());
    }

    @Test
    void aFailedFreshInstallKeepsItsFilesAndEndsWithFive() {
        var stack = new FakeStack(temp).upHealthy(false);
        RunResult result = new Runner(stack.host, plan(stack, NEW_DIR), e -> {}).run();

        assertEquals(ExitCode.ROLLBACK_FAILED, result.exitCode());
        assertTrue(result.message().startsWith("The install of App 2.0.0 into /srv/new failed ("), result.message());
        assertTrue(stack.host.text(NEW_DIR + "/.env").isPresent(), "the secrets are kept for the next try");
        assertTrue(StackLock.holder(stack.host, NEW_DIR).isEmpty());
    }

    @Test
    void aReRunKeepsEverySecretRemovesTheLegacyWorkerAndItsBackupIsListed() {
        var stack = new FakeStack(temp);
        Plan plan = plan(stack, FakeStack.DIR);
        assertEquals(List.of("docker compose -p app -f compose.yml rm -f -s worker"), plan.step(StepKind.RENAME).commands()
                .stream().map(c -> String.join(" ", c.argv())).toList(), "what the rename runs is decided by the plan");
        RunResult result = new Runner(stack.host, plan, e -> {}).run();

        assertEquals(ExitCode.DONE, result.exitCode(), result.message());
        String env = stack.host.text(FakeStack.DIR + "/.env").orElseThrow();
        assertTrue(env.startsWith(FakeStack.ENV.replace("APP_VERSION=1.0.0", "APP_VERSION=2.0.0")), env);
        List<Backup> backups = new BackupCatalog().list(stack.host, FakeStack.DIR);
        assertEquals(1, backups.size(), "the re-run's backup has a manifest, so rollback finds it");
        assertTrue(backups.get(0).id().endsWith("-install"));
        assertEquals(result.backupId(), backups.get(0).id());
        assertEquals(FakeStack.ENV, stack.host.text(backups.get(0).pathOf(".env")).orElseThrow());
    }

    @Test
    void aFailedReRunRestoresThePreviousFilesAndIsExitFour() {
        var stack = new FakeStack(temp);
        List<Boolean> healthy = new ArrayList<>(List.of(false, true));
        stack.onCommand(c -> {
            if (c.argv().contains("up")) stack.upHealthy(healthy.remove(0));
            return null;
        });
        RunResult result = new Runner(stack.host, plan(stack, FakeStack.DIR), e -> {}).run();

        assertEquals(ExitCode.ROLLED_BACK, result.exitCode(), result.message());
        assertEquals(FakeStack.COMPOSE, stack.host.text(FakeStack.DIR + "/compose.yml").orElseThrow());
        assertEquals(FakeStack.ENV, stack.host.text(FakeStack.DIR + "/.env").orElseThrow());
    }
}
