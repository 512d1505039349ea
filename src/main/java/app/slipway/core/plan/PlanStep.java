package app.slipway.core.plan;

import app.slipway.core.host.Command;
import java.util.List;

/**
 * One step of a plan: what it will do, in sentences a self-hoster reads, and the command lines
 * it runs on the target. {@code skipped} steps are shown, with the reason in their details.
 */
public record PlanStep(int number, StepKind kind, List<String> details, List<Command> commands, boolean skipped) {
    public PlanStep {
        details = List.copyOf(details);
        commands = List.copyOf(commands);
    }

    public String title() {
        return kind.title;
    }
}
