package app.slipway.core;

/** Exit codes of README §The CLI; scripts and tests rely on the numbers. */
public enum ExitCode {
    DONE(0),
    INTERNAL(1),
    BAD_INPUT(2),
    REFUSED(3),
    ROLLED_BACK(4),
    ROLLBACK_FAILED(5),
    /** {@code slipway check}: a newer release the stack's update policy allows is out; nothing was changed. */
    UPDATE_AVAILABLE(100);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
