package app.slipway.gui.stack;

import app.slipway.core.stack.ServiceRow;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.shell.WizardPage;
import app.slipway.gui.shell.WizardSession;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;

/** The Stack page: the install directory, and what is in it. */
public final class StackPage implements WizardPage {
    private final StackViewModel model;
    /** True until first shown when the page was opened on a directory (the demo): it looks at once. */
    private boolean opened;
    private final WizardSession session;
    private final BackgroundExecutor executor;
    private final VBox view;
    private final TextField directory = new TextField();

    private final BackupsViewModel backups;

    public StackPage(StackViewModel model, WizardSession session, BackgroundExecutor executor) {
        this(model, new BackupsViewModel(session, executor, model.navigator()), session, executor);
    }

    public StackPage(StackViewModel model, BackupsViewModel backups, WizardSession session, BackgroundExecutor executor) {
        this.opened = !model.directory.get().isBlank();
        this.model = model;
        this.backups = backups;
        // what the page found: its backups and runs read beside it
        model.stack.addListener((obs, old, now) -> backups.load(now));
        this.session = session;
        this.executor = executor;
        this.view = build();
    }

    private VBox build() {
        var title = new Label("Which stack?");
        title.getStyleClass().add(Styles.TITLE_3);
        var intro = new Label("The install directory holds the compose file and .env of the product. "
                + "Slipway reads it, detects the product and its version, and shows what runs.");
        intro.setWrapText(true);
        intro.getStyleClass().add(Styles.TEXT_MUTED);

        directory.setId("stack-directory");
        directory.setPromptText("/opt/strata");
        directory.textProperty().bindBidirectional(model.directory);
        HBox.setHgrow(directory, Priority.ALWAYS);
        var browse = new Button("_Browse…");
        browse.setId("stack-browse");
        browse.setMnemonicParsing(true);
        browse.disableProperty().bind(model.busy.or(session.connection.isNull()));
        browse.setOnAction(e -> new RemoteDirectoryChooser(session.connection.get().target(), executor)
                .choose(view.getScene().getWindow(), model.directory.get())
                .ifPresent(model.directory::set));

        var profile = new ComboBox<String>(model.builtInProfiles);
        profile.setId("stack-profile");
        profile.setEditable(true);
        profile.setPromptText("Detect from the images");
        profile.valueProperty().bindBidirectional(model.profileChoice);
        profile.setPrefWidth(260);

        var form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        var dirLabel = new Label("_Directory");
        dirLabel.setMnemonicParsing(true);
        dirLabel.setLabelFor(directory);
        var profileLabel = new Label("_Profile");
        profileLabel.setMnemonicParsing(true);
        profileLabel.setLabelFor(profile);
        var dirRow = new HBox(8, directory, browse);
        form.addRow(0, dirLabel, dirRow);
        form.addRow(1, profileLabel, profile);
        GridPane.setHgrow(dirRow, Priority.ALWAYS);

        var spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(model.busy);
        spinner.managedProperty().bind(model.busy);
        var looking = new Label("Reading the stack…");
        looking.visibleProperty().bind(model.busy);
        looking.managedProperty().bind(model.busy);
        var busyRow = new HBox(8, spinner, looking);
        busyRow.setAlignment(Pos.CENTER_LEFT);

        var error = new Message("Cannot read the stack", "");
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(model.error);
        error.visibleProperty().bind(model.error.isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setId("stack-error");

        var summary = new Label();
        summary.setId("stack-summary");
        summary.getStyleClass().add(Styles.TITLE_4);
        summary.textProperty().bind(model.summary);
        summary.setWrapText(true);

        var table = servicesTable();
        var services = new Tab("Services", table);
        services.setId("tab-services");
        services.setClosable(false);
        var tabsView = new BackupsTabs(backups, this::confirm);
        var tabs = new TabPane(services, tabsView.backups(), tabsView.history());
        tabs.setId("stack-tabs");
        var update = new Label();
        update.setId("stack-update");
        update.textProperty().bind(model.updateNote);
        update.setWrapText(true);
        update.visibleProperty().bind(model.updateNote.isNotEmpty());
        update.managedProperty().bind(update.visibleProperty());
        model.updateAvailable.addListener((obs, was, now) -> {
            update.getStyleClass().removeAll(Styles.ACCENT, Styles.TEXT_MUTED);
            update.getStyleClass().add(now ? Styles.ACCENT : Styles.TEXT_MUTED);
        });
        update.getStyleClass().add(Styles.TEXT_MUTED);
        var policy = new Button("Update _policy…");
        policy.setId("stack-policy");
        policy.setMnemonicParsing(true);
        policy.getStyleClass().add(Styles.SMALL);
        policy.disableProperty().bind(model.busy);
        policy.setOnAction(e -> PolicyDialog.edit(view.getScene().getWindow(), model.policy.get()).ifPresent(model::savePolicy));
        var updateSpacer = new javafx.scene.layout.Region();
        HBox.setHgrow(updateSpacer, Priority.ALWAYS);
        var updateRow = new HBox(8, update, updateSpacer, policy);
        updateRow.setAlignment(Pos.CENTER_LEFT);
        var found = new VBox(10, summary, updateRow, tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        found.visibleProperty().bind(model.found.isEqualTo(StackViewModel.Found.STACK));
        found.managedProperty().bind(found.visibleProperty());
        VBox.setVgrow(found, Priority.ALWAYS);

        var installChoice = new ComboBox<String>(model.builtInProfiles);
        installChoice.setId("install-profile");
        installChoice.setEditable(true);
        installChoice.setPromptText("strata, appstrate, or a profile file");
        installChoice.valueProperty().bindBidirectional(model.installProfile);
        installChoice.setPrefWidth(320);
        var emptyText = new Label();
        emptyText.textProperty().bind(model.summary);
        emptyText.setWrapText(true);
        var installTitle = new Label("Install a product here");
        installTitle.getStyleClass().add(Styles.TITLE_4);
        var installHint = new Label("Slipway writes the product's compose file and .env (secrets generated, mode 0600), "
                + "pulls, starts and verifies it. Nothing is written before its checks pass.");
        installHint.setWrapText(true);
        installHint.getStyleClass().add(Styles.TEXT_MUTED);
        var empty = new VBox(10, emptyText, installTitle, installHint, installChoice);
        empty.setId("stack-empty");
        empty.visibleProperty().bind(model.found.isEqualTo(StackViewModel.Found.NO_STACK));
        empty.managedProperty().bind(empty.visibleProperty());

        var page = new VBox(16, title, intro, form, busyRow, error, found, empty);
        page.setFillWidth(true);
        return page;
    }

    private TableView<ServiceRow> servicesTable() {
        var table = new TableView<>(model.services);
        table.setId("stack-services");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Service", ServiceRow::service, 140));
        table.getColumns().add(column("State", ServiceRow::state, 160));
        table.getColumns().add(column("Health", ServiceRow::health, 100));
        table.getColumns().add(column("Image", ServiceRow::image, 360));
        table.setPlaceholder(new Label("No services"));
        table.setPrefHeight(220);
        table.getStyleClass().add(Styles.STRIPED);
        return table;
    }

    private static TableColumn<ServiceRow, String> column(String name, java.util.function.Function<ServiceRow, String> value, double width) {
        var c = new TableColumn<ServiceRow, String>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A change the user starts from a backup (a rollback) is asked first, in the rollback's own words. */
    private boolean confirm(String question) {
        return app.slipway.gui.shell.RollbackQuestion.ask(view, question);
    }

    @Override
    public String title() {
        return "Stack";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return Bindings.createStringBinding(() -> switch (model.found.get()) {
            case NOTHING_YET -> "Read the stack";
            case STACK -> "Upgrade…";
            case NO_STACK -> "Install here…";
        }, model.found);
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return model.canLook().not();
    }

    @Override
    public void primary() {
        switch (model.found.get()) {
            case NOTHING_YET -> model.look();
            case STACK -> model.upgrade();
            case NO_STACK -> model.install();
        }
    }

    @Override
    public ObservableBooleanValue backDisabled() {
        return model.busy;
    }

    @Override
    public void entered() {
        directory.requestFocus();
        // Opened on a directory already (the demo): look into it at once, as the user would.
        if (model.found.get() == StackViewModel.Found.NOTHING_YET && !model.directory.get().isBlank()
                && model.canLook().get() && opened) {
            model.look();
        }
        opened = false;
    }
}
