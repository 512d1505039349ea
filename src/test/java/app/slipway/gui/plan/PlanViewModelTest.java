package app.slipway.gui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.fakes.FakeStack;
import app.slipway.core.run.StepKind;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Plan page's state against an in-memory stack: the plan shown, and the keys it asks for. */
class PlanViewModelTest {
    @TempDir Path temp;

    private static final String PROFILE = """
            name: App
            version_variable: APP_VERSION
            images: [127.0.0.1:5555/acme/app]
            health: {url: "http://127.0.0.1:${PORT:-3000}/up", timeout: 1s}
            renames: {worker: job}
            install:
              compose: "templates/{version}/compose.yml"
            """;
    private static final String TEMPLATE = """
            services:
              web:
                image: 127.0.0.1:5555/acme/app:${APP_VERSION}
                environment: {LICENSE: "${LICENSE:?}"}
            """;

    private PlanViewModel model(WizardSession session, List<Navigator.Step> went) {
        return new PlanViewModel(session, new DirectExecutor(), went::add);
    }

    @Test
    void aKeyTheVersionRequiresIsAskedForAndThePlanThenRunsWithIt() {
        var stack = new FakeStack(temp, PROFILE, Map.of("templates/2.0.0/compose.yml", TEMPLATE));
        var session = new WizardSession();
        session.connection.set(stack.connection);
        session.stack.set(stack.read());
        session.profile.set(stack.profile);
        session.version.set("2.0.0");
        session.backup.set(false);
        List<Navigator.Step> went = new ArrayList<>();
        PlanViewModel model = model(session, went);

        model.plan();
        assertEquals(List.of("LICENSE"), model.missingKeys);
        assertFalse(model.ready.get());
        assertTrue(model.error.get().startsWith("This version's compose file requires LICENSE"), model.error.get());

        model.keyValues.get("LICENSE").set("lic-77");
        model.plan();
        assertTrue(model.ready.get(), model.error.get());
        assertTrue(model.missingKeys.isEmpty());
        assertTrue(model.steps.stream().anyMatch(s -> s.kind() == StepKind.COMPOSE));
        assertFalse(model.steps.toString().contains("lic-77"), "a typed value is never shown in the plan");

        model.start();
        assertEquals(List.of(Navigator.Step.RUN), went);
        assertEquals(model.steps.size() + model.wayBack.size(), session.job.get().steps().size(),
                "the Run page gets the plan's steps, its way back included");
    }
}
