package app.slipway.gui.run;

import app.slipway.core.run.StepAction;
import app.slipway.core.run.RunKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepKind;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.RunEvent;
import app.slipway.core.events.RunListener;
import app.slipway.core.run.RunResult;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The Run page's state, driven by synthetic runs on the calling thread. */
class RunViewModelTest {
    private static final String APP = "127.0.0.1:5555/slipway-fixture/app:2.0.0";
    private static final String DB = "127.0.0.1:5555/slipway-fixture/postgres:15";

    private final WizardSession session = new WizardSession();
    private final RecordingNavigator navigator = new RecordingNavigator();
    /** Each reading one second later: every pull message is handed over, so mid-run states can be checked. */
    private final AtomicLong seconds = new AtomicLong();
    private final RunViewModel model = new RunViewModel(session, new DirectExecutor(), navigator,
            () -> seconds.incrementAndGet() * 1_000_000_000L);
    private final List<PlanStep> steps = Steps.upgrade();
    private final List<String> checks = new ArrayList<>();

    private RunJob job(Function<RunListener, RunResult> work, Cancellation cancellation) {
        return new RunJob("Upgrade Fixture 1.0.0 → 2.0.0", RunKind.UPGRADE, steps, work, cancellation);
    }

    private StepState state(StepKind kind) {
        return model.steps().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow().state();
    }

    private ImageRow image(String ref) {
        return model.images().stream().filter(i -> i.image().equals(ref)).findFirst().orElseThrow();
    }

    /** Two images of three layers each, with sizes, as the engine reports a pull. */
    private void pull(RunListener l, String ref, long[] sizes) {
        for (int i = 0; i < sizes.length; i++) l.on(new RunEvent.PullProgress(ref, ref + "-l" + i, "Pulling fs layer", 0, 0));
        for (int i = 0; i < sizes.length; i++) {
            l.on(new RunEvent.PullProgress(ref, ref + "-l" + i, "Downloading", sizes[i] / 2, sizes[i]));
        }
        for (int i = 0; i < sizes.length; i++) {
            l.on(new RunEvent.PullProgress(ref, ref + "-l" + i, "Download complete", 0, 0));
            l.on(new RunEvent.PullProgress(ref, ref + "-l" + i, "Extracting", 1, 99));
            l.on(new RunEvent.PullProgress(ref, ref + "-l" + i, "Pull complete", 0, 0));
        }
    }

    @Test
    void followsAFailedUpgradeThatRollsBackStepByStep() {
        var cancellation = new Cancellation();
        RunResult rolledBack = Steps.result(ExitCode.ROLLED_BACK, "The upgrade to 2.0.0 failed and was rolled back.",
                Map.of("web", List.of("boom")));
        session.job.set(job(l -> {
            checks.add("before start running=" + session.running.get() + " cancel=" + model.cancelPossibleProperty().get());
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.CONNECT)));
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.CONNECT), Duration.ofMillis(10)));
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.READ)));
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.READ), Duration.ofMillis(10)));
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.PREFLIGHT)));
            assertEquals(StepState.RUNNING, state(StepKind.PREFLIGHT));
            assertEquals(StepState.PENDING, state(StepKind.BACKUP));
            l.on(new RunEvent.Notice("Pulling " + APP + " while 1.0.0 keeps serving."));
            l.on(new RunEvent.PullProgress(APP, APP + "-l0", "Pulling fs layer", 0, 0));
            assertEquals(-1, image(APP).progressProperty().get(), "no size known yet: indeterminate");
            l.on(new RunEvent.PullProgress(APP, APP + "-l0", "Downloading", 17_000_000, 34_000_000));
            l.on(new RunEvent.PullProgress(APP, APP + "-l1", "Downloading", 0, 17_000_000));
            assertEquals(17_000_000, image(APP).current());
            assertEquals(51_000_000, image(APP).total());
            assertEquals(1.0 / 3, image(APP).progressProperty().get(), 1e-9);
            assertEquals("127.0.0.1:5555/…/app:2.0.0 — 17 MB of 51 MB", image(APP).textProperty().get());
            pull(l, APP, new long[] {34_000_000, 17_000_000, 4_000_000});
            pull(l, DB, new long[] {3_000_000, 2_000_000, 1_000_000});
            assertTrue(model.cancelPossibleProperty().get(), "nothing changed yet");
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.PREFLIGHT), Duration.ofSeconds(3)));
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.BACKUP)));
            l.on(new RunEvent.LogLine("compose", "$ docker-compose exec -T db pg_dump -Fc fixture"));
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.BACKUP), Duration.ofSeconds(2)));
            l.on(new RunEvent.StepSkipped(Steps.of(steps, StepKind.RENAME), "Nothing to rename."));
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.PIN)));
            checks.add("after pin started cancel=" + model.cancelPossibleProperty().get());
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.PIN), Duration.ofMillis(5)));
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.RESTART)));
            l.on(new RunEvent.LogLine("compose", "Recreating fixture_web_1 ... done"));
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.RESTART), Duration.ofSeconds(4)));
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.VERIFY)));
            l.on(new RunEvent.StepFailed(Steps.of(steps, StepKind.VERIFY), "web is not healthy", Duration.ofSeconds(45)));
            l.on(new RunEvent.Notice("The upgrade failed (web is not healthy); rolling back to 1.0.0."));
            // a rollback's own steps are not in the plan: they get rows of their own
            var restore = new PlanStep(1, StepKind.RESTORE_FILES, StepKind.RESTORE_FILES.title, List.of(), List.of(), true, false, StepAction.NOTHING);
            l.on(new RunEvent.StepStarted(restore));
            l.on(new RunEvent.StepFinished(restore, Duration.ofSeconds(1)));
            var reverify = new PlanStep(2, StepKind.VERIFY, StepKind.VERIFY.title, List.of(), List.of(), true, false, StepAction.NOTHING);
            l.on(new RunEvent.StepStarted(reverify));
            l.on(new RunEvent.StepFinished(reverify, Duration.ofSeconds(5)));
            return rolledBack;
        }, cancellation));

        model.entered();

        assertEquals(List.of("before start running=true cancel=true", "after pin started cancel=false"), checks);
        assertEquals(List.of(StepState.DONE, StepState.DONE, StepState.DONE, StepState.DONE, StepState.SKIPPED,
                        StepState.DONE, StepState.DONE, StepState.FAILED, StepState.PENDING,
                        StepState.DONE, StepState.DONE),
                model.steps().stream().map(StepRow::state).toList());
        StepRow verify = model.steps().get(7);
        assertEquals("web is not healthy", verify.noteProperty().get());
        assertEquals("45.0 s", verify.tookProperty().get());
        assertEquals("Nothing to rename.", model.steps().get(4).details(), "a skipped step's reason is its details");
        assertEquals("", model.steps().get(4).noteProperty().get(), "and is not said twice");
        assertEquals(List.of(StepKind.RESTORE_FILES, StepKind.VERIFY),
                model.steps().subList(9, 11).stream().map(StepRow::kind).toList());
        assertEquals(List.of(10, 11), model.steps().subList(9, 11).stream().map(StepRow::number).toList());

        assertEquals(List.of(APP, DB), model.images().stream().map(ImageRow::image).toList());
        assertEquals(55_000_000, image(APP).total());
        assertEquals(image(APP).total(), image(APP).current());
        assertEquals(6_000_000, image(DB).current());
        assertTrue(image(APP).finishedProperty().get() && image(DB).finishedProperty().get());
        assertEquals(1.0, image(DB).progressProperty().get());
        assertEquals("127.0.0.1:5555/…/postgres:15 — pulled (6.0 MB)", image(DB).textProperty().get());

        assertEquals(List.of("▸ Pulling " + APP + " while 1.0.0 keeps serving.",
                "compose | $ docker-compose exec -T db pg_dump -Fc fixture",
                "compose | Recreating fixture_web_1 ... done",
                "▸ The upgrade failed (web is not healthy); rolling back to 1.0.0."),
                model.log().stream().map(LogEntry::toString).toList());

        assertFalse(model.runningProperty().get());
        assertFalse(session.running.get());
        assertFalse(model.cancelPossibleProperty().get());
        assertTrue(model.finishedProperty().get());
        assertSame(rolledBack, session.result.get());
        assertEquals(List.of(Navigator.Step.RESULT), navigator.visited);
    }

    @Test
    void cancelStopsTheRunBeforeAnyChange() {
        var cancellation = new Cancellation();
        session.job.set(job(l -> {
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.PREFLIGHT)));
            model.cancel(); // the user's click, on this same thread with DirectExecutor
            checks.add("requested=" + cancellation.isRequested() + " possible=" + model.cancelPossibleProperty().get()
                    + " asked=" + model.cancelRequestedProperty().get());
            try {
                cancellation.checkpoint();
                return Steps.result(ExitCode.DONE, "not cancelled", Map.of());
            } catch (SlipwayException e) {
                l.on(new RunEvent.StepFailed(Steps.of(steps, StepKind.PREFLIGHT), e.getMessage(), Duration.ZERO));
                return Steps.result(e.exitCode(), e.getMessage(), Map.of());
            }
        }, cancellation));

        model.entered();

        assertEquals(List.of("requested=true possible=false asked=true"), checks);
        assertEquals(ExitCode.REFUSED, session.result.get().exitCode());
        assertEquals(StepState.FAILED, state(StepKind.PREFLIGHT));
        assertTrue(model.log().stream().anyMatch(e -> e.isNotice() && e.text().startsWith("Cancelling")));
        assertEquals(Navigator.Step.RESULT, navigator.last());
    }

    @Test
    void cancelIsNotOfferedOnceTheRunClosedItsCancellation() {
        var cancellation = new Cancellation();
        session.job.set(job(l -> {
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.BACKUP)));
            cancellation.close(); // the run's own "from here on it finishes or rolls back"
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.BACKUP), Duration.ZERO));
            checks.add("possible=" + model.cancelPossibleProperty().get());
            model.cancel();
            checks.add("requested=" + cancellation.isRequested());
            return Steps.result(ExitCode.DONE, "done", Map.of());
        }, cancellation));

        model.entered();

        assertEquals(List.of("possible=false", "requested=false"), checks);
    }

    @Test
    void aThrowingRunEndsAsAResultWithOneSentence() {
        session.version.set("2.0.0");
        session.job.set(job(l -> {
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.PREFLIGHT)));
            throw SlipwayException.refused("The Docker Engine on local is not reachable (connection refused): is it running?");
        }, new Cancellation()));

        model.entered();

        RunResult result = session.result.get();
        assertEquals(ExitCode.REFUSED, result.exitCode());
        assertEquals("The Docker Engine on local is not reachable (connection refused): is it running?", result.message());
        assertEquals("2.0.0", result.to());
        assertNull(result.backupId());
        assertEquals(StepState.FAILED, state(StepKind.PREFLIGHT));
        assertEquals(List.of("failed"), result.steps().stream().map(s -> s.result()).toList());
        assertEquals(Navigator.Step.RESULT, navigator.last());
    }

    @Test
    void aBugInTheRunIsNamedAsOneWithoutAStackTrace() {
        session.job.set(job(l -> {
            throw new IllegalStateException("index 3 out of bounds");
        }, new Cancellation()));

        model.entered();

        RunResult result = session.result.get();
        assertEquals(ExitCode.INTERNAL, result.exitCode());
        assertTrue(result.message().contains("index 3 out of bounds") && result.message().contains("bug"),
                result.message());
        assertFalse(result.message().contains("at app.slipway"), result.message());
    }

    @Test
    void keepsOnlyTheLastLinesOfTheLog() {
        int lines = RunViewModel.LOG_CAPACITY + 1000;
        session.job.set(job(l -> {
            for (int i = 1; i <= lines; i++) l.on(new RunEvent.LogLine("compose", "line " + i));
            return Steps.result(ExitCode.DONE, "done", Map.of());
        }, new Cancellation()));

        model.entered();

        assertEquals(RunViewModel.LOG_CAPACITY, model.log().size());
        assertEquals("line 1001", model.log().get(0).text());
        assertEquals("line " + lines, model.log().get(model.log().size() - 1).text());
    }

    @Test
    void comingBackToTheFinishedRunDoesNotStartItAgain() {
        AtomicInteger runs = new AtomicInteger();
        session.job.set(job(l -> {
            runs.incrementAndGet();
            return Steps.result(ExitCode.DONE, "done", Map.of());
        }, new Cancellation()));

        model.entered();
        model.entered();
        model.showResult();

        assertEquals(1, runs.get());
        assertEquals(List.of(Navigator.Step.RESULT, Navigator.Step.RESULT), navigator.visited);
    }

    @Test
    void aPullFloodReachesTheUiThreadOnlyEveryHundredMilliseconds() {
        // the real clock; counts how often the run asks for the UI thread
        AtomicInteger uiCalls = new AtomicInteger();
        var counting = new BackgroundExecutor() {
            final DirectExecutor direct = new DirectExecutor();

            @Override
            public <T> void run(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                Consumer<? super Throwable> onFailure) {
                direct.run(name, work, onSuccess, onFailure);
            }

            @Override
            public void onUiThread(Runnable action) {
                uiCalls.incrementAndGet();
                direct.onUiThread(action);
            }
        };
        var flooded = new RunViewModel(session, counting, navigator);
        int layers = 500;
        long[] took = new long[1];
        session.job.set(job(l -> {
            long start = System.nanoTime();
            for (int i = 0; i < layers; i++) l.on(new RunEvent.PullProgress(APP, "l" + i, "Pulling fs layer", 0, 0));
            for (int step = 1; step <= 20; step++) {
                for (int i = 0; i < layers; i++) {
                    l.on(new RunEvent.PullProgress(APP, "l" + i, "Downloading", step * 1000L, 20_000));
                }
            }
            for (int i = 0; i < layers; i++) l.on(new RunEvent.PullProgress(APP, "l" + i, "Pull complete", 0, 0));
            took[0] = System.nanoTime() - start;
            return Steps.result(ExitCode.DONE, "done", Map.of());
        }, new Cancellation()));

        flooded.entered();

        long allowed = took[0] / RunInbox.PULL_EVERY_NANOS + 2;
        assertTrue(uiCalls.get() <= allowed, uiCalls.get() + " hand-overs for 11,000 messages in "
                + took[0] / 1_000_000 + " ms; at most " + allowed + " allowed");
        ImageRow image = flooded.images().get(0);
        assertTrue(image.finishedProperty().get(), "the final state arrives with the end of the run");
        assertEquals(layers * 20_000L, image.total());
        assertEquals(image.total(), image.current());
    }
}
