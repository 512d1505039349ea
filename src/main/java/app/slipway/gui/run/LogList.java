package app.slipway.gui.run;

import atlantafx.base.theme.Styles;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The live log: a virtualised monospace list (thousands of lines stay cheap) that follows new lines
 * while its end is in view, and stays put once the user scrolls up to read, until they scroll back
 * down to the end.
 */
final class LogList extends ListView<LogEntry> {
    static final String STYLE_CLASS = "run-log";

    private boolean follow = true;
    private boolean scrollToEnd;

    LogList(ObservableList<LogEntry> lines) {
        super(lines);
        getStyleClass().addAll(STYLE_CLASS, Styles.DENSE);
        setStyle("-fx-font-family: monospace; -fx-font-size: 12px;");
        setCellFactory(v -> new LineCell());
        setFocusTraversable(true);
        setAccessibleText("Log");

        // Only the user's own scrolling decides whether to follow; new lines never do.
        Runnable recheck = () -> Platform.runLater(() -> follow = endInView());
        addEventFilter(ScrollEvent.SCROLL, e -> recheck.run());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> recheck.run());
        addEventFilter(MouseEvent.MOUSE_RELEASED, e -> recheck.run());
        addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> recheck.run());
        lines.addListener((ListChangeListener<LogEntry>) change -> {
            if (follow) {
                scrollToEnd = true;
                requestLayout();
            }
        });
    }

    /**
     * Scrolls once the list has taken in its new lines: a scroll asked for before that is undone
     * when the list re-counts its cells.
     */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        if (scrollToEnd && lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            scrollToEnd = false;
            flow.setPosition(1);
        }
    }

    /** Whether the list is scrolled to its end (or everything fits): the vertical bar is at its maximum. */
    boolean endInView() {
        for (Node node : lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.VERTICAL) {
                return !bar.isVisible() || bar.getValue() >= bar.getMax() - 1e-3;
            }
        }
        return true;
    }

    private static final class LineCell extends ListCell<LogEntry> {
        @Override
        protected void updateItem(LogEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            setText(empty || entry == null ? null : entry.toString());
            // looked-up colours: right in the light and the dark theme alike
            setStyle("-fx-padding: 1px 8px;"
                    + (!empty && entry != null && entry.isNotice() ? " -fx-text-fill: -color-accent-fg;" : ""));
        }
    }
}
