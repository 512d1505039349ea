package app.slipway.gui.plan;

import app.slipway.core.Connection;
import app.slipway.core.events.Cancellation;
import app.slipway.core.install.InstallOptions;
import app.slipway.core.install.InstallPlanner;
import app.slipway.core.profile.Profile;
import app.slipway.core.releases.VersionSpelling;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.RunKind;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.Journal;
import app.slipway.core.steps.MissingKeys;
import app.slipway.core.upgrade.UpgradeOptions;
import app.slipway.core.upgrade.UpgradePlanner;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.fleet.ServerEvents;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    /** The plan's way back: the steps that run only when a change fails. */
    public final ObservableList<PlanStep> wayBack = FXCollections.observableArrayList();
    public final ObservableList<String> notes = FXCollections.observableArrayList();
    public final BooleanProperty busy = new SimpleBooleanProperty();
    public final BooleanProperty ready = new SimpleBooleanProperty();
    public final StringProperty error = new SimpleStringProperty("");
    /** Below the steps: that nothing has changed yet, and from where a failure goes back on its own. */
    public final StringProperty footnote = new SimpleStringProperty(
            "Nothing has changed yet. Any failure from the rename on rolls the stack back on its own.");
    /** For several servers: the server each step belongs to. */
    public final java.util.Map<PlanStep, String> stepGroups = new java.util.IdentityHashMap<>();
    private app.slipway.core.fleet.FleetPlan fleetPlan;
    /** Keys the version's compose file requires and nothing fills: the page asks for each. */
    public final ObservableList<String> missingKeys = FXCollections.observableArrayList();
    /** What the user typed for {@link #missingKeys} (and kept for the next plan), never shown elsewhere. */
    public final java.util.Map<String, StringProperty> keyValues = new java.util.LinkedHashMap<>();
    /** The backup toggle applies to upgrades only (an install backs up the previous files anyway). */
    public final BooleanProperty backupApplies = new SimpleBooleanProperty();

    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;
    private Plan plan;
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
        if (session.ecs.get() != null) {
            planEcs();
            return;
        }
        if (session.fleet.get() != null) {
            planFleet();
            return;
        }
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
        Map<String, String> sets = typedKeys();
        executor.run("plan", () -> install
                ? InstallPlanner.plan(connection, directory, profile,
                        new InstallOptions(VersionSpelling.resolve(profile, version, connection.logins()), sets), new SecureRandom())
                : UpgradePlanner.plan(connection, stack,
                        new UpgradeOptions(VersionSpelling.resolve(stack.profile(), version, connection.logins()), skipBackup, false, false,
                                sets, false),
                        Journal.find(connection.target(), stack.files().directory())),
                planned -> {
                    if (mine == generation) show(planned);
                }, failure -> {
                    if (mine == generation) failed(failure);                });
    }

    private void show(Plan planned) {
        busy.set(false);
        footnote.set(planned.target().startsWith("ecs://")
                ? "Nothing has changed yet. A failure once a service has moved returns the services already moved, in"
                + " reverse order." : "Nothing has changed yet. Any failure from the rename on rolls the stack back on"
                + " its own.");
        plan = planned;
        missingKeys.clear();
        heading.set(heading(planned));
        notes.setAll(planned.notes());
        steps.setAll(planned.steps());
        wayBack.setAll(planned.recovery().steps());
        ready.set(true);
    }

    private void failed(Throwable failure) {
        busy.set(false);
        plan = null;
        steps.clear();
        wayBack.clear();
        notes.clear();
        if (failure instanceof MissingKeys missing) {
            missing.keys().forEach(k -> keyValues.computeIfAbsent(k, x -> new SimpleStringProperty("")));
            missingKeys.setAll(missing.keys());
            error.set("This version's compose file requires " + String.join(", ", missing.keys())
                    + ", which nothing fills: give " + (missing.keys().size() == 1 ? "it" : "each")
                    + " below, then plan again.");
            return;
        }
        missingKeys.clear();
        error.set(ErrorText.of(failure));
    }

    /** Services on AWS ECS: new revisions, then each service in order (README "AWS ECS"). */
    private void planEcs() {
        var ecs = session.ecs.get();
        String version = session.version.get();
        backupApplies.set(false); // the running revisions are always remembered: they are the way back
        int mine = ++generation;
        busy.set(true);
        ready.set(false);
        error.set("");
        executor.run("plan-ecs", () -> app.slipway.core.ecs.EcsPlanner.plan(ecs.aws(), ecs.stack(),
                new app.slipway.core.ecs.EcsUpgradeOptions(version, ecs.healthUrl(),
                        app.slipway.core.ecs.EcsTiming.standard(app.slipway.core.ecs.EcsTiming.DEADLINE), false,
                        app.slipway.core.releases.RegistryTags.standard()::tags),
                ecs.directory(), app.slipway.core.ecs.EcsRecord.interrupted(ecs.directory())),
                planned -> {
                    if (mine == generation) show(planned);
                }, failure -> {
                    if (mine == generation) failed(failure);
                });
    }

    /** Several servers: every node's own plan, in rollout order (README §Several servers). */
    private void planFleet() {
        var stacks = session.fleet.get();
        String version = session.version.get();
        boolean skipBackup = !session.backup.get();
        backupApplies.set(true);
        int mine = ++generation;
        busy.set(true);
        ready.set(false);
        error.set("");
        executor.run("plan-fleet", () -> app.slipway.core.fleet.FleetPlanner.plan(stacks, UpgradeOptions.planOnly(
                VersionSpelling.resolve(session.profile.get(), version, stacks.inOrder().get(0).connection().logins()),
                skipBackup)), planned -> {
                    if (mine != generation) return;
                    busy.set(false);
                    fleetPlan = planned;
                    plan = null;
                    missingKeys.clear();
                    heading.set("Rolling upgrade of " + planned.product() + " on " + planned.nodes().size()
                            + " servers from " + planned.from() + " to " + planned.to());
                    notes.setAll(planned.notes());
                    stepGroups.clear();
                    var all = new java.util.ArrayList<PlanStep>();
                    for (var node : planned.nodes()) {
                        for (PlanStep step : node.plan().steps()) {
                            stepGroups.put(step, node.name() + (node.primary() ? " (primary)" : ""));
                            all.add(step);
                        }
                    }
                    steps.setAll(all);
                    wayBack.clear(); // each server has its own way back; the Run page shows the ones taken
                    ready.set(true);
                }, failure -> {
                    if (mine != generation) return;
                    busy.set(false);
                    fleetPlan = null;
                    steps.clear();
                    notes.clear();
                    error.set(ErrorText.of(failure));
                });
    }

    /** Hands the planned run to the Run page: the very plan shown here is what runs. */
    public void start() {
        if (ready.get() && fleetPlan != null && session.fleet.get() != null) {
            startFleet();
            return;
        }
        if (!ready.get() || plan == null) return;
        Plan planned = plan;
        String title = planned.kind() == RunKind.INSTALL
                ? "Install " + planned.product() + " " + planned.to()
                : "Upgrade " + planned.product() + " " + planned.from() + " → " + planned.to();
        var host = session.ecs.get() != null ? new app.slipway.core.host.LocalTarget() // the cluster's record is here
                : session.connection.get().target();
        session.job.set(RunJob.of(title, host, planned, Cancellation.none()));
        session.result.set(null);
        navigator.goTo(Navigator.Step.RUN);
    }

    private void startFleet() {
        var planned = fleetPlan;
        var groups = new java.util.IdentityHashMap<>(stepGroups);
        java.util.function.Function<app.slipway.core.events.RunListener, app.slipway.core.run.RunResult> work = listener ->
                ServerEvents.result(RunKind.UPGRADE, planned.from(), planned.to(),
                        new app.slipway.core.fleet.FleetRun(planned, ServerEvents.byServer(listener)).run());
        session.job.set(new RunJob("Rolling upgrade of " + planned.product() + " " + planned.from() + " → " + planned.to(),
                RunKind.UPGRADE, List.copyOf(steps), 0, work, Cancellation.none(), groups, () -> serving(planned)));
        session.result.set(null);
        navigator.goTo(Navigator.Step.RUN);
    }

    /** "Serving now: web-1, web-3 · rollout web-1 → web-2 → web-3", each server asked from its own side. */
    static String serving(app.slipway.core.fleet.FleetPlan planned) {
        var up = new java.util.ArrayList<String>();
        for (var node : planned.nodes()) {
            var stack = node.node().stack();
            var url = stack.profile().health().url(stack.files().env().values());
            if (new app.slipway.core.verify.HealthProbe(node.node().connection().target(), java.time.Duration.ofSeconds(2))
                    .get(url).healthy()) up.add(node.name());
        }
        String order = String.join(" → ", planned.nodes().stream().map(n -> n.name()).toList());
        return (up.isEmpty() ? "No server serves right now" : "Serving now: " + String.join(", ", up))
                + "  ·  rollout " + order;
    }

    /** The values typed for keys a compose file requires, blank ones left out. */
    private Map<String, String> typedKeys() {
        var sets = new java.util.LinkedHashMap<String, String>();
        keyValues.forEach((key, value) -> {
            if (!value.get().isBlank()) sets.put(key, value.get());
        });
        return sets;
    }

    private static String heading(Plan p) {
        if (p.kind() == RunKind.INSTALL) {
            boolean rerun = !p.step(app.slipway.core.run.StepKind.BACKUP).skipped();
            return (rerun ? "Re-run the install of " : "Install ") + p.product() + " " + p.to() + " into "
                    + p.directory() + " on " + p.target();
        }
        if (p.target().startsWith("ecs://")) {
            return "Upgrade " + p.product() + " on " + p.target() + " from " + p.from() + " to " + p.to();
        }
        return "Upgrade " + p.product() + " in " + p.directory() + " on " + p.target() + " from " + p.from() + " to " + p.to();
    }

    Optional<Plan> currentPlan() {
        return Optional.ofNullable(plan);
    }
}
