package app.slipway.core.fleet;

import app.slipway.core.fleet.FleetPlan.NodePlan;
import app.slipway.core.fleet.FleetStacks.NodeStack;
import app.slipway.core.profile.BackupSpec;
import app.slipway.core.profile.Profile;
import app.slipway.core.stack.StackState;
import app.slipway.core.state.Journal;
import app.slipway.core.upgrade.UpgradeOptions;
import app.slipway.core.upgrade.UpgradePlanner;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a rolling upgrade (README §Several servers) from what was read of every node: refuses
 * nodes that differ in product, version or secrets; the primary's plan backs up the shared
 * database once, the others back up their own files and volumes only.
 */
public final class FleetPlanner {
    private FleetPlanner() {}

    public static FleetPlan plan(FleetStacks stacks, UpgradeOptions options) {
        List<NodeStack> nodes = stacks.inOrder();
        FleetParity.require(nodes);
        FleetFile fleet = stacks.fleet();
        var plans = new ArrayList<NodePlan>();
        for (NodeStack n : nodes) {
            boolean primary = n.node().name().equals(fleet.primary());
            StackState stack = primary ? n.stack() : withoutDatabase(n.stack());
            plans.add(new NodePlan(n, UpgradePlanner.plan(n.connection(), stack, options,
                    Journal.find(n.connection().target(), n.stack().files().directory())), primary));
        }
        var batches = fleet.batches().stream().map(b -> b.stream().map(FleetNode::name).toList()).toList();
        var notes = new ArrayList<String>();
        notes.add(fleet.primary() + " upgrades first and alone: the one node that migrates the database; then "
                + (batches.isEmpty() ? "nothing else" : batches.stream().map(b -> String.join(" + ", b))
                .collect(java.util.stream.Collectors.joining(", then "))) + ", each verified before the next"
                + (fleet.pause().isZero() ? "." : ", " + fleet.pause().toSeconds() + " s apart."));
        notes.add("Every node pulls the new images and takes its lock before the first change; the database is backed up"
                + " once, from " + fleet.primary() + ".");
        NodePlan first = plans.get(0);
        return new FleetPlan(fleet, first.plan().product(), first.plan().from(), first.plan().to(), plans, batches, notes);
    }

    /** A secondary node shares the primary's database: it backs up its own files and volumes only. */
    static StackState withoutDatabase(StackState stack) {
        Profile p = stack.profile();
        BackupSpec b = p.backup();
        return stack.withProfile(p.withBackup(new BackupSpec(List.of(), b.volumes(), b.directories())));
    }
}
