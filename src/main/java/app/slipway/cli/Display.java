package app.slipway.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How a run's progress is shown: redrawn in place on a person's terminal, appended line by line
 * when piped or under CI (logs keep every line), nothing but the last sentence with --quiet.
 * Colour only on a live terminal, and never with NO_COLOR or --no-color.
 */
record Display(boolean quiet, boolean live, boolean colour, int width) {
    static final Display PLAIN = new Display(false, false, false, 80);

    /** The command's --quiet and --no-color (inherited from {@code slipway}), and the terminal it runs in. */
    static Display of(CommandSpec spec) {
        return of(flag(spec, "--quiet"), flag(spec, "--no-color"), System.console() != null, System.getenv());
    }

    static Display of(boolean quiet, boolean noColor, boolean console, Map<String, String> env) {
        boolean live = console && !"dumb".equals(env.get("TERM")) && !"true".equalsIgnoreCase(env.get("CI"));
        boolean colour = live && !noColor && env.getOrDefault("NO_COLOR", "").isEmpty();
        return new Display(quiet, live, colour, live ? width(env) : 80);
    }

    private static boolean flag(CommandSpec spec, String name) {
        OptionSpec option = spec.findOption(name);
        return option != null && Boolean.TRUE.equals(option.getValue());
    }

    /** COLUMNS when the shell exports it, else what the terminal says; 80 when neither answers. */
    private static int width(Map<String, String> env) {
        try {
            int columns = Integer.parseInt(env.getOrDefault("COLUMNS", "").strip());
            if (columns > 0) return columns;
        } catch (NumberFormatException notSet) {
            // ask the terminal
        }
        try {
            Process stty = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (stty.waitFor(2, TimeUnit.SECONDS) && stty.exitValue() == 0) {
                int columns = Integer.parseInt(answer.substring(answer.indexOf(' ') + 1));
                if (columns > 0) return columns;
            }
        } catch (IOException | RuntimeException e) {
            // no stty (Windows), or no terminal after all
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 80;
    }
}
