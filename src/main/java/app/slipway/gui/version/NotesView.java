package app.slipway.gui.version;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Worker;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.events.EventListener;
import org.w3c.dom.events.EventTarget;

/**
 * Rendered release notes: a {@link WebView} with JavaScript off that never navigates. A click on a
 * link (mouse or keyboard) is stopped inside the page and handed to {@code linkOpener} (the system
 * browser) when it is an http(s) URL; anything else is ignored. Shows {@link #placeholderProperty()}
 * while there is no page.
 */
public final class NotesView extends StackPane {
    private final WebView web = new WebView();
    private final Label placeholder = new Label();
    private final StringProperty html = new SimpleStringProperty(this, "html", "");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final Consumer<String> linkOpener;
    private final EventListener onClick = this::onClick;
    private String page = ""; // what the engine was last asked to show

    public NotesView(Consumer<String> linkOpener) {
        this.linkOpener = linkOpener;
        WebEngine engine = web.getEngine();
        engine.setJavaScriptEnabled(false);
        engine.setCreatePopupHandler(features -> null); // no new windows either
        web.setContextMenuEnabled(false); // its "Open in new window"/"Reload" would navigate
        web.setPageFill(Color.TRANSPARENT); // the window's own background, light or dark
        web.setFocusTraversable(true);
        engine.getLoadWorker().stateProperty().addListener((obs, was, now) -> {
            if (now == Worker.State.SUCCEEDED) listenForClicks(engine.getDocument());
        });
        engine.locationProperty().addListener((obs, was, now) -> onNavigation(now));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("text-muted");
        placeholder.setMaxWidth(420);
        setAlignment(placeholder, Pos.CENTER);
        html.addListener(o -> show());
        dark.addListener(o -> show());
        getChildren().addAll(web, placeholder);
        show();
    }

    /** The page to show (a whole HTML document), or empty for the placeholder. */
    public StringProperty htmlProperty() {
        return html;
    }

    /** Follows the app's theme. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    /** What shows while there are no notes. */
    public StringProperty placeholderProperty() {
        return placeholder.textProperty();
    }

    /** The engine, so tests can read the document shown. */
    WebEngine engine() {
        return web.getEngine();
    }

    private void show() {
        String content = html.get() == null ? "" : html.get();
        boolean empty = content.isBlank();
        web.setVisible(!empty);
        placeholder.setVisible(empty);
        page = empty ? "" : NotesStyle.themed(content, dark.get());
        web.getEngine().loadContent(page, "text/html");
    }

    private void listenForClicks(Document document) {
        if (document instanceof EventTarget target) target.addEventListener("click", onClick, true);
    }

    private void onClick(org.w3c.dom.events.Event event) {
        Element link = enclosingLink(event.getTarget() instanceof Node node ? node : null);
        if (link == null) return;
        event.preventDefault(); // the view itself never follows a link
        WebLinks.openable(link.getAttribute("href")).ifPresent(linkOpener);
    }

    private static Element enclosingLink(Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && "a".equalsIgnoreCase(e.getTagName())) return e;
        }
        return null;
    }

    /**
     * A navigation that got past the click listener (none should): hand a web URL to the browser
     * and put the notes back.
     */
    private void onNavigation(String location) {
        if (location == null || location.isEmpty() || location.equals("about:blank")) return;
        WebLinks.openable(location).ifPresent(linkOpener);
        Platform.runLater(() -> web.getEngine().loadContent(page, "text/html"));
    }
}
