package app.slipway.gui.shell;

import app.slipway.core.events.Cancellation;
import app.slipway.core.events.RunListener;
import app.slipway.core.host.Target;
import app.slipway.core.run.Plan;
import app.slipway.core.run.PlanStep;
import app.slipway.core.run.RunKind;
import app.slipway.core.run.RunResult;
import app.slipway.core.run.Runner;
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
 * @param steps  the steps the run can show, in order, all shown from the start: the plan's, then its way back
 * @param wayBack how many of the last {@code steps} are the way back, run only when a change fails
 * @param groups  for several servers: the server each step belongs to (its rows say so)
 * @param status  asked again every few seconds while the job runs, shown above the steps (several
 *                servers: which serve now, the rollout order); null for none
 */
public record RunJob(String title, RunKind kind, List<PlanStep> steps, int wayBack, Function<RunListener, RunResult> work,
                     Cancellation cancellation, java.util.Map<PlanStep, String> groups,
                     java.util.function.Supplier<String> status) {
    public RunJob {
        steps = List.copyOf(steps);
        groups = java.util.Collections.unmodifiableMap(new java.util.IdentityHashMap<>(groups));
    }

    public RunJob(String title, RunKind kind, List<PlanStep> steps, int wayBack, Function<RunListener, RunResult> work,
                  Cancellation cancellation) {
        this(title, kind, steps, wayBack, work, cancellation, java.util.Map.of(), null);
    }

    public RunJob(String title, RunKind kind, List<PlanStep> steps, Function<RunListener, RunResult> work,
                  Cancellation cancellation) {
        this(title, kind, steps, 0, work, cancellation);
    }

    /** The server a step belongs to, for a fleet's run ("" for one stack). */
    public String groupOf(PlanStep step) {
        return groups.getOrDefault(step, "");
    }

    /** The job that runs {@code plan} with the core's runner: what the Plan page showed is what runs. */
    public static RunJob of(String title, Target host, Plan plan, Cancellation cancellation) {
        return new RunJob(title, plan.kind(), plan.allSteps(), plan.recovery().steps().size(), listener -> new Runner(host, plan, listener, cancellation).run(),
                cancellation);
    }
}
