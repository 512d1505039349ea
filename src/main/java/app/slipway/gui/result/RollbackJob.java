package app.slipway.gui.result;

import app.slipway.core.events.Cancellation;
import app.slipway.core.host.Target;
import app.slipway.core.run.Plan;
import app.slipway.gui.shell.RunJob;

/** The Run page's job for a rollback the user asked for (Result page, or a backup on the Stack page). */
public final class RollbackJob {
    private RollbackJob() {}

    /** The rollback's plan, from the stack as it is now (it changed since anything was read). Background work. */
    public static Plan prepare(app.slipway.core.Connection connection, String dir, String profileSource,
                               app.slipway.core.rollback.RollbackOptions options) {
        var stack = app.slipway.core.stack.StackInspector.inspect(connection, dir, java.util.Optional.of(profileSource));
        return app.slipway.core.rollback.RollbackPlanner.plan(connection, stack, options,
                app.slipway.core.state.Journal.find(connection.target(), dir));
    }

    /** Hands the confirmed rollback to the Run page, which runs it. */
    public static void start(app.slipway.gui.shell.WizardSession session, app.slipway.gui.shell.Navigator navigator,
                             Target host, Plan plan) {
        session.job.set(of(host, plan));
        navigator.goTo(app.slipway.gui.shell.Navigator.Step.RUN);
    }

    public static RunJob of(Target host, Plan plan) {
        // A rollback starts changing the stack at its second step and has no checkpoint before:
        // offering Cancel would promise what it cannot keep.
        var noCancel = new Cancellation();
        noCancel.close();
        return RunJob.of("Roll back " + plan.product() + " " + plan.from() + " → " + plan.to(), host, plan, noCancel);
    }
}
