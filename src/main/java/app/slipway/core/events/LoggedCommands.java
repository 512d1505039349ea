package app.slipway.core.events;

import app.slipway.core.stack.StackState;
import app.slipway.core.host.Command;
import app.slipway.core.host.ExecResult;
import app.slipway.core.host.OutputSink;
import app.slipway.core.host.Target;

/**
 * Runs commands on the target and tells the listener what runs and what it says on stderr.
 * Stdout is not logged: it is data (a listing, checksums) or it goes to a file on the target.
 * Every line and every failure text passes the stack's {@link SecretRedactor} first: a value of
 * {@code .env} may show up in what Compose or a container prints.
 */
public final class LoggedCommands {
    private final Target target;
    private final SecretRedactor redactor;
    private final RunListener listener;
    private final String source;

    public LoggedCommands(Target target, SecretRedactor redactor, RunListener listener, String source) {
        this.target = target;
        this.redactor = redactor;
        this.listener = redactor.wrap(listener);
        this.source = source;
    }

    public static LoggedCommands forStack(Target target, StackState stack, RunListener listener, String source) {
        return new LoggedCommands(target, SecretRedactor.forStack(stack), listener, source);
    }

    public ExecResult run(Command command) {
        log("$ " + command.display());
        return target.exec(command, (stream, line) -> {
            if (stream == OutputSink.Stream.STDERR && !line.isBlank()) log(line);
        });
    }

    public void log(String line) {
        listener.on(new RunEvent.LogLine(source, line));
    }

    public Target target() {
        return target;
    }

    /** Runs the command and fails with what it said last when it does not exit 0. */
    public void require(Command command) {
        ExecResult result = run(command);
        if (!result.ok()) {
            throw new IllegalStateException(command.display() + " failed: " + lastWords(result));
        }
    }

    /** The last non-blank line of stderr (else stdout), secrets masked: what a failed command said last. */
    public String lastWords(ExecResult result) {
        String said = lastLine(result.stderr());
        if (said.isEmpty()) said = lastLine(result.stdout());
        return said.isEmpty() ? "exit status " + result.exitCode() : redactor.redact(said);
    }

    private static String lastLine(String text) {
        if (text == null) return "";
        String[] lines = text.strip().split("\r?\n");
        String last = lines[lines.length - 1].strip();
        return last.length() > 300 ? last.substring(0, 300) + "…" : last;
    }
}
