package app.slipway.core.profile;

import app.slipway.core.SlipwayException;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads profile text into plain maps, lists and strings. Safe-loads only (no arbitrary types),
 * refuses duplicate keys, and resolves every plain scalar to a string except an empty one or
 * {@code ~}/{@code null} (null): {@code PORT: 3000}, {@code PORT: "3000"} and {@code FLAG: true}
 * all arrive as text exactly as written, so {@code 0755} or {@code 1.10} are never mangled.
 */
final class ProfileYaml {
    private ProfileYaml() {}

    /** The document's root value (usually a map), or null for an empty document. */
    static Object read(String text, String source) {
        var options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(1 << 20);
        var yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new TextOnlyResolver());
        try {
            return yaml.load(text);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            String problem = e.getProblem() != null ? e.getProblem() : e.getContext();
            throw SlipwayException.badInput("profile " + source + ": invalid YAML" + where + ": " + problem
                    + ". Fix the file and try again.");
        } catch (YAMLException e) {
            throw SlipwayException.badInput("profile " + source + ": invalid YAML: " + e.getMessage()
                    + ". Fix the file and try again.");
        }
    }

    /** Plain scalars are text; only the YAML null forms resolve to null. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }
}
