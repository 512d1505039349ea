package app.slipway.gui.shell;

import app.slipway.core.plan.PlanStep;
import app.slipway.core.events.Cancellation;
import app.slipway.core.events.RunListener;
import app.slipway.core.run.UpgradeResult;
import java.util.List;
import java.util.function.Function;

/**
 * What the Run page runs: an upgrade, an install or a rollback, built by the page before it from
 * the core's plan. {@code work} is called once, on a background thread, with the listener the Run
 * page binds to; it returns how the run ended. {@code cancellation} is honoured until the first
 * change to the stack.
 *
 * @param title  what the run is, e.g. "Upgrade Fixture 1.0.0 → 2.0.0"
 * @param kind   what kind of run (the Result page words its outcome by it)
 * @param steps  the steps in the order they will run, all shown from the start
 */
public record RunJob(String title, Kind kind, List<PlanStep> steps, Function<RunListener, UpgradeResult> work,
                     Cancellation cancellation) {
    public enum Kind { UPGRADE, INSTALL, ROLLBACK }

    public RunJob {
        steps = List.copyOf(steps);
    }
}
