package app.slipway.core.run;

/** What a step is, in the order README §How an upgrade works gives an upgrade's steps, and the steps a way back adds. */
public enum StepKind {
    CONNECT("Connect", false),
    READ("Read the stack", false),
    PREFLIGHT("Preflight", false),
    BACKUP("Back up", false),
    /** The backups beyond the newest N removed, the stack untouched. */
    RETENTION("Remove old backups", false),
    RENAME("Rename legacy services", true),
    COMPOSE("Update the compose file", true),
    PIN("Pin the version", true),
    RESTART("Restart", true),
    VERIFY("Verify", true),
    RECORD("Record", false),
    RESTORE_FILES("Restore .env and the compose file", true),
    RESTORE_DATA("Restore the database and volumes", true),
    /** ECS: new task definition revisions; nothing runs them until a service is deployed. */
    REGISTER("Register new revisions", false),
    /** ECS: a service moved to a task definition revision, its deployment followed to the end. */
    DEPLOY("Deploy", true),
    /** ECS way back: a service returned to the revision it ran before. */
    RETURN("Return to the previous revision", true);

    public final String title;
    private final boolean changes;

    StepKind(String title, boolean changes) {
        this.title = title;
        this.changes = changes;
    }

    /**
     * Steps of this kind change the stack (or judge a change): once one starts, cancelling is no
     * longer possible and a failure is undone by the plan's recovery.
     */
    public boolean changesTheStack() {
        return changes;
    }
}
