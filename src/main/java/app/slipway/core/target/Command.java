package app.slipway.core.target;

import java.util.List;
import java.util.Map;

/**
 * A command as data: the argument list, where it runs and extra environment. Built by command
 * builders, run by a {@link Target}; tests assert on it without a daemon.
 */
public record Command(List<String> argv, String workDir, Map<String, String> env) {
    public Command {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public static Command of(String... argv) {
        return new Command(List.of(argv), null, Map.of());
    }

    public static Command in(String workDir, List<String> argv) {
        return new Command(argv, workDir, Map.of());
    }

    public Command withEnv(Map<String, String> extra) {
        var merged = new java.util.LinkedHashMap<>(env);
        merged.putAll(extra);
        return new Command(argv, workDir, merged);
    }

    /** The command line as a user would type it (arguments shell-quoted where needed). */
    public String display() {
        return ShellQuote.join(argv);
    }
}
