package app.slipway.core.settings;

import app.slipway.core.SlipwayException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A mapping of a settings file, read strictly: a key given twice, or one the format does not know
 * (a typo would otherwise silently change nothing), is refused with its line.
 */
public final class SettingsMap {
    private final String file;
    private final String key;
    private final int line;
    private final Map<String, Setting> values = new LinkedHashMap<>();

    SettingsMap(MappingNode node, String file, String key) {
        this.file = file;
        this.key = key;
        this.line = node.getStartMark().getLine() + 1;
        for (NodeTuple tuple : node.getValue()) {
            int keyLine = tuple.getKeyNode().getStartMark().getLine() + 1;
            if (!(tuple.getKeyNode() instanceof ScalarNode name)) {
                throw SlipwayException.badInput(file + ", line " + keyLine + ": " + where() + "keys must be plain words.");
            }
            String child = key.equals("the file") ? name.getValue() : key + "." + name.getValue();
            if (values.put(name.getValue(), new Setting(tuple.getValueNode(), file, child)) != null) {
                throw SlipwayException.badInput(file + ", line " + keyLine + ": " + child + " is given twice; keep one.");
            }
        }
    }

    private SettingsMap(String file) {
        this.file = file;
        this.key = "the file";
        this.line = 1;
    }

    static SettingsMap empty(String file) {
        return new SettingsMap(file);
    }

    /** Refuses any key but these, naming the first unknown one and what is allowed. */
    public SettingsMap allowOnly(List<String> known) {
        for (var entry : values.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw SlipwayException.badInput(file + ", line " + entry.getValue().line() + ": " + where() + "'"
                        + entry.getKey() + "' is not a setting Slipway knows; use " + String.join(", ", known) + ".");
            }
        }
        return this;
    }

    public Optional<Setting> get(String name) {
        Setting value = values.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    public Setting required(String name) {
        return get(name).orElseThrow(() -> SlipwayException.badInput(file + ", line " + line + ": "
                + (key.equals("the file") ? name : key + "." + name) + " is missing."));
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    public List<String> keys() {
        return List.copyOf(values.keySet());
    }

    /** The mapping's key as messages name it ({@code channels[0]}). */
    public String key() {
        return key;
    }

    /** The 1-based line the mapping starts on. */
    public int line() {
        return line;
    }

    private String where() {
        return key.equals("the file") ? "" : "in " + key + ", ";
    }
}
