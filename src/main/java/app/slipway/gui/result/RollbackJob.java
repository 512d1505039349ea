package app.slipway.gui.result;

import app.slipway.core.events.Cancellation;
import app.slipway.core.host.Target;
import app.slipway.core.run.Plan;
import app.slipway.gui.shell.RunJob;

/** The Run page's job for a rollback the user asked for (Result page, or a backup on the Stack page). */
public final class RollbackJob {
    private RollbackJob() {}

    public static RunJob of(Target host, Plan plan) {
        // A rollback starts changing the stack at its second step and has no checkpoint before:
        // offering Cancel would promise what it cannot keep.
        var noCancel = new Cancellation();
        noCancel.close();
        return RunJob.of("Roll back " + plan.product() + " " + plan.from() + " → " + plan.to(), host, plan, noCancel);
    }
}
