package app.slipway.gui.plan;

import app.slipway.core.Connection;
import app.slipway.core.install.InstallOptions;
import app.slipway.core.install.InstallPlanner;
import app.slipway.core.install.InstallRun;
import app.slipway.core.plan.PlanStep;
import app.slipway.core.plan.UpgradeOptions;
import app.slipway.core.plan.UpgradePlan;
import app.slipway.core.plan.UpgradePlanner;
import app.slipway.core.profile.InstallSpec;
import app.slipway.core.profile.Profile;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.MaskingListener;
import app.slipway.core.events.SecretRedactor;
import app.slipway.core.run.UpgradeRun;
import app.slipway.core.stack.StackState;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Plan page: the steps the core will take, built by the same planners the CLI's {@code plan}
 * prints, and the job that runs exactly them. Changing the backup toggle plans again.
 */
public final class PlanViewModel {
    public final StringProperty heading = new SimpleStringProperty("");
    public final ObservableList<PlanStep> steps = FXCollections.observableArrayList();
    public final ObservableList<String> notes = FXCollections.observableArrayList();
    public final BooleanProperty busy = new SimpleBooleanProperty();
    public final BooleanProperty ready = new SimpleBooleanProperty();
    public final StringProperty error = new SimpleStringProperty("");
    /** The backup toggle applies to upgrades only (an install backs up the previous files anyway). */
    public final BooleanProperty backupApplies = new SimpleBooleanProperty();

    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;
    private UpgradePlan upgradePlan;
    private int generation;

    public PlanViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator) {
        this.session = session;
        this.executor = executor;
        this.navigator = navigator;
        session.backup.addListener((obs, old, now) -> {
            if (backupApplies.get()) plan();
        });
    }

    /** Plans again from the session (on entering the page, or when the backup toggle changes). */
    public void plan() {
        Connection connection = session.connection.get();
        boolean install = session.mode.get() == WizardSession.Mode.INSTALL;
        backupApplies.set(!install);
        StackState stack = session.stack.get();
        Profile profile = session.profile.get();
        String version = session.version.get();
        String directory = session.directory.get();
        boolean skipBackup = !session.backup.get();
        int mine = ++generation; // a slow plan must not overwrite a newer one
        busy.set(true);
        ready.set(false);
        error.set("");
        executor.run("plan", () -> install
                ? Planned.of(InstallPlanner.plan(connection, directory, profile, new InstallOptions(version, Map.of())))
                : Planned.of(UpgradePlanner.plan(connection, stack, UpgradeOptions.planOnly(version, skipBackup))),
                planned -> {
                    if (mine != generation) return;
                    busy.set(false);
                    upgradePlan = planned.upgrade;
                    heading.set(planned.heading);
                    notes.setAll(planned.notes);
                    steps.setAll(planned.steps);
                    ready.set(true);
                }, failure -> {
                    if (mine != generation) return;
                    busy.set(false);
                    steps.clear();
                    notes.clear();
                    error.set(ErrorText.of(failure));
                });
    }

    /** Hands the planned run to the Run page. */
    public void start() {
        if (!ready.get()) return;
        session.job.set(session.mode.get() == WizardSession.Mode.INSTALL ? installJob() : upgradeJob());
        session.result.set(null);
        navigator.goTo(Navigator.Step.RUN);
    }

    private RunJob upgradeJob() {
        Connection connection = session.connection.get();
        StackState stack = session.stack.get();
        UpgradePlan plan = upgradePlan;
        var options = new UpgradeOptions(plan.to(), !session.backup.get(), false, false);
        var cancellation = Cancellation.none();
        SecretRedactor redactor = SecretRedactor.forStack(stack);
        return new RunJob("Upgrade " + plan.product() + " " + plan.from() + " → " + plan.to(), RunJob.Kind.UPGRADE,
                plan.steps(), listener -> new UpgradeRun(connection, stack, plan, options, redactor.wrap(listener),
                        cancellation).run(), cancellation);
    }

    private RunJob installJob() {
        Connection connection = session.connection.get();
        Profile profile = session.profile.get();
        String directory = session.directory.get();
        String version = session.version.get();
        var cancellation = Cancellation.none();
        Set<String> secretKeys = profile.install().map(InstallSpec::secrets).map(Map::keySet).orElse(Set.of());
        List<PlanStep> shown = List.copyOf(steps);
        return new RunJob("Install " + profile.name() + " " + version, RunJob.Kind.INSTALL, shown, listener -> {
            var masking = new MaskingListener(listener, secretKeys);
            return new InstallRun(connection, directory, profile, new InstallOptions(version, Map.of()), masking,
                    masking::envKnown, new SecureRandom()).cancellableBy(cancellation).run();
        }, cancellation);
    }

    /** A plan of either kind, as the page shows it. */
    private record Planned(String heading, List<String> notes, List<PlanStep> steps, UpgradePlan upgrade) {
        static Planned of(UpgradePlan p) {
            return new Planned("Upgrade " + p.product() + " in " + p.directory() + " on " + p.target() + " from "
                    + p.from() + " to " + p.to(), p.notes(), p.steps(), p);
        }

        static Planned of(InstallPlanner.InstallPlan p) {
            return new Planned((p.rerun() ? "Re-run the install of " : "Install ") + p.product() + " " + p.to()
                    + " into " + p.directory() + " on " + p.target(), p.rerun()
                    ? List.of("The directory already holds a stack: its .env values and secrets are kept byte for byte.")
                    : List.of(), p.steps(), null);
        }
    }

    Optional<UpgradePlan> upgradePlan() {
        return Optional.ofNullable(upgradePlan);
    }
}
