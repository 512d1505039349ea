package app.slipway.gui.result;

import app.slipway.core.events.Cancellation;
import app.slipway.core.run.RollbackRun;
import app.slipway.gui.shell.RunJob;

/** The Run page's job for a rollback the user asked for on the Result page. */
final class RollbackJob {
    private RollbackJob() {}

    static RunJob of(RollbackRun run, String product) {
        // A rollback starts changing the stack at its second step and has no checkpoint before:
        // offering Cancel would promise what it cannot keep.
        var noCancel = new Cancellation();
        noCancel.close();
        return new RunJob("Roll back " + product + " " + run.from() + " → " + run.to(), RunJob.Kind.ROLLBACK,
                run.plannedSteps(), run::run, noCancel);
    }
}
