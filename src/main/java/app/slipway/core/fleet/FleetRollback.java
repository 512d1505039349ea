package app.slipway.core.fleet;

import app.slipway.core.ExitCode;
import app.slipway.core.SlipwayException;
import app.slipway.core.events.RunListener;
import app.slipway.core.fleet.FleetStacks.NodeStack;
import app.slipway.core.rollback.RollbackOptions;
import app.slipway.core.rollback.RollbackPlanner;
import app.slipway.core.run.Plan;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
import app.slipway.core.state.Journal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code fleet rollback}: every node back to the backup the last successful fleet upgrade took of
 * it, the reverse of the rollout order (the primary, the database's one writer, last). The
 * database is restored only when asked, and only on the primary.
 */
public final class FleetRollback {
    private FleetRollback() {}

    /** Each node's rollback plan, in the order they run; refuses when no fleet upgrade is recorded. */
    public static List<Plan> plan(FleetStacks stacks, boolean restoreDatabase, boolean breakLock) {
        FleetFile fleet = stacks.fleet();
        var interrupted = FleetRecord.journal(fleet);
        FleetRecord last = interrupted.or(() -> FleetRecord.last(fleet)).orElseThrow(() -> SlipwayException.badInput(
                "No fleet upgrade of " + fleet.file().getFileName() + " is recorded on this machine, so there is nothing"
                + " to return to: roll each node back with slipway rollback --host … --dir …."));
        var nodes = new ArrayList<>(stacks.inOrder());
        Collections.reverse(nodes);
        var plans = new ArrayList<Plan>();
        for (NodeStack n : nodes) {
            var own = Journal.find(n.connection().target(), n.stack().files().directory());
            if (interrupted.isPresent() && own.isPresent()) {
                // the node the interrupted run was changing: back to the snapshot its own journal names
                plans.add(RollbackPlanner.plan(n.connection(), n.stack(),
                        new RollbackOptions(Optional.empty(), false, breakLock), own));
                continue;
            }
            if (interrupted.isPresent() && !last.upgraded().contains(n.node().name())) {
                continue; // the interrupted run never reached it
            }
            String backup = last.nodes().get(n.node().name());
            if (backup == null) {
                throw SlipwayException.badInput("The last fleet upgrade took no backup of " + n.node().name()
                        + " (--skip-backup), so the fleet cannot be returned to it: roll the nodes back one by one.");
            }
            boolean primary = n.node().name().equals(fleet.primary());
            plans.add(RollbackPlanner.plan(n.connection(), n.stack(),
                    new RollbackOptions(Optional.of(backup), restoreDatabase && primary, breakLock),
                    Journal.find(n.connection().target(), n.stack().files().directory())));
        }
        return plans;
    }

    /** The node {@code plan} (one of {@link #plan}'s) returns. */
    public static NodeStack nodeOf(FleetStacks stacks, Plan plan) {
        return stacks.inOrder().stream().filter(n -> (n.connection().target().describe() + n.stack().files().directory())
                .equals(plan.target() + plan.directory())).findFirst().orElseThrow();
    }

    public static FleetResult run(FleetStacks stacks, List<Plan> plans, Function<String, RunListener> listeners) {
        if (plans.isEmpty()) {
            FleetRecord.endJournal(stacks.fleet());
            return new FleetResult(ExitCode.DONE, "No node had been changed: nothing to roll back.", java.util.Map.of());
        }
        var results = new LinkedHashMap<String, RunResult>();
        ExitCode worst = ExitCode.DONE;
        for (Plan plan : plans) {
            NodeStack n = nodeOf(stacks, plan);
            RunResult r = new Runner(n.connection().target(), plan, listeners.apply(n.node().name())).run();
            results.put(n.node().name(), r);
            if (r.exitCode() != ExitCode.DONE) {
                worst = r.exitCode();
                return new FleetResult(worst, "The fleet rollback stopped at " + n.node().name() + ": " + r.message(), results);
            }
        }
        FleetRecord.endJournal(stacks.fleet());
        return new FleetResult(ExitCode.DONE, "Every node is back on " + plans.get(0).to() + " ("
                + String.join(", then ", results.keySet()) + ").", results);
    }
}
