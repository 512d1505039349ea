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
            if (noDisplay()) {
                System.err.println("There is no display to open the wizard on (DISPLAY and WAYLAND_DISPLAY are unset):"
                        + " on a server, use the commands instead — slipway --help lists them.");
                System.exit(2);
            }
            Class.forName("app.slipway.gui.WizardLauncher")
                    .getMethod("launch", String[].class)
                    .invoke(null, (Object) args);
            return;
        }
        System.exit(SlipwayCli.run(args));
    }

    /** Linux and other X11/Wayland systems only: Windows and macOS always have a display. */
    private static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return false;
        return isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
