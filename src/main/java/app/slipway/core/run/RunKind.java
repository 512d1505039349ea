package app.slipway.core.run;

/** The kinds of run; the name is what the journal and the history call them. */
public enum RunKind {
    UPGRADE("upgrade"),
    INSTALL("install"),
    ROLLBACK("rollback");

    public final String word;

    RunKind(String word) {
        this.word = word;
    }
}
