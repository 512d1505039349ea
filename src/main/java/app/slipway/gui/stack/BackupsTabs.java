package app.slipway.gui.stack;

import app.slipway.core.backup.BackupSummary;
import app.slipway.core.backup.BackupText;
import app.slipway.core.backup.DrillResult;
import app.slipway.core.state.HistoryEntry;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The Stack page's Backups and History tabs (README "The wizard"), bound to a {@link BackupsViewModel}. */
final class BackupsTabs {
    private final BackupsViewModel model;
    private final Predicate<String> confirm;

    BackupsTabs(BackupsViewModel model, Predicate<String> confirm) {
        this.model = model;
        this.confirm = confirm;
    }

    Tab backups() {
        var table = new TableView<>(model.backups);
        table.setId("stack-backups");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Taken", b -> BackupText.when(b.createdAt()), 150));
        table.getColumns().add(column("Kind", BackupSummary::kind, 80));
        table.getColumns().add(column("Version", BackupSummary::version, 90));
        table.getColumns().add(column("Size", b -> BackupText.size(b.sizeBytes()), 80));
        table.getColumns().add(column("Restore drill", b -> b.drill().map(DrillResult::word).orElse(BackupSummary.NOT_DRILLED), 100));
        table.getColumns().add(column("Contains", b -> b.contents().words(), 300));
        table.setPlaceholder(new Label("No backups yet: an upgrade takes one, or run slipway backup."));
        table.getStyleClass().add(Styles.STRIPED);
        VBox.setVgrow(table, Priority.ALWAYS);
        var chosen = table.getSelectionModel().selectedItemProperty();
        // the newest is chosen when the list arrives: the usual one to act on
        model.backups.addListener((javafx.collections.ListChangeListener<BackupSummary>) change -> {
            if (chosen.get() == null && !model.backups.isEmpty()) table.getSelectionModel().selectFirst();
        });
        var noDump = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> chosen.get() == null || chosen.get().contents().database().isEmpty(), chosen);

        var verify = new Button("Restore _drill");
        verify.setId("backup-verify");
        verify.setMnemonicParsing(true);
        verify.setOnAction(e -> model.verify(chosen.get()));
        var download = new Button("_Copy to this computer…");
        download.setId("backup-download");
        download.setMnemonicParsing(true);
        download.setOnAction(e -> {
            var chooser = new DirectoryChooser();
            chooser.setTitle("Where the backup goes (as a folder named after it)");
            File into = chooser.showDialog(table.getScene().getWindow());
            if (into != null) model.download(chosen.get(), into.toPath());
        });
        var restoreDatabase = new CheckBox("with its _database");
        restoreDatabase.setId("backup-restore-database");
        restoreDatabase.setMnemonicParsing(true);
        var rollBack = new Button("_Roll back to it…");
        rollBack.setId("backup-rollback");
        rollBack.setMnemonicParsing(true);
        rollBack.getStyleClass().add(Styles.DANGER);
        rollBack.setOnAction(e -> model.rollBackTo(chosen.get(), restoreDatabase.isSelected(), confirm));
        for (var b : new Button[] {download, rollBack}) b.disableProperty().bind(chosen.isNull().or(model.busy));
        // a drill restores a dump, and only a backup with one can bring its database back
        verify.disableProperty().bind(noDump.or(model.busy));
        restoreDatabase.disableProperty().bind(noDump.or(model.busy));
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        var actions = new HBox(8, verify, download, spacer, restoreDatabase, rollBack);
        actions.setAlignment(Pos.CENTER_LEFT);

        var status = new Label();
        status.setId("backup-status");
        status.textProperty().bind(model.status);
        status.setWrapText(true);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        var error = new Label();
        error.setId("backup-error");
        error.textProperty().bind(model.error);
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        error.visibleProperty().bind(model.error.isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        var tab = new Tab("Backups", new VBox(8, table, actions, status, error));
        tab.setId("tab-backups");
        tab.setClosable(false);
        return tab;
    }

    Tab history() {
        var table = new TableView<>(model.history);
        table.setId("stack-history");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(historyColumn("When", h -> BackupText.when(h.when(), ""), 150));
        table.getColumns().add(historyColumn("Run", HistoryEntry::command, 80));
        table.getColumns().add(historyColumn("Versions", h -> h.from() == null || h.from().equals(h.to())
                ? String.valueOf(h.to()) : h.from() + " → " + h.to(), 130));
        table.getColumns().add(historyColumn("Result", HistoryEntry::result, 100));
        table.getColumns().add(historyColumn("Took", h -> h.durationMs() == 0 ? "" : String.format("%.1f s", h.durationMs() / 1000.0), 70));
        table.getColumns().add(historyColumn("By", HistoryEntry::who, 120));
        table.getColumns().add(historyColumn("Backup", h -> h.backupId() == null ? "" : h.backupId(), 220));
        table.setPlaceholder(new Label("No run recorded yet."));
        table.getStyleClass().add(Styles.STRIPED);
        var tab = new Tab("History", table);
        tab.setId("tab-history");
        tab.setClosable(false);
        return tab;
    }

    private static TableColumn<BackupSummary, String> column(String name, Function<BackupSummary, String> value, double width) {
        var c = new TableColumn<BackupSummary, String>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static TableColumn<HistoryEntry, String> historyColumn(String name, Function<HistoryEntry, String> value, double width) {
        var c = new TableColumn<HistoryEntry, String>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
