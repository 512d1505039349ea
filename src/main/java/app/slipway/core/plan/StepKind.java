package app.slipway.core.plan;

/** The steps of an upgrade, in the order SPEC §4 gives them, and those a rollback adds. */
public enum StepKind {
    CONNECT("Connect"),
    READ("Read the stack"),
    PREFLIGHT("Preflight"),
    BACKUP("Back up"),
    RENAME("Rename legacy services"),
    PIN("Pin the version"),
    RESTART("Restart"),
    VERIFY("Verify"),
    RECORD("Record"),
    RESTORE_FILES("Restore .env and the compose file"),
    RESTORE_DATA("Restore the database and volumes");

    public final String title;

    StepKind(String title) {
        this.title = title;
    }

    /** Steps after the first change: a failure in any of them rolls the stack back. */
    public boolean changesTheStack() {
        return this == RENAME || this == PIN || this == RESTART || this == VERIFY
                || this == RESTORE_FILES || this == RESTORE_DATA;
    }
}
