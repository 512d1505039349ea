package app.slipway.core;

/**
 * A failure the user must read: its message is one plain sentence saying what happened and
 * what to do, and it carries the exit code the CLI ends with.
 */
public class SlipwayException extends RuntimeException {
    private final ExitCode exitCode;

    public SlipwayException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public SlipwayException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** Bad input or usage; nothing was changed (exit 2). */
    public static SlipwayException badInput(String message) {
        return new SlipwayException(ExitCode.BAD_INPUT, message);
    }

    /** Refused before any change (exit 3). */
    public static SlipwayException refused(String message) {
        return new SlipwayException(ExitCode.REFUSED, message);
    }

    public static SlipwayException refused(String message, Throwable cause) {
        return new SlipwayException(ExitCode.REFUSED, message, cause);
    }
}
