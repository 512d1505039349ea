package app.slipway.gui.shell;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The first row of a page's grid table: bold, muted column titles. */
public final class TableHeader {
    private TableHeader() {}

    public static void add(GridPane table, String... titles) {
        for (int c = 0; c < titles.length; c++) {
            var h = new Label(titles[c]);
            h.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_MUTED);
            table.add(h, c, 0);
        }
    }
}
