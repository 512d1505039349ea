package app.slipway.gui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.demo.DemoSetup;
import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.Navigator.Step;
import app.slipway.gui.version.VersionCatalog;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A newcomer's first minute: "Try the demo" on the Connect page makes and installs the demo on the
 * testbed's engine, and the wizard walks its upgrade — versions and notes with no network at all.
 */
@ExtendWith(ApplicationExtension.class)
class DemoWizardTest {
    private WizardWindow window;

    @Start
    void start(Stage stage) throws IOException {
        Testbed.require();
        Path work = Files.createTempDirectory(Path.of("/tmp"), "slipway-wizard-demo-");
        window = new WizardWindow(new FxBackgroundExecutor(), work.resolve("settings/wizard.properties"),
                VersionCatalog.standard(Optional.of(work.resolve("cache"))), url -> {});
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void down() throws Exception {
        if (window != null) window.session.close();
        Path dir = DemoSetup.defaultDirectory();
        if (!Files.exists(dir.resolve("compose.yml"))) return;
        Process p = new ProcessBuilder("docker-compose", "-f", "compose.yml", "down", "-v", "--remove-orphans")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor(60, TimeUnit.SECONDS);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void tryTheDemoThenUpgradeIt(FxRobot robot) {
        var driver = new WizardDriver(robot, window);
        driver.awaitStep(Step.CONNECT, 10);
        robot.clickOn("#connect-mode-local");
        driver.screenshot("1-connect-demo");
        if (Screenshots.wanted()) { // the same page in the dark theme, for a look at both
            robot.clickOn("#shell-dark");
            driver.screenshot("1-connect-demo-dark");
            robot.clickOn("#shell-dark");
        }
        robot.clickOn("#connect-demo");

        driver.awaitStep(Step.STACK, 120);
        driver.await("the demo's stack", 60, () -> driver.text("stack-summary").contains("Slipway Demo"));
        driver.screenshot("2-stack-demo");
        driver.clickPrimary();

        driver.awaitStep(Step.VERSION, 10);
        VersionSteps.choose(robot, driver, "1.1.0"); // from the notes Slipway carries: no registry, no network
        driver.screenshot("3-version-demo");
        driver.clickPrimary();

        driver.awaitStep(Step.PLAN, 10);
        driver.await("the plan", 60, () -> driver.text("plan-steps").contains("Verify"));
        driver.clickPrimary();

        driver.awaitStep(Step.RUN, 10);
        driver.awaitStep(Step.RESULT, 180);
        driver.await("the outcome", 60, () -> driver.visibleText().contains("1.1.0"));
        assertTrue(driver.visibleText().contains("healthy"), driver.visibleText());
    }
}
