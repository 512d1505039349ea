package app.slipway.gui.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.fakes.FakeStack;
import app.slipway.gui.background.DirectExecutor;
import app.slipway.gui.shell.WizardSession;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Plan page on screen: a key the version requires is asked for, masked, and the plan follows. */
class PlanPageTest {
    private static Stage stage;
    @TempDir Path temp;

    @BeforeAll
    static void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequiredKeyIsAskedForMaskedThenThePlanIsShown() throws Exception {
        var stack = new FakeStack(temp, """
                name: App
                version_variable: APP_VERSION
                images: [127.0.0.1:5555/acme/app]
                health: {url: "http://127.0.0.1:3000/up", timeout: 1s}
                renames: {worker: job}
                install:
                  compose: "templates/{version}/compose.yml"
                """, Map.of("templates/2.0.0/compose.yml", """
                services:
                  web:
                    image: 127.0.0.1:5555/acme/app:${APP_VERSION}
                    environment: {LICENSE_KEY: "${LICENSE_KEY:?}"}
                  job:
                    image: 127.0.0.1:5555/acme/app:${APP_VERSION}
                """));
        var session = new WizardSession();
        session.connection.set(stack.connection);
        session.stack.set(stack.read());
        session.profile.set(stack.profile);
        session.version.set("2.0.0");
        session.backup.set(false);
        var model = new PlanViewModel(session, new DirectExecutor(), step -> {});
        Parent view = FxToolkit.setupFixture(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            var page = new PlanPage(model, session);
            stage.setScene(new Scene((Parent) page.view(), 1100, 700));
            stage.show();
            model.plan();
            return (Parent) page.view();
        });

        var field = onFx(() -> (PasswordField) view.lookup("#plan-key-LICENSE_KEY"));
        assertTrue(field != null, "a field for the key");
        screenshot("4-plan-asks-for-a-key");
        onFx(() -> {
            field.setText("lic-secret-1");
            ((Button) view.lookup("#plan-again")).fire();
            return null;
        });
        assertTrue(model.ready.get(), model.error.get());
        assertEquals(false, onFx(() -> view.lookup("#plan-keys").isVisible()), "nothing left to ask");
        assertTrue(model.steps.stream().anyMatch(s -> s.title().equals("Update the compose file")));
        onFx(() -> {
            var scroll = (javafx.scene.control.ScrollPane) view.lookup("#plan-steps").getParent().getParent().getParent();
            scroll.setVvalue(0.45);
            return null;
        });
        screenshot("4-plan-template-light");
        onFx(() -> {
            Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
            return null;
        });
        screenshot("4-plan-template-dark");
    }

    /** Saves the stage as a PNG when screenshots are asked for (-Dslipway.screenshots=DIR). */
    private static void screenshot(String name) throws Exception {
        if (!app.slipway.gui.Screenshots.wanted()) return;
        WaitForAsyncUtils.waitForFxEvents();
        app.slipway.gui.Screenshots.save(onFx(() -> stage.getScene().snapshot(null)), name);
    }
}
