package app.slipway.core.run;

/** What a step does when the runner reaches it; everything it needs was decided by the planner. */
@FunctionalInterface
public interface StepAction {
    void run(RunContext run) throws Exception;

    /** For steps whose work was done before the run (connect, read) or is the runner's own (record). */
    StepAction NOTHING = run -> {};
}
