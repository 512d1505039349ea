package app.slipway.gui.run;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.run.PlanStep;
import app.slipway.core.events.RunEvent;
import app.slipway.core.run.StepOutcome;
import app.slipway.core.run.RunResult;
import app.slipway.core.stack.StackState;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Run page's state: the job's steps with their states, one progress entry per image being
 * pulled, the live log and the elapsed time. Starts the session's job once, in the background;
 * events reach it through a {@link RunInbox}. When the run ends it hands the result to the
 * session and moves on to the Result page.
 */
public final class RunViewModel {
    /** Log lines kept; older ones scroll away for good (the run's own journal keeps what matters). */
    public static final int LOG_CAPACITY = 5000;

    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;
    private final LongSupplier nanoClock;

    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<ImageRow> images = FXCollections.observableArrayList();
    private final ObservableList<LogEntry> log = FXCollections.observableArrayList();
    private final Map<String, ImageRow> imagesByRef = new HashMap<>();
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "0:00");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private long statusAskedAt;
    private boolean statusAsking;
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final BooleanProperty finished = new SimpleBooleanProperty(this, "finished");
    private final BooleanProperty cancelPossible = new SimpleBooleanProperty(this, "cancelPossible");
    private final BooleanProperty cancelRequested = new SimpleBooleanProperty(this, "cancelRequested");

    private RunJob job;
    private RunInbox inbox;
    private long startedAt;
    private boolean stackChanging;

    public RunViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator) {
        this(session, executor, navigator, System::nanoTime);
    }

    RunViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator, LongSupplier nanoClock) {
        this.session = session;
        this.executor = executor;
        this.navigator = navigator;
        this.nanoClock = nanoClock;
    }

    /** Starts the session's job, unless it is the one already started (coming back from Result). */
    public void entered() {
        RunJob next = session.job.get();
        if (next == null || next == job) return;
        start(next);
    }

    private void start(RunJob next) {
        job = next;
        status.set("");
        statusAskedAt = Long.MIN_VALUE / 2;
        steps.clear();
        images.clear();
        imagesByRef.clear();
        log.clear();
        int firstWayBack = next.steps().size() - next.wayBack();
        for (PlanStep step : next.steps()) {
            var row = new StepRow(step.number(), step, next.groupOf(step));
            if (step.skipped()) row.plannedSkip();
            if (steps.size() >= firstWayBack) row.standby();
            steps.add(row);
        }
        title.set(next.title());
        stackChanging = false;
        cancelRequested.set(false);
        finished.set(false);
        running.set(true);
        session.running.set(true);
        startedAt = nanoClock.getAsLong();
        elapsed.set(clockText(0));
        updateCancelPossible();

        RunInbox own = new RunInbox(executor, this::apply, nanoClock);
        inbox = own;
        // The core's runner masks the plan's secrets before its events reach the inbox.
        executor.run("run", () -> next.work().apply(own),
                result -> ended(next, own, result, null),
                error -> ended(next, own, null, error));
    }

    // ------------------------------------------------------------------ events, on the UI thread

    private void apply(RunInbox.Batch batch) {
        var lines = new ArrayList<LogEntry>();
        for (RunEvent event : batch.events()) {
            if (event instanceof RunEvent.StepStarted s) {
                row(s.step(), StepState.PENDING, StepState.SKIPPED, StepState.STANDBY).started();
                if (s.step().kind().changesTheStack()) stackChanging = true;
            } else if (event instanceof RunEvent.StepFinished f) {
                row(f.step(), StepState.RUNNING, StepState.PENDING).ended(StepState.DONE, "", f.took());
            } else if (event instanceof RunEvent.StepSkipped k) {
                row(k.step(), StepState.PENDING, StepState.SKIPPED).ended(StepState.SKIPPED, k.reason(), null);
            } else if (event instanceof RunEvent.StepFailed f) {
                row(f.step(), StepState.RUNNING, StepState.PENDING).ended(StepState.FAILED, f.message(), f.took());
            } else if (event instanceof RunEvent.LogLine l) {
                lines.add(new LogEntry(l.source(), l.line()));
            } else if (event instanceof RunEvent.Notice n) {
                lines.add(LogEntry.notice(n.message()));
            }
        }
        appendLog(lines);
        for (PullTally.ImagePull pull : batch.pulls()) {
            imagesByRef.computeIfAbsent(pull.image(), ref -> {
                var row = new ImageRow(ref);
                images.add(row);
                return row;
            }).update(pull);
        }
        updateCancelPossible();
    }

    /**
     * The row of this step: the first of its kind in the first of the given states. A step the
     * list does not have (a rollback's restore, a second verify) gets a row of its own at the end.
     */
    private StepRow row(PlanStep step, StepState... states) {
        for (StepRow row : steps) {
            if (row.step() == step) return row; // the plan's own step: rows are the plan's steps, one to one
        }
        for (StepState state : states) {
            for (StepRow row : steps) {
                if (row.kind() == step.kind() && row.state() == state) return row;
            }
        }
        var row = new StepRow(steps.size() + 1, step);
        steps.add(row);
        return row;
    }

    private void appendLog(List<LogEntry> lines) {
        if (lines.isEmpty()) return;
        int keep = Math.min(lines.size(), LOG_CAPACITY);
        int drop = log.size() + keep - LOG_CAPACITY;
        if (drop > 0) log.remove(0, drop);
        log.addAll(lines.subList(lines.size() - keep, lines.size()));
    }

    private void updateCancelPossible() {
        cancelPossible.set(running.get() && !stackChanging && !cancelRequested.get()
                && job != null && job.cancellation().isPossible());
    }

    // ------------------------------------------------------------------ the end

    private void ended(RunJob ran, RunInbox own, RunResult result, Throwable error) {
        own.close();
        if (ran != job) return; // a newer job replaced it meanwhile
        RunResult outcome = result != null ? result : failure(error);
        running.set(false);
        session.running.set(false);
        finished.set(true);
        updateCancelPossible();
        elapsed.set(clockText(nanoClock.getAsLong() - startedAt));
        session.result.set(outcome);
        navigator.goTo(Navigator.Step.RESULT);
    }

    /** The run threw instead of returning a result: the same shape, one sentence, no stack trace. */
    private RunResult failure(Throwable error) {
        String message = ErrorText.of(error);
        var outcomes = new ArrayList<StepOutcome>();
        for (StepRow row : steps) {
            if (row.state() == StepState.RUNNING) row.ended(StepState.FAILED, message, null);
            if (!row.reported()) continue;
            String ended = switch (row.state()) {
                case DONE -> "done";
                case SKIPPED -> "skipped";
                case FAILED -> "failed";
                default -> null;
            };
            if (ended != null) outcomes.add(new StepOutcome(row.step(), ended, Duration.ZERO));
        }
        appendLog(List.of(LogEntry.notice(message)));
        StackState stack = session.stack.get();
        String from = stack == null ? null : stack.currentVersion().orElse(null);
        return new RunResult(job.kind(), from, session.version.get(), exitCodeOf(error), message, null,
                java.util.Optional.empty(), outcomes, Map.of(), Duration.ofNanos(nanoClock.getAsLong() - startedAt));
    }

    private static ExitCode exitCodeOf(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof SlipwayException s) return s.exitCode();
        }
        return ExitCode.INTERNAL;
    }

    // ------------------------------------------------------------------ actions

    /** Asks the run to stop; honoured only before the first change to the stack. */
    public void cancel() {
        if (!cancelPossible.get()) return;
        if (job.cancellation().request()) {
            cancelRequested.set(true);
            appendLog(List.of(LogEntry.notice("Cancelling: the run stops before it changes anything.")));
        }
        updateCancelPossible();
    }

    /** After the end, coming back from the Result page: go there again. */
    public void showResult() {
        if (finished.get()) navigator.goTo(Navigator.Step.RESULT);
    }

    /**
     * Called by the page's ticker (about every second): the elapsed time, and what a throttled
     * pull left waiting in the inbox. View-model tests never need it.
     */
    public void tick() {
        if (!running.get()) return;
        if (inbox != null) inbox.drain();
        long now = nanoClock.getAsLong();
        elapsed.set(clockText(now - startedAt));
        askStatus(now);
    }

    /** The job's status line, asked in the background at most every two seconds. */
    private void askStatus(long now) {
        var supplier = job == null ? null : job.status();
        if (supplier == null || statusAsking || now - statusAskedAt < 2_000_000_000L) return;
        statusAsking = true;
        statusAskedAt = now;
        executor.run("run-status", supplier::get, text -> {
            statusAsking = false;
            status.set(text);
        }, e -> statusAsking = false);
    }

    /** Above the steps, for several servers: which serve now, the rollout order. */
    public javafx.beans.property.ReadOnlyStringProperty statusProperty() {
        return status;
    }

    static String clockText(long nanos) {
        long s = Math.max(0, nanos / 1_000_000_000L);
        if (s < 3600) return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    // ------------------------------------------------------------------ for the page

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public ObservableList<ImageRow> images() {
        return images;
    }

    public ObservableList<LogEntry> log() {
        return log;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** "1:07" since the run started; frozen at the end. */
    public ReadOnlyStringProperty elapsedProperty() {
        return elapsed;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished;
    }

    /** True while Cancel would still be honoured: running, nothing changed yet, not asked already. */
    public ReadOnlyBooleanProperty cancelPossibleProperty() {
        return cancelPossible;
    }

    public ReadOnlyBooleanProperty cancelRequestedProperty() {
        return cancelRequested;
    }
}
