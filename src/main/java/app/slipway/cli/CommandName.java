package app.slipway.cli;

import java.nio.file.Path;

/** How the user typed Slipway: {@code slipway} when installed, else {@code java -jar …/slipway.jar}. */
final class CommandName {
    private CommandName() {}

    static String current() {
        if (System.getProperty("jpackage.app-path") != null) return "slipway"; // the packaged launcher
        try {
            Path jar = Path.of(CommandName.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.toString().endsWith(".jar")) {
                Path shown = jar.startsWith(Path.of("").toAbsolutePath()) ? Path.of("").toAbsolutePath().relativize(jar) : jar;
                return "java -jar " + shown;
            }
        } catch (java.net.URISyntaxException | RuntimeException ignored) {
            // not a jar (tests, an IDE): the installed name reads best
        }
        return "slipway";
    }
}
