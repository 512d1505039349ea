package app.slipway.gui.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Element;
import org.w3c.dom.events.DocumentEvent;
import org.w3c.dom.events.EventTarget;
import org.w3c.dom.events.MouseEvent;
import org.w3c.dom.views.AbstractView;

/** The notes' WebView under headless Monocle: links go to the opener, never into the view; the theme follows dark mode. */
class NotesViewTest {
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final FxRobot robot = new FxRobot();
    private NotesView view;

    private static final String PAGE = """
            <!DOCTYPE html><html><head><style>body{margin:0}</style></head><body>
            <a id="web" href="https://example.com/releases/v2.1.0" style="display:block;height:3000px">Release page</a>
            <a id="script" href="javascript:alert(1)">script link</a>
            <a id="file" href="file:///etc/passwd">file link</a>
            </body></html>
            """;

    @BeforeEach
    void show() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view = new NotesView(opened::add);
            s.setScene(new Scene(view, 800, 600));
            s.show();
        });
        Fx.run(() -> view.htmlProperty().set(PAGE));
        Fx.awaitPageText(view.engine(), "Release page");
        assertTrue(stage.isShowing());
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** Clicks a link the way WebKit does for a mouse or the keyboard's Enter: a DOM click event. */
    private void click(String id) throws Exception {
        Fx.run(() -> {
            Element link = view.engine().getDocument().getElementById(id);
            MouseEvent click = (MouseEvent) ((DocumentEvent) view.engine().getDocument()).createEvent("MouseEvents");
            click.initMouseEvent("click", true, true, (AbstractView) null, 1, 0, 0, 0, 0,
                    false, false, false, false, (short) 0, null);
            ((EventTarget) link).dispatchEvent(click);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aMouseClickOnAWebLinkOpensTheBrowserAndTheNotesStay() throws Exception {
        String before = Fx.call(() -> view.engine().getLocation());

        robot.clickOn(view);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !opened.isEmpty());

        assertEquals(List.of("https://example.com/releases/v2.1.0"), opened);
        assertEquals(before, Fx.call(() -> view.engine().getLocation()), "the view did not navigate");
        assertTrue(Fx.pageText(view.engine()).contains("Release page"));
    }

    @Test
    void onlyHttpLinksLeaveTheApp() throws Exception {
        click("script");
        click("file");
        click("web");

        assertEquals(List.of("https://example.com/releases/v2.1.0"), opened);
        assertTrue(Fx.pageText(view.engine()).contains("script link"), "still the notes");
    }

    @Test
    void javaScriptIsOffAndTheThemeFollowsDarkMode() throws Exception {
        assertFalse(Fx.call(() -> view.engine().isJavaScriptEnabled()));
        assertTrue(Fx.call(() -> themeCss()).contains(NotesStyle.css(false)));

        Fx.run(() -> view.darkProperty().set(true));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Fx.call(this::themeCss).contains(NotesStyle.css(true)));
        assertTrue(Fx.pageText(view.engine()).contains("Release page"));
    }

    private String themeCss() {
        Element style = view.engine().getDocument() == null ? null : view.engine().getDocument().getElementById("slipway-theme");
        return style == null ? "" : style.getTextContent();
    }
}
