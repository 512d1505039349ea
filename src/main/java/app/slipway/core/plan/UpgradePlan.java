package app.slipway.core.plan;

import java.util.List;

/** Every step an upgrade of one stack to one version takes, built before anything changes. */
public record UpgradePlan(String target, String directory, String product, String from, String to,
                          List<String> notes, List<PlanStep> steps) {
    public UpgradePlan {
        notes = List.copyOf(notes);
        steps = List.copyOf(steps);
    }

    public PlanStep step(StepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow();
    }
}
