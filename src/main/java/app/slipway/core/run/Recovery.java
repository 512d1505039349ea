package app.slipway.core.run;

import java.util.List;

/**
 * The way back a plan carries for a failure after its first change: {@code checkpoint} runs just
 * before that change (it keeps what the steps will restore: a snapshot), {@code steps} run, in
 * order, when a changing step fails. A plan without steps has no way back: such a failure ends
 * with exit 5 and the plan's own words.
 */
public record Recovery(StepAction checkpoint, List<PlanStep> steps) {
    public static final Recovery NONE = new Recovery(StepAction.NOTHING, List.of());

    public Recovery {
        steps = List.copyOf(steps);
    }

    public boolean possible() {
        return !steps.isEmpty();
    }
}
