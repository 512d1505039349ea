package app.slipway.core.fleet;

import app.slipway.core.fleet.FleetStacks.NodeStack;
import app.slipway.core.run.Plan;
import java.util.List;

/**
 * A rolling upgrade of a fleet: each node's own upgrade plan (the very plan `slipway plan` shows
 * for it), in rollout order — the primary first and alone, then the batches.
 */
public record FleetPlan(FleetFile fleet, String product, String from, String to, List<NodePlan> nodes,
                        List<List<String>> batches, List<String> notes) {
    /** One node's part: its stack as read and the plan that upgrades it. */
    public record NodePlan(NodeStack node, Plan plan, boolean primary) {
        public String name() {
            return node.node().name();
        }
    }

    public FleetPlan {
        nodes = List.copyOf(nodes);
        batches = List.copyOf(batches);
        notes = List.copyOf(notes);
    }

    public NodePlan node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    public NodePlan primary() {
        return nodes.get(0);
    }
}
