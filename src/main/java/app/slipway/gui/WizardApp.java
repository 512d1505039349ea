package app.slipway.gui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop wizard. For now a single welcome page; the pages of SPEC §7 bind to the same core
 * engine and events as the CLI.
 */
public class WizardApp extends Application {
    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        var title = new Label("Slipway");
        title.getStyleClass().add("title-1");
        var subtitle = new Label("Install and upgrade self-hosted Docker Compose products, "
                + "on this machine or on a server over SSH.");
        subtitle.setWrapText(true);
        var hint = new Label("The guided wizard is on its way. Every step is available today "
                + "from the command line: run slipway --help.");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        var page = new VBox(16, title, subtitle, hint);
        page.setPadding(new Insets(48));
        page.setAlignment(Pos.TOP_LEFT);
        stage.setTitle("Slipway");
        stage.setScene(new Scene(page, 960, 640));
        stage.show();
    }
}
