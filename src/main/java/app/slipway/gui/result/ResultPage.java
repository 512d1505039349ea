package app.slipway.gui.result;

import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardPage;
import app.slipway.gui.shell.WizardSession;
import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Result page (README §The wizard): healthy, with the address to open; or what failed, the failing
 * services' logs, and Rollback where it makes sense. The main button opens the product after a
 * success, rolls back after a failed rollback, and otherwise starts over.
 */
public final class ResultPage implements WizardPage {
    static final String LOG_STYLE_CLASS = "result-log";
    static final String HEADLINE_STYLE_CLASS = "result-headline";

    private final ResultViewModel model;
    private final Predicate<String> confirm;
    private final ScrollPane view = new ScrollPane();
    private final StringBinding primaryLabel;
    private final BooleanBinding primaryDisabled;

    /** @param opener opens an address in the user's browser (HostServices::showDocument) */
    public ResultPage(WizardSession session, BackgroundExecutor executor, Navigator navigator, Consumer<String> opener) {
        this(new ResultViewModel(session, executor, navigator, opener), question -> app.slipway.gui.shell.RollbackQuestion.ask(null, question));
    }

    /** @param confirm asked with the rollback's description before anything changes; true to go ahead */
    public ResultPage(ResultViewModel model, Predicate<String> confirm) {
        this.model = model;
        this.confirm = confirm;
        this.primaryLabel = model.primaryLabel();
        this.primaryDisabled = model.primaryDisabled();
        build();
    }

    private void build() {
        var content = new VBox(18, headline(), address(), backup(), rollback(), logs(), startOver());
        content.setPadding(new Insets(8, 16, 16, 8));
        view.setContent(content);
        view.setFitToWidth(true);
        view.setFocusTraversable(false);
    }

    /**
     * The outcome in big letters with a coloured icon, on a tinted card. Built from plain labels: a
     * wrapping message then takes the height it needs at the page's width.
     */
    private Node headline() {
        var icon = new Label();
        icon.setStyle("-fx-font-size: 28px; -fx-font-weight: bold;");
        icon.setMinWidth(Region.USE_PREF_SIZE);
        var title = new Label();
        title.textProperty().bind(model.headlineProperty());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);
        var message = new Label();
        message.textProperty().bind(model.messageProperty());
        message.setWrapText(true);
        var words = new VBox(6, title, message);
        HBox.setHgrow(words, Priority.ALWAYS);
        var card = new HBox(16, icon, words);
        card.getStyleClass().add(HEADLINE_STYLE_CLASS);
        card.setAlignment(Pos.TOP_LEFT);
        card.setPadding(new Insets(16, 20, 16, 20));
        model.toneProperty().addListener((obs, old, tone) -> showTone(card, icon, tone));
        showTone(card, icon, model.toneProperty().get());
        return card;
    }

    private static void showTone(HBox card, Label icon, Tone tone) {
        card.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER);
        String name = switch (tone) {
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        };
        card.getStyleClass().add(name);
        // looked-up colours of the theme: right in light and dark alike
        card.setStyle("-fx-background-color: -color-" + name + "-subtle; -fx-border-color: -color-" + name + "-muted;"
                + " -fx-background-radius: 8; -fx-border-radius: 8;");
        icon.setStyle("-fx-font-size: 28px; -fx-font-weight: bold; -fx-text-fill: -color-" + name + "-fg;");
        icon.setText(switch (tone) {
            case SUCCESS -> "✓";
            case WARNING -> "!";
            case DANGER -> "✗";
        });
    }

    private Node address() {
        var title = sectionTitle("Address");
        var link = new Hyperlink();
        link.textProperty().bind(model.urlProperty());
        link.setOnAction(e -> model.open());
        link.setMnemonicParsing(false);
        var note = mutedNote();
        note.textProperty().bind(model.urlNoteProperty());
        var box = new VBox(4, title, link, note);
        box.visibleProperty().bind(model.urlProperty().isNotEmpty().or(model.urlNoteProperty().isNotEmpty()));
        box.managedProperty().bind(box.visibleProperty());
        link.visibleProperty().bind(model.urlProperty().isNotEmpty());
        link.managedProperty().bind(link.visibleProperty());
        return box;
    }

    private Node backup() {
        var title = sectionTitle("Backup");
        title.textProperty().bind(model.backupTitleProperty());
        // a read-only field: the path is there to be copied into a terminal
        var path = new TextField();
        path.setEditable(false);
        path.textProperty().bind(model.backupLocationProperty());
        path.setAccessibleText("Backup location on the target");
        var box = new VBox(4, title, path);
        box.visibleProperty().bind(model.backupLocationProperty().isNotEmpty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node rollback() {
        var title = sectionTitle("Roll back");
        var why = mutedNote();
        why.textProperty().bind(model.rollbackNoteProperty());
        var database = new CheckBox();
        database.textProperty().bind(model.restoreDatabaseLabelProperty());
        database.selectedProperty().bindBidirectional(model.restoreDatabase);
        database.visibleProperty().bind(model.restoreDatabaseOfferedProperty());
        database.managedProperty().bind(database.visibleProperty());
        database.setWrapText(true);

        var button = new Button();
        button.textProperty().bind(Bindings.concat("_", model.rollbackLabelProperty(), "…"));
        button.setMnemonicParsing(true);
        button.disableProperty().bind(model.busyProperty());
        button.setOnAction(e -> model.rollBack(confirm));
        // after a failure Rollback is the main button already
        button.visibleProperty().bind(model.primaryActionProperty().isNotEqualTo(ResultViewModel.PrimaryAction.ROLL_BACK));
        button.managedProperty().bind(button.visibleProperty());
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        var actions = new HBox(10, button, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);

        var error = new Label();
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        var box = new VBox(8, title, why, database, actions, error);
        box.visibleProperty().bind(model.rollbackOfferedProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node logs() {
        var box = new VBox(12);
        Runnable show = () -> box.getChildren().setAll(model.logs().stream().map(ResultPage::serviceLog).toList());
        model.logs().addListener((ListChangeListener<ServiceLog>) c -> show.run());
        show.run();
        return box;
    }

    private static Node serviceLog(ServiceLog log) {
        var title = sectionTitle("Last log lines of " + log.service());
        var text = new TextArea(log.text());
        text.setEditable(false);
        text.setWrapText(false);
        text.setPrefRowCount(Math.min(12, Math.max(3, log.lines().size())));
        text.getStyleClass().add(LOG_STYLE_CLASS);
        text.setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        text.setAccessibleText("Log of " + log.service());
        return new VBox(4, title, text);
    }

    private Node startOver() {
        var button = new Button("_Start over");
        button.setMnemonicParsing(true);
        button.setOnAction(e -> model.startOver());
        button.visibleProperty().bind(model.primaryActionProperty().isNotEqualTo(ResultViewModel.PrimaryAction.START_OVER));
        button.managedProperty().bind(button.visibleProperty());
        button.disableProperty().bind(model.busyProperty());
        return button;
    }

    private static Label sectionTitle(String text) {
        var label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    private static Label mutedNote() {
        var label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    @Override
    public String title() {
        return "Result";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return primaryLabel;
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return primaryDisabled;
    }

    @Override
    public void primary() {
        model.primary(confirm);
    }

    @Override
    public ObservableBooleanValue backDisabled() {
        return model.busyProperty();
    }

    @Override
    public void entered() {
        model.entered();
    }

    public ResultViewModel model() {
        return model;
    }
}
