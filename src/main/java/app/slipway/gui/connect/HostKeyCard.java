package app.slipway.gui.connect;

import app.slipway.core.host.HostKeyInfo;
import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * First contact with a server: its host key's fingerprint, how to check it on the server, and the
 * two answers. Shown only while the view-model waits for the decision.
 */
final class HostKeyCard {
    private HostKeyCard() {}

    static Node build(ConnectViewModel vm) {
        var pending = vm.pendingHostKeyProperty();

        var title = new Label("Is this your server?");
        title.getStyleClass().add(Styles.TITLE_4);

        var intro = new Label();
        intro.setWrapText(true);
        intro.setMinHeight(Region.USE_PREF_SIZE); // lets a wrapped label grow instead of cutting off
        intro.textProperty().bind(Bindings.createStringBinding(() -> pending.get() == null ? ""
                : "This is the first connection to " + pending.get().hostPort()
                        + ". Slipway does not know its host key yet, so check that the fingerprint below is your "
                        + "server's before trusting it.", pending));

        var where = value("connect-hostkey-host");
        where.textProperty().bind(Bindings.createStringBinding(() -> text(pending.get(), HostKeyInfo::hostPort), pending));
        var type = value("connect-hostkey-type");
        type.textProperty().bind(Bindings.createStringBinding(() -> text(pending.get(), HostKeyInfo::keyType), pending));
        // A read-only field, so the fingerprint can be selected and copied.
        var fingerprint = new TextField();
        fingerprint.setId("connect-fingerprint");
        fingerprint.setEditable(false);
        fingerprint.setFocusTraversable(false);
        fingerprint.setStyle("-fx-font-family: monospace;");
        fingerprint.textProperty().bind(Bindings.createStringBinding(
                () -> text(pending.get(), HostKeyInfo::fingerprint), pending));
        HBox.setHgrow(fingerprint, Priority.ALWAYS);

        var facts = new GridPane();
        facts.setHgap(12);
        facts.setVgap(6);
        facts.addRow(0, name("Server"), where);
        facts.addRow(1, name("Key type"), type);
        facts.addRow(2, name("Fingerprint"), fingerprint);
        GridPane.setHgrow(fingerprint, Priority.ALWAYS);

        var hint = new Label();
        hint.setWrapText(true);
        hint.setMinHeight(Region.USE_PREF_SIZE);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.textProperty().bind(vm.pendingHintProperty());

        var trust = new Button("_Trust and connect");
        trust.setId("connect-trust");
        trust.getStyleClass().add(Styles.ACCENT);
        trust.setOnAction(e -> vm.trustAndConnect());
        var reject = new Button("Cance_l");
        reject.setId("connect-reject");
        reject.setOnAction(e -> vm.rejectHostKey());
        var buttons = new HBox(8, trust, reject);
        buttons.setAlignment(Pos.CENTER_LEFT);

        // A plain VBox rather than AtlantaFX's Card: Card sizes itself without the width, so wrapped text overflows it.
        var card = new VBox(12, title, intro, facts, hint, buttons);
        card.setId("connect-hostkey-card");
        card.setStyle("-fx-background-color: -color-bg-subtle; -fx-background-radius: 6;"
                + " -fx-border-color: -color-accent-muted; -fx-border-radius: 6; -fx-padding: 16;");
        card.visibleProperty().bind(pending.isNotNull());
        card.managedProperty().bind(card.visibleProperty());
        // Keyboard users land on the decision; it still takes a deliberate key press.
        pending.addListener((obs, old, now) -> {
            if (now != null) Platform.runLater(trust::requestFocus);
        });
        return card;
    }

    private static String text(HostKeyInfo key, java.util.function.Function<HostKeyInfo, String> part) {
        return key == null ? "" : part.apply(key);
    }

    private static Label name(String text) {
        var label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static Label value(String id) {
        var label = new Label();
        label.setId(id);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        return label;
    }
}
