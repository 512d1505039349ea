package app.slipway.gui.stack;

import app.slipway.core.Connection;
import app.slipway.core.backup.BackupDownload;
import app.slipway.core.backup.BackupSummary;
import app.slipway.core.backup.DrillResult;
import app.slipway.core.backup.RestoreDrill;
import app.slipway.core.events.RunListener;
import app.slipway.core.rollback.RollbackOptions;
import app.slipway.core.rollback.RollbackPlanner;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.History;
import app.slipway.core.state.HistoryEntry;
import app.slipway.core.state.LockOwner;
import app.slipway.core.state.StackLock;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.result.RollbackJob;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Stack page's Backups and History (README "The wizard"): the stack's backups newest first with
 * their checks, its runs, and what can be done with a backup — a restore drill, a copy to this
 * computer, a rollback to it. The same core calls as {@code slipway backups|history|backup}.
 */
public final class BackupsViewModel {
    public final ObservableList<BackupSummary> backups = FXCollections.observableArrayList();
    public final ObservableList<HistoryEntry> history = FXCollections.observableArrayList();
    public final BooleanProperty busy = new SimpleBooleanProperty();
    public final StringProperty status = new SimpleStringProperty("");
    public final StringProperty error = new SimpleStringProperty("");

    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;
    private StackState stack;

    public BackupsViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator) {
        this.session = session;
        this.executor = executor;
        this.navigator = navigator;
    }

    private record Read(List<BackupSummary> backups, List<HistoryEntry> history) {}

    /** Reads the backups and history of the stack the page found (files only: no engine needed). */
    public void load(StackState found) {
        stack = found;
        Connection connection = session.connection.get();
        if (found == null || connection == null) {
            backups.clear();
            history.clear();
            return;
        }
        String dir = found.files().directory();
        busy.set(true);
        error.set("");
        executor.run("read backups and history", () -> {
            var runs = new ArrayList<>(History.read(connection.target(), dir));
            java.util.Collections.reverse(runs); // newest first, as the CLI lists them
            return new Read(BackupSummary.list(connection.target(), dir), runs);
        }, read -> {
            busy.set(false);
            backups.setAll(read.backups());
            history.setAll(read.history());
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    /** The restore drill of one backup, under the stack's lock; the list shows its result afterwards. */
    public void verify(BackupSummary backup) {
        Connection connection = session.connection.get();
        if (backup == null || connection == null || stack == null || busy.get()) return;
        StackState s = stack;
        busy.set(true);
        error.set("");
        status.set("Restore drill of " + backup.id() + ": restoring its dump into a throwaway database…");
        RunListener quiet = event -> { };
        executor.run("restore drill", () -> {
            try (var lock = StackLock.acquire(connection.target(), s.files().directory(),
                    LockOwner.current("restore drill " + backup.id()), false)) {
                return new RestoreDrill().run(connection, s, backup.id(), quiet);
            }
        }, (DrillResult result) -> {
            busy.set(false);
            status.set(result.summary());
            if (!result.passed()) error.set(result.summary());
            load(s);
        }, failure -> {
            busy.set(false);
            status.set("");
            error.set(ErrorText.of(failure));
        });
    }

    /** A copy of the backup in {@code into}/ID on this computer, every file checked against its manifest. */
    public void download(BackupSummary backup, Path into) {
        Connection connection = session.connection.get();
        if (backup == null || into == null || connection == null || stack == null || busy.get()) return;
        String dir = stack.files().directory();
        busy.set(true);
        error.set("");
        executor.run("download a backup", () -> new BackupDownload().download(connection.target(), dir, backup.id(), into,
                line -> executor.onUiThread(() -> status.set(line))), arrived -> {
            busy.set(false);
            status.set("Backup " + backup.id() + " is in " + arrived.folder() + ", every file matching its manifest.");
        }, failure -> {
            busy.set(false);
            status.set("");
            error.set(ErrorText.of(failure));
        });
    }

    /**
     * Plans the rollback to this backup, asks {@code confirm} with the rollback's own question, then
     * hands it to the Run page. Nothing changes before the user says yes.
     */
    public void rollBackTo(BackupSummary backup, boolean restoreDatabase, Predicate<String> confirm) {
        Connection connection = session.connection.get();
        if (backup == null || connection == null || stack == null || busy.get()) return;
        String dir = stack.files().directory();
        String profile = stack.profile().source();
        var options = new RollbackOptions(Optional.of(backup.id()), restoreDatabase, false);
        busy.set(true);
        error.set("");
        executor.run("prepare the rollback", () -> RollbackJob.prepare(connection, dir, profile, options), plan -> {
            busy.set(false);
            if (!confirm.test(RollbackPlanner.question(plan))) return;
            RollbackJob.start(session, navigator, connection.target(), plan);
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }
}
