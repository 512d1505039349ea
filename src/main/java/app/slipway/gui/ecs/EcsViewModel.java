package app.slipway.gui.ecs;

import app.slipway.core.ecs.EcsConnection;
import app.slipway.core.ecs.EcsService;
import app.slipway.core.ecs.EcsStatus;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import java.util.List;
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

    private final WizardSession session;
    private final Navigator navigator;

    public EcsViewModel(WizardSession session, Navigator navigator) {
        this.session = session;
        this.navigator = navigator;
    }

    /** Shows what the Connect page read (nothing is asked of AWS again here). */
    public void load() {
        EcsConnection ecs = session.ecs.get();
        if (ecs == null) return;
        var stack = ecs.stack();
        heading.set(stack.profile().name() + " " + stack.version() + " on " + stack.target().describe());
        rows.setAll(stack.services().stream().map(EcsViewModel::row).toList());
        notes.set(String.join("\n", stack.notes()));
        var status = EcsStatus.read(stack);
        lastRun.set(status.lastRun().map(h -> "Last run from this computer: " + h.command() + " " + h.from() + " → "
                + h.to() + ", " + h.result() + " (" + app.slipway.core.backup.BackupText.when(h.when(), "time not recorded") + ").").orElse(""));
        problem.set(problems(stack.services(), status));
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
            return "An ECS upgrade of this cluster was interrupted: run 'slipway ecs rollback' with the same cluster"
                    + " and services first.";
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
        return problem.get().isEmpty() && !rows.isEmpty();
    }

    public void next() {
        if (canContinue()) navigator.goTo(Navigator.Step.VERSION);
    }
}
