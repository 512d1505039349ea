package app.slipway.gui.run;

import app.slipway.core.run.RunKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepKind;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.RunEvent;
import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Run page on screen, following a synthetic job run by the application's own executor. */
class RunPageTest {
    private static final String APP = "127.0.0.1:5555/slipway-fixture/app:2.0.0";
    private static Stage stage;
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeAll
    static void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void letTheJobEnd() {
        release.countDown();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void showsTheStepsAndAProgressBarPerImageWhileTheJobRuns() throws Exception {
        List<PlanStep> steps = Steps.upgrade();
        var session = new WizardSession();
        var navigator = new RecordingNavigator();
        session.job.set(new RunJob("Upgrade Fixture 1.0.0 → 2.0.0", RunKind.UPGRADE, steps, l -> {
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.CONNECT)));
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.CONNECT), Duration.ofMillis(300)));
            l.on(new RunEvent.StepStarted(Steps.of(steps, StepKind.PREFLIGHT)));
            l.on(new RunEvent.Notice("Pulling " + APP + " while 1.0.0 keeps serving."));
            l.on(new RunEvent.PullProgress(APP, "l0", "Pulling fs layer", 0, 0));
            l.on(new RunEvent.PullProgress(APP, "l1", "Pulling fs layer", 0, 0));
            l.on(new RunEvent.PullProgress(APP, "l0", "Downloading", 30_000_000, 47_000_000));
            l.on(new RunEvent.PullProgress(APP, "l1", "Downloading", 4_000_000, 4_000_000));
            awaitRelease();
            l.on(new RunEvent.PullProgress(APP, "l0", "Pull complete", 0, 0));
            l.on(new RunEvent.PullProgress(APP, "l1", "Pull complete", 0, 0));
            l.on(new RunEvent.StepFinished(Steps.of(steps, StepKind.PREFLIGHT), Duration.ofSeconds(2)));
            return Steps.result(ExitCode.DONE, "Fixture 2.0.0 is running and healthy.", Map.of());
        }, new Cancellation()));

        RunPage page = FxToolkit.setupFixture(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            var p = new RunPage(session, new FxBackgroundExecutor(), navigator);
            stage.setScene(new Scene((Parent) p.view(), 1100, 700));
            stage.show();
            p.entered();
            return p;
        });
        Node view = page.view();

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> view.lookupAll("." + ImageProgressView.STYLE_CLASS)
                .stream().anyMatch(n -> progressOf(n) > 0.6 && progressOf(n) < 0.7)));

        assertEquals("127.0.0.1:5555/…/app:2.0.0 — 34 MB of 51 MB", onFx(() -> ((Label) ((ImageProgressView)
                view.lookup("." + ImageProgressView.STYLE_CLASS)).getChildren().get(0)).getText()));
        List<StepState> shown = onFx(() -> view.lookupAll("." + StepRowView.STYLE_CLASS).stream()
                .map(n -> ((StepRowView) n).row().state()).toList());
        assertEquals(Steps.UPGRADE.size(), shown.size(), "every step of the plan is listed from the start");
        assertEquals(List.of(StepState.DONE, StepState.PENDING, StepState.RUNNING), shown.subList(0, 3));
        assertTrue(onFx(() -> rowView(view, StepKind.PREFLIGHT).lookup(".progress-indicator") instanceof ProgressIndicator),
                "a running step spins");
        assertEquals("✓", onFx(() -> ((Label) rowView(view, StepKind.CONNECT).getChildren().get(0)
                .lookup(".label")).getText()));
        assertTrue(onFx(() -> ((ListView<?>) view.lookup("." + LogList.STYLE_CLASS)).getItems().stream()
                .anyMatch(i -> i.toString().equals("▸ Pulling " + APP + " while 1.0.0 keeps serving."))));
        assertEquals("Cancel", onFx(() -> page.primaryLabel().get()));
        assertFalse(onFx(() -> page.primaryDisabled().get()), "nothing changed yet: Cancel works");
        assertTrue(onFx(() -> page.backDisabled().get()));

        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> navigator.last() == Navigator.Step.RESULT);

        assertEquals(1.0, onFx(() -> progressOf(view.lookup("." + ImageProgressView.STYLE_CLASS))));
        assertEquals("Show result", onFx(() -> page.primaryLabel().get()));
        assertFalse(onFx(() -> page.backDisabled().get()));
        assertEquals(ExitCode.DONE, session.result.get().exitCode());
    }

    @Test
    void theLogFollowsNewLinesUntilTheUserScrollsUpToRead() throws Exception {
        var firstLines = new CountDownLatch(1);
        var session = new WizardSession();
        var navigator = new RecordingNavigator();
        session.job.set(new RunJob("Logs", RunKind.UPGRADE, Steps.upgrade(), l -> {
            for (int i = 0; i < 100; i++) l.on(new RunEvent.LogLine("compose", "first " + i));
            await(firstLines);
            for (int i = 0; i < 100; i++) l.on(new RunEvent.LogLine("compose", "second " + i));
            awaitRelease();
            return Steps.result(ExitCode.DONE, "done", Map.of());
        }, new Cancellation()));
        RunPage page = FxToolkit.setupFixture(() -> {
            var p = new RunPage(session, new FxBackgroundExecutor(), navigator);
            stage.setScene(new Scene((Parent) p.view(), 1100, 700));
            stage.show();
            p.entered();
            return p;
        });
        var log = (LogList) onFx(() -> page.view().lookup("." + LogList.STYLE_CLASS));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> log.getItems().size() == 100 && log.endInView()));

        userScrollsUp(log);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> !log.endInView()));
        firstLines.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> log.getItems().size() == 200));
        WaitForAsyncUtils.waitForFxEvents(5);
        assertFalse(onFx(() -> log.endInView()), "the lines the user reads stay where they are");
    }

    /** A mouse-wheel turn upwards over the list, as the user's hand makes it. */
    private static void userScrollsUp(LogList log) throws Exception {
        onFx(() -> {
            Node flow = log.lookup(".virtual-flow");
            Event.fireEvent(flow, new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false, false, false, false, false,
                    false, 0, 600, 0, 600, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, null));
            return null;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double progressOf(Node imageView) {
        return ((ProgressBar) imageView.lookup(".progress-bar")).getProgress();
    }

    private static StepRowView rowView(Node view, StepKind kind) {
        return view.lookupAll("." + StepRowView.STYLE_CLASS).stream().map(n -> (StepRowView) n)
                .filter(r -> r.row().kind() == kind).findFirst().orElseThrow();
    }
}
