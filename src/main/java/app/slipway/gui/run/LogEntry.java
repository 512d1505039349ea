package app.slipway.gui.run;

/**
 * One line of the Run page's log: a command's or container's output line ({@code source} says
 * whose), or a notice from the run itself ({@code source} null).
 */
public record LogEntry(String source, String text) {

    public static LogEntry notice(String message) {
        return new LogEntry(null, message);
    }

    public boolean isNotice() {
        return source == null;
    }

    /** The line as the log pane prints it. */
    @Override
    public String toString() {
        return isNotice() ? "▸ " + text : source + " | " + text;
    }
}
