package app.slipway.gui;

import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.Theme;
import app.slipway.gui.version.VersionCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** The desktop wizard of README §The wizard: the same core and events as the CLI, six pages, no flow logic of its own. */
public class WizardApp extends Application {
    /** Benchmarks pass a file here; the wizard writes the epoch millis at which its first page is on screen. */
    static final String STARTUP_PROBE = "slipway.startupProbe";

    private WizardWindow window;

    @Override
    public void start(Stage stage) {
        window = new WizardWindow(new FxBackgroundExecutor(), Theme.defaultSettings(),
                VersionCatalog.standard(Optional.empty()), url -> getHostServices().showDocument(url));
        stage.setTitle("Slipway");
        stage.getIcons().addAll(AppIcons.all());
        stage.setScene(window.scene());
        stage.setMinWidth(900);
        stage.setMinHeight(640);
        stage.setOnCloseRequest(e -> {
            if (window.session.running.get() && !confirmClose(stage)) e.consume();
        });
        stage.setOnShown(e -> Platform.runLater(WizardApp::probeStartup));
        app.slipway.core.host.SshPassphrases.askWith(new app.slipway.gui.connect.PassphraseDialog(stage));
        stage.show();
        String demo = getParameters().getNamed().get("demo-dir"); // `slipway demo` opens the wizard on its stack
        if (demo != null && !demo.isBlank()) window.openLocal(demo);
    }

    @Override
    public void stop() {
        if (window != null) window.session.close();
    }

    /** Closing mid-run asks first: the run stops with the app, and the journal is what is left. */
    private boolean confirmClose(Stage stage) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION,
                "A run is in progress. Closing Slipway now stops it mid-way: the stack's journal remembers where, "
                        + "and `slipway upgrade --resume` finishes it or `slipway rollback` returns to the snapshot.",
                ButtonType.CANCEL, ButtonType.CLOSE);
        alert.initOwner(stage);
        alert.setHeaderText("Stop the run and close?");
        return alert.showAndWait().filter(b -> b == ButtonType.CLOSE).isPresent();
    }

    private static void probeStartup() {
        String file = System.getProperty(STARTUP_PROBE);
        if (file == null) return;
        try {
            Files.writeString(Path.of(file), Long.toString(System.currentTimeMillis()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            System.err.println("Cannot write the startup probe " + file + ": " + e.getMessage());
        }
    }
}
