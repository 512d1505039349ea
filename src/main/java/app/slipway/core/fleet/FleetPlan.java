package app.slipway.core.fleet;

import app.slipway.core.fleet.FleetStacks.NodeStack;
import app.slipway.core.run.Plan;
import java.util.List;

/**
 * A rolling upgrade of a fleet: each node's own upgrade plan (the very plan `slipway plan` shows
 * for it), in rollout order — the primary first and alone, then the batches.
 *
 * @param alreadyDone nodes an interrupted fleet run had upgraded before it stopped ({@code --resume})
 */
public record FleetPlan(FleetFile fleet, String product, String from, String to, List<NodePlan> nodes,
                        List<List<String>> batches, List<String> notes, List<String> alreadyDone) {
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
        alreadyDone = List.copyOf(alreadyDone);
    }

    public NodePlan node(String name) {
        return nodes.stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    /** The primary's plan; empty when an interrupted run had already upgraded it. */
    public java.util.Optional<NodePlan> primary() {
        return nodes.stream().filter(NodePlan::primary).findFirst();
    }
}
