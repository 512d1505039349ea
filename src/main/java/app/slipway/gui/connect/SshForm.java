package app.slipway.gui.connect;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The SSH half of the Connect form: where, who, how to log in, and (folded away) known_hosts. */
final class SshForm {
    private static final double LABEL_WIDTH = 110;

    private final ConnectViewModel vm;
    final ComboBox<String> host = new ComboBox<>();

    SshForm(ConnectViewModel vm) {
        this.vm = vm;
    }

    Node build() {
        host.setId("connect-host");
        host.setEditable(true);
        host.setPromptText("server.example.com, or a Host from ~/.ssh/config");
        host.setItems(vm.sshConfigAliases());
        host.setMaxWidth(Double.MAX_VALUE);
        host.getEditor().textProperty().bindBidirectional(vm.host);
        host.valueProperty().addListener((obs, old, picked) -> {
            // After the combo has copied the alias into its editor: then put the resolved host there.
            if (picked != null && vm.sshConfigAliases().contains(picked)) {
                Platform.runLater(() -> vm.useSshConfigHost(picked));
            }
        });
        HBox.setHgrow(host, Priority.ALWAYS);
        // each Host of the ssh config with where it really goes: the address, the user, the jump hosts
        host.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String alias, boolean empty) {
                super.updateItem(alias, empty);
                if (empty || alias == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                var name = new Label(alias);
                var where = new Label(vm.describeAlias(alias));
                where.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                setText(null);
                setGraphic(new VBox(1, name, where));
            }
        });

        var port = new TextField();
        port.setId("connect-port");
        port.setPrefColumnCount(5);
        port.textProperty().bindBidirectional(vm.port);
        var portLabel = new Label("_Port");
        portLabel.setMnemonicParsing(true);
        portLabel.setLabelFor(port);
        var hostAndPort = new HBox(8, host, portLabel, port);
        hostAndPort.setAlignment(Pos.CENTER_LEFT);

        var user = new TextField();
        user.setId("connect-user");
        user.setPrefColumnCount(16);
        user.textProperty().bindBidirectional(vm.user);

        var authGroup = new ToggleGroup();
        var byKey = radio("_Key file", AuthKind.KEY_FILE, authGroup, "connect-auth-key");
        var byAgent = radio("ssh-a_gent", AuthKind.AGENT, authGroup, "connect-auth-agent");
        var byPassword = radio("Pass_word", AuthKind.PASSWORD, authGroup, "connect-auth-password");
        syncToggles(authGroup, vm.auth);
        var authChoice = new HBox(16, byKey, byAgent, byPassword);
        authChoice.setAlignment(Pos.CENTER_LEFT);

        var keyFile = new TextField();
        keyFile.setId("connect-key-file");
        keyFile.setPromptText("~/.ssh/id_ed25519");
        keyFile.textProperty().bindBidirectional(vm.keyFile);
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        var browseKey = new Button("Br_owse…");
        browseKey.setId("connect-key-browse");
        browseKey.setOnAction(e -> choose(keyFile, "Choose the private key file", vm.keyFile::set));
        var keyRow = row("Key _file", keyFile, new HBox(8, keyFile, browseKey));
        showWhen(keyRow, vm.auth.isEqualTo(AuthKind.KEY_FILE));

        var password = new PasswordField();
        password.setId("connect-password");
        password.textProperty().bindBidirectional(vm.password);
        var passwordRow = row("Passwor_d", password, password);
        showWhen(passwordRow, vm.auth.isEqualTo(AuthKind.PASSWORD));

        var agentNote = new Label("Uses the keys of the running ssh-agent, then ~/.ssh/id_* like ssh does.");
        agentNote.getStyleClass().add(Styles.TEXT_MUTED);
        agentNote.setWrapText(true);
        agentNote.setMinHeight(Region.USE_PREF_SIZE); // lets a wrapped label grow instead of cutting off
        var agentRow = row("", null, agentNote);
        showWhen(agentRow, vm.auth.isEqualTo(AuthKind.AGENT));

        var knownHosts = new TextField();
        knownHosts.setId("connect-known-hosts");
        knownHosts.textProperty().bindBidirectional(vm.knownHostsFile);
        HBox.setHgrow(knownHosts, Priority.ALWAYS);
        var browseKnown = new Button("B_rowse…");
        browseKnown.setOnAction(e -> choose(knownHosts, "Choose the known_hosts file", vm.knownHostsFile::set));
        var knownHostsNote = new Label("The server's host key is checked against this file; a key you trust is added to it.");
        knownHostsNote.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        knownHostsNote.setWrapText(true);
        knownHostsNote.setMinHeight(Region.USE_PREF_SIZE);
        var advanced = new TitledPane("Advanced", new VBox(8,
                row("Known hosts f_ile", knownHosts, new HBox(8, knownHosts, browseKnown)), knownHostsNote));
        advanced.setId("connect-advanced");
        advanced.setExpanded(false);
        advanced.setAnimated(false);
        advanced.getStyleClass().add(Styles.DENSE);

        var destination = new Label();
        destination.setId("connect-destination");
        destination.textProperty().bind(vm.sshDestination);
        destination.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        destination.setWrapText(true);
        destination.setMinHeight(Region.USE_PREF_SIZE);
        var destinationRow = row("", null, destination);
        showWhen(destinationRow, vm.sshDestination.isNotEmpty());

        var form = new VBox(10,
                row("_Host", host, hostAndPort), destinationRow,
                row("_User", user, user),
                row("Log in with", null, authChoice),
                keyRow, passwordRow, agentRow,
                advanced);
        form.setId("connect-ssh-form");
        return form;
    }

    private RadioButton radio(String text, AuthKind kind, ToggleGroup group, String id) {
        var r = new RadioButton(text);
        r.setId(id);
        r.setMnemonicParsing(true);
        r.setUserData(kind);
        r.setToggleGroup(group);
        return r;
    }

    /** Keeps a toggle group and an enum property in step; a group never ends up with nothing chosen. */
    static <E> void syncToggles(ToggleGroup group, ObjectProperty<E> property) {
        Runnable fromProperty = () -> {
            for (Toggle t : group.getToggles()) {
                if (t.getUserData() == property.get()) group.selectToggle(t);
            }
        };
        fromProperty.run();
        property.addListener((obs, old, now) -> fromProperty.run());
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                if (old != null) group.selectToggle(old);
                return;
            }
            @SuppressWarnings("unchecked")
            E value = (E) now.getUserData();
            property.set(value);
        });
    }

    /** "Label  control": the label's mnemonic moves focus to {@code target}. */
    static HBox row(String label, Node target, Node content) {
        var l = new Label(label);
        l.setMnemonicParsing(true);
        l.setMinWidth(LABEL_WIDTH);
        l.setPrefWidth(LABEL_WIDTH);
        if (target != null) l.setLabelFor(target);
        var row = new HBox(8, l, content);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(content, Priority.ALWAYS);
        return row;
    }

    private static void showWhen(Node node, BooleanBinding condition) {
        node.visibleProperty().bind(condition);
        node.managedProperty().bind(condition);
    }

    /** A file chooser starting in ~/.ssh (or where the field already points). */
    private static void choose(TextField field, String title, java.util.function.Consumer<String> chosen) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        Path current = field.getText() == null || field.getText().isBlank()
                ? null : ConnectViewModel.expandHome(field.getText()).getParent();
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        Path start = current != null && Files.isDirectory(current) ? current
                : Files.isDirectory(ssh) ? ssh : Path.of(System.getProperty("user.home"));
        chooser.setInitialDirectory(start.toFile());
        File file = chooser.showOpenDialog(field.getScene() == null ? null : field.getScene().getWindow());
        if (file != null) chosen.accept(file.getAbsolutePath());
    }
}
