package app.slipway.core.run;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.host.Target;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.Journal;
import app.slipway.core.state.JournalEntry;
import app.slipway.core.state.LockOwner;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Executes any {@link Plan}: one place for what every run shares. The lock is held in
 * try-with-resources and released on every path; cancellation is honoured until the first step
 * that changes the stack; each step is timed and reported; the journal starts at the first change;
 * a failure after it runs the plan's recovery (exit 4, or 5 when that fails too or there is none);
 * the history gets one line per run that got as far as the lock; secrets are masked once, here,
 * where events and the result leave the run.
 */
public final class Runner {
    private final Target host;
    private final Plan plan;
    private final RunListener listener;
    private final Cancellation cancellation;
    private final StepClock clock;
    private Journal journal;

    public Runner(Target host, Plan plan, RunListener listener, Cancellation cancellation) {
        this.host = host;
        this.plan = plan;
        this.listener = plan.redactor().wrap(listener);
        this.cancellation = cancellation;
        this.clock = new StepClock(this.listener);
    }

    public Runner(Target host, Plan plan, RunListener listener) {
        this(host, plan, listener, Cancellation.none());
    }

    public RunResult run() {
        try (Session session = start()) {
            return session.prepare().orElseGet(session::change);
        }
    }

    /**
     * Opens the run in two halves, for runs that must prepare several stacks before changing any
     * (several servers): {@link Session#prepare} runs the steps before the first change (pulls, the
     * lock, the backup), {@link Session#change} the rest. The lock is held until the session closes.
     */
    public Session start() {
        return new Session();
    }

    /** One run in progress; closing it releases the lock, whatever happened. */
    public final class Session implements AutoCloseable {
        private final Instant started = Instant.now();
        private final RunContext run = new RunContext(host, plan, listener, cancellation);
        private final List<PlanStep> steps = plan.steps();
        private int next;
        private boolean changing;
        private PlanStep current;

        /** The steps before the first change. Empty when they all went well, else how the run ended. */
        public java.util.Optional<RunResult> prepare() {
            try {
                for (; next < steps.size(); next++) {
                    PlanStep step = steps.get(next);
                    current = step;
                    if (step.kind() == StepKind.RECORD) continue; // the runner's own, at the end
                    if (step.changesTheStack() && !step.skipped()) return java.util.Optional.empty();
                    if (step.skipped()) {
                        clock.skip(step, step.reason());
                        continue;
                    }
                    clock.run(step, () -> step.action().run(run));
                    cancellation.checkpoint();
                }
            } catch (Exception e) {
                return java.util.Optional.of(stopped(run, current, e, started));
            }
            return java.util.Optional.empty();
        }

        /** From the first change to the record; a failure after the first change takes the way back. */
        public RunResult change() {
            try {
                for (; next < steps.size(); next++) {
                    PlanStep step = steps.get(next);
                    current = step;
                    if (step.kind() == StepKind.RECORD) continue;
                    if (step.skipped()) {
                        clock.skip(step, step.reason());
                        continue;
                    }
                    if (step.changesTheStack() && !changing) {
                        cancellation.close(); // from here on the run finishes or goes back
                        plan.recovery().checkpoint().run(run);
                        beginJournal(run);
                        changing = true;
                    }
                    clock.run(step, () -> step.action().run(run));
                    if (changing) {
                        if (journal != null) journal.reached(step.kind().name().toLowerCase(java.util.Locale.ROOT));
                    } else {
                        cancellation.checkpoint();
                    }
                }
            } catch (Exception e) {
                return changing ? recover(run, e, started) : stopped(run, current, e, started);
            }
            String message = plan.wording().done(run);
            record(run, HistoryEntry.SUCCEEDED, message, started, true);
            return result(run, ExitCode.DONE, message, Map.of(), started);
        }

        /**
         * Takes the way back after a change that succeeded, because of something outside this run
         * (another server of a fleet failed): the plan's recovery steps, recorded as rolled back.
         */
        public RunResult undo(String why) {
            if (!changing || !plan.recovery().possible()) {
                return result(run, ExitCode.DONE, "Nothing to undo: the stack was not changed.", Map.of(), started);
            }
            listener.on(new RunEvent.Notice("Going back to " + plan.from() + " (" + why + ")."));
            try {
                for (PlanStep step : plan.recovery().steps()) {
                    clock.run(step, () -> step.action().run(run));
                }
            } catch (Exception again) {
                String message = plan.wording().rollbackFailed(why, why(again), run);
                record(run, HistoryEntry.FAILED, message, started, false);
                return result(run, ExitCode.ROLLBACK_FAILED, message, Map.of(), started);
            }
            String message = plan.wording().rolledBack(why, run);
            record(run, HistoryEntry.ROLLED_BACK, message, started, true);
            return result(run, ExitCode.ROLLED_BACK, message, Map.of(), started);
        }

        /** What the run left for the caller: its backup, its snapshot. */
        public RunContext context() {
            return run;
        }

        @Override
        public void close() {
            run.close();
        }
    }

    /** Nothing changed: the failure's own exit code (a refusal unless it is a bug), no recovery needed. */
    private RunResult stopped(RunContext run, PlanStep step, Exception e, Instant started) {
        ExitCode code = exitCodeOf(e);
        String message = e instanceof SlipwayException ? e.getMessage()
                : e instanceof CancellationException ? "Cancelled before any change: the stack was not touched."
                : (step == null ? "The run" : step.title()) + " failed (" + why(e) + "); nothing was changed.";
        if (run.holdsLock()) record(run, HistoryEntry.FAILED, message, started, false);
        return result(run, code, message, logsOf(e), started);
    }

    private RunResult recover(RunContext run, Exception failure, Instant started) {
        String why = why(failure);
        Map<String, List<String>> logs = logsOf(failure);
        if (!plan.recovery().possible()) {
            String message = plan.wording().failedWithoutRecovery(why, run);
            record(run, HistoryEntry.FAILED, message, started, true);
            return result(run, ExitCode.ROLLBACK_FAILED, message, logs, started);
        }
        // Why it failed is the run's last sentence; said here too, a terminal would show it twice.
        listener.on(new RunEvent.Notice("The " + plan.kind().word + " failed; going back to " + plan.from() + "."));
        try {
            for (PlanStep step : plan.recovery().steps()) {
                clock.run(step, () -> step.action().run(run));
            }
        } catch (Exception again) {
            String message = plan.wording().rollbackFailed(why, why(again), run);
            // The journal stays: it and the snapshot are what `slipway rollback` returns to.
            record(run, HistoryEntry.FAILED, message, started, false);
            return result(run, ExitCode.ROLLBACK_FAILED, message, logs, started);
        }
        String message = plan.wording().rolledBack(why, run);
        record(run, HistoryEntry.ROLLED_BACK, message, started, true);
        return result(run, ExitCode.ROLLED_BACK, message, logs, started);
    }

    private void beginJournal(RunContext run) {
        journal = switch (plan.journaling()) {
            case BEGIN -> Journal.begin(host, plan.directory(), JournalEntry.start(plan.kind().word, plan.from(),
                    plan.to(), run.backupId().orElse(null)));
            case RESUME -> Journal.resume(host, plan.directory()).orElseGet(() -> Journal.begin(host, plan.directory(),
                    JournalEntry.start(plan.kind().word, plan.from(), plan.to(), run.backupId().orElse(null))));
            case CLOSE_INTERRUPTED -> null;
        };
    }

    /**
     * The Record step: one history line, the journal ended when the run is settled. A history that
     * cannot be written is said, never allowed to hide the outcome.
     */
    private void record(RunContext run, String result, String message, Instant started, boolean settled) {
        PlanStep step = plan.steps().stream().filter(s -> s.kind() == StepKind.RECORD).findFirst().orElse(null);
        Runnable body = () -> {
            History.append(host, plan.directory(), new HistoryEntry(LockOwner.current(plan.kind().word).who(),
                    started.toString(), plan.kind().word, plan.from(), plan.to(), result, run.backupId().orElse(null),
                    Duration.between(started, Instant.now()).toMillis(), plan.redactor().redact(message)));
            if (settled) endJournal();
        };
        try {
            if (step != null) {
                clock.run(step, body::run);
            } else {
                body.run();
            }
        } catch (RuntimeException e) {
            listener.on(new RunEvent.Notice("The outcome could not be written to " + plan.directory()
                    + "/.slipway/history.jsonl (" + why(e) + ")."));
        }
    }

    private void endJournal() {
        if (journal != null) {
            journal.finish();
        } else if (plan.journaling() == Journaling.CLOSE_INTERRUPTED) {
            Journal.resume(host, plan.directory()).ifPresent(Journal::finish);
        }
    }

    static ExitCode exitCodeOf(Exception e) {
        if (e instanceof SlipwayException s) return s.exitCode();
        if (e instanceof CancellationException) return ExitCode.REFUSED;
        return isBug(e) ? ExitCode.INTERNAL : ExitCode.REFUSED;
    }

    /** Failures that only a mistake in Slipway's own code throws. */
    private static boolean isBug(Exception e) {
        return e instanceof NullPointerException || e instanceof ClassCastException
                || e instanceof IndexOutOfBoundsException || e instanceof UnsupportedOperationException;
    }

    private static Map<String, List<String>> logsOf(Exception e) {
        return e instanceof UnhealthyStack u ? u.logs() : Map.of();
    }

    /** The failure in a phrase: its message, or what it is when it has none. */
    static String why(Exception e) {
        Throwable t = e;
        if (t.getMessage() == null && t.getCause() != null) t = t.getCause();
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.strip();
    }

    private RunResult result(RunContext run, ExitCode code, String message, Map<String, List<String>> logs,
                             Instant started) {
        var masked = new java.util.LinkedHashMap<String, List<String>>();
        logs.forEach((service, lines) -> masked.put(service, lines.stream().map(plan.redactor()::redact).toList()));
        return new RunResult(plan.kind(), plan.from(), plan.to(), code, plan.redactor().redact(message),
                run.backupId().orElse(null), plan.url(), clock.outcomes(), masked,
                Duration.between(started, Instant.now()));
    }
}
