package app.slipway.core.settings;

import app.slipway.core.SlipwayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One value of a settings file with where it stands, so a wrong one is refused in one sentence
 * naming the file, the line and the key: {@code policy.yml, line 3: level must be patch, minor or
 * major (got 'minr').} Scalars are taken as the text written ({@code 1.10} stays {@code 1.10}).
 */
public final class Setting {
    private final Node node;
    private final String file;
    private final String key;

    Setting(Node node, String file, String key) {
        this.node = node;
        this.file = file;
        this.key = key;
    }

    /** The 1-based line the value starts on. */
    public int line() {
        return node.getStartMark().getLine() + 1;
    }

    /** The key as messages name it ({@code channels[1].url}). */
    public String key() {
        return key;
    }

    /** A scalar's text, stripped; a mapping or a list is refused. */
    public String text(String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw invalid("must be " + what + ", not a " + (node instanceof MappingNode ? "mapping" : "list"));
        }
        return scalar.getValue().strip();
    }

    /** Non-empty text. */
    public String nonEmptyText(String what) {
        String text = text(what);
        if (text.isEmpty()) throw invalid("must be " + what + " (it is empty)");
        return text;
    }

    /** {@code true} or {@code false} (any case). */
    public boolean bool() {
        String text = text("true or false").toLowerCase(Locale.ROOT);
        if (text.equals("true")) return true;
        if (text.equals("false")) return false;
        throw invalid("must be true or false (got '" + text + "')");
    }

    /** A whole number from {@code min} to {@code max}. */
    public int integer(int min, int max) {
        String text = text("a whole number");
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException ignored) {
            // refused below, with the range
        }
        throw invalid("must be a whole number from " + min + " to " + max + " (got '" + text + "')");
    }

    /** The items of a list; a single scalar counts as a list of one ({@code to: ops@example.com}). */
    public List<Setting> list() {
        if (node instanceof ScalarNode) return List.of(this);
        if (!(node instanceof SequenceNode sequence)) throw invalid("must be a list, not a mapping");
        var items = new ArrayList<Setting>();
        for (int i = 0; i < sequence.getValue().size(); i++) {
            items.add(new Setting(sequence.getValue().get(i), file, key + "[" + i + "]"));
        }
        return items;
    }

    public SettingsMap mapping() {
        if (!(node instanceof MappingNode mapping)) {
            throw invalid("must be a mapping (key: value lines)" + (node instanceof SequenceNode ? ", not a list" : ""));
        }
        return new SettingsMap(mapping, file, key);
    }

    /** {@code key:} with nothing after it, or a plain {@code ~}/{@code null}: as if the key were absent. */
    boolean isNull() {
        if (!(node instanceof ScalarNode scalar) || scalar.getScalarStyle() != org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
            return false;
        }
        String text = scalar.getValue().strip();
        return text.isEmpty() || text.equals("~") || text.equalsIgnoreCase("null");
    }

    /** This value refused: {@code FILE, line N: KEY MUST-BE.} */
    public SlipwayException invalid(String mustBe) {
        return SlipwayException.badInput(file + ", line " + line() + ": " + key + " " + mustBe + ".");
    }
}
