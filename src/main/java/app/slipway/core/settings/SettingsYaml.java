package app.slipway.core.settings;

import app.slipway.core.SlipwayException;
import java.io.StringReader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a small settings file Slipway only reads, never writes ({@code policy.yml}, {@code notify.yml}):
 * the YAML node tree, so every complaint can name its line (see {@link Setting}). Nothing is
 * constructed from tags or anchors; an empty file is an empty mapping.
 */
public final class SettingsYaml {
    private SettingsYaml() {}

    /**
     * @param file how messages name the file ({@code /srv/app/.slipway/policy.yml})
     * @throws SlipwayException bad input naming the line when the text is not YAML or not a mapping
     */
    public static SettingsMap read(String text, String file) {
        var options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1 << 20);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw SlipwayException.badInput(file + (mark == null ? "" : ", line " + (mark.getLine() + 1))
                    + ": this is not valid YAML (" + problem + "); fix the file and try again.");
        } catch (YAMLException e) {
            throw SlipwayException.badInput(file + ": this is not valid YAML (" + e.getMessage() + "); fix the file and try again.");
        }
        if (root == null) return SettingsMap.empty(file);
        Setting top = new Setting(root, file, "the file");
        if (!(root instanceof MappingNode)) throw top.invalid("must be a mapping of settings (key: value lines)");
        return top.mapping();
    }
}
