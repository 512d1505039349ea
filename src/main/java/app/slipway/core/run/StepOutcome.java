package app.slipway.core.run;

import app.slipway.core.plan.PlanStep;
import java.time.Duration;

/** One step's outcome for the result: done, skipped or failed, and how long it took. */
public record StepOutcome(PlanStep step, String result, Duration took) {}
