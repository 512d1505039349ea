package app.slipway.core.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Small look-ups on snakeyaml's composed node tree. */
final class YamlNodes {
    private YamlNodes() {}

    /** The value of the first entry whose key is the scalar {@code key}. */
    static Optional<Node> valueOf(MappingNode mapping, String key) {
        for (NodeTuple entry : mapping.getValue()) {
            if (key.equals(scalarText(entry.getKeyNode()))) {
                return Optional.of(entry.getValueNode());
            }
        }
        return Optional.empty();
    }

    /** The text of a scalar node, or null for anything else. */
    static String scalarText(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    static boolean isMergeKey(NodeTuple entry) {
        return Tag.MERGE.equals(entry.getKeyNode().getTag());
    }

    /** An identity set: two equal-looking nodes at different places are different nodes. */
    static Set<Node> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /**
     * The mapping followed by every mapping merged into it with {@code <<: *anchor} (recursively),
     * each once: a mapping already in {@code seen} (reached through another alias) is skipped.
     */
    static List<MappingNode> withMerges(MappingNode mapping, Set<Node> seen) {
        List<MappingNode> out = new ArrayList<>();
        collect(mapping, seen, out);
        return out;
    }

    private static void collect(MappingNode mapping, Set<Node> seen, List<MappingNode> out) {
        if (!seen.add(mapping)) {
            return;
        }
        out.add(mapping);
        for (NodeTuple entry : mapping.getValue()) {
            if (!isMergeKey(entry)) {
                continue;
            }
            if (entry.getValueNode() instanceof MappingNode merged) {
                collect(merged, seen, out);
            } else if (entry.getValueNode() instanceof SequenceNode list) {
                for (Node item : list.getValue()) {
                    if (item instanceof MappingNode merged) {
                        collect(merged, seen, out);
                    }
                }
            }
        }
    }
}
