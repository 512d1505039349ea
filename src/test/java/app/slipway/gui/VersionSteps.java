package app.slipway.gui;

import javafx.scene.control.ListCell;
import org.testfx.api.FxRobot;

/** Choosing a version on the Version page, as a user does: from the list, or typed. */
final class VersionSteps {
    private VersionSteps() {}

    /** Clicks the list's entry for {@code version} once the list has loaded. */
    static void choose(FxRobot robot, WizardDriver driver, String version) {
        driver.await("version " + version + " in the list", 90, () -> robot.lookup("#version-list .list-cell")
                .queryAllAs(ListCell.class).stream().anyMatch(c -> startsWith(c, version)));
        ListCell<?> cell = robot.lookup("#version-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> startsWith(c, version)).findFirst().orElseThrow();
        robot.clickOn(cell);
        driver.await("version " + version + " to be chosen", 30, () -> !robot.lookup("#shell-primary").query().isDisabled());
    }

    /** Types a version the list may not have. */
    static void type(FxRobot robot, WizardDriver driver, String version) {
        driver.await("the version page to load", 90, () -> robot.lookup("#version-typed").tryQuery().isPresent());
        driver.type("version-typed", version);
        driver.await("version " + version + " to be accepted", 30, () -> !robot.lookup("#shell-primary").query().isDisabled());
    }

    private static boolean startsWith(ListCell<?> cell, String version) {
        if (cell.getItem() == null) return false;
        String shown = TextOf.node(cell);
        return shown.startsWith(version) || shown.startsWith("v" + version) || String.valueOf(cell.getItem()).contains(version);
    }
}
