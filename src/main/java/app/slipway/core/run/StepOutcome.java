package app.slipway.core.run;

import java.time.Duration;

/** How one step of a run ended: {@code done}, {@code failed} or {@code skipped}, and how long it took. */
public record StepOutcome(PlanStep step, String result, Duration took) {}
