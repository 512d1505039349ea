package app.slipway.core.ondemand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.fakes.FakeStack;
import app.slipway.core.host.ExecResult;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.run.StepKind;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.LockOwner;
import app.slipway.core.state.StackLock;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway backup}'s planner and its plan run by the kernel, on an in-memory host and engine. */
class BackupPlannerTest {
    @TempDir Path temp;

    /** The fake stack, answering the dump and its check as PostgreSQL would. */
    private FakeStack stack() {
        var stack = new FakeStack(temp);
        return stack.onCommand(c -> {
            if (c.argv().contains("pg_dump")) return new ExecResult(0, "PGDMP a custom-format archive", "");
            if (c.argv().contains("pg_restore")) {
                return new ExecResult(0, ";\n;     Format: CUSTOM\n;\n215; 1259 16385 TABLE public notes postgres\n", "");
            }
            return null;
        });
    }

    /** An old backup as an earlier run left it: a folder with a manifest. */
    private static void oldBackup(FakeStack stack, String id, String createdAt, String version, long size) {
        stack.host.file(FakeStack.DIR + "/backups/" + id + "/manifest.json", """
                {"id": "%s", "product": "App", "from": "%s", "to": "%s", "createdAt": "%s",
                 "composeFile": "compose.yml", "envFile": ".env",
                 "files": [{"name": ".env", "size": %d, "sha256": "%s"}], "postgres": null,
                 "volumes": [], "directories": []}
                """.formatted(id, version, version, createdAt, size, "0".repeat(64)), 0600);
    }

    private static BackupPlan plan(FakeStack stack, int keep) {
        return BackupPlanner.plan(stack.connection, stack.read(), new BackupOptions(keep, false), Optional.empty());
    }

    @Test
    void thePlanShowsEveryStepAndChangesNothing() {
        var stack = stack();
        oldBackup(stack, "20250101T000000Z-0.9.0-to-1.0.0", "2025-01-01T00:00:00Z", "0.9.0", 3 << 20);
        Plan plan = plan(stack, 1).plan();

        assertEquals(List.of("Connect", "Read the stack", "Preflight", "Back up", "Remove old backups", "Record"),
                plan.steps().stream().map(PlanStep::title).toList());
        assertEquals(0, plan.firstChange(), "a backup changes nothing in the stack");
        assertFalse(plan.recovery().possible());
        assertEquals("Into /srv/app/backups/<UTC timestamp>-1.0.0-manual/:", plan.step(StepKind.BACKUP).details().get(0));
        assertEquals(List.of("Keep the newest 1 backup in /srv/app/backups, this run's included.",
                        "Remove 20250101T000000Z-0.9.0-to-1.0.0: 0.9.0, taken 2025-01-01 00:00 UTC, 3.0 MB.",
                        "Frees about 3.0 MB."),
                plan.step(StepKind.RETENTION).details());
        assertEquals(List.of("rm -rf -- /srv/app/backups/20250101T000000Z-0.9.0-to-1.0.0"),
                plan.step(StepKind.RETENTION).commands().stream().map(c -> String.join(" ", c.argv())).toList());
        assertTrue(stack.host.commands().isEmpty(), "planning ran no command: " + stack.host.commandLines());
        assertFalse(plan.steps().toString().contains(FakeStack.SECRET), "no secret in the plan's words");
    }

    @Test
    void theBackupIsTheUpgradesBackupRecordedAsARun() {
        var stack = stack();
        BackupPlan planned = plan(stack, 10);
        RunResult result = new Runner(stack.host, planned.plan(), e -> {}).run();

        assertEquals(ExitCode.DONE, result.exitCode(), result.message());
        String id = result.backupId();
        assertTrue(id.matches("\\d{8}T\\d{6}Z-1\\.0\\.0-manual"), id);
        String manifest = stack.host.text(FakeStack.DIR + "/backups/" + id + "/manifest.json").orElseThrow();
        assertTrue(manifest.contains("\"from\" : \"1.0.0\"") && manifest.contains("\"to\" : \"1.0.0\""), manifest);
        for (String part : List.of(".env", "compose.yml", "images.json", "postgres.dump")) {
            assertTrue(stack.host.exists(FakeStack.DIR + "/backups/" + id + "/" + part), part + " is in the backup");
            assertTrue(manifest.contains("\"name\" : \"" + part + "\""), part + " is in the manifest");
        }
        assertEquals(FakeStack.ENV, stack.host.text(FakeStack.DIR + "/backups/" + id + "/.env").orElseThrow());
        assertTrue(result.message().matches("Backup " + id + " of App 1\\.0\\.0 is in /srv/app/backups/" + id
                + " \\(\\d+\\.\\d KB\\); no older backup was removed\\."), result.message());

        HistoryEntry line = History.read(stack.host, FakeStack.DIR).get(0);
        assertEquals(List.of("backup", "1.0.0", "1.0.0", HistoryEntry.SUCCEEDED, id),
                List.of(line.command(), line.from(), line.to(), line.result(), line.backupId()));
        assertTrue(StackLock.holder(stack.host, FakeStack.DIR).isEmpty(), "the lock is released");
        assertEquals(FakeStack.ENV, stack.host.text(FakeStack.DIR + "/.env").orElseThrow(), "the stack is untouched");
    }

    @Test
    void theBackupsBeyondTheNewestNAreRemoved() {
        var stack = stack();
        oldBackup(stack, "20250103T000000Z-0.9.0-to-1.0.0", "2025-01-03T00:00:00Z", "0.9.0", 1 << 20);
        oldBackup(stack, "20250102T000000Z-0.8.0-to-0.9.0", "2025-01-02T00:00:00Z", "0.8.0", 2 << 20);
        oldBackup(stack, "20250101T000000Z-0.7.0-to-0.8.0", "2025-01-01T00:00:00Z", "0.7.0", 3 << 20);
        stack.host.mkdirs(FakeStack.DIR + "/backups/20250104T000000Z-half-done"); // no manifest: not Slipway's to judge

        RunResult result = new Runner(stack.host, plan(stack, 2).plan(), e -> {}).run();

        assertEquals(ExitCode.DONE, result.exitCode(), result.message());
        assertTrue(result.message().endsWith("; 2 older backups were removed (5.0 MB freed)."), result.message());
        assertTrue(stack.host.exists(FakeStack.DIR + "/backups/" + result.backupId()));
        assertTrue(stack.host.exists(FakeStack.DIR + "/backups/20250103T000000Z-0.9.0-to-1.0.0"));
        assertFalse(stack.host.exists(FakeStack.DIR + "/backups/20250102T000000Z-0.8.0-to-0.9.0"));
        assertFalse(stack.host.exists(FakeStack.DIR + "/backups/20250101T000000Z-0.7.0-to-0.8.0"));
        assertTrue(stack.host.exists(FakeStack.DIR + "/backups/20250104T000000Z-half-done"));
    }

    @Test
    void aBackupThatWouldFillTheDiskIsRefusedBeforeAnythingIsWritten() {
        var stack = stack();
        stack.onCommand(c -> c.argv().get(0).equals("df")
                ? new ExecResult(0, "Filesystem 1K-blocks Used Available Use% Mounted on\n"
                        + "/dev/sda1 100000000 99000000 524288 99% /\n", "")
                : null);
        var before = stack.host.snapshotOfFiles();

        RunResult result = new Runner(stack.host, plan(stack, 10).plan(), e -> {}).run();

        assertEquals(ExitCode.REFUSED, result.exitCode());
        assertEquals("The backup would leave less than 1024 MB free in /srv/app (it needs about 17 MB and 512 MB"
                + " are free); free some space.", result.message());
        assertEquals(before, stack.host.snapshotOfFiles(), "not a byte written, no history: the lock was never taken");
        assertFalse(stack.host.exists(FakeStack.DIR + "/backups"));
    }

    @Test
    void aHeldLockIsRefusedWithItsHolder() {
        var stack = stack();
        try (var held = StackLock.acquire(stack.host, FakeStack.DIR, LockOwner.current("upgrade 1.0.0 → 2.0.0"), false)) {
            RunResult result = new Runner(stack.host, plan(stack, 10).plan(), e -> {}).run();
            assertEquals(ExitCode.REFUSED, result.exitCode());
            assertTrue(result.message().startsWith("Another Slipway run holds the lock on /srv/app"), result.message());
            assertFalse(stack.host.exists(FakeStack.DIR + "/backups"), "no backup was started");
        }
    }
}
