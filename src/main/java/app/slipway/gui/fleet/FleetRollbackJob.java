package app.slipway.gui.fleet;

import app.slipway.core.events.Cancellation;
import app.slipway.core.fleet.FleetFile;
import app.slipway.core.fleet.FleetRollback;
import app.slipway.core.fleet.FleetStacks;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.RunKind;
import app.slipway.gui.shell.RunJob;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The Run page's job for {@code slipway fleet rollback} asked from the Result page: every server
 * back to the backup the last fleet upgrade took of it, the primary last (README §Several servers).
 *
 * @param stacks every server read again (the upgrade changed them); the job's to keep and close
 * @param plans  each server's rollback, in the order they run; empty when no server had been changed
 */
public record FleetRollbackJob(FleetStacks stacks, List<Plan> plans) {
    public FleetRollbackJob {
        plans = List.copyOf(plans);
    }

    /** Reads every server again and plans their way back. Background work; nothing changes. */
    public static FleetRollbackJob prepare(FleetFile fleet, boolean restoreDatabase) {
        FleetStacks stacks = FleetStacks.open(fleet);
        try {
            return new FleetRollbackJob(stacks, FleetRollback.plan(stacks, restoreDatabase, false));
        } catch (RuntimeException e) {
            stacks.close();
            throw e;
        }
    }

    /** What the user is asked before anything changes. */
    public String question() {
        return "Roll " + plans.size() + " servers back to " + plans.get(0).to() + ", "
                + String.join(", then ", plans.stream().map(p -> FleetRollback.nodeOf(stacks, p).node().name()).toList())
                + "?";
    }

    public RunJob job() {
        var steps = new ArrayList<PlanStep>();
        var groups = new IdentityHashMap<PlanStep, String>();
        for (Plan p : plans) {
            String server = FleetRollback.nodeOf(stacks, p).node().name();
            p.steps().forEach(step -> {
                steps.add(step);
                groups.put(step, server);
            });
        }
        // Like one stack's rollback: it changes from its first steps on, so there is no Cancel to offer.
        var noCancel = new Cancellation();
        noCancel.close();
        Plan first = plans.get(0);
        return new RunJob("Roll back " + first.product() + " on " + plans.size() + " servers " + first.from() + " → "
                + first.to(), RunKind.ROLLBACK, steps, 0, listener -> ServerEvents.result(RunKind.ROLLBACK,
                first.from(), first.to(), FleetRollback.run(stacks, plans, ServerEvents.byServer(listener))),
                noCancel, groups, null);
    }
}
