package app.slipway.gui.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.Navigator.Step;
import app.slipway.gui.shell.WizardSession;
import app.slipway.testbed.Testbed;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerLight;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Connect page driven like a user would: SSH form, Connect, fingerprint card, Trust and connect. */
@ExtendWith(ApplicationExtension.class)
class ConnectPageFxTest {
    /** Static: filled before {@link Start} runs. */
    @TempDir
    static Path dir;

    private Testbed tb;
    private WizardSession session;
    private RecordingNavigator navigator;
    private Path knownHosts;

    @Start
    void start(Stage stage) throws Exception {
        tb = Testbed.require();
        Path home = Files.createTempDirectory(dir, "run");
        knownHosts = Files.createFile(home.resolve("known_hosts"));
        session = new WizardSession();
        navigator = new RecordingNavigator();
        var vm = new ConnectViewModel(session, new FxBackgroundExecutor(), navigator,
                new RecentTargets(home.resolve("recent-targets.json")), SshConfigHosts.read(home.resolve("no-config")));
        vm.knownHostsFile.set(knownHosts.toString()); // the "Advanced" field: never the real ~/.ssh
        var page = new ConnectPage(vm);

        // Stands in for the shell's footer: the page's primary (default) button.
        var primary = new Button();
        primary.setId("test-primary");
        primary.textProperty().bind(page.primaryLabel());
        primary.disableProperty().bind(page.primaryDisabled());
        primary.setDefaultButton(true);
        primary.setOnAction(e -> page.primary());

        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        var root = new BorderPane(page.view());
        root.setBottom(primary);
        stage.setScene(new Scene(root, 900, 760));
        stage.show();
        page.entered();
    }

    @AfterEach
    void closeConnection() {
        if (session != null) session.close();
    }

    @Test
    void typeTheSshFormConfirmTheFingerprintAndConnect(FxRobot robot) throws Exception {
        robot.clickOn("#connect-mode-ssh");
        robot.clickOn("#connect-host").write(tb.sshHost());
        replace(robot, "#connect-port", String.valueOf(tb.sshPort()));
        replace(robot, "#connect-user", tb.dockerUser());
        robot.clickOn("#connect-auth-key");
        replace(robot, "#connect-key-file", tb.sshKey().toString());

        robot.clickOn("#test-primary");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#connect-hostkey-card").query().isVisible()
                || robot.lookup("#connect-error").query().isVisible());
        assertTrue(robot.lookup("#connect-hostkey-card").query().isVisible(),
                () -> "no fingerprint card; error: " + errorText(robot));
        String shown = robot.lookup("#connect-fingerprint").queryAs(TextField.class).getText();
        String type = robot.lookup("#connect-hostkey-type").queryLabeled().getText();
        assertEquals(ServerHostKey.fingerprint(tb, algorithmOf(type)), shown);
        assertEquals(tb.sshHost() + ":" + tb.sshPort(), robot.lookup("#connect-hostkey-host").queryLabeled().getText());
        assertTrue(robot.lookup("#test-primary").queryButton().isDisabled(), "Connect waits for the decision");

        robot.clickOn("#connect-trust");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> navigator.steps.contains(Step.STACK)
                || robot.lookup("#connect-error").query().isVisible());
        assertEquals(List.of(Step.STACK), navigator.steps,
                () -> "not connected; error: " + errorText(robot));
        assertNotNull(session.connection.get());
        String lines = Files.readString(knownHosts, StandardCharsets.UTF_8);
        assertTrue(lines.startsWith("[" + tb.sshHost() + "]:" + tb.sshPort() + " "), lines);
        Node card = robot.lookup("#connect-hostkey-card").query();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!card.isVisible(), "the card goes away once decided");
    }

    private static String errorText(FxRobot robot) {
        return robot.lookup("#connect-error").queryAs(Message.class).getDescription();
    }

    /** Selects a field's text and types over it. */
    private static void replace(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, robot.lookup(query).queryAs(TextField.class).getText());
    }

    /** The card shows OpenSSH's short key type; ssh-keyscan wants the family. */
    private static String algorithmOf(String keyType) {
        return switch (keyType) {
            case "ED25519" -> "ssh-ed25519";
            case "ECDSA" -> "ecdsa-sha2-nistp256";
            case "RSA" -> "rsa-sha2-512";
            default -> keyType;
        };
    }
}
