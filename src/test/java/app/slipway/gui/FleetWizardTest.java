package app.slipway.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.fleet.FleetStack;
import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.Navigator.Step;
import app.slipway.gui.version.VersionCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard's way for several servers, whole, against the fleet testbed's three hosts: Connect
 * (a fleet file) → Servers → Version → Plan (every server's steps) → Run → Result.
 */
@ExtendWith(ApplicationExtension.class)
class FleetWizardTest {
    private WizardWindow window;
    private Path work;

    @Start
    void start(Stage stage) throws IOException {
        work = Files.createTempDirectory(Path.of("/tmp"), "slipway-wizard-fleet-");
        window = new WizardWindow(new FxBackgroundExecutor(), work.resolve("settings/wizard.properties"),
                VersionCatalog.standard(Optional.of(work.resolve("cache"))), url -> {});
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void closeSession() {
        if (window != null) window.session.close();
    }

    @Test
    void rollsAnUpgradeAcrossTheServers(FxRobot robot) throws Exception {
        var driver = new WizardDriver(robot, window);
        try (FleetStack stack = new FleetStack(3, "2.0.0", Map.of(), Map.of())) {
            driver.awaitStep(Step.CONNECT, 10);
            robot.clickOn("#connect-mode-fleet");
            driver.type("connect-fleet-file", stack.fleetFile.toString());
            driver.screenshot("1-connect-fleet");
            driver.clickPrimary();

            driver.awaitStep(Step.STACK, 90);
            driver.await("every server read", 90, () -> driver.text("fleet-nodes").contains("web-3"));
            String servers = driver.text("fleet-nodes");
            assertTrue(servers.contains("primary") && servers.contains("match"), servers);
            driver.screenshot("2-fleet");
            if (Screenshots.wanted()) { // the same page in the dark theme, for a look at both
                robot.clickOn("#shell-dark");
                driver.screenshot("2-fleet-dark");
                robot.clickOn("#shell-dark");
            }
            driver.clickPrimary();

            driver.awaitStep(Step.VERSION, 10);
            VersionSteps.choose(robot, driver, "2.1.0");
            driver.clickPrimary();

            driver.awaitStep(Step.PLAN, 10);
            driver.await("the rolling plan", 90, () -> driver.text("plan-heading").contains("Rolling upgrade"));
            driver.await("every server's steps", 90, () -> driver.text("plan-steps").contains("web-3 · Restart"));
            assertTrue(driver.text("plan-steps").contains("web-1 (primary) · Back up"), driver.text("plan-steps"));
            driver.screenshot("4-plan-fleet");
            driver.clickPrimary();

            driver.awaitStep(Step.RUN, 10);
            driver.await("the primary at work", 120, () -> driver.visibleText().contains("web-1 (primary) · Restart"));
            driver.await("which servers serve, said as the run goes", 60,
                    () -> driver.text("run-status").contains("rollout web-1 → web-2 → web-3"));
            driver.screenshot("5-run-fleet");
            driver.awaitStep(Step.RESULT, 600);
            driver.await("the outcome", 60, () -> driver.visibleText().contains("2.1.0"));
            driver.screenshot("6-result-fleet");
            assertTrue(driver.visibleText().contains("Roll back to 2.0.0"), "the fleet's way back is offered:\n"
                    + driver.visibleText());
            for (int i = 1; i <= 3; i++) assertEquals("2.1.0", stack.up(i), "server " + i);
        }
    }
}
