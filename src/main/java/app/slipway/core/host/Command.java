package app.slipway.core.host;

import java.util.List;
import java.util.Map;

/**
 * A command as data: the argument list, where it runs and extra environment. Built by command
 * builders, run by a {@link Target}; tests assert on it without a daemon.
 *
 * <p>{@code stdinFile} and {@code stdoutFile} are paths on the target: a dump streams straight
 * into a file on the server instead of through the SSH connection and back.
 */
public record Command(List<String> argv, String workDir, Map<String, String> env, String stdinFile,
                      String stdoutFile) {
    public Command {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    public Command(List<String> argv, String workDir, Map<String, String> env) {
        this(argv, workDir, env, null, null);
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
        return new Command(argv, workDir, merged, stdinFile, stdoutFile);
    }

    /** The same command reading its standard input from a file on the target. */
    public Command readingFrom(String path) {
        return new Command(argv, workDir, env, path, stdoutFile);
    }

    /** The same command writing its standard output to a file on the target (created or truncated). */
    public Command writingTo(String path) {
        return new Command(argv, workDir, env, stdinFile, path);
    }

    /** The command line as a user would type it (arguments shell-quoted where needed). */
    public String display() {
        return ShellQuote.join(argv)
                + (stdinFile == null ? "" : " < " + ShellQuote.quote(stdinFile))
                + (stdoutFile == null ? "" : " > " + ShellQuote.quote(stdoutFile));
    }
}
