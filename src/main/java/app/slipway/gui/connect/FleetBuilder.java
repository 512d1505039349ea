package app.slipway.gui.connect;

import app.slipway.core.fleet.FleetFileWriter;
import app.slipway.core.fleet.FleetNode;
import app.slipway.gui.background.ErrorText;
import app.slipway.gui.shell.Theme;
import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Builds a fleet file from the servers the user already reaches: the Host aliases of
 * ~/.ssh/config and the recent SSH targets. Saved in ~/.config/slipway/fleets/; the first server
 * ticked is the primary. Returns the saved file's path.
 */
final class FleetBuilder {
    private FleetBuilder() {}

    /** @param servers label → the host as a fleet file names it ({@code ssh://…}) */
    static Optional<Path> build(Window owner, Map<String, String> servers) {
        var dialog = new Dialog<Path>();
        var saved = new java.util.concurrent.atomic.AtomicReference<Path>();
        dialog.initOwner(owner);
        dialog.setTitle("Build a fleet file");
        var boxes = new LinkedHashMap<CheckBox, String>();
        var list = new VBox(6);
        servers.forEach((label, host) -> {
            var box = new CheckBox(label);
            box.setId("fleet-builder-" + label.replaceAll("[^A-Za-z0-9]", "-"));
            boxes.put(box, host);
            list.getChildren().add(box);
        });
        if (servers.isEmpty()) list.getChildren().add(new Label("No Host in ~/.ssh/config and no recent server yet."));
        var dir = new TextField("/srv/strata");
        dir.setId("fleet-builder-dir");
        var profile = new ComboBox<String>();
        profile.getItems().addAll("strata", "appstrate");
        profile.setEditable(true);
        profile.setValue("strata");
        var name = new TextField("my-fleet");
        name.setId("fleet-builder-name");
        var error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        var form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Install directory on each"), dir);
        form.addRow(1, new Label("Profile"), profile);
        form.addRow(2, new Label("Name"), name);
        var hint = new Label("The first server ticked is the primary: it upgrades first and alone.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        var content = new VBox(12, new Label("Servers"), list, form, hint, error);
        content.setPadding(new javafx.geometry.Insets(12));
        dialog.getDialogPane().setContent(content);
        var save = new ButtonType("Save", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(save).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                List<FleetNode> nodes = new ArrayList<>();
                boxes.forEach((box, host) -> {
                    if (box.isSelected()) {
                        nodes.add(new FleetNode(box.getText().replaceAll("[^A-Za-z0-9._-]", "-"), host,
                                dir.getText().strip(), Optional.empty(), Optional.empty()));
                    }
                });
                if (nodes.size() < 2) throw app.slipway.core.SlipwayException.badInput("Tick two servers or more.");
                Path file = Theme.defaultSettings().resolveSibling("fleets")
                        .resolve(name.getText().strip().replaceAll("[^A-Za-z0-9._-]", "-") + ".yml");
                FleetFileWriter.write(file, profile.getValue(), nodes.get(0).name(), 1, nodes);
                saved.set(file);
            } catch (RuntimeException ex) {
                error.setText(ErrorText.of(ex));
                e.consume(); // stay open: say what to fix
            }
        });
        dialog.setResultConverter(button -> button == save ? saved.get() : null);
        return dialog.showAndWait();
    }
}
