package app.slipway.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import app.slipway.gui.shell.Navigator.Step;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the whole wizard window the way a user does — typing, clicking the footer's main button
 * — and waits for what the user would wait for. Reads state on the FX thread only.
 */
final class WizardDriver {
    private final FxRobot robot;
    private final WizardWindow window;

    WizardDriver(FxRobot robot, WizardWindow window) {
        this.robot = robot;
        this.window = window;
    }

    <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the window failed", e);
        }
    }

    Step step() {
        return fx(() -> window.shell.currentStep().get());
    }

    void awaitStep(Step expected, int seconds) {
        await("the " + expected + " page", seconds, () -> window.shell.currentStep().get() == expected);
    }

    void await(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            fail("Waited " + seconds + " s for " + what + "; the wizard is on " + step() + " showing: " + visibleText());
        }
    }

    /** Replaces the text of a field, as a user selecting all and typing would. */
    void type(String id, String text) {
        TextInputControl field = robot.lookup("#" + id).queryAs(TextInputControl.class);
        // a page that has just arrived may not be laid out yet: click only where the field is really shown
        await("#" + id + " to be on screen", 10, () -> {
            if (field.getScene() == null || !field.isVisible()) return false;
            var bounds = field.localToScene(field.getBoundsInLocal());
            return bounds.getWidth() > 0 && bounds.getMinX() >= 0 && bounds.getMinY() >= 0
                    && bounds.getMaxY() <= field.getScene().getHeight();
        });
        robot.interact(() -> field.setText(""));
        robot.clickOn(field).write(text);
        assertEquals(text, fx(field::getText), "what landed in #" + id);
    }

    Node lookup(String id) {
        return robot.lookup("#" + id).query();
    }

    void clickPrimary() {
        await("the main button to be enabled", 60, () -> !robot.lookup("#shell-primary").query().isDisabled());
        robot.clickOn("#shell-primary");
    }

    String primaryText() {
        return fx(() -> robot.lookup("#shell-primary").queryButton().getText());
    }

    String text(String id) {
        return fx(() -> {
            Node node = robot.lookup("#" + id).query();
            return TextOf.node(node);
        });
    }

    /** Every text the current page shows, for failure messages. */
    String visibleText() {
        return fx(() -> TextOf.node(window.shell.page(window.shell.currentStep().get()).view()));
    }

    /** Scrolls the scroll pane around the node {@code #id} to its end (to see a long plan's last steps). */
    void scrollToEnd(String id) {
        fx(() -> {
            for (Node n = window.scene().lookup("#" + id); n != null; n = n.getParent()) {
                if (n instanceof javafx.scene.control.ScrollPane pane) {
                    pane.setVvalue(pane.getVmax());
                    pane.layout();
                    return null;
                }
            }
            throw new AssertionError("#" + id + " is not inside a scroll pane");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves the window as a PNG when screenshots are asked for (-Dslipway.screenshots=DIR). */
    void screenshot(String name) {
        if (!Screenshots.wanted()) return;
        Screenshots.save(fx(() -> window.scene().snapshot(null)), name);
    }
}
