package app.slipway.gui.plan;

import app.slipway.core.run.PlanStep;
import app.slipway.core.run.StepKind;
import app.slipway.core.host.Command;
import app.slipway.gui.shell.WizardPage;
import app.slipway.gui.shell.WizardSession;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Plan page: every step, what it does and what it writes where, before anything runs. */
public final class PlanPage implements WizardPage {
    private final PlanViewModel model;
    private final WizardSession session;
    private final VBox steps = new VBox(10);
    private final VBox view;

    public PlanPage(PlanViewModel model, WizardSession session) {
        this.model = model;
        this.session = session;
        this.view = build();
    }

    private VBox build() {
        var title = new Label("The plan");
        title.getStyleClass().add(Styles.TITLE_3);
        var heading = new Label();
        heading.setId("plan-heading");
        heading.textProperty().bind(model.heading);
        heading.setWrapText(true);
        heading.getStyleClass().add(Styles.TITLE_4);

        var backup = new CheckBox("Back up the database, volumes and files first (recommended)");
        backup.setId("plan-backup");
        backup.selectedProperty().bindBidirectional(session.backup);
        backup.visibleProperty().bind(model.backupApplies);
        backup.managedProperty().bind(backup.visibleProperty());
        backup.disableProperty().bind(model.busy);

        var notes = new Label();
        notes.setWrapText(true);
        notes.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every note, whole
        notes.getStyleClass().add(Styles.WARNING);
        notes.textProperty().bind(Bindings.createStringBinding(() -> String.join("\n", model.notes), model.notes));
        notes.visibleProperty().bind(Bindings.isNotEmpty(model.notes));
        notes.managedProperty().bind(notes.visibleProperty());

        var spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        var planning = new HBox(8, spinner, new Label("Planning…"));
        planning.setAlignment(Pos.CENTER_LEFT);
        planning.visibleProperty().bind(model.busy);
        planning.managedProperty().bind(model.busy);

        var error = new Message("Cannot plan", "");
        error.setId("plan-error");
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(model.error);
        error.visibleProperty().bind(model.error.isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        // Keys the version requires and nothing fills: one field each, then plan again.
        var keys = new VBox(6);
        keys.setId("plan-keys");
        Runnable showKeys = () -> {
            keys.getChildren().clear();
            for (String key : model.missingKeys) {
                var field = new PasswordField(); // a required key is often a secret: never shown
                field.setId("plan-key-" + key);
                field.setPromptText(key);
                field.textProperty().bindBidirectional(model.keyValues.get(key));
                var label = new Label(key);
                label.setMinWidth(220);
                keys.getChildren().add(new HBox(10, label, field));
            }
            if (!model.missingKeys.isEmpty()) {
                var again = new Button("Plan again with these values");
                again.setId("plan-again");
                again.setOnAction(e -> model.plan());
                keys.getChildren().add(again);
            }
        };
        model.missingKeys.addListener((ListChangeListener<String>) c -> showKeys.run());
        keys.visibleProperty().bind(Bindings.isNotEmpty(model.missingKeys));
        keys.managedProperty().bind(keys.visibleProperty());

        steps.setId("plan-steps");
        steps.setPadding(new Insets(4, 12, 12, 0));
        model.steps.addListener((ListChangeListener<PlanStep>) change -> render());
        model.wayBack.addListener((ListChangeListener<PlanStep>) change -> render());
        var scroll = new ScrollPane(steps);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        var hint = new Label();
        hint.textProperty().bind(model.footnote);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        return new VBox(12, title, heading, backup, notes, planning, error, keys, scroll, hint);
    }

    private void render() {
        steps.getChildren().clear();
        model.steps.forEach(this::render);
        if (!model.wayBack.isEmpty()) {
            var header = new Label("If a step that changes the stack fails, Slipway goes back:");
            header.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_MUTED);
            header.setWrapText(true);
            steps.getChildren().add(header);
            model.wayBack.forEach(this::render);
        }
    }

    private void render(PlanStep step) {
        {
            var number = new Label(String.valueOf(step.number()));
            number.getStyleClass().add("plan-number");
            number.setMinWidth(28);
            String group = model.stepGroups.getOrDefault(step, "");
            var name = new Label((group.isEmpty() ? "" : group + " · ") + step.title() + (step.skipped() ? " — skipped" : ""));
            name.getStyleClass().add(Styles.TEXT_BOLD);
            var body = new VBox(3, name);
            for (int i = 0; i < step.details().size(); i++) {
                String detail = step.details().get(i);
                var d = new Label(detail);
                d.setWrapText(true);
                if (step.skipped()) d.getStyleClass().add(Styles.TEXT_MUTED);
                if (step.kind() == StepKind.COMPOSE && i > 0) {
                    // the difference of the compose files: monospace, additions and removals coloured
                    d.getStyleClass().add("command-line");
                    if (detail.startsWith("+")) d.getStyleClass().add(Styles.SUCCESS);
                    if (detail.startsWith("-")) d.getStyleClass().add(Styles.DANGER);
                }
                body.getChildren().add(d);
            }
            for (Command command : step.commands()) {
                var c = new Label("$ " + command.display());
                c.setWrapText(true);
                c.getStyleClass().add("command-line");
                body.getChildren().add(c);
            }
            HBox.setHgrow(body, Priority.ALWAYS);
            var row = new HBox(10, number, body);
            row.getStyleClass().add("plan-step");
            if (step.skipped()) row.getStyleClass().add("skipped");
            steps.getChildren().add(row);
        }
    }

    @Override
    public String title() {
        return "Plan";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> session.mode.get() == WizardSession.Mode.INSTALL
                ? "Install now" : "Upgrade now", session.mode);
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return model.ready.not();
    }

    @Override
    public void primary() {
        model.start();
    }

    @Override
    public ObservableBooleanValue backDisabled() {
        return new javafx.beans.property.SimpleBooleanProperty(false);
    }

    @Override
    public void entered() {
        model.plan();
    }
}
