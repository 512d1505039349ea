package app.slipway.gui.fleet;

import app.slipway.core.fleet.FleetStatus.NodeStatus;
import app.slipway.gui.shell.WizardPage;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The Fleet page (the Stack step for several servers): every server, its version, whether it serves and shares the secrets. */
public final class FleetPage implements WizardPage {
    private final FleetViewModel model;
    private final VBox view;
    private final GridPane table = new GridPane();

    private final ObservableBooleanValue cannotContinue;

    public FleetPage(FleetViewModel model) {
        this.model = model;
        this.view = build();
        // one binding for the page's life: the shell listens to it
        this.cannotContinue = Bindings.createBooleanBinding(() -> !model.canContinue(), model.busy, model.problem, model.nodes);
    }

    private VBox build() {
        var title = new Label("Which servers?");
        title.getStyleClass().add(Styles.TITLE_3);
        var heading = new Label();
        heading.setId("fleet-heading");
        heading.textProperty().bind(model.heading);
        heading.getStyleClass().add(Styles.TITLE_4);
        var order = new Label();
        order.setId("fleet-order");
        order.textProperty().bind(model.order);
        order.setWrapText(true);

        table.setId("fleet-nodes");
        table.setHgap(24);
        table.setVgap(8);
        table.setPadding(new Insets(8, 0, 8, 0));
        model.nodes.addListener((ListChangeListener<NodeStatus>) c -> render());

        var reading = new Label("Reading every server…");
        reading.getStyleClass().add(Styles.TEXT_MUTED);
        reading.visibleProperty().bind(model.busy);
        reading.managedProperty().bind(model.busy);

        var problem = new Label();
        problem.setId("fleet-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problem);
        problem.visibleProperty().bind(model.problem.isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        var interrupted = new Label();
        interrupted.setWrapText(true);
        interrupted.getStyleClass().add(Styles.WARNING);
        interrupted.textProperty().bind(model.interrupted);
        interrupted.visibleProperty().bind(model.interrupted.isNotEmpty());
        interrupted.managedProperty().bind(interrupted.visibleProperty());

        var hint = new Label("The primary upgrades first and alone: it is the one server that migrates the database."
                + " The others follow a batch at a time, each verified before the next, never all down at once.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        var box = new VBox(12, title, heading, order, reading, table, problem, interrupted, hint);
        box.setPadding(new Insets(0));
        return box;
    }

    private void render() {
        table.getChildren().clear();
        app.slipway.gui.shell.TableHeader.add(table, "Server", "Role", "Host", "Version", "Serving", "Secrets");
        int row = 1;
        for (NodeStatus n : model.nodes) {
            table.add(new Label(n.name()), 0, row);
            table.add(new Label(n.primary() ? "primary" : ""), 1, row);
            table.add(new Label(n.host() + "  " + n.dir()), 2, row);
            table.add(new Label(n.version()), 3, row);
            var serving = new Label(n.serving() ? "✓ yes" : "✗ no");
            serving.getStyleClass().add(n.serving() ? Styles.SUCCESS : Styles.DANGER);
            table.add(serving, 4, row);
            var secrets = new Label(n.differingSecrets().isEmpty() ? "✓ match" : "✗ differ: " + String.join(", ", n.differingSecrets()));
            secrets.getStyleClass().add(n.differingSecrets().isEmpty() ? Styles.SUCCESS : Styles.DANGER);
            table.add(secrets, 5, row);
            row++;
        }
    }

    @Override
    public String title() {
        return "Servers";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return new SimpleStringProperty("Choose the version");
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return cannotContinue;
    }

    @Override
    public void primary() {
        model.next();
    }

    @Override
    public ObservableBooleanValue backDisabled() {
        return model.busy;
    }

    @Override
    public void entered() {
        model.load();
    }
}
