package app.slipway.core.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the scalars in other services that name a service, and what each should say once that
 * service is renamed: depends_on (list and map form), links ({@code name} or {@code name:alias}),
 * extends within the same file, volumes_from, and {@code service:name} in network_mode, ipc and pid.
 * Settings merged in with {@code <<: *anchor} are searched too, each anchor once.
 */
final class ServiceReferences {
    /** A scalar to rewrite and its new value. */
    record Reference(ScalarNode node, String newValue) {}

    private final String from;
    private final String to;
    private final List<Reference> found = new ArrayList<>();

    private ServiceReferences(String from, String to) {
        this.from = from;
        this.to = to;
    }

    static List<Reference> find(ComposeDocument document, String from, String to) {
        ServiceReferences references = new ServiceReferences(from, to);
        Set<Node> seen = YamlNodes.identitySet();
        for (NodeTuple service : document.serviceEntries()) {
            if (service.getValueNode() instanceof MappingNode settings) {
                for (MappingNode mapping : YamlNodes.withMerges(settings, seen)) {
                    references.inspect(mapping);
                }
            }
        }
        return references.found;
    }

    private void inspect(MappingNode settings) {
        for (NodeTuple entry : settings.getValue()) {
            String key = YamlNodes.scalarText(entry.getKeyNode());
            Node value = entry.getValueNode();
            if (key == null) {
                continue;
            }
            switch (key) {
                case "depends_on" -> dependsOn(value);
                case "links" -> eachItem(value, this::renamedLink);
                case "volumes_from" -> eachItem(value, this::renamedVolumesFrom);
                case "extends" -> extendsService(value);
                case "network_mode", "ipc", "pid" -> check(value, this::renamedServiceMode);
                default -> { }
            }
        }
    }

    private void dependsOn(Node value) {
        if (value instanceof MappingNode conditions) {
            for (NodeTuple entry : conditions.getValue()) {
                check(entry.getKeyNode(), this::renamedExactly);
            }
        } else {
            eachItem(value, this::renamedExactly);
        }
    }

    /** {@code extends: name} or {@code extends: {service: name}}; with {@code file:} it names another file's service. */
    private void extendsService(Node value) {
        if (value instanceof MappingNode spec) {
            if (YamlNodes.valueOf(spec, "file").isEmpty()) {
                for (NodeTuple entry : spec.getValue()) {
                    if ("service".equals(YamlNodes.scalarText(entry.getKeyNode()))) {
                        check(entry.getValueNode(), this::renamedExactly);
                    }
                }
            }
        } else {
            check(value, this::renamedExactly);
        }
    }

    private void eachItem(Node value, UnaryOperator<String> renamed) {
        if (value instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                check(item, renamed);
            }
        }
    }

    /** Records the scalar if {@code renamed} gives it a new value (null means it is not a reference). */
    private void check(Node node, UnaryOperator<String> renamed) {
        if (node instanceof ScalarNode scalar) {
            String newValue = renamed.apply(scalar.getValue());
            if (newValue != null) {
                found.add(new Reference(scalar, newValue));
            }
        }
    }

    private String renamedExactly(String value) {
        return value.equals(from) ? to : null;
    }

    /** {@code name} or {@code name:alias}; the alias is a host name other services may use, so it stays. */
    private String renamedLink(String value) {
        return value.equals(from) || value.startsWith(from + ":") ? to + value.substring(from.length()) : null;
    }

    /** {@code name}, {@code name:ro}, {@code service:name[:mode]}; {@code container:x} names a container. */
    private String renamedVolumesFrom(String value) {
        if (value.startsWith("container:")) {
            return null;
        }
        String prefix = value.startsWith("service:") ? "service:" : "";
        String rest = value.substring(prefix.length());
        return rest.equals(from) || rest.startsWith(from + ":") ? prefix + to + rest.substring(from.length()) : null;
    }

    private String renamedServiceMode(String value) {
        return value.equals("service:" + from) ? "service:" + to : null;
    }
}
