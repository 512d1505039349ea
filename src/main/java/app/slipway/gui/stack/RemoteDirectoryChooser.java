package app.slipway.gui.stack;

import app.slipway.core.host.FileInfo;
import app.slipway.core.host.Target;
import app.slipway.gui.background.BackgroundExecutor;
import app.slipway.gui.background.ErrorText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Browses directories on the target — this machine or the server — through the target itself, so
 * the same dialog works over SSH. Listing runs in the background; the dialog never blocks.
 */
final class RemoteDirectoryChooser {
    private final Target target;
    private final BackgroundExecutor executor;
    private final Label path = new Label();
    private final Label problem = new Label();
    private final ListView<String> entries = new ListView<>();
    private String current;

    RemoteDirectoryChooser(Target target, BackgroundExecutor executor) {
        this.target = target;
        this.executor = executor;
    }

    Optional<String> choose(Window owner, String start) {
        var dialog = new Dialog<String>();
        dialog.initOwner(owner);
        dialog.setTitle("Choose the install directory");
        dialog.setHeaderText("Directories on " + target.describe());
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        entries.setPrefSize(520, 360);
        entries.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) open(entries.getSelectionModel().getSelectedItem());
        });
        entries.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.RIGHT) open(entries.getSelectionModel().getSelectedItem());
            if (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.BACK_SPACE) open("..");
        });
        var hint = new Label("Double-click (or →) opens a directory, ← goes up. Choose takes the directory shown above.");
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        var box = new VBox(8, path, entries, hint, problem);
        box.setPadding(new Insets(8, 0, 0, 0));
        dialog.getDialogPane().setContent(box);
        var choose = new ButtonType("Choose", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(choose, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == choose ? current : null);
        list(start == null || start.isBlank() ? "." : start);
        entries.requestFocus();
        return dialog.showAndWait();
    }

    private void open(String entry) {
        if (entry == null) return;
        if (entry.equals("..")) {
            int slash = current.lastIndexOf('/');
            list(slash <= 0 ? "/" : current.substring(0, slash));
        } else {
            list(current.equals("/") ? "/" + entry : current + "/" + entry);
        }
    }

    private void list(String directory) {
        problem.setText("");
        executor.run("list-directory", () -> {
            String absolute = target.absolute(directory);
            List<String> dirs = new ArrayList<>();
            for (String name : target.list(absolute)) {
                String child = (absolute.equals("/") ? "" : absolute) + "/" + name;
                if (!name.startsWith(".") && target.stat(child).map(FileInfo::directory).orElse(false)) dirs.add(name);
            }
            dirs.sort(String.CASE_INSENSITIVE_ORDER);
            return new Listing(absolute, dirs);
        }, listing -> {
            current = listing.directory;
            path.setText(listing.directory);
            List<String> shown = new ArrayList<>();
            if (!listing.directory.equals("/")) shown.add("..");
            shown.addAll(listing.children);
            entries.getItems().setAll(shown);
            entries.getSelectionModel().selectFirst();
        }, failure -> problem.setText(ErrorText.of(failure)));
    }

    private record Listing(String directory, List<String> children) {}
}
