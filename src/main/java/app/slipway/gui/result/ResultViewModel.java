package app.slipway.gui.result;

import app.slipway.core.run.RunKind;
import app.slipway.core.Connection;
import app.slipway.core.ExitCode;
import app.slipway.core.profile.Profile;
import app.slipway.core.rollback.RollbackOptions;
import app.slipway.core.rollback.RollbackPlanner;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.run.RunResult;
import app.slipway.core.stack.StackFiles;
import app.slipway.core.stack.StackFilesReader;
import app.slipway.core.stack.StackState;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.ecs.EcsRollbacks;
import app.slipway.gui.fleet.FleetRollbackJob;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Result page's state: how the last job ended, in words; where its backup is; the logs of the
 * services that failed; the address to open (the profile's health URL with the stack's own .env,
 * read in the background); and the actions that make sense now: Open, Rollback, Start over.
 */
public final class ResultViewModel {
    public enum PrimaryAction { OPEN, ROLL_BACK, START_OVER }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;
    private final Consumer<String> opener;

    private final StringProperty headline = new SimpleStringProperty(this, "headline", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(this, "tone", Tone.SUCCESS);
    private final StringProperty product = new SimpleStringProperty(this, "product", "the product");
    private final StringProperty backupLocation = new SimpleStringProperty(this, "backupLocation", "");
    /** What the backup and the rollback are, in the target's own terms (a stack's files, or ECS revisions). */
    private final StringProperty backupTitle = new SimpleStringProperty(this, "backupTitle", COMPOSE_BACKUP);
    private final StringProperty rollbackNote = new SimpleStringProperty(this, "rollbackNote", COMPOSE_ROLLBACK);
    private static final String COMPOSE_BACKUP = "Backup";
    private static final String COMPOSE_ROLLBACK = "Returns .env, the compose file and the images to the backup's"
            + " state, then restarts and verifies. The database stays as it is unless you ask for it below.";
    private final StringProperty restoreDatabaseLabel = new SimpleStringProperty(this, "restoreDatabaseLabel",
            COMPOSE_RESTORE);
    private static final String COMPOSE_RESTORE = "Also restore the _database and volumes from the backup (the app is"
            + " stopped meanwhile)";
    private final ObservableList<ServiceLog> logs = FXCollections.observableArrayList();
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty urlNote = new SimpleStringProperty(this, "urlNote", "");
    private final BooleanProperty urlUnknown = new SimpleBooleanProperty(this, "urlUnknown");
    private final BooleanProperty rollbackOffered = new SimpleBooleanProperty(this, "rollbackOffered");
    private final StringProperty rollbackLabel = new SimpleStringProperty(this, "rollbackLabel", "Roll back");
    private final BooleanProperty restoreDatabaseOffered = new SimpleBooleanProperty(this, "restoreDatabaseOffered");
    /** The user's choice: also put back the database, volumes and directories of the backup. */
    public final BooleanProperty restoreDatabase = new SimpleBooleanProperty(this, "restoreDatabase");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final ObjectProperty<PrimaryAction> primaryAction =
            new SimpleObjectProperty<>(this, "primaryAction", PrimaryAction.START_OVER);

    private RunResult shown;

    /** @param opener opens an address in the user's browser (the application wires HostServices) */
    public ResultViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator,
                           Consumer<String> opener) {
        this.session = session;
        this.executor = executor;
        this.navigator = navigator;
        this.opener = opener;
        url.addListener((obs, old, now) -> updatePrimary());
        urlUnknown.addListener((obs, old, now) -> updatePrimary());
    }

    /** Shows the session's result, once per result (coming back changes nothing). */
    public void entered() {
        RunResult result = session.result.get();
        if (result == null || result == shown) return;
        shown = result;
        RunJob job = session.job.get();
        RunKind kind = job == null ? RunKind.UPGRADE : job.kind();
        boolean cancelled = job != null && job.cancellation().isRequested();
        Profile profile = session.profile.get();
        product.set(profile == null ? "the product" : profile.name());
        Outcome outcome = Outcome.of(kind, result, cancelled, product.get());

        var ecs = session.ecs.get();
        SecretRedactor redactor = ecs != null ? ecs.stack().redactor() : session.stack.get() == null
                ? new SecretRedactor(Map.of(), Set.of()) : SecretRedactor.forStack(session.stack.get());
        headline.set(outcome.headline());
        tone.set(outcome.tone());
        message.set(redactor.redact(result.message()));
        logs.setAll(result.failedLogs().entrySet().stream()
                .map(e -> new ServiceLog(e.getKey(), e.getValue().stream().map(redactor::redact).toList()))
                .toList());
        backupLocation.set(result.backupId() == null ? "" : directory() + "/backups/" + result.backupId());
        rollbackOffered.set(outcome.rollbackOffered());
        rollbackLabel.set(result.exitCode() == ExitCode.DONE && result.from() != null
                ? "Roll back to " + result.from() : "Roll back");
        // several servers: the primary's database backup, restored only there (README §Several servers)
        restoreDatabaseOffered.set(outcome.rollbackOffered() && ecs == null
                && (result.backupId() != null || session.fleet.get() != null));
        restoreDatabase.set(false);
        error.set("");
        url.set("");
        urlNote.set("");
        urlUnknown.set(false);
        updatePrimary();
        boolean servers = session.fleet.get() != null;
        backupTitle.set(ecs != null ? "Revisions to return to (kept on this computer)"
                : servers ? "Backup of the primary (each server keeps its own)" : COMPOSE_BACKUP);
        rollbackNote.set(ecs != null ? "Returns each service to the task definition revision it ran before the upgrade,"
                + " in reverse order, each deployment followed to its end." : servers ? "Returns every server to the"
                + " backup the upgrade took of it (.env, the compose file and the images), the primary last, each"
                + " restarted and verified. The database stays as it is unless you ask for it below." : COMPOSE_ROLLBACK);
        restoreDatabaseLabel.set(servers ? "Also restore the _database and volumes on the primary from its backup"
                + " (the primary is stopped meanwhile)" : COMPOSE_RESTORE);
        if (ecs != null) {
            // ECS: the revisions to return to are remembered on this computer; the address is the load balancer's.
            backupLocation.set(result.backupId() == null ? ""
                    : app.slipway.core.ecs.EcsRecord.file(ecs.directory(), result.backupId()).toString());
            result.url().ifPresentOrElse(u -> url.set(root(URI.create(u))), () -> urlUnknown.set(true));
            return;
        }
        readUrl(result);
    }

    /** The install directory as best known: the inspected stack's (absolute), else what the user typed. */
    private String directory() {
        StackState stack = session.stack.get();
        return stack != null ? stack.files().directory() : session.directory.get();
    }

    private record Address(String url, String directory) {}

    /** The product's address, from the profile's health URL and the stack's .env as it is now. */
    private void readUrl(RunResult result) {
        Connection connection = session.connection.get();
        Profile profile = session.profile.get();
        String dir = directory();
        if (connection == null || profile == null || dir == null || dir.isBlank()) {
            urlUnknown.set(true);
            return;
        }
        executor.run("read the address", () -> {
            StackFiles files = StackFilesReader.read(connection.target(), dir);
            return new Address(root(profile.health().url(files.env().values())), files.directory());
        }, address -> {
            if (result != shown) return;
            url.set(address.url());
            if (result.backupId() != null) backupLocation.set(address.directory() + "/backups/" + result.backupId());
            if (connection.target().isRemote() && LOOPBACK.contains(URI.create(address.url()).getHost())) {
                int port = URI.create(address.url()).getPort();
                urlNote.set("This address is the server's own loopback: open it through your reverse proxy, or "
                        + "forward it with an SSH tunnel (ssh -L " + port + ":127.0.0.1:" + port + " …).");
            }
        }, failure -> {
            if (result != shown) return;
            urlUnknown.set(true);
            urlNote.set("The address is unknown: " + ErrorText.of(failure));
        });
    }

    /** {@code http://127.0.0.1:3000/up} → {@code http://127.0.0.1:3000/}: the app, not its health probe. */
    static String root(URI health) {
        try {
            return new URI(health.getScheme(), null, health.getHost(), health.getPort(), "/", null, null).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(health.toString(), e);
        }
    }

    private void updatePrimary() {
        RunResult result = shown;
        if (result != null && result.exitCode() == ExitCode.DONE && !urlUnknown.get()) {
            primaryAction.set(PrimaryAction.OPEN);
        } else if (result != null && result.exitCode() != ExitCode.DONE && rollbackOffered.get()) {
            primaryAction.set(PrimaryAction.ROLL_BACK);
        } else {
            primaryAction.set(PrimaryAction.START_OVER);
        }
    }

    // ------------------------------------------------------------------ actions

    public void primary(Predicate<String> confirm) {
        switch (primaryAction.get()) {
            case OPEN -> open();
            case ROLL_BACK -> rollBack(confirm);
            case START_OVER -> startOver();
        }
    }

    public void open() {
        if (!url.get().isEmpty()) opener.accept(url.get());
    }

    /** Back to choosing a stack on the same connection, or to Connect when there is none. */
    public void startOver() {
        navigator.goTo(session.connection.get() == null && session.ecs.get() == null ? Navigator.Step.CONNECT
                : Navigator.Step.STACK);
    }

    /**
     * Re-reads the stack (it changed since the plan), prepares the rollback in the background, asks
     * {@code confirm} with the rollback's own one-sentence description, then hands the job to the
     * Run page. Nothing changes before the user says yes.
     */
    public void rollBack(Predicate<String> confirm) {
        RunResult result = shown;
        Connection connection = session.connection.get();
        Profile profile = session.profile.get();
        if (!rollbackOffered.get() || busy.get() || result == null) return;
        if (session.ecs.get() != null) {
            rollBackEcs(confirm);
            return;
        }
        if (session.fleet.get() != null) {
            rollBackFleet(confirm);
            return;
        }
        if (connection == null || profile == null) {
            error.set("The connection to the target is gone: start over to connect again.");
            return;
        }
        String dir = directory();
        var options = new RollbackOptions(Optional.ofNullable(result.backupId()),
                restoreDatabaseOffered.get() && restoreDatabase.get(), false);
        busy.set(true);
        error.set("");
        executor.run("prepare the rollback", () -> RollbackJob.prepare(connection, dir, profile.source(), options), plan -> {
            busy.set(false);
            if (!confirm.test(RollbackPlanner.question(plan))) return;
            RollbackJob.start(session, navigator, connection.target(), plan);
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    /** Several servers: each read again, then back to the backups the last fleet upgrade took, the primary last. */
    private void rollBackFleet(Predicate<String> confirm) {
        var fleet = session.fleet.get().fleet();
        boolean database = restoreDatabaseOffered.get() && restoreDatabase.get();
        busy.set(true);
        error.set("");
        executor.run("prepare the rollback", () -> FleetRollbackJob.prepare(fleet, database), back -> {
            busy.set(false);
            if (back.plans().isEmpty()) {
                back.stacks().close();
                error.set("No server had been changed by the last fleet upgrade: there is nothing to roll back.");
                return;
            }
            if (!confirm.test(back.question())) {
                back.stacks().close();
                return;
            }
            // the servers as they are now (the session closes the old connections)
            var primary = back.stacks().node(back.stacks().fleet().primary());
            session.fleet.set(back.stacks());
            session.stack.set(primary.stack());
            session.connection.set(primary.connection());
            session.job.set(back.job());
            navigator.goTo(Navigator.Step.RUN);
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    /** ECS: the services read again, then back to the revisions they ran before the last upgrade that succeeded. */
    private void rollBackEcs(Predicate<String> confirm) {
        var ecs = session.ecs.get();
        busy.set(true);
        error.set("");
        executor.run("prepare the rollback", () -> EcsRollbacks.prepare(ecs), plan -> {
            busy.set(false);
            if (!confirm.test(EcsRollbacks.question(ecs, plan))) return;
            RollbackJob.start(session, navigator, new app.slipway.core.host.LocalTarget(), plan);
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    // ------------------------------------------------------------------ for the page

    public ReadOnlyStringProperty headlineProperty() {
        return headline;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyObjectProperty<Tone> toneProperty() {
        return tone;
    }

    public ReadOnlyStringProperty productProperty() {
        return product;
    }

    /** "/opt/strata/backups/20250101T…-1.0.0-to-2.0.0" on the target; empty without a backup. */
    public ReadOnlyStringProperty backupLocationProperty() {
        return backupLocation;
    }

    public ReadOnlyStringProperty backupTitleProperty() {
        return backupTitle;
    }

    public ReadOnlyStringProperty rollbackNoteProperty() {
        return rollbackNote;
    }

    /** The "also restore the database" choice, with its mnemonic. */
    public ReadOnlyStringProperty restoreDatabaseLabelProperty() {
        return restoreDatabaseLabel;
    }

    public ObservableList<ServiceLog> logs() {
        return logs;
    }

    /** The product's address, e.g. {@code http://127.0.0.1:3000/}; empty until read (or unknown). */
    public ReadOnlyStringProperty urlProperty() {
        return url;
    }

    /** Why the address is unknown, or how to reach it from here; empty when there is nothing to say. */
    public ReadOnlyStringProperty urlNoteProperty() {
        return urlNote;
    }

    public ReadOnlyBooleanProperty rollbackOfferedProperty() {
        return rollbackOffered;
    }

    public ReadOnlyStringProperty rollbackLabelProperty() {
        return rollbackLabel;
    }

    public ReadOnlyBooleanProperty restoreDatabaseOfferedProperty() {
        return restoreDatabaseOffered;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** Why the rollback could not be prepared; empty otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<PrimaryAction> primaryActionProperty() {
        return primaryAction;
    }

    public StringBinding primaryLabel() {
        return Bindings.createStringBinding(() -> switch (primaryAction.get()) {
            case OPEN -> "Open " + product.get();
            case ROLL_BACK -> "Roll back";
            case START_OVER -> "Start over";
        }, primaryAction, product);
    }

    /** Disabled while the rollback is being prepared, and Open until the address is read. */
    public BooleanBinding primaryDisabled() {
        return Bindings.createBooleanBinding(() -> busy.get()
                || (primaryAction.get() == PrimaryAction.OPEN && url.get().isEmpty()), busy, primaryAction, url);
    }
}
