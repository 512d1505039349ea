package app.slipway.core.host;

/** What a finished command left: its exit status and its captured output. */
public record ExecResult(int exitCode, String stdout, String stderr) {
    public boolean ok() {
        return exitCode == 0;
    }
}
