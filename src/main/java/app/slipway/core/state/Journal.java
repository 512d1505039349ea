package app.slipway.core.state;

import app.slipway.core.SlipwayException;
import app.slipway.core.host.Target;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * The trail of a run in progress, {@code DIR/.slipway/journal.json}: written when the run begins,
 * rewritten atomically at each step it reaches, deleted when it ends. A journal that is still
 * there means the run was interrupted (connection lost, app killed); the next {@code status} or
 * {@code upgrade} finds it and offers to resume or roll back.
 */
public final class Journal {
    static final String FILE = "journal.json";

    private final Target target;
    private final String path;
    private JournalEntry entry;

    private Journal(Target target, String path, JournalEntry entry) {
        this.target = target;
        this.path = path;
        this.entry = entry;
    }

    /** Starts the journal of a run (replacing any journal already there: check {@link #find} first). */
    public static Journal begin(Target t, String dir, JournalEntry entry) {
        Objects.requireNonNull(entry, "entry");
        String abs = t.absolute(dir);
        t.mkdirs(StateFiles.stateDir(abs));
        Journal j = new Journal(t, path(abs), entry);
        j.write();
        return j;
    }

    /** Carries on with the journal an interrupted run left (for {@code --resume}). */
    public static Optional<Journal> resume(Target t, String dir) {
        String abs = t.absolute(dir);
        return find(t, abs).map(e -> new Journal(t, path(abs), e));
    }

    /** The interrupted run's entry, if a journal is there; an unreadable journal is a clear refusal. */
    public static Optional<JournalEntry> find(Target t, String dir) {
        String file = path(t.absolute(dir));
        if (t.stat(file).isEmpty()) return Optional.empty();
        try {
            JournalEntry e = StateFiles.JSON.readValue(t.readFile(file), JournalEntry.class);
            if (e == null) throw new IOException("it is empty");
            return Optional.of(e);
        } catch (IOException e) {
            throw SlipwayException.refused("The journal of an interrupted run, " + file + " on " + t.describe()
                    + ", cannot be read (" + StateFiles.why(e) + "): look at the stack, then delete that file to go on.");
        }
    }

    /** Records that the run reached {@code stepKind} (e.g. {@code pin}) now. */
    public synchronized void reached(String stepKind) {
        entry = entry.withStep(stepKind, StateFiles.now());
        write();
    }

    /** Records the backup the run made, once it exists. */
    public synchronized void backupTaken(String backupId) {
        entry = entry.withBackupId(backupId);
        write();
    }

    /** The run ended (whatever its outcome, once it is recorded in the history): the journal goes. */
    public synchronized void finish() {
        StateFiles.remove(target, path);
    }

    public synchronized JournalEntry entry() {
        return entry;
    }

    public String path() {
        return path;
    }

    private void write() {
        target.writeFileAtomically(path, StateFiles.pretty(entry), 0644);
    }

    static String path(String absoluteDir) {
        return StateFiles.stateDir(absoluteDir) + "/" + FILE;
    }
}
