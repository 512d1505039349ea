package app.slipway.gui.ecs;

import app.slipway.gui.shell.RollbackQuestion;
import app.slipway.gui.shell.WizardPage;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The Stack step for AWS ECS: the services in update order, the revision and images each runs. */
public final class EcsPage implements WizardPage {
    private final EcsViewModel model;
    private final VBox view;
    private final GridPane table = new GridPane();
    private final ObservableBooleanValue cannotContinue;

    public EcsPage(EcsViewModel model) {
        this.model = model;
        this.view = build();
        this.cannotContinue = Bindings.createBooleanBinding(() -> !model.canContinue(), model.problem, model.rows,
                model.busy);
    }

    private VBox build() {
        var title = new Label("Which services?");
        title.getStyleClass().add(Styles.TITLE_3);
        var heading = new Label();
        heading.setId("ecs-heading");
        heading.textProperty().bind(model.heading);
        heading.getStyleClass().add(Styles.TITLE_4);

        table.setId("ecs-services");
        table.setHgap(24);
        table.setVgap(8);
        table.setPadding(new Insets(8, 0, 8, 0));
        model.rows.addListener((ListChangeListener<EcsViewModel.Row>) c -> render());

        var notes = muted(new Label());
        notes.textProperty().bind(model.notes);
        showWhenSet(notes, model.notes);
        var lastRun = muted(new Label());
        lastRun.setId("ecs-last-run");
        lastRun.textProperty().bind(model.lastRun);
        showWhenSet(lastRun, model.lastRun);
        var problem = new Label();
        problem.setId("ecs-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problem);
        showWhenSet(problem, model.problem);

        var hint = muted(new Label("In this order: each service gets a new task definition revision in which only the"
                + " product's image tags change, is deployed, and its deployment is followed to the end (and the load"
                + " balancer checked) before the next. A failure returns the services already moved, in reverse order."));
        return new VBox(12, title, heading, table, notes, problem, lastRun, wayBack(), hint);
    }

    /** The way back to the remembered revisions, when this computer has some (slipway ecs rollback). */
    private Node wayBack() {
        var button = new Button();
        button.setId("ecs-way-back");
        button.textProperty().bind(model.wayBack);
        button.disableProperty().bind(model.busy);
        button.setOnAction(e -> model.rollBack(question -> RollbackQuestion.ask(view, question)));
        var error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.error);
        showWhenSet(error, model.error);
        var box = new VBox(6, button, error);
        box.visibleProperty().bind(model.wayBack.isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label muted(Label l) {
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setWrapText(true);
        return l;
    }

    private static void showWhenSet(Label l, javafx.beans.property.StringProperty text) {
        l.visibleProperty().bind(text.isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
    }

    private void render() {
        table.getChildren().clear();
        app.slipway.gui.shell.TableHeader.add(table, "#", "Service", "Task definition", "Tasks", "Images");
        int row = 1;
        for (EcsViewModel.Row r : model.rows) {
            table.add(new Label(Integer.toString(row)), 0, row);
            table.add(new Label(r.service()), 1, row);
            table.add(new Label(r.revision()), 2, row);
            var tasks = new Label(r.rolling().isEmpty() ? r.tasks() : r.tasks() + " — " + r.rolling());
            if (!r.rolling().isEmpty()) tasks.getStyleClass().add(Styles.WARNING);
            table.add(tasks, 3, row);
            table.add(new Label(r.images()), 4, row);
            row++;
        }
    }

    @Override
    public String title() {
        return "Services";
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
        return new javafx.beans.property.SimpleBooleanProperty(false);
    }

    @Override
    public void entered() {
        model.load();
    }
}
