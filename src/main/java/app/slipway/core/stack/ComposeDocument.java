package app.slipway.core.stack;

import app.slipway.core.SlipwayException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A compose file's node tree (never loaded into maps, so marks point into the original text)
 * and its {@code services:} mapping.
 */
final class ComposeDocument {
    private final String fileName;
    private final MappingNode services;

    private ComposeDocument(String fileName, MappingNode services) {
        this.fileName = fileName;
        this.services = services;
    }

    static ComposeDocument parse(String text, String fileName) {
        Node root = compose(text, fileName);
        Node services = root instanceof MappingNode top ? YamlNodes.valueOf(top, "services").orElse(null) : null;
        if (!(services instanceof MappingNode servicesMapping)) {
            throw SlipwayException.badInput(fileName + " has no 'services:' mapping, so it is not a Compose file"
                    + " Slipway can work with; check that the right file is in the install directory.");
        }
        ComposeDocument document = new ComposeDocument(fileName, servicesMapping);
        document.refuseDuplicateServices();
        return document;
    }

    MappingNode services() {
        return services;
    }

    /** The service entries, in file order; {@code <<} merges into services: itself are not services. */
    List<NodeTuple> serviceEntries() {
        List<NodeTuple> entries = new ArrayList<>();
        for (NodeTuple entry : services.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode && !YamlNodes.isMergeKey(entry)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    List<String> serviceNames() {
        return serviceEntries().stream().map(entry -> ((ScalarNode) entry.getKeyNode()).getValue()).toList();
    }

    Optional<NodeTuple> service(String name) {
        return serviceEntries().stream()
                .filter(entry -> ((ScalarNode) entry.getKeyNode()).getValue().equals(name))
                .findFirst();
    }

    private void refuseDuplicateServices() {
        Set<String> seen = new HashSet<>();
        for (String name : serviceNames()) {
            if (!seen.add(name)) {
                // compose refuses these too; editing one of two would leave the file ambiguous
                throw SlipwayException.badInput(fileName + " defines the service '" + name + "' twice;"
                        + " remove one of them and try again.");
            }
        }
    }

    private static Node compose(String text, String fileName) {
        LoaderOptions options = new LoaderOptions();
        // Composing shares aliased nodes instead of expanding them, so many aliases are harmless.
        options.setMaxAliasesForCollections(10_000);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // Only snakeyaml's problem and position: its snippet of the line could hold a secret.
            throw SlipwayException.badInput(fileName + " is not valid YAML: " + problemOf(e) + "; fix the file and try again.");
        } catch (YAMLException e) {
            throw SlipwayException.badInput(fileName + " is not valid YAML: " + e.getMessage() + "; fix the file and try again.");
        }
    }

    /** "while scanning X (line a, column b): found Y (line c, column d)", without the snippet. */
    private static String problemOf(MarkedYAMLException e) {
        String problem = e.getProblem() + at(e.getProblemMark());
        return e.getContext() == null ? problem : e.getContext() + at(e.getContextMark()) + ": " + problem;
    }

    private static String at(Mark mark) {
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }
}
