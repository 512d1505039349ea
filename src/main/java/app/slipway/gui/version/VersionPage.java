package app.slipway.gui.version;

import app.slipway.gui.shell.WizardPage;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Version page (README §The wizard): the versions on the left, the release notes from the installed version
 * to the chosen one on the right, breaking changes in a warning above them, and a field to type a
 * version when the list is missing or lacks it.
 */
public final class VersionPage implements WizardPage {
    private final VersionViewModel model;
    private final ListView<VersionEntry> list = new ListView<>();
    private final TextField typed = new TextField();
    private final NotesView notes;
    private final Node view;
    private final ReadOnlyStringWrapper primaryLabel = new ReadOnlyStringWrapper("Continue");
    private final ReadOnlyBooleanWrapper backDisabled = new ReadOnlyBooleanWrapper(false);

    /** @param linkOpener opens an http(s) link from the notes in the system browser */
    public VersionPage(VersionViewModel model, Consumer<String> linkOpener) {
        this.model = model;
        this.notes = new NotesView(linkOpener);
        this.view = build();
    }

    private Node build() {
        var title = new Label("Choose the version");
        title.getStyleClass().add(Styles.TITLE_3);
        var intro = new Label();
        intro.textProperty().bind(model.introProperty());
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        var header = new VBox(4, title, intro);

        var body = new HBox(16, versionsColumn(), notesColumn());
        VBox.setVgrow(body, Priority.ALWAYS);
        var page = new VBox(16, header, body);
        return page;
    }

    private Node versionsColumn() {
        var heading = new Label("_Versions");
        heading.setMnemonicParsing(true);
        heading.setLabelFor(list);
        heading.setStyle("-fx-font-weight: bold;");
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        spinner.visibleProperty().bind(model.busyProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var reload = new Button("_Reload");
        reload.setMnemonicParsing(true);
        reload.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        reload.disableProperty().bind(model.busyProperty());
        reload.setOnAction(e -> model.reload());
        var top = new HBox(8, heading, spinner, spacer, reload);
        top.setAlignment(Pos.CENTER_LEFT);

        list.setId("version-list");
        list.setItems(model.versions());
        list.setCellFactory(v -> new VersionCell());
        list.placeholderProperty().set(placeholder());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now == null) list.getSelectionModel().clearSelection();
            else if (list.getSelectionModel().getSelectedItem() != now) {
                list.getSelectionModel().select(now);
                list.scrollTo(now);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        var typeLabel = new Label("Or t_ype a version (image tag):");
        typeLabel.setMnemonicParsing(true);
        typeLabel.setLabelFor(typed);
        typed.setId("version-typed");
        typed.setPromptText("e.g. 2.1.0");
        typed.textProperty().bindBidirectional(model.typedProperty());
        var problem = new Label();
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        showWhenText(problem, model.problemProperty());

        var column = new VBox(8, top, list, typeLabel, typed, problem);
        column.setMinWidth(260);
        column.setPrefWidth(300);
        column.setMaxWidth(340);
        return column;
    }

    private Node placeholder() {
        var text = new Label();
        text.textProperty().bind(Bindings.when(model.busyProperty()).then("Loading the releases…")
                .otherwise(Bindings.when(model.errorProperty().isEmpty()).then("No versions to show.")
                        .otherwise("No version list: see the message on the right.")));
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        return text;
    }

    private Node notesColumn() {
        var error = new Message("No version list", "");
        error.descriptionProperty().bind(model.errorProperty());
        error.getStyleClass().add(Styles.DANGER);
        showWhenText(error, model.errorProperty());

        var breaking = new Message("⚠ Breaking changes", "");
        breaking.descriptionProperty().bind(model.breakingTextProperty());
        breaking.setId("version-breaking");
        breaking.getStyleClass().add(Styles.WARNING);
        showWhenText(breaking, model.breakingTextProperty());

        var notices = new Label();
        notices.textProperty().bind(Bindings.createStringBinding(() -> String.join(" ", model.notices()), model.notices()));
        notices.getStyleClass().add(Styles.TEXT_MUTED);
        notices.setWrapText(true);
        showWhenText(notices, notices.textProperty());

        notes.htmlProperty().bind(model.notesHtmlProperty());
        notes.placeholderProperty().bind(model.notesPlaceholderProperty());
        notes.setStyle("-fx-border-color: -color-border-default; -fx-border-radius: 6; -fx-background-radius: 6;");
        notes.setMinHeight(200);
        VBox.setVgrow(notes, Priority.ALWAYS);

        var column = new VBox(8, error, breaking, notices, notes);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    private static void showWhenText(Node node, ObservableStringValue text) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> text.get() != null && !text.get().isBlank(), text));
        node.managedProperty().bind(node.visibleProperty());
    }

    /** Follows the app's dark theme (the notes are a web page and cannot read the JavaFX theme). */
    public BooleanProperty darkProperty() {
        return notes.darkProperty();
    }

    /** The notes view, for tests. */
    NotesView notesView() {
        return notes;
    }

    @Override
    public String title() {
        return "Version";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return primaryLabel.getReadOnlyProperty();
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return model.continueDisabled();
    }

    @Override
    public void primary() {
        model.continueToPlan();
    }

    @Override
    public ObservableBooleanValue backDisabled() {
        return backDisabled.getReadOnlyProperty();
    }

    @Override
    public void entered() {
        model.load();
        list.requestFocus();
    }
}
