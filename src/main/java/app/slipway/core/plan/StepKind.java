package app.slipway.core.plan;

/** The steps of an upgrade, in the order SPEC §4 gives them. */
public enum StepKind {
    CONNECT("Connect"),
    READ("Read the stack"),
    PREFLIGHT("Preflight"),
    BACKUP("Back up"),
    RENAME("Rename legacy services"),
    PIN("Pin the version"),
    RESTART("Restart"),
    VERIFY("Verify"),
    RECORD("Record");

    public final String title;

    StepKind(String title) {
        this.title = title;
    }

    /** Steps after the first change: a failure in any of them rolls the stack back. */
    public boolean changesTheStack() {
        return this == RENAME || this == PIN || this == RESTART || this == VERIFY;
    }
}
