package app.slipway.gui.connect;

import app.slipway.gui.shell.WizardPage;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Priority;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * README §The wizard Connect: this computer or a server over SSH, recent targets and ~/.ssh/config hosts
 * offered, the fingerprint shown for confirmation on first contact, failures as one sentence.
 */
public final class ConnectPage implements WizardPage {
    private final ConnectViewModel vm;
    private final ReadOnlyStringWrapper primaryLabel = new ReadOnlyStringWrapper("Connect");
    private final ReadOnlyBooleanWrapper firstPage = new ReadOnlyBooleanWrapper(true);
    private final ObservableBooleanValue primaryDisabled;
    private Node view;
    private ToggleButton localButton;
    private SshForm sshForm;

    public ConnectPage(ConnectViewModel vm) {
        this.vm = vm;
        this.primaryDisabled = vm.canConnectBinding().not();
    }

    @Override
    public String title() {
        return "Connect";
    }

    @Override
    public Node view() {
        if (view == null) view = build();
        return view;
    }

    @Override
    public ObservableStringValue primaryLabel() {
        return primaryLabel.getReadOnlyProperty();
    }

    @Override
    public ObservableBooleanValue primaryDisabled() {
        return primaryDisabled;
    }

    @Override
    public void primary() {
        vm.connect();
    }

    /** Connect is the first page: there is nothing to go back to. */
    @Override
    public ObservableBooleanValue backDisabled() {
        return firstPage.getReadOnlyProperty();
    }

    /** Redraws the recent-targets chips (with how each one's stack stood when last seen). */
    private Runnable refillRecent = () -> { };

    @Override
    public void entered() {
        view();
        refillRecent.run(); // a stack seen since then says how it stood
        Platform.runLater(() -> {
            if (vm.mode.get() == ConnectMode.SSH) sshForm.host.requestFocus();
            else localButton.requestFocus();
        });
    }

    public ConnectViewModel viewModel() {
        return vm;
    }

    private Node build() {
        var title = new Label("Where does the stack run?");
        title.getStyleClass().add(Styles.TITLE_3);
        var intro = new Label("On this computer's Docker, on a server Slipway reaches over SSH, on several servers, or"
                + " as services on AWS ECS.");
        intro.getStyleClass().add(Styles.TEXT_MUTED);
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE); // lets a wrapped label grow instead of cutting off

        sshForm = new SshForm(vm);
        Node ssh = sshForm.build();
        ssh.visibleProperty().bind(vm.mode.isEqualTo(ConnectMode.SSH));
        ssh.managedProperty().bind(ssh.visibleProperty());

        var form = new VBox(16, recentTargets(), modeChoice(), ssh);
        // While connecting or deciding about a host key, the form says what is being tried.
        form.disableProperty().bind(vm.busyProperty().or(vm.pendingHostKeyProperty().isNotNull()));

        var content = new VBox(20, new VBox(4, title, intro), form, HostKeyCard.build(vm), status(), error());
        content.setPadding(new Insets(24));
        content.setMaxWidth(760);
        content.addEventFilter(KeyEvent.KEY_PRESSED, this::enterConnects);

        var scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setId("connect-page");
        return scroll;
    }

    /** Enter in a field is Connect, as in any login form (a host popup open keeps Enter for itself). */
    private void enterConnects(KeyEvent e) {
        if (e.getCode() != KeyCode.ENTER || !vm.canConnectBinding().get()) return;
        Object target = e.getTarget();
        boolean inField = target instanceof TextInputControl
                || (target instanceof ComboBox<?> combo && !combo.isShowing());
        if (!inField) return;
        e.consume();
        primary();
    }

    private Node modeChoice() {
        localButton = new ToggleButton("This co_mputer");
        localButton.setId("connect-mode-local");
        localButton.setUserData(ConnectMode.LOCAL);
        localButton.getStyleClass().add(Styles.LEFT_PILL);
        var sshButton = new ToggleButton("_Server over SSH");
        sshButton.setId("connect-mode-ssh");
        sshButton.setUserData(ConnectMode.SSH);
        sshButton.getStyleClass().add(Styles.CENTER_PILL);
        var fleetButton = new ToggleButton("Se_veral servers");
        fleetButton.setId("connect-mode-fleet");
        fleetButton.setUserData(ConnectMode.FLEET);
        fleetButton.getStyleClass().add(Styles.CENTER_PILL);
        var ecsButton = new ToggleButton("AWS _ECS");
        ecsButton.setId("connect-mode-ecs");
        ecsButton.setUserData(ConnectMode.ECS);
        ecsButton.getStyleClass().add(Styles.RIGHT_PILL);
        var group = new ToggleGroup();
        localButton.setToggleGroup(group);
        sshButton.setToggleGroup(group);
        fleetButton.setToggleGroup(group);
        ecsButton.setToggleGroup(group);
        SshForm.syncToggles(group, vm.mode);

        var localNote = new Label("Uses the Docker Engine this computer runs (DOCKER_HOST is honoured).");
        localNote.getStyleClass().add(Styles.TEXT_MUTED);
        localNote.setWrapText(true);
        localNote.setMinHeight(Region.USE_PREF_SIZE);
        localNote.visibleProperty().bind(vm.mode.isEqualTo(ConnectMode.LOCAL));
        localNote.managedProperty().bind(localNote.visibleProperty());
        return new VBox(8, new HBox(0, localButton, sshButton, fleetButton, ecsButton), localNote, demo(), fleetForm(),
                EcsForm.build(vm));
    }

    /** No stack of one's own yet: the demo, made and installed on this computer in seconds. */
    private Node demo() {
        var note = new Label("No stack yet? The demo installs a tiny product on this computer's Docker (no registry,"
                + " no internet) to walk an upgrade, read its notes, break it and roll it back.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(note, Priority.ALWAYS);
        var button = new Button("Try the _demo");
        button.setId("connect-demo");
        button.getStyleClass().add(Styles.BUTTON_OUTLINED);
        button.setMinWidth(Region.USE_PREF_SIZE);
        button.setOnAction(e -> vm.tryDemo());
        var box = new HBox(12, note, button);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.mode.isEqualTo(ConnectMode.LOCAL));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** Several servers: a fleet file (profile, primary, batch, nodes), each server reached over SSH. */
    private Node fleetForm() {
        var file = new TextField();
        file.setId("connect-fleet-file");
        file.setPromptText("/home/me/strata-fleet.yml");
        file.textProperty().bindBidirectional(vm.fleetFile);
        HBox.setHgrow(file, Priority.ALWAYS);
        var browse = new Button("Choose…");
        browse.setId("connect-fleet-browse");
        browse.setOnAction(e -> {
            var chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Fleet file");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Fleet files", "*.yml", "*.yaml"));
            var chosen = chooser.showOpenDialog(view.getScene().getWindow());
            if (chosen != null) vm.fleetFile.set(chosen.getAbsolutePath());
        });
        var build = new Button("Build one…");
        build.setId("connect-fleet-build");
        build.setOnAction(e -> {
            var servers = new java.util.LinkedHashMap<String, String>();
            vm.sshConfigAliases().forEach(alias -> servers.put(alias, "ssh://" + alias));
            vm.recentTargets().stream().filter(t -> t.mode() == ConnectMode.SSH)
                    .forEach(t -> servers.putIfAbsent(t.host(), "ssh://" + t.user() + "@" + t.host() + ":" + t.port()));
            FleetBuilder.build(view.getScene().getWindow(), servers).ifPresent(path -> vm.fleetFile.set(path.toString()));
        });
        var note = new Label("A fleet file names the servers of one product, the primary that upgrades first and"
                + " alone, and how many at once after it. Every server is checked: same version, same secrets.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        var label = new Label("Fleet _file");
        label.setMnemonicParsing(true);
        label.setLabelFor(file);
        var box = new VBox(8, new HBox(8, label, file, browse, build), note);
        ((HBox) box.getChildren().get(0)).setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.mode.isEqualTo(ConnectMode.FLEET));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** One small button per recent target: a click fills the form. */
    private Node recentTargets() {
        var label = new Label("Recent");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        var chips = new FlowPane(8, 8);
        chips.setId("connect-recent");
        Runnable refill = refillRecent = () -> {
            chips.getChildren().clear();
            var seen = vm.lastSeen(vm.recentTargets());
            for (RecentTarget t : vm.recentTargets()) {
                var b = new Button(t.label());
                String state = seen.get(t);
                if (!state.isEmpty()) { // how its stack stood when last seen
                    var name = new Label(t.label());
                    var how = new Label(state);
                    how.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                    b.setText(null);
                    b.setGraphic(new VBox(1, name, how));
                }
                b.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
                b.setMnemonicParsing(false);
                b.setOnAction(e -> vm.applyRecent(t));
                chips.getChildren().add(b);
            }
        };
        refill.run();
        vm.recentTargets().addListener((ListChangeListener<RecentTarget>) c -> refill.run());
        var box = new VBox(6, label, chips);
        box.visibleProperty().bind(Bindings.isNotEmpty(vm.recentTargets()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private Node status() {
        var spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        spinner.managedProperty().bind(spinner.visibleProperty());
        var text = new Label();
        text.setId("connect-status");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.textProperty().bind(vm.statusProperty());
        var box = new HBox(8, spinner, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(vm.statusProperty().isNotEmpty().or(vm.busyProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * The last failure. Two messages with fixed titles, because AtlantaFX 2.0.1's Message shows its
     * description in place of a title that changes later.
     */
    private Node error() {
        var failed = message("connect-error", "Cannot connect", vm.hostKeyChangedProperty().not());
        var changed = message("connect-hostkey-changed", "The server's host key has changed",
                Bindings.createBooleanBinding(vm.hostKeyChangedProperty()::get, vm.hostKeyChangedProperty()));
        return new VBox(failed, changed);
    }

    private Message message(String id, String title, BooleanBinding when) {
        var message = new Message(title, "");
        message.setId(id);
        message.getStyleClass().add(Styles.DANGER);
        message.descriptionProperty().bind(Bindings.when(when).then(vm.errorProperty()).otherwise(""));
        message.visibleProperty().bind(when.and(vm.errorProperty().isNotEmpty()));
        message.managedProperty().bind(message.visibleProperty());
        return message;
    }
}
