package app.slipway.gui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/** All the text a node shows (labels, fields, list items, table rows), for assertions and failure messages. */
final class TextOf {
    private TextOf() {}

    static String node(Node node) {
        var sb = new StringBuilder();
        collect(node, sb);
        return sb.toString().strip();
    }

    private static void collect(Node node, StringBuilder sb) {
        if (node == null || !node.isVisible()) return;
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) sb.append(l.getText()).append('\n');
        if (node instanceof Text t && t.getText() != null && !t.getText().isBlank()) sb.append(t.getText()).append('\n');
        if (node instanceof TextInputControl t) sb.append(t.getText()).append('\n');
        if (node instanceof ListView<?> list) list.getItems().forEach(i -> sb.append(i).append('\n'));
        if (node instanceof TableView<?> table) table.getItems().forEach(i -> sb.append(i).append('\n'));
        if (node instanceof Parent p && !(node instanceof ListView<?>) && !(node instanceof TableView<?>)) {
            p.getChildrenUnmodifiable().forEach(child -> collect(child, sb));
        }
    }
}
