package app.slipway.gui.result;

import app.slipway.core.run.RunKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.ExitCode;
import app.slipway.core.events.Cancellation;
import app.slipway.core.run.RunResult;
import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.RunJob;
import app.slipway.gui.shell.WizardSession;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Result page on screen after an upgrade that failed and was rolled back. */
class ResultPageTest {
    private static Stage stage;

    @BeforeAll
    static void toolkit() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void showsWhatFailedWithTheFailingServicesLogLines() throws Exception {
        var logs = new LinkedHashMap<String, List<String>>();
        logs.put("web", List.of("Listening on 127.0.0.1:18080", "panic: the database schema is newer than this release"));
        var result = new RunResult(RunKind.UPGRADE, "1.0.0", "3.0.0", ExitCode.ROLLED_BACK,
                "The upgrade to 3.0.0 failed (the new version is not healthy: web is unhealthy) and was rolled back: "
                        + "1.0.0 is serving again.", "20250101T000000Z-1.0.0-to-3.0.0", java.util.Optional.empty(), List.of(), logs,
                Duration.ofSeconds(75));
        var session = new WizardSession();
        session.directory.set("/opt/fixture");
        session.job.set(new RunJob("Upgrade", RunKind.UPGRADE, List.of(), l -> result, new Cancellation()));
        session.result.set(result);
        List<Object> visited = new ArrayList<>();

        ResultPage page = FxToolkit.setupFixture(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            var p = new ResultPage(session, new FxBackgroundExecutor(), visited::add, url -> { });
            stage.setScene(new Scene((Parent) p.view(), 1000, 700));
            stage.show();
            p.entered();
            return p;
        });
        Node view = page.view();

        Node headline = onFx(() -> view.lookup("." + ResultPage.HEADLINE_STYLE_CLASS));
        assertEquals(List.of("!", "The upgrade failed and was rolled back", result.message()),
                onFx(() -> headline.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList()));
        assertTrue(onFx(() -> headline.getStyleClass().contains(Styles.WARNING)));
        TextArea log = onFx(() -> (TextArea) view.lookup("." + ResultPage.LOG_STYLE_CLASS));
        assertEquals("Listening on 127.0.0.1:18080\npanic: the database schema is newer than this release",
                onFx(log::getText));
        assertTrue(onFx(() -> log.isVisible() && !log.isEditable()));
        assertTrue(onFx(() -> view.lookupAll(".text-field").stream()
                .anyMatch(n -> "/opt/fixture/backups/20250101T000000Z-1.0.0-to-3.0.0"
                        .equals(((javafx.scene.control.TextField) n).getText()))), "where the backup is");
        assertEquals("Start over", onFx(() -> page.primaryLabel().get()));
    }
}
