package app.slipway.gui.run;

import java.util.Optional;
import app.slipway.core.engine.DockerEngine;
import app.slipway.core.run.StepAction;
import app.slipway.core.run.RunKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepKind;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.PullEvents;
import app.slipway.core.events.RunEvent;
import app.slipway.core.run.RunResult;
import app.slipway.core.host.LocalTarget;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import app.slipway.testbed.Testbed;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real pull from the testbed's registry, through the engine, shown by the Run page's model. */
class RunViewModelPullTest {

    @Test
    void aRealPullReachesCompleteProgress() {
        Testbed tb = Testbed.require();
        try (Connection connection = Connection.open(new LocalTarget())) {
            String tag = removeLocally(connection, tb);
            String ref = tb.fixtureImage(tag);
            assertFalse(connection.engine().imageExistsLocally(ref));
            var step = new PlanStep(1, StepKind.PREFLIGHT, "Preflight", List.of("Pull " + ref + "."), List.of(), false, false, StepAction.NOTHING);
            var cancellation = new Cancellation();
            var job = new RunJob("Pull " + ref, RunKind.UPGRADE, List.of(step), listener -> {
                listener.on(new RunEvent.StepStarted(step));
                connection.engine().pull(tb.fixtureImage(), tag, new PullEvents(ref, listener, cancellation));
                listener.on(new RunEvent.StepFinished(step, Duration.ofSeconds(1)));
                return new RunResult(RunKind.UPGRADE, null, tag, ExitCode.DONE, "pulled", null, Optional.empty(), List.of(), Map.of(), Duration.ZERO);
            }, cancellation);
            var session = new WizardSession();
            var navigator = new RecordingNavigator();
            session.job.set(job);

            var model = new RunViewModel(session, new DirectExecutor(), navigator);
            model.entered();

            assertTrue(connection.engine().imageExistsLocally(ref));
            assertEquals(List.of(ref), model.images().stream().map(ImageRow::image).toList());
            ImageRow image = model.images().get(0);
            assertTrue(image.finishedProperty().get(), image.textProperty().get());
            assertEquals(1.0, image.progressProperty().get());
            assertTrue(image.total() > 1_000_000, "the fixture layer is about 2 MB: " + image.total());
            assertEquals(image.total(), image.current());
            assertTrue(image.textProperty().get().contains(" — pulled ("), image.textProperty().get());
            assertEquals(StepState.DONE, model.steps().get(0).state());
            assertEquals(List.of(Navigator.Step.RESULT), navigator.visited);
        }
    }

    /**
     * Removes a fixture tag so its layer really transfers: 2.1.0 unless a container (another test's)
     * still uses it, then the next one.
     */
    private static String removeLocally(Connection connection, Testbed tb) {
        StringBuilder refusals = new StringBuilder();
        for (String tag : List.of(tb.nextVersion(), tb.unhealthyVersion(), tb.legacyVersion())) {
            try {
                ((DockerEngine) connection.engine()).client().removeImageCmd(tb.fixtureImage(tag)).exec();
                return tag;
            } catch (NotFoundException absent) {
                return tag;
            } catch (ConflictException inUse) {
                refusals.append(tag).append(": ").append(inUse.getMessage()).append("; ");
            }
        }
        return fail("No fixture tag could be removed locally to pull it again: " + refusals);
    }
}
