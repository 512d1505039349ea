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
        FleetFile fleet = stacks.fleet();
        var journal = FleetRecord.journal(fleet);
        if (journal.isPresent() && !options.resume()) {
            throw app.slipway.core.SlipwayException.refused(FleetStatus.interrupted(fleet).orElseThrow()
                    .replace("or upgrade again.", "or 'slipway fleet upgrade --resume' to finish it."));
        }
        if (options.resume() && journal.isEmpty()) {
            throw app.slipway.core.SlipwayException.badInput("There is no interrupted fleet run of " + fleet.file().getFileName()
                    + " to resume: upgrade without --resume.");
        }
        FleetParity.require(nodes, journal.map(j -> java.util.Set.of(j.from(), j.to())).orElse(java.util.Set.of()));
        var plans = new ArrayList<NodePlan>();
        var done = new ArrayList<String>();
        for (NodeStack n : nodes) {
            boolean primary = n.node().name().equals(fleet.primary());
            var interrupted = Journal.find(n.connection().target(), n.stack().files().directory());
            if (journal.isPresent() && interrupted.isEmpty() && journal.get().upgraded().contains(n.node().name())) {
                done.add(n.node().name()); // upgraded before the run stopped: nothing left to do there
                continue;
            }
            StackState stack = primary ? n.stack() : withoutDatabase(n.stack());
            UpgradeOptions mine = new UpgradeOptions(options.toVersion(), options.skipBackup(), options.breakLock(),
                    interrupted.isPresent() && options.resume(), options.sets(), options.rewritePinnedTags(),
                    options.keepBackups());
            plans.add(new NodePlan(n, UpgradePlanner.plan(n.connection(), stack, mine, interrupted), primary));
        }
        var batches = fleet.batches().stream()
                .map(b -> b.stream().map(FleetNode::name).filter(name -> !done.contains(name)).toList())
                .filter(b -> !b.isEmpty()).toList();
        var notes = new ArrayList<String>();
        notes.add(fleet.primary() + " upgrades first and alone: the one node that migrates the database; then "
                + (batches.isEmpty() ? "nothing else" : batches.stream().map(b -> String.join(" + ", b))
                .collect(java.util.stream.Collectors.joining(", then "))) + ", each verified before the next"
                + (fleet.pause().isZero() ? "." : ", " + fleet.pause().toSeconds() + " s apart."));
        notes.add("Every node pulls the new images and takes its lock before the first change; the database is backed up"
                + " once, from " + fleet.primary() + ".");
        if (!done.isEmpty()) notes.add("Resuming: " + String.join(", ", done) + " had been upgraded already.");
        if (plans.isEmpty()) {
            throw app.slipway.core.SlipwayException.badInput("Every node of " + fleet.file().getFileName()
                    + " is upgraded already: nothing to resume.");
        }
        NodePlan first = plans.get(0);
        String from = journal.map(FleetRecord::from).orElse(first.plan().from());
        return new FleetPlan(fleet, first.plan().product(), from, first.plan().to(), plans, batches, notes, done);
    }

    /** A secondary node shares the primary's database: it backs up its own files and volumes only. */
    static StackState withoutDatabase(StackState stack) {
        Profile p = stack.profile();
        BackupSpec b = p.backup();
        return stack.withProfile(p.withBackup(new BackupSpec(List.of(), b.volumes(), b.directories())));
    }
}
