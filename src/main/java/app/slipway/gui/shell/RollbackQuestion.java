package app.slipway.gui.shell;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** The one question before a rollback the user starts (Result page, a backup, ECS revisions), in its own words. */
public final class RollbackQuestion {
    private RollbackQuestion() {}

    /** @param near a node of the page asking (the dialog belongs to its window); null for none */
    public static boolean ask(Node near, String question) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.CANCEL, ButtonType.OK);
        if (near != null && near.getScene() != null) alert.initOwner(near.getScene().getWindow());
        alert.setTitle("Roll back");
        alert.setHeaderText("Roll back now?");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }
}
