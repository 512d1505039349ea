package app.slipway;

import app.slipway.cli.SlipwayCli;

/**
 * Entry point of {@code slipway.jar}: no arguments opens the wizard, anything else runs the CLI
 * headless. The wizard class is loaded by name so a CLI run never touches JavaFX.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            Class.forName("app.slipway.gui.WizardLauncher")
                    .getMethod("launch", String[].class)
                    .invoke(null, (Object) args);
            return;
        }
        System.exit(SlipwayCli.run(args));
    }
}
