package app.slipway.gui;

import javafx.application.Application;

/**
 * Starts the JavaFX wizard. Kept apart from {@link WizardApp} because a shaded jar whose main
 * class extends Application is refused by the JavaFX launcher ("runtime components are missing").
 */
public final class WizardLauncher {
    private WizardLauncher() {}

    public static void launch(String[] args) {
        Application.launch(WizardApp.class, args);
    }
}
