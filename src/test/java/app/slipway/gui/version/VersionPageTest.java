package app.slipway.gui.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.slipway.core.releases.FakeGitHub;
import app.slipway.gui.background.FxBackgroundExecutor;
import app.slipway.gui.shell.Navigator;
import app.slipway.gui.shell.WizardSession;
import app.slipway.testbed.Testbed;
import atlantafx.base.controls.Message;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Version page in a window: the list loads in the background, a click shows that version's notes, Continue leads on. */
class VersionPageTest {
    @TempDir Path dir;
    private FakeGitHub github;
    private final WizardSession session = new WizardSession();
    private final VersionTestbed.RecordingNavigator navigator = new VersionTestbed.RecordingNavigator();
    private final FxRobot robot = new FxRobot();
    private VersionPage page;

    @BeforeEach
    void show() throws Exception {
        Testbed.require();
        github = VersionTestbed.standardReleases(false);
        Path profile = VersionTestbed.profileFile(dir.resolve("profile"), Optional.of(github.api()));
        session.mode.set(WizardSession.Mode.UPGRADE);
        session.stack.set(VersionTestbed.stackAt(dir.resolve("stack"), profile, "1.0.0"));
        session.profile.set(session.stack.get().profile());
        var model = new VersionViewModel(session, new FxBackgroundExecutor(), navigator,
                VersionCatalog.standard(Optional.of(dir.resolve("cache"))));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            page = new VersionPage(model, url -> {});
            stage.setScene(new Scene((Parent) page.view(), 1200, 760));
            stage.show();
            page.entered();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        github.close();
        session.close();
    }

    @Test
    void choosingAVersionShowsItsNotesAndContinueLeadsToThePlan() throws Exception {
        ListView<VersionEntry> list = robot.lookup(".list-view").queryListView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Fx.call(() -> list.getItems().size()) == 4);
        assertEquals(List.of("v3.0.0", "v2.1.0", "v2.0.0", "v1.0.0"),
                Fx.call(() -> list.getItems().stream().map(VersionEntry::tag).toList()));
        assertEquals("v3.0.0", Fx.call(() -> list.getSelectionModel().getSelectedItem().tag()), "the latest is chosen first");

        robot.clickOn(cell("v2.1.0"));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "2.1.0".equals(Fx.call(session.version::get)));
        String text = Fx.awaitPageText(page.notesView().engine(), "Workers now default to 4.");
        assertTrue(text.contains("Postgres 16 is required"), "every release since 1.0.0: " + text);
        assertTrue(text.contains("<script>alert('owned')</script>"), "raw HTML shows as text: " + text);
        assertFalse(text.contains("new storage layout"), "3.0.0 is past the chosen version: " + text);
        Message banner = robot.lookup(node -> node instanceof Message m && m.getTitle().contains("Breaking")).query();
        assertTrue(Fx.call(banner::isVisible));
        assertEquals("Breaking changes in v2.0.0: Postgres 16 is required.", Fx.call(banner::getDescription));
        assertFalse(Fx.call(() -> page.primaryDisabled().get()));

        Fx.run(page::primary);

        assertEquals(List.of(Navigator.Step.PLAN), navigator.steps);
        assertEquals("2.1.0", session.version.get());
    }

    /** The list's cell showing {@code tag}, once the list has laid its cells out (items arrive before cells). */
    private ListCell<?> cell(String tag) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Fx.call(() -> findCell(tag).isPresent()));
        return Fx.call(() -> findCell(tag).orElseThrow());
    }

    private Optional<ListCell<?>> findCell(String tag) {
        return robot.lookup(".list-cell").<ListCell<?>>queryAll().stream()
                .filter(c -> c.getItem() instanceof VersionEntry e && e.tag().equals(tag))
                .findFirst();
    }
}
