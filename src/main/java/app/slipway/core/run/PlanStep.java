package app.slipway.core.run;

import app.slipway.core.host.Command;
import java.util.List;

/**
 * One step of a plan: what it does in sentences a self-hoster reads, the exact command lines it
 * runs on the target, whether it changes the stack, and the action that does it. The action runs
 * what the step shows: {@code plan} prints this object and the runner executes it.
 *
 * @param skipped shown, never run; the reason is in {@code details}
 */
public record PlanStep(int number, StepKind kind, String title, List<String> details, List<Command> commands,
                       boolean changesTheStack, boolean skipped, StepAction action) {
    public PlanStep {
        details = List.copyOf(details);
        commands = List.copyOf(commands);
    }

    /** The first line of the details: why a skipped step is skipped. */
    public String reason() {
        return details.isEmpty() ? "" : details.get(0);
    }
}
