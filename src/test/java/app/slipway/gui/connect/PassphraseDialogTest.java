package app.slipway.gui.connect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.gui.Screenshots;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wizard's passphrase question, asked from a connecting (background) thread as a login does. */
@ExtendWith(ApplicationExtension.class)
class PassphraseDialogTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 600, 400));
        stage.show();
    }

    private CompletableFuture<Optional<char[]>> askInTheBackground(boolean again) {
        var dialog = new PassphraseDialog(stage);
        return CompletableFuture.supplyAsync(() -> dialog.ask(Path.of("/home/me/.ssh/id_ed25519"), again));
    }

    private static void press(FxRobot robot, javafx.scene.control.ButtonType which) {
        var pane = (javafx.scene.control.DialogPane) robot.lookup("#passphrase").query().getScene().getRoot();
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(which)).fire());
    }

    private static void awaitDialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#passphrase").tryQuery()
                .map(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theTypedPassphraseGoesBackToTheWaitingLogin(FxRobot robot) throws Exception {
        var answer = askInTheBackground(false);
        awaitDialog(robot);
        assertTrue(robot.lookup(".label").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().equals("/home/me/.ssh/id_ed25519")),
                "the dialog names the key");
        // typed into the field and OK pressed through the dialog's own controls (keyboard focus across
        // windows differs between the headless and the desktop toolkit)
        var field = robot.lookup("#passphrase").queryAs(javafx.scene.control.PasswordField.class);
        robot.interact(() -> field.setText("correct horse"));
        if (Screenshots.wanted()) {
            var scene = robot.lookup("#passphrase").query().getScene();
            Screenshots.save(WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get(), "1-connect-passphrase");
        }
        press(robot, javafx.scene.control.ButtonType.OK);
        assertArrayEquals("correct horse".toCharArray(), answer.get(10, TimeUnit.SECONDS).orElseThrow());
    }

    @Test
    void cancelGivesNoPassphrase(FxRobot robot) throws Exception {
        var answer = askInTheBackground(true);
        awaitDialog(robot);
        press(robot, javafx.scene.control.ButtonType.CANCEL);
        assertEquals(Optional.empty(), answer.get(10, TimeUnit.SECONDS));
    }
}
