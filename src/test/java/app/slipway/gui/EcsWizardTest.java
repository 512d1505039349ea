package app.slipway.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.ecs.EcsStandIn;
import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.Navigator.Step;
import app.slipway.gui.version.VersionCatalog;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard's way for services on AWS ECS, whole, against the ECS stand-in whose tasks are the
 * fixture's containers on the testbed engine: Connect (AWS ECS) → Services → Version → Plan → Run → Result.
 */
@ExtendWith(ApplicationExtension.class)
class EcsWizardTest {
    private WizardWindow window;
    private EcsStandIn standIn;
    private final Testbed testbed = Testbed.require();

    @Start
    void start(Stage stage) throws IOException {
        Path work = Files.createTempDirectory(Path.of("/tmp"), "slipway-wizard-ecs-");
        window = new WizardWindow(new FxBackgroundExecutor(), work.resolve("settings/wizard.properties"),
                VersionCatalog.standard(Optional.of(work.resolve("cache"))), url -> {});
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void close() {
        if (window != null) window.session.close();
        if (standIn != null) standIn.close();
        app.slipway.ecs.StandInAws.forget();
    }

    @Test
    void upgradesWebThenJobOnEcs(FxRobot robot) throws Exception {
        standIn = EcsStandIn.onEngine(testbed.dockerHost());
        app.slipway.ecs.StandInAws.use(standIn);
        String cluster = "wizard-" + UUID.randomUUID().toString().substring(0, 6);
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String image = testbed.fixtureImage(testbed.currentVersion());
        standIn.service(cluster, "web", "strata-web").container("web", image, List.of("/bin/web"),
                Map.of("FIXTURE_PORT", Integer.toString(port)), port).awslogs("/ecs/strata", "ecs").healthPath("/up").create();
        standIn.service(cluster, "job", "strata-job").container("job", image, List.of("/bin/job"), Map.of(), 0)
                .awslogs("/ecs/strata", "ecs").create();

        var driver = new WizardDriver(robot, window);
        driver.awaitStep(Step.CONNECT, 10);
        robot.clickOn("#connect-mode-ecs");
        driver.type("connect-ecs-region", "eu-west-1");
        driver.type("connect-ecs-cluster", cluster);
        driver.type("connect-ecs-services", "web, job");
        driver.type("connect-ecs-health", standIn.loadBalancer(cluster, "web").toString());
        driver.type("connect-ecs-profile", testbed.fixtureProfile().toString());
        driver.screenshot("1-connect-ecs");
        if (Screenshots.wanted()) {
            robot.clickOn("#shell-dark");
            driver.screenshot("1-connect-ecs-dark");
            robot.clickOn("#shell-dark");
        }
        driver.clickPrimary();

        driver.awaitStep(Step.STACK, 60);
        driver.await("the services", 30, () -> driver.text("ecs-services").contains("strata-job:1"));
        assertTrue(driver.text("ecs-heading").contains("Fixture " + testbed.currentVersion()), driver.text("ecs-heading"));
        driver.screenshot("2-ecs-services");
        if (Screenshots.wanted()) {
            robot.clickOn("#shell-dark");
            driver.screenshot("2-ecs-services-dark");
            robot.clickOn("#shell-dark");
        }
        driver.clickPrimary();

        driver.awaitStep(Step.VERSION, 10);
        VersionSteps.type(robot, driver, testbed.nextVersion()); // the fixture has no release feed here
        driver.clickPrimary();

        driver.awaitStep(Step.PLAN, 10);
        driver.await("the ECS plan", 60, () -> driver.text("plan-steps").contains("Deploy job"));
        String plan = driver.text("plan-steps");
        assertTrue(plan.indexOf("Deploy web") < plan.indexOf("Deploy job"), plan);
        driver.screenshot("4-plan-ecs");
        driver.clickPrimary();

        driver.awaitStep(Step.RUN, 10);
        driver.await("web's deployment followed", 120, () -> driver.step() != Step.RUN
                || driver.visibleText().contains("web: deployment"));
        driver.screenshot("5-run-ecs");
        driver.awaitStep(Step.RESULT, 300);
        driver.await("the outcome", 60, () -> driver.visibleText().contains(testbed.nextVersion()));
        driver.screenshot("6-result-ecs");
        assertEquals(List.of(testbed.fixtureImage(testbed.nextVersion())), standIn.runningImages(cluster, "web"));
        assertEquals(List.of(testbed.fixtureImage(testbed.nextVersion())), standIn.runningImages(cluster, "job"));

        // Start over: the services as they are now, and the way back to the revisions before this upgrade
        robot.clickOn("Start over");
        driver.awaitStep(Step.STACK, 10);
        driver.await("the services read again", 60, () -> driver.text("ecs-services").contains("strata-web:2"));
        assertTrue(driver.text("ecs-way-back").startsWith("Return web, job to " + testbed.currentVersion()
                + " (the revisions before the last upgrade)…"),
                driver.text("ecs-way-back"));
        driver.screenshot("2-ecs-services-way-back");
    }
}
