package app.slipway.core.host;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@link Command} as the one string an SSH exec request carries, for a POSIX login shell:
 * {@code cd DIR && exec env K=V argv…}, every part shell-quoted.
 */
final class RemoteCommand {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private RemoteCommand() {}

    static String of(Command command) {
        if (command.argv().isEmpty()) throw new IllegalArgumentException("empty command");
        var sb = new StringBuilder();
        if (command.workDir() != null) {
            sb.append("cd ").append(ShellQuote.quote(command.workDir())).append(" && ");
        }
        sb.append("exec ");
        if (!command.env().isEmpty()) {
            sb.append("env ");
            for (Map.Entry<String, String> e : new TreeMap<>(command.env()).entrySet()) {
                if (!NAME.matcher(e.getKey()).matches()) {
                    throw new IllegalArgumentException("not an environment variable name: " + e.getKey());
                }
                sb.append(ShellQuote.quote(e.getKey() + "=" + e.getValue())).append(' ');
            }
        }
        sb.append(ShellQuote.join(command.argv()));
        if (command.stdinFile() != null) sb.append(" < ").append(ShellQuote.quote(command.stdinFile()));
        if (command.stdoutFile() != null) sb.append(" > ").append(ShellQuote.quote(command.stdoutFile()));
        return sb.toString();
    }
}
