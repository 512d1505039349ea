package app.slipway.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.releases.FakeGitHub;
import app.slipway.e2e.FixtureStack;
import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.Navigator.Step;
import app.slipway.gui.version.VersionCatalog;
import app.slipway.testbed.Testbed;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard, whole, against the testbed: a real upgrade and a real install on the local Docker
 * Engine, and the refusal paths (a changed host key, a version the registry does not have). Only
 * GitHub's releases API is played by a local server. With -Dslipway.screenshots=DIR (see
 * docs/screenshots.sh) every page is saved as a PNG on the way.
 */
@ExtendWith(ApplicationExtension.class)
class WizardEndToEndTest {
    private static final Testbed TESTBED = Testbed.require();

    private WizardWindow window;
    private WizardDriver driver;
    private FakeGitHub github;
    private Path work;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws IOException {
        work = Files.createTempDirectory(Path.of("/tmp"), "slipway-wizard-");
        github = new FakeGitHub()
                .release("v3.0.0", "Three", "- never healthy, for tests", false, false, "2026-11-01T10:00:00Z")
                .release("v2.1.0", "Two one", "## What's Changed\n- Jobs run in the `job` service", false, false, "2026-10-01T10:00:00Z")
                .release("v2.0.0", "Two", "## Highlights\n- `worker` is now `job`\n\n### Breaking changes\n- The worker service is renamed",
                        false, false, "2026-09-01T10:00:00Z")
                .release("v1.0.0", "One", "- First release", false, false, "2026-06-01T10:00:00Z");
        window = new WizardWindow(new FxBackgroundExecutor(), work.resolve("settings/wizard.properties"),
                VersionCatalog.standard(Optional.of(work.resolve("cache"))), opened::add);
        stage.setScene(window.scene());
        stage.show();
    }

    @AfterEach
    void closeSession() {
        if (window != null) window.session.close();
        if (github != null) github.close();
    }

    /** The fixture profile, its releases served by the fake GitHub, its install on a free port. */
    private Path profile(int port) throws IOException {
        Path fixture = TESTBED.fixtureProfile();
        String text = Files.readString(fixture);
        String releases = text.substring(text.indexOf("releases:"), text.indexOf("install:"));
        text = text.replace(releases, "releases:\n  github: " + FakeGitHub.REPO + "\n  api: " + github.api() + "\n")
                .replace("FIXTURE_PORT: \"18080\"", "FIXTURE_PORT: \"" + port + "\"");
        Path dir = Files.createDirectories(work.resolve("profile"));
        Files.copy(fixture.resolveSibling("compose.yml"), dir.resolve("compose.yml"));
        return Files.writeString(dir.resolve("profile.yml"), text);
    }

    private void connectLocally() {
        driver.awaitStep(Step.CONNECT, 10);
        driver.screenshot("1-connect");
        driver.clickPrimary();
        driver.awaitStep(Step.STACK, 60);
    }

    @Test
    void upgradesALegacyStackFromConnectToResult(FxRobot robot) throws IOException {
        driver = new WizardDriver(robot, window);
        try (FixtureStack stack = FixtureStack.start("compose-legacy.yml", TESTBED.legacyVersion())) {
            Path profile = profile(stack.port());
            connectLocally();

            driver.type("stack-directory", stack.directory().toString());
            driver.type(robotEditorOf("stack-profile"), profile.toString());
            driver.clickPrimary();
            driver.await("the stack to be read", 90, () -> driver.text("stack-summary").contains(TESTBED.legacyVersion()));
            assertTrue(driver.text("stack-services").contains("worker"), driver.text("stack-services"));
            driver.screenshot("2-stack");
            assertEquals("Upgrade…", driver.primaryText());
            driver.clickPrimary();

            driver.awaitStep(Step.VERSION, 10);
            VersionSteps.choose(robot, driver, "2.0.0");
            driver.await("the breaking-changes banner", 30, () -> driver.visibleText().contains("renamed"));
            driver.screenshot("3-version");
            driver.clickPrimary();

            driver.awaitStep(Step.PLAN, 10);
            driver.await("the plan", 90, () -> driver.text("plan-heading").contains("from 1.0.0 to 2.0.0"));
            String plan = driver.text("plan-steps");
            assertTrue(plan.contains("worker") && plan.contains("job"), "the plan names the rename:\n" + plan);
            robot.clickOn("#plan-backup"); // no backup: keeps the test short; backups have their own tests
            driver.await("the plan without backup", 90, () -> driver.text("plan-steps").contains("skipped"));
            driver.screenshot("4-plan");
            assertTrue(driver.text("plan-steps").contains("Slipway goes back"), "the plan shows its way back:\n" + plan);
            driver.scrollToEnd("plan-steps");
            driver.screenshot("4-plan-way-back");
            assertEquals("Upgrade now", driver.primaryText());
            driver.clickPrimary();

            driver.awaitStep(Step.RUN, 10);
            driver.await("the first steps to run", 60, () -> driver.visibleText().contains("Preflight"));
            driver.screenshot("5-run");
            driver.scrollToEnd("run-steps");
            driver.screenshot("5-run-way-back");
            driver.awaitStep(Step.RESULT, 600);
            driver.await("the outcome", 60, () -> driver.visibleText().contains("2.0.0"));
            driver.screenshot("6-result");
            String result = driver.visibleText();
            assertTrue(result.contains("http://127.0.0.1:" + stack.port()), "the URL to open:\n" + result);

            assertTrue(stack.httpGet("/up").contains("2.0.0"), "the stack serves 2.0.0 after the wizard's upgrade");
            assertTrue(Files.readString(stack.directory().resolve(".env")).contains("FIXTURE_VERSION=2.0.0"));
            assertTrue(Files.readString(stack.directory().resolve("docker-compose.yml")).contains("job:"));
        }
    }

    @Test
    void installsIntoAnEmptyDirectory(FxRobot robot) throws IOException, InterruptedException {
        driver = new WizardDriver(robot, window);
        int port = freePort();
        Path profile = profile(port);
        Path dir = work.resolve("install-here");
        connectLocally();
        try {
            driver.type("stack-directory", dir.toString());
            driver.clickPrimary();
            driver.await("the install offer", 60, () -> driver.visibleText().contains("Install a product here"));
            driver.type(robotEditorOf("install-profile"), profile.toString());
            driver.screenshot("2-stack-install");
            assertEquals("Install here…", driver.primaryText());
            driver.clickPrimary();

            driver.awaitStep(Step.VERSION, 10);
            VersionSteps.choose(robot, driver, TESTBED.nextVersion());
            driver.clickPrimary();

            driver.awaitStep(Step.PLAN, 10);
            driver.await("the install plan", 90, () -> driver.text("plan-heading").startsWith("Install"));
            assertTrue(driver.text("plan-steps").contains(".env (mode 0600)"), driver.text("plan-steps"));
            driver.screenshot("4-plan-install");
            assertEquals("Install now", driver.primaryText());
            driver.clickPrimary();

            driver.awaitStep(Step.RESULT, 600);
            driver.await("the outcome", 60, () -> driver.visibleText().contains(TESTBED.nextVersion()));
            String result = driver.visibleText();
            assertFalse(result.contains(secretOf(dir)), "the generated secret is never shown");
            assertTrue(result.contains("http://127.0.0.1:" + port), "the URL to open:\n" + result);
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dir.resolve(".env"));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE), mode);
            assertTrue(Files.readString(dir.resolve(".env")).contains("FIXTURE_VERSION=" + TESTBED.nextVersion()));
        } finally {
            if (Files.exists(dir.resolve("compose.yml"))) {
                new ProcessBuilder("docker-compose", "down", "-v", "--remove-orphans").directory(dir.toFile())
                        .inheritIO().start().waitFor();
            }
        }
    }

    @Test
    void aVersionTheRegistryLacksIsRefusedBeforeAnyChange(FxRobot robot) throws IOException {
        driver = new WizardDriver(robot, window);
        try (FixtureStack stack = FixtureStack.start("compose.yml", TESTBED.currentVersion())) {
            Path profile = profile(stack.port());
            String envBefore = Files.readString(stack.directory().resolve(".env"));
            connectLocally();
            driver.type("stack-directory", stack.directory().toString());
            driver.type(robotEditorOf("stack-profile"), profile.toString());
            driver.clickPrimary();
            driver.await("the stack to be read", 90, () -> driver.text("stack-summary").contains(TESTBED.currentVersion()));
            driver.clickPrimary();

            driver.awaitStep(Step.VERSION, 10);
            VersionSteps.type(robot, driver, "9.9.9");
            driver.clickPrimary();
            driver.awaitStep(Step.PLAN, 10);
            driver.await("the plan", 90, () -> driver.text("plan-heading").contains("to 9.9.9"));
            robot.clickOn("#plan-backup");
            driver.await("the plan without backup", 90, () -> driver.text("plan-steps").contains("skipped"));
            driver.clickPrimary();

            driver.awaitStep(Step.RESULT, 300);
            driver.await("the refusal", 30, () -> driver.visibleText().contains("does not exist in the registry"));
            driver.screenshot("6-result-refused");
            assertEquals(envBefore, Files.readString(stack.directory().resolve(".env")), ".env untouched");
            assertTrue(stack.httpGet("/up").contains(TESTBED.currentVersion()), "still serving the old version");
        }
    }

    @Test
    void aChangedHostKeyIsRefusedOnTheConnectPage(FxRobot robot) throws IOException {
        driver = new WizardDriver(robot, window);
        driver.awaitStep(Step.CONNECT, 10);
        Path knownHosts = Files.copy(TESTBED.wrongKnownHosts(), work.resolve("known_hosts.wrong"));
        robot.clickOn("#connect-mode-ssh");
        driver.await("the SSH form", 10, () -> robot.lookup("#connect-host").tryQuery().map(n -> n.isVisible()).orElse(false));
        driver.type(robotEditorOf("connect-host"), TESTBED.sshHost());
        driver.type("connect-port", String.valueOf(TESTBED.sshPort()));
        driver.type("connect-user", TESTBED.dockerUser());
        robot.clickOn("#connect-auth-key");
        driver.type("connect-key-file", TESTBED.sshKey().toString());
        robot.clickOn("#connect-advanced");
        driver.type("connect-known-hosts", knownHosts.toString());
        driver.clickPrimary();
        driver.await("the refusal", 60, () -> driver.visibleText().toLowerCase().contains("changed"));
        driver.screenshot("1-connect-refused");
        assertEquals(Step.CONNECT, driver.step(), "a changed key never gets past Connect");
        assertTrue(driver.fx(() -> window.session.connection.get() == null), "no connection was opened");
        assertEquals(Files.readString(TESTBED.wrongKnownHosts()), Files.readString(knownHosts), "known_hosts untouched");
    }

    /** The id of an editable ComboBox's text field: the driver types into it. */
    private String robotEditorOf(String comboId) {
        return ComboEditors.editorId(driver, comboId);
    }

    private static String secretOf(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve(".env")).stream().filter(l -> l.startsWith("FIXTURE_SECRET_KEY="))
                .findFirst().orElseThrow().substring("FIXTURE_SECRET_KEY=".length());
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
