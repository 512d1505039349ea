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
            if (!hasDisplay()) {
                System.err.println("There is no display to open the wizard on (DISPLAY and WAYLAND_DISPLAY are unset):"
                        + " on a server, use the commands instead — slipway --help lists them.");
                System.exit(2);
            }
            openWizard(args);
            return;
        }
        System.exit(SlipwayCli.run(args));
    }

    /** Whether a window can be opened: Windows and macOS always; elsewhere when X11 or Wayland is there. */
    public static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return true;
        return !isBlank(System.getenv("DISPLAY")) || !isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    /** Opens the wizard (JavaFX is loaded only here); returns when its window closes. */
    public static void openWizard(String... args) throws ReflectiveOperationException {
        Class.forName("app.slipway.gui.WizardLauncher").getMethod("launch", String[].class).invoke(null, (Object) args);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
