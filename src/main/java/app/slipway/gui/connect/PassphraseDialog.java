package app.slipway.gui.connect;

import app.slipway.core.host.PassphrasePrompt;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The wizard's question for a key's passphrase, asked from the connecting thread while the login
 * waits. The answer goes to the login and is not kept by the dialog; Slipway keeps it in memory for
 * the rest of the session only (README "SSH").
 */
public final class PassphraseDialog implements PassphrasePrompt {
    private final Window owner;

    public PassphraseDialog(Window owner) {
        this.owner = owner;
    }

    @Override
    public Optional<char[]> ask(Path key, boolean again) {
        if (Platform.isFxApplicationThread()) return show(key, again);
        var answer = new CompletableFuture<Optional<char[]>>();
        Platform.runLater(() -> {
            try {
                answer.complete(show(key, again));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    private Optional<char[]> show(Path key, boolean again) {
        var dialog = new Dialog<char[]>();
        if (owner != null) dialog.initOwner(owner);
        dialog.setTitle("Key passphrase");
        dialog.setHeaderText(again ? "That passphrase does not open the key. Try again:" : "This key has a passphrase.");
        var field = new PasswordField();
        field.setId("passphrase");
        field.setPromptText("Passphrase");
        var where = new Label(key.toString());
        where.getStyleClass().add("text-muted");
        var note = new Label("Kept in memory while Slipway runs; never saved.");
        note.getStyleClass().add("text-small");
        dialog.getDialogPane().setContent(new VBox(8, where, field, note));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        dialog.setResultConverter(b -> b == ButtonType.OK && !field.getText().isEmpty() ? field.getText().toCharArray() : null);
        Platform.runLater(field::requestFocus);
        Optional<char[]> result = dialog.showAndWait();
        field.clear();
        return result;
    }
}
