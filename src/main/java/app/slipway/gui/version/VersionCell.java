package app.slipway.gui.version;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A row of the version list: the tag, its date, and badges for latest, prerelease and current. */
final class VersionCell extends ListCell<VersionEntry> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    @Override
    protected void updateItem(VersionEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(null);
        if (empty || entry == null) {
            setGraphic(null);
            setAccessibleText(null);
            return;
        }
        var tag = new Label(entry.tag());
        tag.setStyle("-fx-font-weight: bold;");
        var date = new Label(entry.published().map(DAY::format).orElse("date unknown"));
        date.getStyleClass().add("text-muted");
        date.setStyle("-fx-font-size: 0.9em;");
        var text = new VBox(2, tag, date);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var row = new HBox(8, text, spacer);
        row.setAlignment(Pos.CENTER_LEFT);
        List<String> said = new ArrayList<>(List.of(entry.tag(), date.getText()));
        if (entry.current()) row.getChildren().add(badge("current", "accent", said));
        if (entry.latest()) row.getChildren().add(badge("latest", "success", said));
        if (entry.prerelease()) row.getChildren().add(badge("prerelease", "warning", said));
        if (!entry.upgradable()) {
            tag.getStyleClass().add("text-muted");
            if (!entry.current()) said.add("older than the installed version");
        }
        setGraphic(row);
        setAccessibleText(String.join(", ", said));
    }

    /** A small pill in the theme's colours for {@code kind} (accent, success, warning). */
    private static Label badge(String text, String kind, List<String> said) {
        said.add(text);
        var badge = new Label(text);
        badge.setStyle("-fx-background-color: -color-" + kind + "-subtle; -fx-text-fill: -color-" + kind + "-fg;"
                + " -fx-border-color: -color-" + kind + "-muted; -fx-border-radius: 10; -fx-background-radius: 10;"
                + " -fx-padding: 1 7 1 7; -fx-font-size: 0.85em;");
        return badge;
    }
}
