package app.slipway.gui.ecs;

import app.slipway.core.backup.BackupText;
import app.slipway.core.ecs.EcsConnection;
import app.slipway.core.ecs.EcsReader;
import app.slipway.core.profile.ProfileDetector;
import app.slipway.core.ecs.EcsService;
import app.slipway.core.ecs.EcsStatus;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.result.RollbackJob;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The ECS page (the Stack step for services on AWS ECS): each service in update order with the
 * revision and images it runs, what stands in the way of an upgrade, and the last run this
 * machine recorded for the cluster.
 */
public final class EcsViewModel {
    /** One row: service, revision, tasks, images, and a deployment still rolling. */
    public record Row(String service, String revision, String tasks, String images, String rolling) {}

    public final ObservableList<Row> rows = FXCollections.observableArrayList();
    public final StringProperty heading = new SimpleStringProperty("");
    public final StringProperty notes = new SimpleStringProperty("");
    public final StringProperty problem = new SimpleStringProperty("");
    public final StringProperty lastRun = new SimpleStringProperty("");

    /** The way back offered here ("Return web, job to their previous revisions…"); empty when there is none. */
    public final StringProperty wayBack = new SimpleStringProperty("");
    public final javafx.beans.property.BooleanProperty busy = new javafx.beans.property.SimpleBooleanProperty(false);
    public final StringProperty error = new SimpleStringProperty("");

    private final WizardSession session;
    private final Navigator navigator;
    private final BackgroundExecutor executor;

    public EcsViewModel(WizardSession session, Navigator navigator, BackgroundExecutor executor) {
        this.session = session;
        this.navigator = navigator;
        this.executor = executor;
    }

    /**
     * Shows what the Connect page read; after a run (an upgrade or a rollback changed the services) the
     * services are read again in the background and the session's plan starts from them.
     */
    public void load() {
        EcsConnection ecs = session.ecs.get();
        if (ecs == null) return;
        show(ecs);
        if (session.result.get() == null) return;
        busy.set(true);
        executor.run("read the services", () -> ecs.withStack(EcsReader.read(ecs.aws(), ecs.stack().target(),
                Optional.of(ecs.stack().profile()), new ProfileDetector(List.of()))), now -> {
                    busy.set(false);
                    session.ecs.set(now);
                    show(now);
                }, failure -> {
                    busy.set(false);
                    problem.set(ErrorText.of(failure));
                });
    }

    private void show(EcsConnection ecs) {
        var stack = ecs.stack();
        heading.set(stack.profile().name() + " " + stack.version() + " on " + stack.target().describe());
        rows.setAll(stack.services().stream().map(EcsViewModel::row).toList());
        notes.set(String.join("\n", stack.notes()));
        var status = EcsStatus.read(stack);
        lastRun.set(status.lastRun().map(h -> "Last run from this computer: " + h.command() + " " + h.from() + " → "
                + h.to() + ", " + h.result() + " (" + BackupText.when(h.when(), "time not recorded") + ").").orElse(""));
        problem.set(problems(stack.services(), status));
        error.set("");
        String services = String.join(", ", stack.target().services());
        var record = EcsRollbacks.toReturnTo(ecs);
        wayBack.set(status.interrupted().isPresent() ? "Undo the interrupted upgrade: return " + services
                + " to their previous revisions…" : record.map(r -> "Return " + services + " to " + r.version()
                + " (the revisions before the last upgrade)…").orElse(""));
    }

    /**
     * {@code slipway ecs rollback} from here: planned in the background, asked with its own description,
     * then run on the Run page. Nothing changes before the user says yes.
     */
    public void rollBack(java.util.function.Predicate<String> confirm) {
        EcsConnection ecs = session.ecs.get();
        if (ecs == null || wayBack.get().isEmpty() || busy.get()) return;
        busy.set(true);
        error.set("");
        executor.run("prepare the rollback", () -> EcsRollbacks.prepare(ecs), plan -> {
            busy.set(false);
            if (!confirm.test(EcsRollbacks.question(ecs, plan))) return;
            session.result.set(null);
            RollbackJob.start(session, navigator, new app.slipway.core.host.LocalTarget(), plan);
        }, failure -> {
            busy.set(false);
            error.set(ErrorText.of(failure));
        });
    }

    private static Row row(EcsService s) {
        var svc = s.service();
        List<String> images = s.taskDefinition().containerDefinitions().stream().map(c -> c.name() + ": " + c.image())
                .toList();
        return new Row(s.name(), s.revision(), svc.runningCount() + " of " + svc.desiredCount() + " running",
                String.join("\n", images), s.deploymentInProgress().map(d -> "deployment " + d.id() + " in progress")
                .orElse(""));
    }

    /** What stops an upgrade, in one sentence; empty when nothing does. */
    static String problems(List<EcsService> services, EcsStatus status) {
        if (status.interrupted().isPresent()) {
            return "An ECS upgrade of this cluster was interrupted: undo it below (or with 'slipway ecs rollback') before"
                    + " upgrading again.";
        }
        for (EcsService s : services) {
            if (!"ECS".equals(s.controller())) {
                return s.name() + " is deployed by " + s.controller() + ": Slipway upgrades only services on the ECS"
                        + " deployment controller.";
            }
            if (s.deploymentInProgress().isPresent()) {
                return s.name() + " has a deployment in progress: wait until it has finished, then read again.";
            }
        }
        return "";
    }

    public boolean canContinue() {
        return problem.get().isEmpty() && !rows.isEmpty() && !busy.get();
    }

    public void next() {
        if (canContinue()) navigator.goTo(Navigator.Step.VERSION);
    }
}
