package app.slipway.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.fakes.InMemoryHost;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.Journal;
import app.slipway.core.state.StackLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The runner against an in-memory host and plans made of plain actions: every outcome, in milliseconds. */
class RunnerTest {
    private static final String DIR = "/srv/app";
    private static final String SECRET = "s3cr3t-value-42";

    private final InMemoryHost host = new InMemoryHost().file(DIR + "/compose.yml", "services: {}\n", 0644);
    private final List<String> ran = new ArrayList<>();
    private final List<RunEvent> events = new ArrayList<>();

    /** A plan shaped like an upgrade: preflight takes the lock, backup, two changes, verify, record; a three-step way back. */
    private Plan plan(StepAction backup, StepAction change, StepAction restore, boolean withRecovery) {
        var steps = new ArrayList<PlanStep>();
        steps.add(step(1, StepKind.PREFLIGHT, run -> {
            ran.add("preflight");
            run.takeLock();
        }));
        steps.add(step(2, StepKind.BACKUP, run -> {
            ran.add("backup");
            backup.run(run);
        }));
        steps.add(new PlanStep(3, StepKind.RENAME, "Rename legacy services", List.of("Nothing to rename."), List.of(),
                true, true, run -> ran.add("rename must not run")));
        steps.add(step(4, StepKind.PIN, run -> ran.add("pin")));
        steps.add(step(5, StepKind.RESTART, run -> {
            ran.add("restart");
            change.run(run);
        }));
        steps.add(step(6, StepKind.RECORD, StepAction.NOTHING));
        Recovery recovery = withRecovery
                ? new Recovery(run -> ran.add("checkpoint"), List.of(
                        step(7, StepKind.RESTORE_FILES, run -> {
                            ran.add("restore");
                            restore.run(run);
                        }),
                        step(8, StepKind.VERIFY, run -> ran.add("verify again"))))
                : Recovery.NONE;
        return new Plan(RunKind.UPGRADE, "local", DIR, "Fixture", "1.0.0", "2.0.0", List.of(), steps, recovery,
                new Plan.LockTerms("upgrade 1.0.0 → 2.0.0", false), Journaling.BEGIN, WORDS,
                new SecretRedactor(Map.of("APP_SECRET", SECRET), Set.of()), Optional.of("http://127.0.0.1:3000/"));
    }

    private static PlanStep step(int number, StepKind kind, StepAction action) {
        return new PlanStep(number, kind, kind.title, List.of("What " + kind.title + " does."), List.of(),
                kind.changesTheStack(), false, action);
    }

    private static final Wording WORDS = new Wording() {
        @Override
        public String done(RunContext run) {
            return "done";
        }

        @Override
        public String rolledBack(String why, RunContext run) {
            return "rolled back: " + why;
        }

        @Override
        public String rollbackFailed(String why, String recoveryWhy, RunContext run) {
            return "both failed: " + why + " / " + recoveryWhy;
        }

        @Override
        public String failedWithoutRecovery(String why, RunContext run) {
            return "no way back: " + why;
        }
    };

    private RunResult run(Plan plan) {
        return run(plan, Cancellation.none());
    }

    private RunResult run(Plan plan, Cancellation cancellation) {
        return new Runner(host, plan, events::add, cancellation).run();
    }

    private List<HistoryEntry> history() {
        return History.read(host, DIR);
    }

    private void assertUnlocked() {
        assertTrue(StackLock.holder(host, DIR).isEmpty(), "the lock is released");
        assertFalse(host.exists(DIR + "/.slipway/lock"), "no lock directory is left behind");
    }

    @Test
    void aPlanThatSucceedsRunsEveryStepInOrderAndRecordsOnce() {
        RunResult result = run(plan(run -> {}, run -> {}, run -> {}, true));

        assertEquals(ExitCode.DONE, result.exitCode());
        assertEquals("done", result.message());
        assertEquals(List.of("preflight", "backup", "checkpoint", "pin", "restart"), ran);
        assertEquals(List.of("done", "done", "skipped", "done", "done", "done"),
                result.steps().stream().map(StepOutcome::result).toList());
        assertEquals(1, history().size());
        assertEquals(HistoryEntry.SUCCEEDED, history().get(0).result());
        assertTrue(Journal.find(host, DIR).isEmpty(), "the journal ends with the run");
        assertEquals(Optional.of("http://127.0.0.1:3000/"), result.url());
        assertUnlocked();
    }

    @Test
    void theJournalRecordsEachChangingStepAsItIsReached() {
        List<String> reached = new ArrayList<>();
        run(plan(run -> {}, run -> reached.add(Journal.find(host, DIR).orElseThrow().lastStep()), run -> {}, true));
        assertEquals(List.of("pin"), reached, "restart runs after pin was journalled");
    }

    @Test
    void aRefusalBeforeTheLockIsItsOwnExitCodeWithNoHistory() {
        var plan = plan(run -> {}, run -> {}, run -> {}, true);
        var refusing = withStep(plan, 0, run -> {
            throw SlipwayException.refused("Image x:9 does not exist in the registry: check the version.");
        });
        RunResult result = run(refusing);

        assertEquals(ExitCode.REFUSED, result.exitCode());
        assertEquals("Image x:9 does not exist in the registry: check the version.", result.message());
        assertTrue(history().isEmpty());
        assertUnlocked();
    }

    @Test
    void badInputIsExitTwo() {
        var plan = withStep(plan(run -> {}, run -> {}, run -> {}, true), 0, run -> {
            throw SlipwayException.badInput("Version 'a b' is not a valid tag.");
        });
        assertEquals(ExitCode.BAD_INPUT, run(plan).exitCode());
        assertUnlocked();
    }

    @Test
    void anUnexpectedExceptionMidBackupReleasesTheLockAndChangesNothing() {
        RunResult result = run(plan(run -> {
            assertTrue(run.holdsLock());
            throw new UncheckedIOException(new IOException("connection reset by peer"));
        }, run -> {}, run -> {}, true));

        assertEquals(ExitCode.REFUSED, result.exitCode());
        assertEquals("Back up failed (java.io.IOException: connection reset by peer); nothing was changed.", result.message());
        assertEquals(List.of("preflight", "backup"), ran, "no change, no checkpoint, no recovery");
        assertUnlocked();
        assertTrue(Journal.find(host, DIR).isEmpty(), "no journal: nothing changed");
        assertEquals(HistoryEntry.FAILED, history().get(0).result(), "the run held the lock, so it is in the history");
    }

    @Test
    void aBugBeforeAnyChangeIsExitOneAndStillReleasesTheLock() {
        RunResult result = run(plan(run -> {
            throw new NullPointerException("oops");
        }, run -> {}, run -> {}, true));
        assertEquals(ExitCode.INTERNAL, result.exitCode());
        assertUnlocked();
    }

    @Test
    void aFailureAfterTheFirstChangeRunsTheWayBackAndIsExitFour() {
        RunResult result = run(plan(run -> {}, run -> {
            throw new UnhealthyStack("web is unhealthy", Map.of("web", List.of("boom")));
        }, run -> {}, true));

        assertEquals(ExitCode.ROLLED_BACK, result.exitCode());
        assertEquals("rolled back: web is unhealthy", result.message());
        assertEquals(List.of("preflight", "backup", "checkpoint", "pin", "restart", "restore", "verify again"), ran);
        assertEquals(Map.of("web", List.of("boom")), result.failedLogs());
        assertEquals(HistoryEntry.ROLLED_BACK, history().get(0).result());
        assertTrue(Journal.find(host, DIR).isEmpty());
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.StepStarted s && s.step().number() == 7),
                "the way back's steps are reported as steps");
        assertUnlocked();
    }

    @Test
    void whenTheWayBackFailsTooItIsExitFiveAndTheJournalStays() {
        RunResult result = run(plan(run -> {}, run -> {
            throw new IllegalStateException("compose up failed");
        }, run -> {
            throw new IllegalStateException("snapshot unreadable");
        }, true));

        assertEquals(ExitCode.ROLLBACK_FAILED, result.exitCode());
        assertEquals("both failed: compose up failed / snapshot unreadable", result.message());
        assertTrue(Journal.find(host, DIR).isPresent(), "the journal stays for `slipway rollback`");
        assertEquals(HistoryEntry.FAILED, history().get(0).result());
        assertUnlocked();
    }

    @Test
    void aPlanWithoutAWayBackEndsWithExitFiveInItsOwnWords() {
        RunResult result = run(plan(run -> {}, run -> {
            throw new IllegalStateException("web exited 1");
        }, run -> {}, false));

        assertEquals(ExitCode.ROLLBACK_FAILED, result.exitCode());
        assertEquals("no way back: web exited 1", result.message());
        assertUnlocked();
    }

    @Test
    void cancellingBeforeTheFirstChangeStopsWithNothingChanged() {
        var cancellation = new Cancellation();
        RunResult result = run(plan(run -> assertTrue(cancellation.request()), run -> {}, run -> {}, true), cancellation);

        assertEquals(ExitCode.REFUSED, result.exitCode());
        assertEquals("Cancelled before any change: the stack was not touched.", result.message());
        assertEquals(List.of("preflight", "backup"), ran);
        assertUnlocked();
    }

    @Test
    void cancellingAfterTheFirstChangeIsRefusedAndTheRunFinishes() {
        var cancellation = new Cancellation();
        RunResult result = run(plan(run -> {}, run -> assertFalse(cancellation.request()), run -> {}, true), cancellation);
        assertEquals(ExitCode.DONE, result.exitCode());
    }

    @Test
    void secretsAreMaskedInEventsAndTheResult() {
        RunResult result = run(plan(run -> {
            run.listener().on(new RunEvent.LogLine("backup", "password is " + SECRET));
            throw new IllegalStateException("pg_dump said " + SECRET);
        }, run -> {}, run -> {}, true));

        assertFalse(result.message().contains(SECRET), result.message());
        for (RunEvent e : events) {
            assertFalse(e.toString().contains(SECRET), e.toString());
        }
        assertFalse(history().get(0).message().contains(SECRET));
    }

    @Test
    void aHeldLockIsARefusalAndIsNotTakenOver() {
        var other = StackLock.acquire(host, DIR, app.slipway.core.state.LockOwner.current("someone else"), false);
        RunResult result = run(plan(run -> {}, run -> {}, run -> {}, true));
        assertEquals(ExitCode.REFUSED, result.exitCode());
        assertTrue(StackLock.holder(host, DIR).isPresent(), "the other run's lock stays");
        other.release();
    }

    private static Plan withStep(Plan plan, int index, StepAction action) {
        var steps = new ArrayList<>(plan.steps());
        PlanStep old = steps.get(index);
        steps.set(index, new PlanStep(old.number(), old.kind(), old.title(), old.details(), old.commands(),
                old.changesTheStack(), old.skipped(), action));
        return new Plan(plan.kind(), plan.target(), plan.directory(), plan.product(), plan.from(), plan.to(), plan.notes(),
                steps, plan.recovery(), plan.lock(), plan.journaling(), plan.wording(), plan.redactor(), plan.url());
    }
}
