package app.slipway.gui.run;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** One step of the Run page: a state icon, the title, what it does or what went wrong, how long it took. */
final class StepRowView extends HBox {
    static final String STYLE_CLASS = "run-step";

    private final StepRow row;
    private final StackPane icon = new StackPane();
    private final Label title = new Label();

    StepRowView(StepRow row) {
        this.row = row;
        getStyleClass().add(STYLE_CLASS);
        setUserData(row);
        setSpacing(10);
        setPadding(new Insets(6, 4, 6, 4));
        setAlignment(Pos.TOP_LEFT);

        icon.setMinSize(20, 20);
        icon.setMaxSize(20, 20);
        title.setText(row.number() + ". " + row.title());
        title.getStyleClass().add(Styles.TEXT_BOLD);

        var details = new Label(row.details());
        details.setWrapText(true);
        details.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        details.setVisible(!row.details().isBlank());
        details.setManaged(!row.details().isBlank());

        var note = new Label();
        note.setWrapText(true);
        note.textProperty().bind(row.noteProperty());
        note.visibleProperty().bind(row.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        note.getStyleClass().add(Styles.TEXT_SMALL);

        var words = new VBox(2, title, details, note);
        HBox.setHgrow(words, Priority.ALWAYS);
        var took = new Label();
        took.textProperty().bind(row.tookProperty());
        took.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        took.setMinWidth(Label.USE_PREF_SIZE);

        getChildren().addAll(icon, words, took);
        row.stateProperty().addListener((obs, old, now) -> show(now, note));
        show(row.state(), note);
    }

    StepRow row() {
        return row;
    }

    private void show(StepState state, Label note) {
        icon.getChildren().setAll(iconFor(state));
        title.getStyleClass().removeAll(Styles.ACCENT, Styles.TEXT_MUTED);
        note.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        if (state == StepState.RUNNING) title.getStyleClass().add(Styles.ACCENT);
        if (state == StepState.SKIPPED || state == StepState.STANDBY) title.getStyleClass().add(Styles.TEXT_MUTED);
        note.getStyleClass().add(state == StepState.FAILED ? Styles.DANGER : Styles.TEXT_MUTED);
        setAccessibleText(row.title() + ": " + state.name().toLowerCase());
    }

    private static Node iconFor(StepState state) {
        if (state == StepState.RUNNING) {
            var spinner = new ProgressIndicator();
            spinner.setPrefSize(16, 16);
            spinner.setMaxSize(16, 16);
            return spinner;
        }
        var glyph = new Label(switch (state) {
            case PENDING -> "○";
            case DONE -> "✓";
            case FAILED -> "✗";
            case SKIPPED -> "⤼";
            case STANDBY -> "↺";
            case RUNNING -> "";
        });
        glyph.getStyleClass().addAll(Styles.TEXT_BOLD, switch (state) {
            case DONE -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
            default -> Styles.TEXT_MUTED;
        });
        return glyph;
    }
}
