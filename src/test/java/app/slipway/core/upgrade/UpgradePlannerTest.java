package app.slipway.core.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.events.RunEvent;
import app.slipway.core.fakes.FakeStack;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.run.StepKind;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.Journal;
import app.slipway.core.state.StackLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The upgrade planner and its plan run by the kernel, on an in-memory host and engine. */
class UpgradePlannerTest {
    @TempDir Path temp;

    private Plan plan(FakeStack stack, boolean skipBackup) {
        return UpgradePlanner.plan(stack.connection, stack.read(), new UpgradeOptions("2.0.0", skipBackup, false, false),
                Optional.empty());
    }

    private static List<String> lines(List<Command> commands) {
        return commands.stream().map(c -> String.join(" ", c.argv())).toList();
    }

    @Test
    void planningDecidesEverythingAndChangesNothing() {
        var stack = new FakeStack(temp);
        Plan plan = plan(stack, true);

        assertEquals(List.of("Connect", "Read the stack", "Preflight", "Back up", "Remove old backups",
                "Rename legacy services", "Pin the version", "Restart", "Verify", "Record"),
                plan.steps().stream().map(PlanStep::title).toList());
        assertEquals(6, plan.firstChange(), "the rename is the first change");
        // the legacy consumer goes through the engine (no Compose start): said in the step, not a host command
        assertEquals(List.of(), lines(plan.step(StepKind.RENAME).commands()));
        assertTrue(plan.step(StepKind.RENAME).details().toString().contains("'docker stop -t 10' then 'docker rm'"),
                plan.step(StepKind.RENAME).details().toString());
        assertEquals(List.of("docker compose -p app -f compose.yml up -d --remove-orphans"),
                lines(plan.step(StepKind.RESTART).commands()));
        assertEquals(List.of(11, 12, 13), plan.recovery().steps().stream().map(PlanStep::number).toList());
        assertEquals(List.of("Restore 1.0.0", "Restart 1.0.0", "Verify 1.0.0"),
                plan.recovery().steps().stream().map(PlanStep::title).toList());
        assertTrue(stack.host.commands().isEmpty(), "planning ran no command: " + stack.host.commandLines());
        assertTrue(stack.engine.pulls().isEmpty(), "planning pulled nothing");
        assertFalse(plan.steps().toString().contains(FakeStack.SECRET), "no secret in the plan's words");
    }

    @Test
    void thePlanNamesTheBackupsTheUpgradeRemovesAndNeverTheOnlyOneOfEitherVersion() {
        var stack = new FakeStack(temp);
        oldBackup(stack, "20250104T000000Z-0.9.0-to-1.0.0", "2025-01-04T00:00:00Z", "0.9.0");
        oldBackup(stack, "20250103T000000Z-0.8.0-to-0.9.0", "2025-01-03T00:00:00Z", "0.8.0");
        oldBackup(stack, "20250102T000000Z-2.0.0-to-0.8.0", "2025-01-02T00:00:00Z", "2.0.0");
        oldBackup(stack, "20250101T000000Z-0.7.0-to-2.0.0", "2025-01-01T00:00:00Z", "0.7.0");
        Plan plan = UpgradePlanner.plan(stack.connection, stack.read(),
                new UpgradeOptions("2.0.0", false, false, false, java.util.Map.of(), false, 2), Optional.empty());

        assertEquals(List.of("Keep the newest 2 backups in /srv/app/backups, this run's included.",
                        "Keep 20250102T000000Z-2.0.0-to-0.8.0 although older: the only backup of 2.0.0, the version the"
                                + " upgrade goes to.",
                        "Remove 20250103T000000Z-0.8.0-to-0.9.0: 0.8.0, taken 2025-01-03 00:00 UTC, 1.0 MB.",
                        "Remove 20250101T000000Z-0.7.0-to-2.0.0: 0.7.0, taken 2025-01-01 00:00 UTC, 1.0 MB.",
                        "Frees about 2.0 MB."),
                plan.step(StepKind.RETENTION).details());
        assertTrue(plan(stack, true).step(StepKind.RETENTION).skipped(), "no backup taken, none removed");
        assertTrue(stack.host.exists(FakeStack.DIR + "/backups/20250101T000000Z-0.7.0-to-2.0.0"), "planning removes nothing");
    }

    private static void oldBackup(FakeStack stack, String id, String createdAt, String version) {
        stack.host.file(FakeStack.DIR + "/backups/" + id + "/manifest.json", """
                {"id": "%s", "product": "App", "from": "%s", "to": "x", "createdAt": "%s", "composeFile": "compose.yml",
                 "files": [{"name": ".env", "size": 1048576, "sha256": "%s"}], "volumes": [], "directories": []}
                """.formatted(id, version, createdAt, "0".repeat(64)), 0600);
    }

    @Test
    void theRunExecutesExactlyTheCommandsThePlanShows() {
        var stack = new FakeStack(temp);
        Plan plan = plan(stack, true);
        RunResult result = new Runner(stack.host, plan, e -> {}).run();

        assertEquals(ExitCode.DONE, result.exitCode(), result.message());
        List<String> shown = new ArrayList<>();
        plan.steps().forEach(s -> shown.addAll(lines(s.commands())));
        List<String> run = stack.host.commandLines().stream()
                .filter(l -> l.startsWith("docker compose") && !l.endsWith(" config")).toList();
        assertEquals(shown.stream().filter(l -> !l.endsWith(" config")).toList(), run);
        String compose = stack.host.text(FakeStack.DIR + "/compose.yml").orElseThrow();
        assertTrue(compose.contains("  job:   # renamed to job in 2.x"), compose);
        assertTrue(compose.startsWith("# the app and its background jobs\n"), "comments kept");
        assertEquals(FakeStack.ENV.replace("APP_VERSION=1.0.0", "APP_VERSION=2.0.0"),
                stack.host.text(FakeStack.DIR + "/.env").orElseThrow());
        assertEquals(List.of(FakeStack.IMAGE + ":2.0.0"), stack.engine.pulls());
        assertEquals(HistoryEntry.SUCCEEDED, History.read(stack.host, FakeStack.DIR).get(0).result());
        assertTrue(StackLock.holder(stack.host, FakeStack.DIR).isEmpty());
    }

    @Test
    void aMissingTagIsRefusedBeforeAnyChange() {
        var stack = new FakeStack(temp);
        Plan plan = UpgradePlanner.plan(stack.connection, stack.read(), new UpgradeOptions("9.9.9", true, false, false),
                Optional.empty());
        var before = stack.host.snapshotOfFiles();
        RunResult result = new Runner(stack.host, plan, e -> {}).run();

        assertEquals(ExitCode.REFUSED, result.exitCode());
        assertEquals("Image " + FakeStack.IMAGE + ":9.9.9 does not exist in the registry: check the version.", result.message());
        assertEquals(before, stack.host.snapshotOfFiles(), "not a byte changed");
    }

    @Test
    void anUnhealthyNewVersionIsRolledBackToTheSnapshot() {
        var stack = new FakeStack(temp);
        List<Boolean> healthy = new ArrayList<>(List.of(false, true)); // the new version fails, the old one serves
        stack.onCommand(c -> {
            if (c.argv().contains("up")) stack.upHealthy(healthy.remove(0));
            return null;
        });
        Plan plan = plan(stack, true);
        List<RunEvent> events = new ArrayList<>();
        RunResult result = new Runner(stack.host, plan, events::add).run();

        assertEquals(ExitCode.ROLLED_BACK, result.exitCode(), result.message());
        assertEquals(FakeStack.COMPOSE, stack.host.text(FakeStack.DIR + "/compose.yml").orElseThrow());
        assertEquals(FakeStack.ENV, stack.host.text(FakeStack.DIR + "/.env").orElseThrow());
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.StepFinished f && f.step().title().equals("Verify 1.0.0")));
        assertTrue(Journal.find(stack.host, FakeStack.DIR).isEmpty());
        assertTrue(StackLock.holder(stack.host, FakeStack.DIR).isEmpty());
    }

    @Test
    void theLockIsReleasedWhenTheBackupThrowsSomethingUnexpected() {
        var stack = new FakeStack(temp).onCommand(c -> {
            if (c.argv().contains("pg_dump")) throw new UncheckedIOException(new IOException("channel closed"));
            return null;
        });
        Plan plan = plan(stack, false);
        var before = stack.host.snapshotOfFiles();
        RunResult result = new Runner(stack.host, plan, e -> {}).run();

        assertEquals(ExitCode.REFUSED, result.exitCode(), result.message());
        assertTrue(result.message().endsWith("nothing was changed."), result.message());
        assertTrue(StackLock.holder(stack.host, FakeStack.DIR).isEmpty(), "no lock left for the next run");
        assertEquals(before.get(FakeStack.DIR + "/compose.yml"), stack.host.text(FakeStack.DIR + "/compose.yml").orElseThrow());
        assertEquals(before.get(FakeStack.DIR + "/.env"), stack.host.text(FakeStack.DIR + "/.env").orElseThrow());
    }

    @Test
    void aFileEditedSinceThePlanIsNotOverwritten() {
        var stack = new FakeStack(temp);
        Plan plan = plan(stack, true);
        stack.host.file(FakeStack.DIR + "/.env", FakeStack.ENV + "EDITED=1\n", 0600);
        RunResult result = new Runner(stack.host, plan, e -> {}).run();

        assertEquals(ExitCode.ROLLED_BACK, result.exitCode(), result.message());
        assertTrue(result.message().contains(".env changed since it was read: plan again"), result.message());
        assertTrue(stack.host.text(FakeStack.DIR + "/.env").orElseThrow().endsWith("EDITED=1\n"), "the edit is kept");
    }
}
