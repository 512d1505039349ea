package app.slipway.core.run;

/** The kinds of run; the name is what the journal and the history call them. */
public enum RunKind {
    UPGRADE("upgrade"),
    INSTALL("install"),
    ROLLBACK("rollback"),
    /** A backup on demand ({@code slipway backup}): the stack is read and copied, never changed. */
    BACKUP("backup");

    public final String word;

    RunKind(String word) {
        this.word = word;
    }
}
