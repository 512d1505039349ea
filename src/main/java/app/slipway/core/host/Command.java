package app.slipway.core.host;

import java.util.List;
import java.util.Map;

/**
 * A command as data: the argument list, where it runs and extra environment. Built by command
 * builders, run by a {@link Target}; tests assert on it without a daemon.
 *
 * <p>{@code stdinFile} and {@code stdoutFile} are paths on the target: a dump streams straight
 * into a file on the server instead of through the SSH connection and back. {@code input} is a
 * short text written to the command's standard input instead (what a Docker credential helper
 * reads: the registry it is asked about); not for secrets, as it is part of the command's data.
 */
public record Command(List<String> argv, String workDir, Map<String, String> env, String stdinFile,
                      String stdoutFile, String input) {
    public Command {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        if (stdinFile != null && input != null) throw new IllegalArgumentException("stdin is a file or a text, not both");
    }

    public Command(List<String> argv, String workDir, Map<String, String> env, String stdinFile, String stdoutFile) {
        this(argv, workDir, env, stdinFile, stdoutFile, null);
    }

    public Command(List<String> argv, String workDir, Map<String, String> env) {
        this(argv, workDir, env, null, null, null);
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
        return new Command(argv, workDir, merged, stdinFile, stdoutFile, input);
    }

    /** The same command reading its standard input from a file on the target. */
    public Command readingFrom(String path) {
        return new Command(argv, workDir, env, path, stdoutFile, input);
    }

    /** The same command with {@code text} (UTF-8) as its standard input. */
    public Command feeding(String text) {
        return new Command(argv, workDir, env, stdinFile, stdoutFile, text);
    }

    /** The same command writing its standard output to a file on the target (created or truncated). */
    public Command writingTo(String path) {
        return new Command(argv, workDir, env, stdinFile, path, input);
    }

    /** The command line as a user would type it (arguments shell-quoted where needed). */
    public String display() {
        return ShellQuote.join(argv)
                + (stdinFile == null ? "" : " < " + ShellQuote.quote(stdinFile))
                + (stdoutFile == null ? "" : " > " + ShellQuote.quote(stdoutFile));
    }
}
