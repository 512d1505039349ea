package app.slipway.core.run;

/** What a run does with {@code DIR/.slipway/journal.json}, the trail an interrupted run leaves. */
public enum Journaling {
    /** Starts a journal at the first change, ends it with the run. */
    BEGIN,
    /** Carries on with the journal an interrupted run left ({@code --resume}). */
    RESUME,
    /** Keeps none of its own; ends an interrupted run's journal when it succeeds (a rollback undoes that run). */
    CLOSE_INTERRUPTED
}
