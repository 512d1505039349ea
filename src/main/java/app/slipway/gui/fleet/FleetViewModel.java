package app.slipway.gui.fleet;

import app.slipway.core.fleet.FleetStacks;
import app.slipway.core.fleet.FleetStatus;
import app.slipway.core.fleet.FleetStatus.NodeStatus;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Fleet page: every server of the fleet file with its product version, whether it serves, and
 * whether its secrets match the others' — read in the background when the page is shown.
 */
public final class FleetViewModel {
    public final ObservableList<NodeStatus> nodes = FXCollections.observableArrayList();
    public final StringProperty heading = new SimpleStringProperty("");
    public final StringProperty order = new SimpleStringProperty("");
    public final StringProperty problem = new SimpleStringProperty("");
    public final StringProperty interrupted = new SimpleStringProperty("");
    public final BooleanProperty busy = new SimpleBooleanProperty();

    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final Navigator navigator;

    public FleetViewModel(WizardSession session, BackgroundExecutor executor, Navigator navigator) {
        this.session = session;
        this.executor = executor;
        this.navigator = navigator;
    }

    public void load() {
        FleetStacks stacks = session.fleet.get();
        if (stacks == null) return;
        var fleet = stacks.fleet();
        heading.set(session.profile.get().name() + " on " + stacks.inOrder().size() + " servers ("
                + fleet.file().getFileName() + ")");
        order.set("Rollout: " + fleet.primary() + " first and alone, then "
                + fleet.batches().stream().map(b -> String.join(" + ", b.stream().map(n -> n.name()).toList()))
                .reduce((a, b) -> a + ", then " + b).orElse("nothing else")
                + (fleet.pause().isZero() ? "." : ", " + fleet.pause().toSeconds() + " s apart."));
        busy.set(true);
        problem.set("");
        executor.run("fleet-status", () -> new Loaded(FleetStatus.of(stacks), FleetStatus.interrupted(fleet).orElse("")),
                loaded -> {
                    busy.set(false);
                    nodes.setAll(loaded.rows());
                    interrupted.set(loaded.interrupted());
                    problem.set(problems(loaded.rows()));
                }, e -> {
                    busy.set(false);
                    problem.set(ErrorText.of(e));
                });
    }

    private record Loaded(java.util.List<NodeStatus> rows, String interrupted) {}

    /** What stops a rolling upgrade, in one sentence; empty when nothing does. */
    static String problems(java.util.List<NodeStatus> rows) {
        if (rows.stream().map(NodeStatus::version).distinct().count() > 1) {
            return "The servers run different versions: bring them to one version before a rolling upgrade.";
        }
        var differing = rows.stream().flatMap(r -> r.differingSecrets().stream()).distinct().toList();
        if (!differing.isEmpty()) {
            return "Secrets differ between the servers (" + String.join(", ", differing) + "): every server needs the"
                    + " same values; copy them from the primary's .env.";
        }
        return "";
    }

    public boolean canContinue() {
        return !busy.get() && problem.get().isEmpty() && !nodes.isEmpty();
    }

    public void next() {
        if (canContinue()) navigator.goTo(Navigator.Step.VERSION);
    }
}
